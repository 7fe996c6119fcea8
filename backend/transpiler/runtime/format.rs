// CPython's text forms of values: repr(float), repr(str), str()/repr() of
// containers (the PyFmt trait) and the format-spec mini-language (PyFormat).

// @helper py_float_repr
/// CPython's `repr(x)` / `str(x)` for a float: shortest round-trip digits, `1e+16`, `1.5e-05`.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    // `{:e}` gives the shortest digits that round-trip, e.g. "1.2345e-5".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let n = digits.len() as i32;
    if !(-4..16).contains(&exp) {
        let rest = if n > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{}{rest}e{esign}{:02}", &digits[..1], exp.abs())
    } else if exp < 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else if n <= exp + 1 {
        format!("{sign}{digits}{}.0", "0".repeat((exp + 1 - n) as usize))
    } else {
        let (int, frac) = digits.split_at((exp + 1) as usize);
        format!("{sign}{int}.{frac}")
    }
}
// @end

// @helper py_char_printable
/// Python's `str.isprintable()` for one char (not Cc/Cf/Cs/Co/Cn/Zl/Zp, nor Zs except ' ').
fn py_char_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    // Rust's escape_debug uses the same printable table; a leading 'a' keeps
    // combining marks (printable in Python) from being escaped as grapheme extenders.
    let probe: String = ['a', c].iter().collect();
    probe.escape_debug().eq(probe.chars())
}
// @end

// @helper py_str_repr
// @needs py_char_printable
/// CPython's `repr(s)` for a str: quote choice and escapes (`\n`, `\x07`, `\u200b`, ...).
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_char_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}
// @end

// @helper py_fmt
// @needs py_float_repr, py_str_repr
/// Python's `str(x)` and `repr(x)` (what `print` and f-strings show).
#[allow(dead_code)]
trait PyFmt {
    /// `str(x)`; for containers and numbers this is the repr.
    fn py_str(&self) -> String {
        self.py_repr()
    }
    /// `repr(x)`.
    fn py_repr(&self) -> String;
}

/// Joins the reprs of `items` with ", ", as Python containers do.
fn py_fmt_join<'a, T: PyFmt + 'a>(items: impl IntoIterator<Item = &'a T>) -> String {
    items.into_iter().map(PyFmt::py_repr).collect::<Vec<_>>().join(", ")
}

