// Python number semantics on i64 / f64: flooring division, Python's rounding,
// int()/float() parsing. Errors Python would raise panic with "Kind: message".

// @helper py_floordiv
// @needs py_int_overflow
/// Python's `//` on ints: rounds toward negative infinity.
fn py_floordiv(a: i64, b: i64) -> i64 {
    if b == 0 {
        panic!("ZeroDivisionError: integer division or modulo by zero");
    }
    let q = a.checked_div(b).unwrap_or_else(|| py_int_overflow(format_args!("{a} // {b}")));
    if a % b != 0 && (a < 0) != (b < 0) {
        q - 1
    } else {
        q
    }
}
// @end

// @helper py_mod
/// Python's `%` on ints: the result has the sign of the divisor.
fn py_mod(a: i64, b: i64) -> i64 {
    if b == 0 {
        panic!("ZeroDivisionError: integer modulo by zero");
    }
    let r = a.wrapping_rem(b);
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}
// @end

// @helper py_divmod
// @needs py_floordiv, py_mod
/// Python's `divmod(a, b)` on ints.
fn py_divmod(a: i64, b: i64) -> (i64, i64) {
    (py_floordiv(a, b), py_mod(a, b))
}
// @end

// @helper py_mod_f
/// Python's `%` on floats (CPython's float_rem: sign of the divisor, signed zeros).
fn py_mod_f(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: float modulo");
    }
    let m = a % b;
    if m == 0.0 {
        0.0_f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}
// @end

// @helper py_floordiv_f
/// Python's `//` on floats (CPython's float_floor_div).
fn py_floordiv_f(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: float floor division by zero");
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && (b < 0.0) != (m < 0.0) {
        div -= 1.0;
    }
    if div == 0.0 {
        return 0.0_f64.copysign(a / b);
    }
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}
// @end

// @helper py_true_div
/// Python's `/` (true division) once both operands are floats.
fn py_true_div(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        panic!("ZeroDivisionError: division by zero");
    }
    a / b
}
// @end

// @helper py_int_overflow
/// Stops the program where a Python int would outgrow i64, saying what overflowed. Cold and
/// out of line, so the checked fast paths stay small.
#[cold]
#[inline(never)]
fn py_int_overflow(what: std::fmt::Arguments<'_>) -> ! {
    panic!("OverflowError: integer overflow in {what} (Python ints are unbounded; Portalis uses i64)")
}
// @end

// @helper py_int
// @needs py_int_overflow
/// Python's int arithmetic on i64, checked in every build profile (a release build does not
/// wrap around): `a.py_add(b)` is `a + b`, and so on; an overflow panics with
/// `OverflowError: integer overflow in a + b`.
#[allow(dead_code)]
trait PyInt: Sized {
    fn py_add(self, b: i64) -> i64;
    fn py_sub(self, b: i64) -> i64;
    fn py_mul(self, b: i64) -> i64;
    /// `-a`
    fn py_neg(self) -> i64;
    /// `abs(a)`
    fn py_abs(self) -> i64;
    /// `a << n`: Python's shift never drops bits; a negative count is a ValueError.
    fn py_shl(self, n: i64) -> i64;
    /// `a >> n`: arithmetic, any count (`>> 64` of a negative number is -1).
    fn py_shr(self, n: i64) -> i64;
    /// `a ** exp` for a literal exponent.
    fn py_pow(self, exp: u32) -> i64;
    /// `place += b` (and the others below) on a place evaluated once (`counts[k] += 1`).
    fn py_add_assign(&mut self, b: i64);
    fn py_sub_assign(&mut self, b: i64);
    fn py_mul_assign(&mut self, b: i64);
    fn py_shl_assign(&mut self, n: i64);
    fn py_shr_assign(&mut self, n: i64);
}

