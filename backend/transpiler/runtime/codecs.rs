// Text encodings (`bytes.decode`, `str.encode`) with CPython's error messages.

// @helper py_decode_utf8
// @needs py_exception
/// `data.decode("utf-8")`: UnicodeDecodeError names the bad byte(s) and the reason as
/// CPython does (Rust's `error_len` is the same maximal invalid prefix CPython reports).
fn py_decode_utf8(data: &[u8]) -> Result<String, PyException> {
    let e = match std::str::from_utf8(data) {
        Ok(text) => return Ok(text.to_string()),
        Err(e) => e,
    };
    let start = e.valid_up_to();
    let (len, reason) = match e.error_len() {
        None => (data.len() - start, "unexpected end of data"),
        Some(n) => {
            let b = data[start];
            let bad_start = (0x80..=0xc1).contains(&b) || b >= 0xf5;
            (usize::from(n), if n == 1 && bad_start { "invalid start byte" } else { "invalid continuation byte" })
        }
    };
    let place = if len == 1 {
        format!("byte 0x{:02x} in position {}", data[start], start)
    } else {
        format!("bytes in position {}-{}", start, start + len - 1)
    };
    Err(PyException::new("UnicodeDecodeError", format!("'utf-8' codec can't decode {}: {}", place, reason)))
}
// @end

// @helper py_decode_ascii
// @needs py_exception
/// `data.decode("ascii")`.
fn py_decode_ascii(data: &[u8]) -> Result<String, PyException> {
    match data.iter().position(|&b| b >= 0x80) {
        None => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Some(i) => Err(PyException::new(
            "UnicodeDecodeError",
            format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", data[i], i),
        )),
    }
}
// @end

// @helper py_encode_ascii
// @needs py_exception
/// `s.encode("ascii")`: a run of non-ASCII characters is reported as one range, as in CPython.
fn py_encode_ascii(s: &str) -> Result<Vec<u8>, PyException> {
    let chars: Vec<char> = s.chars().collect();
    let Some(start) = chars.iter().position(|c| !c.is_ascii()) else {
        return Ok(s.as_bytes().to_vec());
    };
    let end = chars[start..].iter().position(|c| c.is_ascii()).map_or(chars.len(), |n| start + n);
    let place = if end - start == 1 {
        let code = u32::from(chars[start]);
        let escaped = match code {
            0..=0xff => format!("\\x{:02x}", code),
            0x100..=0xffff => format!("\\u{:04x}", code),
            _ => format!("\\U{:08x}", code),
        };
        format!("character '{}' in position {}", escaped, start)
    } else {
        format!("characters in position {}-{}", start, end - 1)
    };
    Err(PyException::new("UnicodeEncodeError", format!("'ascii' codec can't encode {}: ordinal not in range(128)", place)))
}
// @end

// @helper py_maketrans
// @needs py_dict
/// `str.maketrans(x, y)`: a table from the ordinals of `x` to those of `y`.
fn py_maketrans(x: &str, y: &str) -> PyDict<i64, i64> {
    if x.chars().count() != y.chars().count() {
        panic!("ValueError: the first two maketrans arguments must have equal length");
    }
    x.chars().zip(y.chars()).map(|(a, b)| (i64::from(u32::from(a)), i64::from(u32::from(b)))).collect()
}
// @end

// @helper py_maketrans_deleting
// @needs py_maketrans
/// `str.maketrans(x, y, z)`: as `maketrans(x, y)`, and the characters of `z` map to None.
fn py_maketrans_deleting(x: &str, y: &str, z: &str) -> PyDict<i64, Option<i64>> {
    let mut table: PyDict<i64, Option<i64>> = py_maketrans(x, y).into_iter().map(|(k, v)| (k, Some(v))).collect();
    for c in z.chars() {
        table.insert(i64::from(u32::from(c)), None);
    }
    table
}
// @end

// @helper py_maketrans_keys
// @needs py_dict
/// `str.maketrans(d)` with one-character `str` keys: the same table keyed by ordinals.
fn py_maketrans_keys<V: Clone>(d: &PyDict<String, V>) -> PyDict<i64, V> {
    let mut table = PyDict::new();
    for (k, v) in d.iter() {
        let mut chars = k.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => table.insert(i64::from(u32::from(c)), v.clone()),
            _ => panic!("ValueError: string keys in translate table must be of length 1"),
        };
    }
    table
}
// @end

// @helper py_translate
// @needs py_dict
/// `s.translate(table)`: a value is an ordinal, a replacement string, or None (delete).
#[allow(dead_code)]
trait PyTranslation {
    fn py_translate_into(&self, out: &mut String);
}
impl PyTranslation for i64 {
    fn py_translate_into(&self, out: &mut String) {
        match u32::try_from(*self).ok().and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => panic!("ValueError: character mapping must be in range(0x110000)"),
        }
    }
}
impl PyTranslation for String {
    fn py_translate_into(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl PyTranslation for &str {
    fn py_translate_into(&self, out: &mut String) {
        out.push_str(self);
    }
}
impl PyTranslation for () {
    fn py_translate_into(&self, _out: &mut String) {}
}
impl<T: PyTranslation> PyTranslation for Option<T> {
    fn py_translate_into(&self, out: &mut String) {
        if let Some(v) = self {
            v.py_translate_into(out);
        }
    }
}
fn py_translate<V: PyTranslation>(s: &str, table: &PyDict<i64, V>) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table.get(&i64::from(u32::from(c))) {
            Some(v) => v.py_translate_into(&mut out),
            None => out.push(c),
        }
    }
    out
}
// @end
