// Python str methods with character (not byte) indices and Python's Unicode rules.

// @helper py_char_isspace
/// Python's `str.isspace()` for one char (Unicode White_Space plus \x1c-\x1f).
fn py_char_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}
// @end

// @helper py_slice_indices
/// The indices `range(len)[start:stop:step]` selects (CPython's PySlice_AdjustIndices).
fn py_slice_indices(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
    if step == 0 {
        panic!("ValueError: slice step cannot be zero");
    }
    let len = len as i64;
    let clamp = |i: Option<i64>, default: i64| -> i64 {
        match i {
            None => default,
            Some(i) if i < 0 => (i + len).max(if step < 0 { -1 } else { 0 }),
            Some(i) => i.min(if step < 0 { len - 1 } else { len }),
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(start, 0), clamp(stop, len))
    } else {
        (clamp(start, len - 1), clamp(stop, -1))
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        match i.checked_add(step) {
            Some(next) => i = next,
            None => break,
        }
    }
    out
}
// @end

// @helper py_str_index
/// Python's `s[i]` for a str: by character, negative from the end.
fn py_str_index(s: &str, i: i64) -> String {
    let len = s.chars().count() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        panic!("IndexError: string index out of range");
    }
    s.chars().nth(j as usize).map(String::from).unwrap_or_default()
}
// @end

// @helper py_str_slice
// @needs py_slice_indices
/// Python's `s[start:stop:step]` for a str, by character.
fn py_str_slice(s: &str, start: Option<i64>, stop: Option<i64>, step: i64) -> String {
    let chars: Vec<char> = s.chars().collect();
    py_slice_indices(chars.len(), start, stop, step).into_iter().map(|i| chars[i]).collect()
}
// @end

// @helper py_str_find
/// Python's `s.find(sub)`: character index of the first match, or -1.
fn py_str_find(s: &str, sub: &str) -> i64 {
    s.find(sub).map_or(-1, |b| s[..b].chars().count() as i64)
}
// @end

// @helper py_str_rfind
/// Python's `s.rfind(sub)`: character index of the last match, or -1.
fn py_str_rfind(s: &str, sub: &str) -> i64 {
    s.rfind(sub).map_or(-1, |b| s[..b].chars().count() as i64)
}
// @end

// @helper py_str_index_of
// @needs py_str_find
/// Python's `s.index(sub)`: like find, but a miss raises ValueError.
fn py_str_index_of(s: &str, sub: &str) -> i64 {
    match py_str_find(s, sub) {
        -1 => panic!("ValueError: substring not found"),
        i => i,
    }
}
// @end

// @helper py_str_count
/// Python's `s.count(sub)`: non-overlapping matches; an empty `sub` counts len + 1.
fn py_str_count(s: &str, sub: &str) -> i64 {
    if sub.is_empty() {
        return s.chars().count() as i64 + 1;
    }
    s.matches(sub).count() as i64
}
// @end

// @helper py_str_split
// @needs py_char_isspace
/// Python's `s.split(sep, maxsplit)`: `None` splits on whitespace runs; maxsplit -1 = no limit.
fn py_str_split(s: &str, sep: Option<&str>, maxsplit: i64) -> Vec<String> {
    match sep {
        Some("") => panic!("ValueError: empty separator"),
        Some(sep) if maxsplit < 0 => s.split(sep).map(String::from).collect(),
        Some(sep) => s.splitn(maxsplit as usize + 1, sep).map(String::from).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(py_char_isspace);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(py_char_isspace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(py_char_isspace);
            }
            out
        }
    }
}
// @end

// @helper py_str_rsplit
// @needs py_char_isspace
/// Python's `s.rsplit(sep, maxsplit)`: like split, but the splits are made from the right.
fn py_str_rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> Vec<String> {
    let mut out: Vec<String> = match sep {
        Some("") => panic!("ValueError: empty separator"),
        Some(sep) if maxsplit < 0 => return s.split(sep).map(String::from).collect(),
        Some(sep) => s.rsplitn(maxsplit as usize + 1, sep).map(String::from).collect(),
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(py_char_isspace);
            while !rest.is_empty() {
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(py_char_isspace).map_or(0, |b| b + rest[b..].chars().next().map_or(1, char::len_utf8));
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(py_char_isspace);
            }
            out
        }
    };
    out.reverse();
    out
}
// @end