impl PyInt for i64 {
    #[inline]
    fn py_add(self, b: i64) -> i64 {
        match self.checked_add(b) {
            Some(v) => v,
            None => py_int_overflow(format_args!("{self} + {b}")),
        }
    }
    #[inline]
    fn py_sub(self, b: i64) -> i64 {
        match self.checked_sub(b) {
            Some(v) => v,
            None => py_int_overflow(format_args!("{self} - {b}")),
        }
    }
    #[inline]
    fn py_mul(self, b: i64) -> i64 {
        match self.checked_mul(b) {
            Some(v) => v,
            None => py_int_overflow(format_args!("{self} * {b}")),
        }
    }
    #[inline]
    fn py_neg(self) -> i64 {
        match self.checked_neg() {
            Some(v) => v,
            None => py_int_overflow(format_args!("-({self})")),
        }
    }
    #[inline]
    fn py_abs(self) -> i64 {
        match self.checked_abs() {
            Some(v) => v,
            None => py_int_overflow(format_args!("abs({self})")),
        }
    }
    #[inline]
    fn py_shl(self, n: i64) -> i64 {
        if n < 0 {
            panic!("ValueError: negative shift count");
        }
        if self == 0 {
            return 0;
        }
        if n < 64 {
            let shifted = self << n;
            if shifted >> n == self {
                return shifted;
            }
        }
        py_int_overflow(format_args!("{self} << {n}"))
    }
    #[inline]
    fn py_shr(self, n: i64) -> i64 {
        if n < 0 {
            panic!("ValueError: negative shift count");
        }
        self >> n.min(63)
    }
    #[inline]
    fn py_pow(self, exp: u32) -> i64 {
        match self.checked_pow(exp) {
            Some(v) => v,
            None => py_int_overflow(format_args!("{self} ** {exp}")),
        }
    }
    #[inline]
    fn py_add_assign(&mut self, b: i64) {
        *self = self.py_add(b);
    }
    #[inline]
    fn py_sub_assign(&mut self, b: i64) {
        *self = self.py_sub(b);
    }
    #[inline]
    fn py_mul_assign(&mut self, b: i64) {
        *self = self.py_mul(b);
    }
    #[inline]
    fn py_shl_assign(&mut self, n: i64) {
        *self = self.py_shl(n);
    }
    #[inline]
    fn py_shr_assign(&mut self, n: i64) {
        *self = self.py_shr(n);
    }
}
// @end

// @helper py_int_sum
// @needs py_int_overflow
/// Python's `sum()` of ints, checked (`Iterator::sum` wraps in a release build). The running
/// total is an i128, so only a sum whose value leaves i64 stops the program, as in Python.
fn py_int_sum(items: impl IntoIterator<Item = i64>) -> i64 {
    let total: i128 = items.into_iter().map(i128::from).sum();
    i64::try_from(total).unwrap_or_else(|_| py_int_overflow(format_args!("sum() = {total}")))
}
// @end

// @helper py_int_product
// @needs py_int_overflow
/// Python's `math.prod()` of ints, checked (`Iterator::product` wraps in a release build).
fn py_int_product(items: impl IntoIterator<Item = i64>) -> i64 {
    let mut product: i64 = 1;
    for item in items {
        product = match product.checked_mul(item) {
            Some(v) => v,
            None => py_int_overflow(format_args!("prod(): {product} * {item}")),
        };
    }
    product
}
// @end

// @helper py_ipow
// @needs py_int_overflow
/// Python's `base ** exp` on ints with `exp >= 0` (a negative exponent gives a float in
/// Python: `py_ipow_f` where the result is used as a float, `py_fpow` for a literal one).
fn py_ipow(base: i64, exp: i64) -> i64 {
    if exp < 0 {
        panic!("ValueError: {base} ** {exp}: Python's result is a float here, and this translation computes an int (the exponent was assumed >= 0)");
    }
    let result = match base {
        0 | 1 => Some(if exp == 0 { 1 } else { base }),
        -1 => Some(if exp % 2 == 0 { 1 } else { -1 }),
        _ => u32::try_from(exp).ok().and_then(|e| base.checked_pow(e)),
    };
    result.unwrap_or_else(|| py_int_overflow(format_args!("{base} ** {exp}")))
}
// @end

// @helper py_ipow_f
// @needs py_ipow, py_fpow
/// Python's `base ** exp` on ints where the result is used as a float: the int power for
/// `exp >= 0`, the float power (`2 ** -1 == 0.5`, `0 ** -1` ZeroDivisionError) below.
fn py_ipow_f(base: i64, exp: i64) -> f64 {
    if exp >= 0 {
        py_ipow(base, exp) as f64
    } else {
        py_fpow(base as f64, exp as f64)
    }
}
// @end

