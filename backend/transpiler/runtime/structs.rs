// Python's `struct` module for fixed formats: byte orders `@ = < > !`, codes
// `x b B ? h H i I l L q Q f d` with repeat counts; CPython's sizes, native alignment and
// error messages (`struct.error: ...`).

// @helper py_struct
/// One value packed or unpacked by `struct` (Python passes ints, floats and bools).
#[allow(dead_code)]
#[derive(Clone, Copy, Debug, PartialEq)]
enum PyStructItem {
    Int(i64),
    Float(f64),
    Bool(bool),
}
#[allow(dead_code)]
impl PyStructItem {
    fn int(self) -> i64 {
        match self {
            PyStructItem::Int(v) => v,
            PyStructItem::Float(v) => v as i64,
            PyStructItem::Bool(v) => i64::from(v),
        }
    }
    fn float(self) -> f64 {
        match self {
            PyStructItem::Int(v) => v as f64,
            PyStructItem::Float(v) => v,
            PyStructItem::Bool(v) => f64::from(u8::from(v)),
        }
    }
    fn bool(self) -> bool {
        match self {
            PyStructItem::Int(v) => v != 0,
            PyStructItem::Float(v) => v != 0.0,
            PyStructItem::Bool(v) => v,
        }
    }
}

/// A parsed format: (code, byte offset, size) of every field, the total size, little-endian?
fn py_struct_layout(fmt: &str) -> (Vec<(char, usize, usize)>, usize, bool) {
    let bad = || -> ! { panic!("struct.error: bad char in struct format") };
    let mut chars = fmt.chars().peekable();
    let (native, little) = match chars.peek() {
        Some('@') => (true, cfg!(target_endian = "little")),
        Some('=') => (false, cfg!(target_endian = "little")),
        Some('<') => (false, true),
        Some('>') | Some('!') => (false, false),
        _ => (true, cfg!(target_endian = "little")),
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let (mut fields, mut offset) = (Vec::new(), 0usize);
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let (count, code) = if c.is_ascii_digit() {
            let mut n = c.to_digit(10).unwrap() as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        n = n.checked_mul(10).and_then(|n| n.checked_add(d.to_digit(10).unwrap() as usize))
                            .unwrap_or_else(|| panic!("struct.error: total struct size too long"));
                    }
                    Some(code) => break (n, code),
                    None => panic!("struct.error: repeat count given without format specifier"),
                }
            }
        } else {
            (1, c)
        };
        let size = match code {
            'x' | 'b' | 'B' | '?' => 1,
            'h' | 'H' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' => if native { std::mem::size_of::<std::os::raw::c_long>() } else { 4 },
            'q' | 'Q' | 'd' => 8,
            _ => bad(),
        };
        if native && code != 'x' {
            offset = offset.div_ceil(size) * size; // C alignment of each item
        }
        for _ in 0..count {
            if code != 'x' {
                fields.push((code, offset, size));
            }
            offset += size;
        }
    }
    (fields, offset, little)
}

// @end

// @helper py_struct_calcsize
// @needs py_struct
/// `struct.calcsize(fmt)`.
fn py_struct_calcsize(fmt: &str) -> i64 {
    py_struct_layout(fmt).1 as i64
}
// @end

// @helper py_struct_pack
// @needs py_struct
/// `struct.pack(fmt, *items)`.
fn py_struct_pack(fmt: &str, items: &[PyStructItem]) -> Vec<u8> {
    let (fields, size, little) = py_struct_layout(fmt);
    if fields.len() != items.len() {
        panic!("struct.error: pack expected {} items for packing (got {})", fields.len(), items.len());
    }
    let mut out = vec![0u8; size];
    for (&(code, offset, width), &item) in fields.iter().zip(items) {
        let bytes: Vec<u8> = match code {
            'f' => {
                let x = item.float();
                let y = x as f32;
                if y.is_infinite() && !x.is_infinite() {
                    panic!("OverflowError: float too large to pack with f format");
                }
                if little { y.to_le_bytes().to_vec() } else { y.to_be_bytes().to_vec() }
            }
            'd' => {
                let x = item.float();
                if little { x.to_le_bytes().to_vec() } else { x.to_be_bytes().to_vec() }
            }
            '?' => vec![u8::from(item.bool())],
            _ => {
                if let PyStructItem::Float(_) = item {
                    panic!("struct.error: required argument is not an integer");
                }
                let raw = py_struct_int_bytes(code, width, item.int()).to_le_bytes();
                let mut b = raw[..width].to_vec();
                if !little {
                    b.reverse();
                }
                b
            }
        };
        out[offset..offset + bytes.len()].copy_from_slice(&bytes);
    }
    out
}

/// The range check of packing `v` with an integer code, with CPython's message.
fn py_struct_int_bytes(code: char, size: usize, v: i64) -> u64 {
    let signed = code.is_ascii_lowercase();
    let bits = 8 * size as u32;
    let (lo, hi): (i128, i128) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    let x = i128::from(v);
    if x < lo || x > hi {
        let name = match code {
            'b' => "byte".to_string(),
            'B' => "ubyte".to_string(),
            'h' => "short".to_string(),
            'H' => "ushort".to_string(),
            _ if !signed && x < 0 => panic!("struct.error: argument out of range"),
            c => format!("'{}'", c),
        };
        panic!("struct.error: {} format requires {} <= number <= {}", name, lo, hi);
    }
    v as u64
}
// @end

// @helper py_struct_unpack
// @needs py_struct
/// `struct.unpack(fmt, data)`.
fn py_struct_unpack(fmt: &str, data: &[u8]) -> Vec<PyStructItem> {
    let (fields, size, little) = py_struct_layout(fmt);
    if data.len() != size {
        panic!("struct.error: unpack requires a buffer of {} bytes", size);
    }
    let mut items = Vec::with_capacity(fields.len());
    for &(code, offset, width) in &fields {
        let mut raw = [0u8; 8];
        raw[..width].copy_from_slice(&data[offset..offset + width]);
        if !little {
            raw[..width].reverse();
        }
        let unsigned = u64::from_le_bytes(raw);
        items.push(match code {
            'f' => PyStructItem::Float(f64::from(f32::from_bits(unsigned as u32))),
            'd' => PyStructItem::Float(f64::from_bits(unsigned)),
            '?' => PyStructItem::Bool(unsigned != 0),
            c if c.is_ascii_lowercase() => {
                let shift = 64 - 8 * width as u32;
                PyStructItem::Int(((unsigned << shift) as i64) >> shift)
            }
            _ => PyStructItem::Int(i64::try_from(unsigned).unwrap_or_else(|_| {
                panic!("OverflowError: {} does not fit in i64 (Python ints are unbounded; Portalis uses i64)", unsigned)
            })),
        });
    }
    items
}

// @end