macro_rules! py_fmt_int {
    ($($t:ty),*) => {$(
        impl PyFmt for $t {
            fn py_repr(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
py_fmt_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl PyFmt for f64 {
    fn py_repr(&self) -> String {
        py_float_repr(*self)
    }
}

impl PyFmt for bool {
    fn py_repr(&self) -> String {
        if *self { "True" } else { "False" }.to_string()
    }
}

impl PyFmt for () {
    fn py_repr(&self) -> String {
        "None".to_string()
    }
}

impl PyFmt for str {
    fn py_str(&self) -> String {
        self.to_string()
    }
    fn py_repr(&self) -> String {
        py_str_repr(self)
    }
}

impl PyFmt for String {
    fn py_str(&self) -> String {
        self.clone()
    }
    fn py_repr(&self) -> String {
        py_str_repr(self)
    }
}

impl PyFmt for char {
    fn py_str(&self) -> String {
        self.to_string()
    }
    fn py_repr(&self) -> String {
        py_str_repr(&self.to_string())
    }
}

impl<T: PyFmt> PyFmt for Option<T> {
    fn py_str(&self) -> String {
        self.as_ref().map_or_else(|| "None".to_string(), PyFmt::py_str)
    }
    fn py_repr(&self) -> String {
        self.as_ref().map_or_else(|| "None".to_string(), PyFmt::py_repr)
    }
}

impl<T: PyFmt + ?Sized> PyFmt for &T {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl<T: PyFmt + ?Sized> PyFmt for &mut T {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl<T: PyFmt + ?Sized> PyFmt for Box<T> {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl<T: PyFmt + ?Sized> PyFmt for std::rc::Rc<T> {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
}

impl<T: PyFmt + ?Sized> PyFmt for std::cell::RefCell<T> {
    fn py_str(&self) -> String {
        self.borrow().py_str()
    }
    fn py_repr(&self) -> String {
        self.borrow().py_repr()
    }
}

impl<T: PyFmt> PyFmt for [T] {
    fn py_repr(&self) -> String {
        format!("[{}]", py_fmt_join(self))
    }
}

impl<T: PyFmt, const N: usize> PyFmt for [T; N] {
    fn py_repr(&self) -> String {
        format!("[{}]", py_fmt_join(self))
    }
}

impl<T: PyFmt> PyFmt for Vec<T> {
    fn py_repr(&self) -> String {
        format!("[{}]", py_fmt_join(self))
    }
}

impl<T: PyFmt> PyFmt for std::collections::VecDeque<T> {
    fn py_repr(&self) -> String {
        format!("deque([{}])", py_fmt_join(self))
    }
}

/// A set's repr with its elements in ascending order (`set()` when empty).
fn py_fmt_set<'a, T: PyFmt + Ord + 'a>(items: impl IntoIterator<Item = &'a T>) -> String {
    let mut items: Vec<&T> = items.into_iter().collect();
    if items.is_empty() {
        return "set()".to_string();
    }
    items.sort();
    format!("{{{}}}", py_fmt_join(items))
}

impl<T: PyFmt + Ord, S> PyFmt for std::collections::HashSet<T, S> {
    fn py_repr(&self) -> String {
        py_fmt_set(self)
    }
}

impl<T: PyFmt + Ord> PyFmt for std::collections::BTreeSet<T> {
    fn py_repr(&self) -> String {
        py_fmt_set(self)
    }
}

impl<A: PyFmt> PyFmt for (A,) {
    fn py_repr(&self) -> String {
        format!("({},)", self.0.py_repr())
    }
}

macro_rules! py_fmt_tuple {
    ($($name:ident . $idx:tt),+) => {
        impl<$($name: PyFmt),+> PyFmt for ($($name,)+) {
            fn py_repr(&self) -> String {
                let parts = [$(self.$idx.py_repr()),+];
                format!("({})", parts.join(", "))
            }
        }
    };
}
py_fmt_tuple!(A.0, B.1);
py_fmt_tuple!(A.0, B.1, C.2);
py_fmt_tuple!(A.0, B.1, C.2, D.3);
py_fmt_tuple!(A.0, B.1, C.2, D.3, E.4);
py_fmt_tuple!(A.0, B.1, C.2, D.3, E.4, F.5);
// @end

// @helper py_format
// @needs py_float_repr
/// Python's `format(x, spec)` / f-string `{x:spec}` (the format-spec mini-language).
#[allow(dead_code)]
trait PyFormat {
    fn py_format(&self, spec: &str) -> String;
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct PySpec {
    fill: char,
    align: char,
    sign: char,
    z: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

/// Parses a format spec; `default_align` is '<' for str and '>' for numbers.
fn py_parse_spec(spec: &str, default_align: char) -> PySpec {
    let c: Vec<char> = spec.chars().collect();
    let mut s = PySpec {
        fill: ' ',
        align: default_align,
        sign: '-',
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |ch: Option<&char>| matches!(ch, Some('<' | '>' | '=' | '^'));
    let mut i = 0;
    let (mut fill_given, mut align_given) = (false, false);
    if c.len() >= 2 && is_align(c.get(1)) {
        (s.fill, s.align, i, fill_given, align_given) = (c[0], c[1], 2, true, true);
    } else if is_align(c.first()) {
        (s.align, i, align_given) = (c[0], 1, true);
    }
    if let Some(&sign @ ('+' | '-' | ' ')) = c.get(i) {
        s.sign = sign;
        i += 1;
    }
    if c.get(i) == Some(&'z') {
        s.z = true;
        i += 1;
    }
    if c.get(i) == Some(&'#') {
        s.alt = true;
        i += 1;
    }
    if !fill_given && c.get(i) == Some(&'0') {
        s.fill = '0';
        if !align_given && default_align == '>' {
            s.align = '=';
        }
        i += 1;
    }
    let digits = |i: &mut usize| -> Option<usize> {
        let start = *i;
        while c.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
        c[start..*i].iter().collect::<String>().parse().ok()
    };
    s.width = digits(&mut i).unwrap_or(0);
    if let Some(&g @ (',' | '_')) = c.get(i) {
        s.grouping = Some(g);
        i += 1;
    }
    if c.get(i) == Some(&'.') {
        i += 1;
        s.precision = Some(digits(&mut i).unwrap_or_else(|| panic!("ValueError: Format specifier missing precision")));
    }
    s.ty = c.get(i).copied();
    if c.len() > i + 1 {
        panic!("ValueError: Invalid format specifier '{spec}'");
    }
    s
}

/// Pads `body` to the spec's width with its fill and alignment ('=' pads after `lead`).
fn py_pad(s: &PySpec, lead: &str, body: &str) -> String {
    let n = s.width.saturating_sub(lead.chars().count() + body.chars().count());
    let fill = |k: usize| s.fill.to_string().repeat(k);
    match s.align {
        '<' => format!("{lead}{body}{}", fill(n)),
        '^' => format!("{}{lead}{body}{}", fill(n / 2), fill(n - n / 2)),
        '=' => format!("{lead}{}{body}", fill(n)),
        _ => format!("{}{lead}{body}", fill(n)),
    }
}

/// Inserts `sep` every `size` digits from the right; zero-pads to at least `min_width`
/// the way CPython does for `0` padding with grouping (never a leading separator).
fn py_group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut count = 0;
    for d in digits.chars().rev() {
        if count > 0 && count % size == 0 {
            out.push(sep);
        }
        out.push(d);
        count += 1;
    }
    while out.len() < min_width {
        if count > 0 && count % size == 0 {
            out.push(sep);
        }
        out.push('0');
        count += 1;
    }
    out.iter().rev().collect()
}

/// Lays out a formatted number: sign, prefix (`0x`), grouped integer digits, then `rest`.
fn py_format_number(s: &PySpec, negative: bool, prefix: &str, int_digits: &str, rest: &str) -> String {
    let sign = match (negative, s.sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    };
    let lead = format!("{sign}{prefix}");
    let digits = match s.grouping {
        Some(sep) => {
            let size = if matches!(s.ty, Some('b' | 'o' | 'x' | 'X')) { 4 } else { 3 };
            let zero_pad = s.fill == '0' && s.align == '=';
            let min = if zero_pad { s.width.saturating_sub(lead.len() + rest.chars().count()) } else { 0 };
            py_group_digits(int_digits, sep, size, min)
        }
        None => int_digits.to_string(),
    };
    py_pad(s, &lead, &format!("{digits}{rest}"))
}

/// `format(n, spec)` for an int (types d b o x X c n and none; float types convert).
fn py_format_int(n: i128, spec: &str) -> String {
    let s = py_parse_spec(spec, '>');
    if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        return py_format_float(n as f64, spec);
    }
    if s.precision.is_some() {
        panic!("ValueError: Precision not allowed in integer format specifier");
    }
    if let (Some(g), Some(t @ ('b' | 'o' | 'x' | 'X' | 'c' | 'n'))) = (s.grouping, s.ty) {
        if g == ',' || matches!(t, 'c' | 'n') {
            panic!("ValueError: Cannot specify '{g}' with '{t}'.");
        }
    }
    let abs = n.unsigned_abs();
    let (prefix, digits) = match s.ty {
        None | Some('d' | 'n') => ("", abs.to_string()),
        Some('b') => ("0b", format!("{abs:b}")),
        Some('o') => ("0o", format!("{abs:o}")),
        Some('x') => ("0x", format!("{abs:x}")),
        Some('X') => ("0X", format!("{abs:X}")),
        Some('c') => {
            if s.sign != '-' {
                panic!("ValueError: Sign not allowed with integer format specifier 'c'");
            }
            let c = u32::try_from(n).ok().and_then(char::from_u32);
            let c = c.unwrap_or_else(|| panic!("OverflowError: %c arg not in range(0x110000)"));
            return py_pad(&s, "", &c.to_string());
        }
        Some(t) => panic!("ValueError: Unknown format code '{t}' for object of type 'int'"),
    };
    let prefix = if s.alt { prefix } else { "" };
    py_format_number(&s, n < 0, prefix, &digits, "")
}

/// Rust's `{:.p$e}` ("1.5e3") in Python's exponent style ("1.5e+03", `E` for upper).
fn py_sci(x: f64, precision: usize, alt: bool, upper: bool) -> String {
    let text = format!("{:.*e}", precision, x);
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let dot = if alt && precision == 0 { "." } else { "" };
    let e = if upper { 'E' } else { 'e' };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}{dot}{e}{esign}{:02}", exp.abs())
}

/// The 'g' type: `p` significant digits, fixed or scientific by the exponent;
/// `add_dot_0` is the no-type-with-precision variant (at least one decimal place).
fn py_general(x: f64, p: usize, alt: bool, upper: bool, add_dot_0: bool) -> String {
    let p = p.max(1);
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i64 = sci.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
    let strip = |t: String| -> String {
        if alt || !t.contains('.') {
            return t;
        }
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if exp < -4 || exp >= limit {
        let text = py_sci(x, p - 1, alt, upper);
        let (mantissa, exponent) = text.split_at(text.find(['e', 'E']).unwrap_or(text.len()));
        format!("{}{exponent}", strip(mantissa.to_string()))
    } else {
        let mut t = strip(format!("{:.*}", (p as i64 - 1 - exp) as usize, x));
        if !t.contains('.') && (alt || add_dot_0) {
            t.push_str(if add_dot_0 && !alt { ".0" } else { "." });
        }
        t
    }
}

/// `format(x, spec)` for a float (types e E f F g G n % and none).
fn py_format_float(x: f64, spec: &str) -> String {
    let s = py_parse_spec(spec, '>');
    if let Some(t) = s.ty.filter(|t| !"eEfFgGn%".contains(*t)) {
        panic!("ValueError: Unknown format code '{t}' for object of type 'float'");
    }
    if let (Some('n'), Some(g)) = (s.ty, s.grouping) {
        panic!("ValueError: Cannot specify '{g}' with 'n'.");
    }
    let upper = matches!(s.ty, Some('E' | 'F' | 'G'));
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let mut body = if !x.is_finite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        let word = if upper { word.to_uppercase() } else { word.to_string() };
        if s.ty == Some('%') { format!("{word}%") } else { word }
    } else {
        match (s.ty, s.precision) {
            (None, None) => py_float_repr(a),
            (None, Some(p)) => py_general(a, p, s.alt, false, true),
            (Some('f' | 'F'), p) => {
                let p = p.unwrap_or(6);
                let dot = if s.alt && p == 0 { "." } else { "" };
                format!("{:.*}{dot}", p, a)
            }
            (Some('e' | 'E'), p) => py_sci(a, p.unwrap_or(6), s.alt, upper),
            (Some('%'), p) => {
                let p = p.unwrap_or(6);
                let dot = if s.alt && p == 0 { "." } else { "" };
                format!("{:.*}{dot}%", p, a * 100.0)
            }
            (Some(_), p) => py_general(a, p.unwrap_or(6), s.alt, upper, false), // 'g' 'G' 'n'
        }
    };
    if s.z && negative && x.is_finite() && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        negative = false;
    }
    if !x.is_finite() {
        return py_format_number(&PySpec { grouping: None, ..s }, negative, "", &body, "");
    }
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let rest = body.split_off(split);
    py_format_number(&s, negative, "", &body, &rest)
}

/// `format(s, spec)` for a str: fill, align, width and precision (truncation).
fn py_format_str(text: &str, spec: &str) -> String {
    let s = py_parse_spec(spec, '<');
    if s.sign != '-' {
        panic!("ValueError: Sign not allowed in string format specifier");
    }
    if s.alt {
        panic!("ValueError: Alternate form (#) not allowed in string format specifier");
    }
    if s.align == '=' {
        panic!("ValueError: '=' alignment not allowed in string format specifier");
    }
    if let Some(g) = s.grouping {
        panic!("ValueError: Cannot specify '{g}' with 's'.");
    }
    if let Some(t) = s.ty.filter(|&t| t != 's') {
        panic!("ValueError: Unknown format code '{t}' for object of type 'str'");
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    py_pad(&s, "", &body)
}

macro_rules! py_format_ints {
    ($($t:ty),*) => {$(
        impl PyFormat for $t {
            fn py_format(&self, spec: &str) -> String {
                py_format_int(*self as i128, spec)
            }
        }
    )*};
}
py_format_ints!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl PyFormat for f64 {
    fn py_format(&self, spec: &str) -> String {
        py_format_float(*self, spec)
    }
}

impl PyFormat for bool {
    fn py_format(&self, spec: &str) -> String {
        if spec.is_empty() {
            return if *self { "True" } else { "False" }.to_string();
        }
        py_format_int(i128::from(*self), spec)
    }
}

impl PyFormat for str {
    fn py_format(&self, spec: &str) -> String {
        py_format_str(self, spec)
    }
}

impl PyFormat for String {
    fn py_format(&self, spec: &str) -> String {
        py_format_str(self, spec)
    }
}

impl PyFormat for char {
    fn py_format(&self, spec: &str) -> String {
        py_format_str(&self.to_string(), spec)
    }
}

impl<T: PyFormat + ?Sized> PyFormat for &T {
    fn py_format(&self, spec: &str) -> String {
        (**self).py_format(spec)
    }
}
// @end

// @helper py_percent
// @needs py_format, py_float_repr
/// One value for `py_percent`: numbers keep their value, anything else brings its
/// `str()` and `repr()` (computed where the type is known).
#[allow(dead_code)]
enum PyPercentArg {
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String, String),
}

/// `template % args` for a template known only at run time: CPython's printf-style
/// conversions `s r a d i u x X o c e E f F g G %`, flags `-+ #0`, widths and precisions
/// (also `*`). Errors CPython raises are panics with its message.
#[allow(dead_code)]
fn py_percent(template: &str, args: &[PyPercentArg]) -> String {
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut next = 0;
    let mut i = 0;
    let take = |next: &mut usize| -> &PyPercentArg {
        let arg = args
            .get(*next)
            .unwrap_or_else(|| panic!("TypeError: not enough arguments for format string"));
        *next += 1;
        arg
    };
    let star = |arg: &PyPercentArg| -> i64 {
        match arg {
            PyPercentArg::Int(v) => *v,
            PyPercentArg::Bool(b) => i64::from(*b),
            _ => panic!("TypeError: * wants int"),
        }
    };
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let at = |i: usize| chars.get(i).copied();
        if at(i) == Some('(') {
            panic!("TypeError: format requires a mapping");
        }
        let mut flags = String::new();
        while let Some(c) = at(i).filter(|c| "-+ #0".contains(*c)) {
            flags.push(c);
            i += 1;
        }
        let mut width = 0usize;
        if at(i) == Some('*') {
            let w = star(take(&mut next));
            if w < 0 {
                flags.push('-');
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while let Some(d) = at(i).and_then(|c| c.to_digit(10)) {
                width = width * 10 + d as usize;
                i += 1;
            }
        }
        let mut precision: Option<usize> = None;
        if at(i) == Some('.') {
            i += 1;
            if at(i) == Some('*') {
                precision = Some(star(take(&mut next)).max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while let Some(d) = at(i).and_then(|c| c.to_digit(10)) {
                    p = p * 10 + d as usize;
                    i += 1;
                }
                precision = Some(p);
            }
        }
        while at(i).is_some_and(|c| "hlL".contains(c)) {
            i += 1; // length modifiers: accepted and ignored, as in CPython
        }
        let kind = at(i).unwrap_or_else(|| panic!("ValueError: incomplete format"));
        i += 1;
        if kind == '%' {
            out.push('%');
            continue;
        }
        let arg = take(&mut next);
        out.push_str(&py_percent_one(arg, kind, &flags, width, precision, i - 1));
    }
    if next < args.len() {
        panic!("TypeError: not all arguments converted during string formatting");
    }
    out
}

/// Pads `body` to `width`: left-aligned with `-`, else zeros after `head` with `0`
/// (numbers only), else spaces in front.
#[allow(dead_code)]
fn py_percent_pad(head: &str, body: &str, flags: &str, width: usize, zeros: bool) -> String {
    let len = head.chars().count() + body.chars().count();
    let fill = width.saturating_sub(len);
    if flags.contains('-') {
        format!("{head}{body}{}", " ".repeat(fill))
    } else if zeros && flags.contains('0') {
        format!("{head}{}{body}", "0".repeat(fill))
    } else {
        format!("{}{head}{body}", " ".repeat(fill))
    }
}

#[allow(dead_code)]
fn py_percent_one(
    arg: &PyPercentArg,
    kind: char,
    flags: &str,
    width: usize,
    precision: Option<usize>,
    position: usize,
) -> String {
    use PyPercentArg::*;
    match kind {
        's' | 'r' | 'a' => {
            let text = match arg {
                Int(v) => v.to_string(),
                Float(x) => py_float_repr(*x),
                Bool(b) => if *b { "True" } else { "False" }.to_string(),
                Text(s, r) => if kind == 's' { s.clone() } else { r.clone() },
            };
            let text = if kind == 'a' {
                text.chars()
                    .map(|c| match c as u32 {
                        0..=0x7f => c.to_string(),
                        0x80..=0xff => format!("\\x{:02x}", c as u32),
                        0x100..=0xffff => format!("\\u{:04x}", c as u32),
                        n => format!("\\U{n:08x}"),
                    })
                    .collect()
            } else {
                text
            };
            let body: String = match precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            py_percent_pad("", &body, flags, width, false)
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let value: i128 = match arg {
                Int(v) => i128::from(*v),
                Bool(b) => i128::from(*b),
                Float(x) if "diu".contains(kind) => {
                    if x.is_nan() {
                        panic!("ValueError: cannot convert float NaN to integer");
                    }
                    if x.is_infinite() {
                        panic!("OverflowError: cannot convert float infinity to integer");
                    }
                    x.trunc() as i128
                }
                Float(_) => {
                    panic!("TypeError: %{kind} format: an integer is required, not float")
                }
                Text(..) if "diu".contains(kind) => {
                    panic!("TypeError: %{kind} format: a real number is required, not str")
                }
                Text(..) => panic!("TypeError: %{kind} format: an integer is required, not str"),
            };
            let magnitude = value.unsigned_abs();
            let mut digits = match kind {
                'x' => format!("{magnitude:x}"),
                'X' => format!("{magnitude:X}"),
                'o' => format!("{magnitude:o}"),
                _ => magnitude.to_string(),
            };
            if let Some(p) = precision {
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            let sign = if value < 0 {
                "-"
            } else if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let prefix = match (flags.contains('#'), kind) {
                (true, 'x') => "0x",
                (true, 'X') => "0X",
                (true, 'o') => "0o",
                _ => "",
            };
            py_percent_pad(&format!("{sign}{prefix}"), &digits, flags, width, true)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match arg {
                Int(v) => *v as f64,
                Float(x) => *x,
                Bool(b) => f64::from(u8::from(*b)),
                Text(..) => panic!("TypeError: must be real number, not str"),
            };
            let mut spec = String::new();
            if flags.contains('-') {
                spec.push('<');
            }
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !flags.contains('-') {
                spec.push('0');
            }
            if width > 0 {
                spec.push_str(&width.to_string());
            }
            spec.push_str(&format!(".{}", precision.unwrap_or(6)));
            spec.push(kind);
            x.py_format(&spec)
        }
        'c' => {
            let c = match arg {
                Int(v) => u32::try_from(*v)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("OverflowError: %c arg not in range(0x110000)")),
                Text(s, _) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                _ => panic!("TypeError: %c requires int or char"),
            };
            py_percent_pad("", &c.to_string(), flags, width, false)
        }
        _ => panic!(
            "ValueError: unsupported format character '{kind}' (0x{:x}) at index {position}",
            kind as u32
        ),
    }
}
// @end