// @helper py_fpow
/// Python's `base ** exp` on floats, with CPython's errors instead of NaN/inf.
fn py_fpow(base: f64, exp: f64) -> f64 {
    if base == 0.0 && exp < 0.0 {
        panic!("ZeroDivisionError: 0.0 cannot be raised to a negative power");
    }
    if base < 0.0 && base.is_finite() && exp.is_finite() && exp.fract() != 0.0 {
        panic!("ValueError: negative number cannot be raised to a fractional power (Python returns a complex)");
    }
    let r = base.powf(exp);
    if r.is_infinite() && base.is_finite() && exp.is_finite() {
        panic!("OverflowError: (34, 'Numerical result out of range')");
    }
    r
}
// @end

// @helper py_float_to_int
/// Python's `int(x)` for a float: truncates toward zero.
fn py_float_to_int(x: f64) -> i64 {
    if x.is_nan() {
        panic!("ValueError: cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        panic!("OverflowError: cannot convert float infinity to integer");
    }
    let t = x.trunc();
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        panic!("OverflowError: int({t:e}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)");
    }
    t as i64
}
// @end

// @helper py_round
// @needs py_float_to_int
/// Python's `round(x)` for a float: banker's rounding (ties to even), returns an int.
fn py_round(x: f64) -> i64 {
    py_float_to_int(x.round_ties_even())
}
// @end

// @helper py_round_to
/// Python's `round(x, ndigits)` for a float: correctly rounded, ties to even on the exact value.
fn py_round_to(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    let rounded = if ndigits >= 0 {
        // Rust's exact formatting rounds the exact binary value half-to-even, like dtoa mode 3.
        format!("{:.*}", ndigits as usize, x)
    } else {
        py_round_int_digits(x, ndigits.unsigned_abs() as usize)
    };
    let r: f64 = rounded.parse().unwrap_or(x);
    if r.is_infinite() {
        panic!("OverflowError: rounded value too large to represent");
    }
    r
}

/// Rounds `x` to a multiple of 10**k (k >= 1), half to even, as a decimal string.
fn py_round_int_digits(x: f64, k: usize) -> String {
    let digits = format!("{:.0}", x.trunc().abs()); // the exact integer part
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if digits.len() < k {
        return format!("{sign}0"); // |x| < 10**(k-1), less than half of 10**k
    }
    let (kept, dropped) = digits.split_at(digits.len() - k);
    let half = format!("5{}", "0".repeat(k - 1));
    let odd = kept.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = match dropped.cmp(half.as_str()) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => x.fract() != 0.0 || odd,
    };
    let mut kept: Vec<u8> = format!("0{kept}").into_bytes(); // leading 0 absorbs the carry
    if up {
        for d in kept.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                break;
            }
        }
    }
    format!("{sign}{}e{k}", String::from_utf8(kept).unwrap_or_default())
}
// @end

// @helper py_int_parse
// @needs py_exception, py_str_repr, py_char_isspace
/// Python's `int(s)`: surrounding whitespace, one sign, `_` between digits, base 10.
fn py_int_parse(s: &str) -> Result<i64, PyException> {
    let invalid = || {
        PyException::new(
            "ValueError",
            format!("invalid literal for int() with base 10: {}", py_str_repr(s)),
        )
    };
    let t = s.trim_matches(py_char_isspace);
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let overflow = || {
        PyException::new(
            "OverflowError",
            format!("int({}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)", py_str_repr(s)),
        )
    };
    // one pass, no allocation: digits with single `_` between them; a negative number is
    // accumulated downward so that i64::MIN parses
    let mut value: i64 = 0;
    let mut after_digit = false;
    for b in body.bytes() {
        if b == b'_' && after_digit {
            after_digit = false;
            continue;
        }
        if !b.is_ascii_digit() {
            return Err(invalid());
        }
        after_digit = true;
        let digit = i64::from(b - b'0');
        let next = value.checked_mul(10).and_then(|v| if negative { v.checked_sub(digit) } else { v.checked_add(digit) });
        value = next.ok_or_else(overflow)?;
    }
    if !after_digit {
        return Err(invalid()); // empty, or a trailing `_`
    }
    Ok(value)
}
// @end