// @helper py_str_splitlines
/// Python's `s.splitlines()`: splits at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
fn py_str_splitlines(s: &str) -> Vec<String> {
    let is_break = |c: char| matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
    let mut out = Vec::new();
    let mut line = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if is_break(c) {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push(std::mem::take(&mut line));
        } else {
            line.push(c);
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}
// @end

// @helper py_str_strip
/// Python's `s.strip(chars)`: removes any of `chars` from both ends.
fn py_str_strip(s: &str, chars: &str) -> String {
    s.trim_matches(|c| chars.contains(c)).to_string()
}
// @end

// @helper py_str_lstrip
/// Python's `s.lstrip(chars)`.
fn py_str_lstrip(s: &str, chars: &str) -> String {
    s.trim_start_matches(|c| chars.contains(c)).to_string()
}
// @end

// @helper py_str_rstrip
/// Python's `s.rstrip(chars)`.
fn py_str_rstrip(s: &str, chars: &str) -> String {
    s.trim_end_matches(|c| chars.contains(c)).to_string()
}
// @end

// @helper py_str_zfill
/// Python's `s.zfill(width)`: zeros after a leading sign.
fn py_str_zfill(s: &str, width: i64) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    let zeros = "0".repeat((width - len) as usize);
    match s.chars().next() {
        Some(sign @ ('+' | '-')) => format!("{sign}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    }
}
// @end

// @helper py_str_center
/// Python's `s.center(width, fill)` (CPython puts the odd extra fill char on the left
/// when `width` is odd).
fn py_str_center(s: &str, width: i64, fill: char) -> String {
    let len = s.chars().count() as i64;
    if width <= len {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    let pad = |n: i64| fill.to_string().repeat(n as usize);
    format!("{}{s}{}", pad(left), pad(marg - left))
}
// @end

// @helper py_str_ljust
/// Python's `s.ljust(width, fill)`.
fn py_str_ljust(s: &str, width: i64, fill: char) -> String {
    let n = (width - s.chars().count() as i64).max(0) as usize;
    format!("{s}{}", fill.to_string().repeat(n))
}
// @end

// @helper py_str_rjust
/// Python's `s.rjust(width, fill)`.
fn py_str_rjust(s: &str, width: i64, fill: char) -> String {
    let n = (width - s.chars().count() as i64).max(0) as usize;
    format!("{}{s}", fill.to_string().repeat(n))
}
// @end

// @helper py_str_isdigit
/// Python's `s.isdigit()`: non-empty and all digits (ASCII exact; other scripts by Unicode Numeric).
fn py_str_isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()))
}
// @end

// @helper py_str_isalpha
/// Python's `s.isalpha()`: non-empty and all letters.
fn py_str_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}
// @end

// @helper py_str_isalnum
/// Python's `s.isalnum()`: non-empty and all letters or digits.
fn py_str_isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}
// @end

// @helper py_str_isspace
// @needs py_char_isspace
/// Python's `s.isspace()`: non-empty and all whitespace.
fn py_str_isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_char_isspace)
}
// @end

// @helper py_char_istitle
/// True for titlecase letters (Unicode Lt, e.g. 'ǅ'): cased but neither upper nor lower.
fn py_char_istitle(c: char) -> bool {
    !c.is_uppercase() && !c.is_lowercase() && (c.to_lowercase().ne([c]) || c.to_uppercase().ne([c]))
}
// @end

// @helper py_str_isupper
// @needs py_char_istitle
/// Python's `s.isupper()`: at least one cased char and no lowercase or titlecase ones.
fn py_str_isupper(s: &str) -> bool {
    !s.chars().any(|c| c.is_lowercase() || py_char_istitle(c)) && s.chars().any(char::is_uppercase)
}
// @end

// @helper py_str_islower
// @needs py_char_istitle
/// Python's `s.islower()`: at least one cased char and no uppercase or titlecase ones.
fn py_str_islower(s: &str) -> bool {
    !s.chars().any(|c| c.is_uppercase() || py_char_istitle(c)) && s.chars().any(char::is_lowercase)
}
// @end