// @helper py_float_parse
// @needs py_exception, py_str_repr, py_char_isspace
/// Python's `float(s)`: whitespace, sign, `_` between digits, exponents, inf/infinity/nan.
fn py_float_parse(s: &str) -> Result<f64, PyException> {
    let invalid = || {
        PyException::new("ValueError", format!("could not convert string to float: {}", py_str_repr(s)))
    };
    let t = s.trim_matches(py_char_isspace);
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    // Python's grammar: digitpart ["." [digitpart]] | "." digitpart, then [e [sign] digitpart],
    // where digitpart is digits with single underscores between them.
    let digit_part = |p: &str| !p.is_empty() && p.split('_').all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (digit_part(int) && (frac.is_empty() || digit_part(frac))) || (int.is_empty() && digit_part(frac))
        }
        None => digit_part(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digit_part(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !mantissa_ok || !exponent_ok {
        return Err(invalid());
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().map(|v| sign * v).map_err(|_| invalid())
}
// @end

// @helper py_powmod
/// Python's `pow(base, exp, m)`: modular power, a negative `exp` uses the modular inverse;
/// the result has the sign of `m`.
fn py_powmod(base: i64, exp: i64, m: i64) -> i64 {
    if m == 0 {
        panic!("ValueError: pow() 3rd argument cannot be 0");
    }
    let modulus = i128::from(m).abs();
    let mut b = i128::from(base).rem_euclid(modulus);
    if exp < 0 {
        // Extended Euclid: b * inverse == 1 (mod modulus).
        let (mut r0, mut r1, mut t0, mut t1) = (modulus, b, 0i128, 1i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1, t0, t1) = (r1, r0 - q * r1, t1, t0 - q * t1);
        }
        if r0 != 1 {
            panic!("ValueError: base is not invertible for the given modulus");
        }
        b = t0.rem_euclid(modulus);
    }
    let (mut e, mut result) = (i128::from(exp).unsigned_abs(), 1 % modulus);
    while e > 0 {
        if e & 1 == 1 {
            result = result * b % modulus;
        }
        b = b * b % modulus;
        e >>= 1;
    }
    let result = if m < 0 && result != 0 { result - modulus } else { result };
    result as i64
}
// @end

// @helper py_int_parse_base
// @needs py_exception, py_str_repr, py_char_isspace
/// Python's `int(s, base)`: base 0 (prefix decides; no leading zeros in decimal) or
/// 2..=36, an optional `0x`/`0o`/`0b` prefix matching the base, single `_` between digits
/// (and after a prefix), surrounding whitespace, one sign. ASCII digits only.
fn py_int_parse_base(s: &str, base: i64) -> Result<i64, PyException> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyException::new("ValueError", "int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        PyException::new(
            "ValueError",
            format!("invalid literal for int() with base {}: {}", base, py_str_repr(s)),
        )
    };
    let t = s.trim_matches(py_char_isspace);
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let (radix, digits, zeros_only) = if base == 0 {
        match prefix_base {
            0 => (10, body, body.starts_with('0')), // "0_0" and "00" are 0; "08" is an error
            p => (p, &body[2..], false),
        }
    } else if prefix_base == base {
        (base, &body[2..], false)
    } else {
        (base, body, false)
    };
    let digits = if prefix_base != 0 && radix == prefix_base && digits.len() + 2 == body.len() {
        digits.strip_prefix('_').unwrap_or(digits) // one `_` may follow the prefix
    } else {
        digits
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(invalid());
    }
    let mut magnitude: u128 = 0;
    for c in digits.chars().filter(|&c| c != '_') {
        let d = c.to_digit(36).filter(|&d| i64::from(d) < radix).ok_or_else(invalid)?;
        magnitude = magnitude.saturating_mul(radix as u128).saturating_add(u128::from(d));
    }
    if zeros_only && magnitude != 0 {
        return Err(invalid());
    }
    let limit = if negative { 1u128 << 63 } else { (1u128 << 63) - 1 };
    if magnitude > limit {
        return Err(PyException::new(
            "OverflowError",
            format!(
                "int({}, {}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)",
                py_str_repr(s),
                base
            ),
        ));
    }
    Ok(if negative { (magnitude as i128).wrapping_neg() as i64 } else { magnitude as i64 })
}
// @end