// @helper py_str_istitle
// @needs py_char_istitle
/// Python's `s.istitle()`: uppercase/titlecase only at word starts, lowercase only after a cased char.
fn py_str_istitle(s: &str) -> bool {
    let (mut cased, mut previous_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || py_char_istitle(c) {
            if previous_cased {
                return false;
            }
            (previous_cased, cased) = (true, true);
        } else if c.is_lowercase() {
            if !previous_cased {
                return false;
            }
            (previous_cased, cased) = (true, true);
        } else {
            previous_cased = false;
        }
    }
    cased
}
// @end

// @helper py_str_capitalize
/// Python's `s.capitalize()`: first char upper, the rest lower (final sigma aware).
fn py_str_capitalize(s: &str) -> String {
    let Some(first) = s.chars().next() else {
        return String::new();
    };
    let lower = s.to_lowercase(); // lowercases in context (final 'ς')
    let skip = first.to_lowercase().count();
    first.to_uppercase().chain(lower.chars().skip(skip)).collect()
}
// @end

// @helper py_str_title
// @needs py_str_capitalize, py_char_istitle
/// Python's `s.title()`: each run of cased letters gets an upper first char, the rest lower.
fn py_str_title(s: &str) -> String {
    let is_cased = |c: char| c.is_uppercase() || c.is_lowercase() || py_char_istitle(c);
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        if is_cased(c) {
            word.push(c);
        } else {
            out.push_str(&py_str_capitalize(&std::mem::take(&mut word)));
            out.push(c);
        }
    }
    out.push_str(&py_str_capitalize(&word));
    out
}
// @end

// @helper py_str_swapcase
/// Python's `s.swapcase()`: upper <-> lower per char (final sigma aware).
fn py_str_swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let cased = |i: usize| chars.get(i).is_some_and(|c| c.is_uppercase() || c.is_lowercase());
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == 'Σ' {
            let is_final = i > 0 && cased(i - 1) && !cased(i + 1);
            out.push(if is_final { 'ς' } else { 'σ' });
        } else if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}
// @end

// @helper py_chr
/// Python's `chr(i)`.
fn py_chr(i: i64) -> String {
    if !(0..0x110000).contains(&i) {
        panic!("ValueError: chr() arg not in range(0x110000)");
    }
    match char::from_u32(i as u32) {
        Some(c) => c.to_string(),
        None => panic!("ValueError: chr({i}) is a surrogate, which a Rust String cannot hold"),
    }
}
// @end

// @helper py_ord
/// Python's `ord(s)`: the code point of a one-character string.
fn py_ord(s: &str) -> i64 {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c as i64,
        _ => panic!("TypeError: ord() expected a character, but string of length {} found", s.chars().count()),
    }
}
// @end

// @helper py_str_window
/// CPython's index adjustment for `s.find(sub, start, end)` and friends: the character
/// window `[start, end)` (start may lie past the end, which makes every search miss) and
/// the byte offsets of its ends.
fn py_str_window(s: &str, start: Option<i64>, end: Option<i64>) -> (i64, i64, usize, usize) {
    let len = s.chars().count() as i64;
    let adjust = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = start.map_or(0, adjust);
    let end = end.map_or(len, adjust).min(len);
    let byte = |i: i64| s.char_indices().nth(i as usize).map_or(s.len(), |(b, _)| b);
    (start, end, byte(start.min(len)), byte(end))
}
// @end

// @helper py_str_affix_in
// @needs py_str_window
/// Python's `s.startswith(affix, start, end)` (`endswith` with `suffix`): positions by
/// character, adjusted as `find` adjusts them (a start past the end never matches).
fn py_str_affix_in(
    s: &str,
    affix: &str,
    start: Option<i64>,
    end: Option<i64>,
    suffix: bool,
) -> bool {
    let (start, end, lo, hi) = py_str_window(s, start, end);
    if end - start < affix.chars().count() as i64 {
        return false;
    }
    if suffix {
        s[lo..hi].ends_with(affix)
    } else {
        s[lo..hi].starts_with(affix)
    }
}
// @end

// @helper py_str_find_in
// @needs py_str_window
/// Python's `s.find(sub, start, end)`: character index in `s`, or -1.
fn py_str_find_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (start, end, lo, hi) = py_str_window(s, start, end);
    if end - start < sub.chars().count() as i64 {
        return -1;
    }
    s[lo..hi].find(sub).map_or(-1, |b| start + s[lo..lo + b].chars().count() as i64)
}
// @end

// @helper py_str_rfind_in
// @needs py_str_window
/// Python's `s.rfind(sub, start, end)`: character index in `s` of the last match, or -1.
fn py_str_rfind_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (start, end, lo, hi) = py_str_window(s, start, end);
    if end - start < sub.chars().count() as i64 {
        return -1;
    }
    s[lo..hi].rfind(sub).map_or(-1, |b| start + s[lo..lo + b].chars().count() as i64)
}
// @end

// @helper py_str_index_in
// @needs py_str_find_in
/// Python's `s.index(sub, start, end)`: like find, but a miss raises ValueError.
fn py_str_index_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match py_str_find_in(s, sub, start, end) {
        -1 => panic!("ValueError: substring not found"),
        i => i,
    }
}
// @end

// @helper py_str_rindex_in
// @needs py_str_rfind_in
/// Python's `s.rindex(sub, start, end)`: like rfind, but a miss raises ValueError.
fn py_str_rindex_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match py_str_rfind_in(s, sub, start, end) {
        -1 => panic!("ValueError: substring not found"),
        i => i,
    }
}
// @end

// @helper py_str_count_in
// @needs py_str_window
/// Python's `s.count(sub, start, end)`: non-overlapping matches inside the window.
fn py_str_count_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (start, end, lo, hi) = py_str_window(s, start, end);
    if end - start < sub.chars().count() as i64 {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    s[lo..hi].matches(sub).count() as i64
}
// @end

// @helper py_str_partition
/// Python's `s.partition(sep)`: (before, sep, after), or (s, "", "") without a match.
fn py_str_partition(s: &str, sep: &str) -> (String, String, String) {
    if sep.is_empty() {
        panic!("ValueError: empty separator");
    }
    match s.split_once(sep) {
        Some((before, after)) => (before.to_string(), sep.to_string(), after.to_string()),
        None => (s.to_string(), String::new(), String::new()),
    }
}
// @end

// @helper py_str_rpartition
/// Python's `s.rpartition(sep)`: split at the last match, or ("", "", s) without one.
fn py_str_rpartition(s: &str, sep: &str) -> (String, String, String) {
    if sep.is_empty() {
        panic!("ValueError: empty separator");
    }
    match s.rsplit_once(sep) {
        Some((before, after)) => (before.to_string(), sep.to_string(), after.to_string()),
        None => (String::new(), String::new(), s.to_string()),
    }
}
// @end

// @helper py_str_expandtabs
/// Python's `s.expandtabs(tabsize)`: tabs to spaces up to the next multiple of tabsize
/// (the column restarts after `\n` and `\r`; tabsize <= 0 removes tabs).
fn py_str_expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0i64;
    for c in s.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let spaces = tabsize - column % tabsize;
                out.extend(std::iter::repeat(' ').take(spaces as usize));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}
// @end

// @helper py_str_casefold
/// Python's `s.casefold()`: lowercase plus the common full case foldings (`ß` -> `ss`,
/// final `ς` -> `σ`); rarer foldings (ligatures, some Greek and Armenian forms) follow
/// `to_lowercase`.
fn py_str_casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ß' => out.push_str("ss"),
            'ς' => out.push('σ'),
            _ => out.push(c),
        }
    }
    out
}
// @end

// @helper py_bytes_repr
/// Python's `repr(b)` / `str(b)` for bytes: `b'caf\xc3\xa9'` (double quotes when the bytes
/// hold a `'` and no `"`).
fn py_bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("b{quote}");
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}
// @end

// @helper py_stringio
/// Python's `io.StringIO()`: an in-memory text stream. `write(s)` and `print(..., file=)`
/// (through `write!`, which calls `write_fmt`) append at its end; `getvalue()` reads it all.
/// Not `Clone`: Python shares one stream between the names bound to it.
#[allow(dead_code)]
#[derive(Debug, Default)]
struct PyStringIO {
    buf: String,
}

#[allow(dead_code)]
impl PyStringIO {
    fn new() -> Self {
        Self::default()
    }

    /// `stream.write(s)`: the number of characters written.
    fn write(&mut self, s: &str) -> i64 {
        self.buf.push_str(s);
        s.chars().count() as i64
    }

    fn write_fmt(&mut self, args: std::fmt::Arguments) {
        std::fmt::Write::write_fmt(&mut self.buf, args).unwrap();
    }

    fn getvalue(&self) -> String {
        self.buf.clone()
    }
}
// @end
