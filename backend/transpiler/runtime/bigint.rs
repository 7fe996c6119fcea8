// Python's unbounded `int`, for the values the int-width analysis (analyze/int_width.py)
// says may leave i64: sign and magnitude in base 2^32, schoolbook multiplication and
// Knuth's long division. Python's semantics: `/` and `%` floor, `str()` is decimal.

// @helper py_bigint
/// Python's `int` where values may exceed `i64` (factorials, big powers, hashes with large
/// moduli). Sign and magnitude: little-endian base-2^32 limbs without trailing zeros; zero
/// is empty and never negative. On this type `/` and `%` are Python's `//` and `%`
/// (rounding toward negative infinity); operators also take an `i64` on either side.
#[allow(dead_code)]
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct PyBigInt {
    neg: bool,
    mag: Vec<u32>,
}

#[allow(dead_code)]
impl PyBigInt {
    fn from_mag(neg: bool, mut mag: Vec<u32>) -> PyBigInt {
        while mag.last() == Some(&0) {
            mag.pop();
        }
        PyBigInt { neg: neg && !mag.is_empty(), mag }
    }

    /// A decimal literal (optional sign, `_` between digits), as `int(text)`.
    fn parse(text: &str) -> PyBigInt {
        let bad = || -> ! { panic!("ValueError: invalid literal for int() with base 10: '{text}'") };
        let t = text.trim();
        let (neg, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let digits: Vec<u32> = body.chars().filter(|&c| c != '_').map(|c| c.to_digit(10).unwrap_or_else(|| bad())).collect();
        if digits.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
            bad();
        }
        let mut mag: Vec<u32> = Vec::new();
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |acc, d| acc * 10 + d);
            Self::mag_mul_small_add(&mut mag, 10u32.pow(chunk.len() as u32), value);
        }
        PyBigInt::from_mag(neg, mag)
    }

    fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    fn is_negative(&self) -> bool {
        self.neg
    }

    fn abs(&self) -> PyBigInt {
        PyBigInt { neg: false, mag: self.mag.clone() }
    }

    /// `int.bit_length()`.
    fn bit_length(&self) -> u64 {
        match self.mag.last() {
            Some(top) => 32 * (self.mag.len() as u64 - 1) + u64::from(32 - top.leading_zeros()),
            None => 0,
        }
    }

    fn try_to_i128(&self) -> Option<i128> {
        if self.mag.len() > 4 {
            return None;
        }
        let m = self.mag.iter().rev().fold(0u128, |acc, &l| (acc << 32) | u128::from(l));
        if self.neg {
            (m <= 1u128 << 127).then(|| (m as i128).wrapping_neg())
        } else {
            i128::try_from(m).ok()
        }
    }

    fn try_to_i64(&self) -> Option<i64> {
        self.try_to_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// The value as an `i64` where the translation keeps one (an index, an i64 parameter).
    fn to_i64(&self) -> i64 {
        self.try_to_i64().unwrap_or_else(|| {
            panic!("OverflowError: Python int too large to convert to i64 (Python ints are unbounded; Portalis uses i64 here)")
        })
    }

    /// `float(n)`, correctly rounded (ties to even).
    fn to_f64(&self) -> f64 {
        let x = self.scaled_f64(false, 0);
        if x.is_infinite() {
            panic!("OverflowError: int too large to convert to float");
        }
        x
    }

    /// `self / o` (true division): the correctly rounded quotient, as CPython computes it.
    fn true_div(&self, o: &PyBigInt) -> f64 {
        if o.is_zero() {
            panic!("ZeroDivisionError: division by zero");
        }
        let shift = 66 - (self.bit_length() as i64 - o.bit_length() as i64);
        let (num, den) = if shift >= 0 { (&self.abs() << shift, o.abs()) } else { (self.abs(), &o.abs() << -shift) };
        let (q, r) = Self::mag_divmod(&num.mag, &den.mag);
        let x = PyBigInt::from_mag(false, q).scaled_f64(r.iter().any(|&l| l != 0), -shift);
        let x = if self.neg != o.neg { -x } else { x }; // `0 / -1` is -0.0
        if x.is_infinite() {
            panic!("OverflowError: integer division result too large for a float");
        }
        x
    }

    /// (|self| + a bit more if `sticky`) * 2^scale as a correctly rounded f64, with sign.
    fn scaled_f64(&self, sticky: bool, scale: i64) -> f64 {
        let bits = self.bit_length() as i64;
        let (top, exp) = if bits <= 64 {
            let m = self.mag.iter().rev().fold(0u64, |acc, &l| (acc << 32) | u64::from(l));
            (if bits == 0 { 0 } else { m << (64 - bits) }, scale - (64 - bits))
        } else {
            let shifted = &self.abs() >> (bits - 64);
            let low_bits = (&shifted << (bits - 64)) != self.abs();
            let m = shifted.mag.iter().rev().fold(0u64, |acc, &l| (acc << 32) | u64::from(l));
            (m | u64::from(low_bits), scale + bits - 64)
        };
        // bit 0 sits below the 53-bit rounding point: setting it for a nonzero remainder makes
        // the conversion of `top` round as the exact value would
        let top = top | u64::from(sticky);
        let half = exp / 2; // two steps, so 2^exp itself neither overflows nor underflows early
        let x = (top as f64) * 2f64.powi(half.clamp(-1100, 1100) as i32) * 2f64.powi((exp - half).clamp(-1100, 1100) as i32);
        if self.neg { -x } else { x }
    }

    /// `self ** exp` for `exp >= 0` (a negative exponent gives a float in Python).
    fn pow(&self, exp: i64) -> PyBigInt {
        assert!(exp >= 0, "PyBigInt::pow needs exp >= 0 (Python returns a float for a negative exponent)");
        let (mut base, mut exp, mut result) = (self.clone(), exp as u64, PyBigInt::from(1));
        while exp > 0 {
            if exp & 1 == 1 {
                result = &result * &base;
            }
            exp >>= 1;
            if exp > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// `math.factorial(n)`.
    fn factorial(n: i64) -> PyBigInt {
        if n < 0 {
            panic!("ValueError: factorial() not defined for negative values");
        }
        (2..=n).fold(PyBigInt::from(1), |acc, k| acc * k)
    }

    /// `pow(self, exp, m)` for `exp >= 0`: the result has the sign of `m`.
    fn pow_mod(&self, exp: &PyBigInt, m: &PyBigInt) -> PyBigInt {
        assert!(!exp.neg, "PyBigInt::pow_mod needs exp >= 0");
        if m.is_zero() {
            panic!("ValueError: pow() 3rd argument cannot be 0");
        }
        let (mut result, mut base) = (&PyBigInt::from(1) % m, self % m);
        for i in 0..exp.bit_length() {
            if exp.mag[(i / 32) as usize] >> (i % 32) & 1 == 1 {
                result = &(&result * &base) % m;
            }
            base = &(&base * &base) % m;
        }
        result
    }

    /// The digits of |self| in `radix` (2..=36), lowercase.
    fn abs_digits(&self, radix: u32) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        // peel off the largest power of the radix that fits in a limb at a time
        let (mut chunk, mut width) = (radix, 1);
        while u64::from(chunk) * u64::from(radix) <= u64::from(u32::MAX) {
            chunk *= radix;
            width += 1;
        }
        let (mut parts, mut rest) = (Vec::new(), self.mag.clone());
        while !rest.is_empty() {
            let (q, r) = Self::mag_divmod_small(&rest, chunk);
            parts.push(r);
            rest = PyBigInt::from_mag(false, q).mag;
        }
        let digit = |mut v: u32, pad: usize| -> String {
            let mut out = Vec::new();
            while v > 0 || out.len() < pad.max(1) {
                out.push(std::char::from_digit(v % radix, radix).unwrap_or('?'));
                v /= radix;
            }
            out.iter().rev().collect()
        };
        let mut text = digit(parts[parts.len() - 1], 1);
        for &part in parts.iter().rev().skip(1) {
            text.push_str(&digit(part, width));
        }
        text
    }

    fn mag_cmp(a: &[u32], b: &[u32]) -> std::cmp::Ordering {
        a.len().cmp(&b.len()).then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }

    fn mag_mul_small_add(mag: &mut Vec<u32>, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in mag.iter_mut() {
            let t = u64::from(*limb) * u64::from(factor) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            mag.push(carry as u32);
        }
    }

    fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
        let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        let mut out = Vec::with_capacity(long.len() + 1);
        let mut carry = 0u64;
        for (i, &x) in long.iter().enumerate() {
            let t = u64::from(x) + u64::from(*short.get(i).unwrap_or(&0)) + carry;
            out.push(t as u32);
            carry = t >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        out
    }

    /// a - b for |a| >= |b|.
    fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(a.len());
        let mut borrow = 0i64;
        for (i, &x) in a.iter().enumerate() {
            let t = i64::from(x) - i64::from(*b.get(i).unwrap_or(&0)) - borrow;
            borrow = i64::from(t < 0);
            out.push(t as u32); // t + 2^32 when negative
        }
        out
    }

    fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
        if a.is_empty() || b.is_empty() {
            return Vec::new();
        }
        let mut out = vec![0u32; a.len() + b.len()];
        for (i, &x) in a.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &y) in b.iter().enumerate() {
                let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
                out[i + j] = t as u32;
                carry = t >> 32;
            }
            out[i + b.len()] = carry as u32;
        }
        out
    }

    fn mag_divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
        let mut q = vec![0u32; a.len()];
        let mut r = 0u64;
        for i in (0..a.len()).rev() {
            let cur = (r << 32) | u64::from(a[i]);
            q[i] = (cur / u64::from(d)) as u32;
            r = cur % u64::from(d);
        }
        (q, r as u32)
    }

    fn mag_shl_bits(x: &[u32], s: u32) -> Vec<u32> {
        if s == 0 {
            return x.to_vec();
        }
        let mut out = Vec::with_capacity(x.len() + 1);
        let mut carry = 0u32;
        for &limb in x {
            out.push((limb << s) | carry);
            carry = limb >> (32 - s);
        }
        if carry != 0 {
            out.push(carry);
        }
        out
    }

    /// (|a| / |b|, |a| % |b|) for b != 0: Knuth's algorithm D (TAOCP 4.3.1).
    fn mag_divmod(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
        if Self::mag_cmp(a, b) == std::cmp::Ordering::Less {
            return (Vec::new(), a.to_vec());
        }
        if b.len() == 1 {
            let (q, r) = Self::mag_divmod_small(a, b[0]);
            return (q, vec![r]);
        }
        let n = b.len();
        let s = b[n - 1].leading_zeros(); // normalise: the divisor's top bit set
        let v = Self::mag_shl_bits(b, s);
        let mut u = Self::mag_shl_bits(a, s);
        if u.len() == a.len() {
            u.push(0);
        }
        let m = u.len() - n - 1;
        let mut q = vec![0u32; m + 1];
        let (vt, vs) = (u64::from(v[n - 1]), u64::from(v[n - 2]));
        for j in (0..=m).rev() {
            let num = (u64::from(u[j + n]) << 32) | u64::from(u[j + n - 1]);
            let (mut qhat, mut rhat) = (num / vt, num % vt);
            while qhat >= 1 << 32 || qhat * vs > ((rhat << 32) | u64::from(u[j + n - 2])) {
                qhat -= 1;
                rhat += vt;
                if rhat >= 1 << 32 {
                    break;
                }
            }
            let (mut borrow, mut carry) = (0i64, 0u64);
            for i in 0..n {
                let p = qhat * u64::from(v[i]) + carry;
                carry = p >> 32;
                let t = i64::from(u[i + j]) - borrow - (p & 0xffff_ffff) as i64;
                u[i + j] = t as u32;
                borrow = i64::from(t < 0);
            }
            let t = i64::from(u[j + n]) - borrow - carry as i64;
            u[j + n] = t as u32;
            if t < 0 {
                qhat -= 1; // one too many: add the divisor back
                let mut c = 0u64;
                for i in 0..n {
                    let sum = u64::from(u[i + j]) + u64::from(v[i]) + c;
                    u[i + j] = sum as u32;
                    c = sum >> 32;
                }
                u[j + n] = u[j + n].wrapping_add(c as u32);
            }
            q[j] = qhat as u32;
        }
        let r = PyBigInt::from_mag(false, u[..n].to_vec());
        (q, (&r >> i64::from(s)).mag)
    }

    fn add_signed(a: &PyBigInt, b_neg: bool, b: &[u32]) -> PyBigInt {
        if a.neg == b_neg {
            return PyBigInt::from_mag(a.neg, Self::mag_add(&a.mag, b));
        }
        match Self::mag_cmp(&a.mag, b) {
            std::cmp::Ordering::Less => PyBigInt::from_mag(b_neg, Self::mag_sub(b, &a.mag)),
            _ => PyBigInt::from_mag(a.neg, Self::mag_sub(&a.mag, b)),
        }
    }

    fn add_ref(&self, o: &PyBigInt) -> PyBigInt {
        Self::add_signed(self, o.neg, &o.mag)
    }

    fn sub_ref(&self, o: &PyBigInt) -> PyBigInt {
        Self::add_signed(self, !o.neg, &o.mag)
    }

    fn mul_ref(&self, o: &PyBigInt) -> PyBigInt {
        PyBigInt::from_mag(self.neg != o.neg, Self::mag_mul(&self.mag, &o.mag))
    }

    /// Python's `divmod(self, o)`: the quotient floors, the remainder has the divisor's sign.
    fn divmod(&self, o: &PyBigInt) -> (PyBigInt, PyBigInt) {
        if o.is_zero() {
            panic!("ZeroDivisionError: integer division or modulo by zero");
        }
        let (q, r) = Self::mag_divmod(&self.mag, &o.mag);
        let (q, r) = (PyBigInt::from_mag(self.neg != o.neg, q), PyBigInt::from_mag(self.neg, r));
        if !r.is_zero() && self.neg != o.neg {
            (&q - &PyBigInt::from(1), &r + o)
        } else {
            (q, r)
        }
    }

    /// `self` as `width` two's-complement limbs (Python's ints behave as if infinitely
    /// sign-extended; `width` exceeds both operands' magnitudes, so the top limb is the sign).
    fn twos_complement(&self, width: usize) -> Vec<u32> {
        let mut limbs = self.mag.clone();
        limbs.resize(width, 0);
        if self.neg {
            let mut carry = 1u64;
            for limb in limbs.iter_mut() {
                let flipped = u64::from(!*limb) + carry;
                *limb = flipped as u32;
                carry = flipped >> 32;
            }
        }
        limbs
    }

    /// Python's `&`, `|`, `^`: on the two's-complement forms, then back to sign and magnitude.
    fn bitwise(&self, o: &PyBigInt, f: fn(u32, u32) -> u32) -> PyBigInt {
        let width = self.mag.len().max(o.mag.len()) + 1;
        let (a, b) = (self.twos_complement(width), o.twos_complement(width));
        let limbs: Vec<u32> = a.iter().zip(&b).map(|(x, y)| f(*x, *y)).collect();
        let neg = limbs[width - 1] >> 31 == 1;
        let value = PyBigInt::from_mag(false, limbs);
        if !neg {
            return value;
        }
        let mut one_past = vec![0u32; width];
        one_past.push(1); // 2^(32 * width): the negative value is `value - 2^(32 * width)`
        PyBigInt::from_mag(true, Self::mag_sub(&one_past, &value.mag))
    }

    fn bit_and(&self, o: &PyBigInt) -> PyBigInt {
        self.bitwise(o, |x, y| x & y)
    }

    fn bit_or(&self, o: &PyBigInt) -> PyBigInt {
        self.bitwise(o, |x, y| x | y)
    }

    fn bit_xor(&self, o: &PyBigInt) -> PyBigInt {
        self.bitwise(o, |x, y| x ^ y)
    }

    fn floor_div(&self, o: &PyBigInt) -> PyBigInt {
        self.divmod(o).0
    }

    fn floor_mod(&self, o: &PyBigInt) -> PyBigInt {
        if o.is_zero() {
            panic!("ZeroDivisionError: integer modulo by zero");
        }
        self.divmod(o).1
    }
}

impl From<i64> for PyBigInt {
    fn from(v: i64) -> PyBigInt {
        let m = v.unsigned_abs();
        PyBigInt::from_mag(v < 0, vec![m as u32, (m >> 32) as u32])
    }
}

impl std::fmt::Display for PyBigInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad_integral(!self.neg, "", &self.abs_digits(10)) // width, fill, `+`, `0` as for ints
    }
}

impl Ord for PyBigInt {
    fn cmp(&self, o: &PyBigInt) -> std::cmp::Ordering {
        match (self.neg, o.neg) {
            (false, true) => std::cmp::Ordering::Greater,
            (true, false) => std::cmp::Ordering::Less,
            (false, false) => Self::mag_cmp(&self.mag, &o.mag),
            (true, true) => Self::mag_cmp(&o.mag, &self.mag),
        }
    }
}

impl PartialOrd for PyBigInt {
    fn partial_cmp(&self, o: &PyBigInt) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl PartialEq<i64> for PyBigInt {
    fn eq(&self, o: &i64) -> bool {
        self.try_to_i64() == Some(*o)
    }
}

impl PartialOrd<i64> for PyBigInt {
    fn partial_cmp(&self, o: &i64) -> Option<std::cmp::Ordering> {
        Some(match self.try_to_i64() {
            Some(v) => v.cmp(o),
            None if self.neg => std::cmp::Ordering::Less,
            None => std::cmp::Ordering::Greater,
        })
    }
}

impl PartialEq<PyBigInt> for i64 {
    fn eq(&self, o: &PyBigInt) -> bool {
        o == self
    }
}

impl PartialOrd<PyBigInt> for i64 {
    fn partial_cmp(&self, o: &PyBigInt) -> Option<std::cmp::Ordering> {
        o.partial_cmp(self).map(std::cmp::Ordering::reverse)
    }
}

macro_rules! py_bigint_ops {
    ($($op:ident $method:ident $assign:ident $assign_method:ident => $core:ident),*) => {$(
        impl std::ops::$op<&PyBigInt> for &PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: &PyBigInt) -> PyBigInt { PyBigInt::$core(self, o) }
        }
        impl std::ops::$op<PyBigInt> for &PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: PyBigInt) -> PyBigInt { PyBigInt::$core(self, &o) }
        }
        impl std::ops::$op<&PyBigInt> for PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: &PyBigInt) -> PyBigInt { PyBigInt::$core(&self, o) }
        }
        impl std::ops::$op<PyBigInt> for PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: PyBigInt) -> PyBigInt { PyBigInt::$core(&self, &o) }
        }
        impl std::ops::$op<i64> for &PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: i64) -> PyBigInt { PyBigInt::$core(self, &PyBigInt::from(o)) }
        }
        impl std::ops::$op<i64> for PyBigInt {
            type Output = PyBigInt;
            fn $method(self, o: i64) -> PyBigInt { PyBigInt::$core(&self, &PyBigInt::from(o)) }
        }
        impl std::ops::$op<&PyBigInt> for i64 {
            type Output = PyBigInt;
            fn $method(self, o: &PyBigInt) -> PyBigInt { PyBigInt::$core(&PyBigInt::from(self), o) }
        }
        impl std::ops::$op<PyBigInt> for i64 {
            type Output = PyBigInt;
            fn $method(self, o: PyBigInt) -> PyBigInt { PyBigInt::$core(&PyBigInt::from(self), &o) }
        }
        impl std::ops::$assign<&PyBigInt> for PyBigInt {
            fn $assign_method(&mut self, o: &PyBigInt) { *self = PyBigInt::$core(self, o); }
        }
        impl std::ops::$assign<PyBigInt> for PyBigInt {
            fn $assign_method(&mut self, o: PyBigInt) { *self = PyBigInt::$core(self, &o); }
        }
        impl std::ops::$assign<i64> for PyBigInt {
            fn $assign_method(&mut self, o: i64) { *self = PyBigInt::$core(self, &PyBigInt::from(o)); }
        }
    )*};
}
py_bigint_ops!(
    Add add AddAssign add_assign => add_ref,
    Sub sub SubAssign sub_assign => sub_ref,
    Mul mul MulAssign mul_assign => mul_ref,
    Div div DivAssign div_assign => floor_div,
    Rem rem RemAssign rem_assign => floor_mod,
    BitAnd bitand BitAndAssign bitand_assign => bit_and,
    BitOr bitor BitOrAssign bitor_assign => bit_or,
    BitXor bitxor BitXorAssign bitxor_assign => bit_xor
);

impl std::ops::Neg for &PyBigInt {
    type Output = PyBigInt;
    fn neg(self) -> PyBigInt {
        PyBigInt::from_mag(!self.neg, self.mag.clone())
    }
}

impl std::ops::Neg for PyBigInt {
    type Output = PyBigInt;
    fn neg(self) -> PyBigInt {
        PyBigInt::from_mag(!self.neg, self.mag)
    }
}

/// `n << k`: multiplies by 2^k (a negative count is Python's ValueError).
impl std::ops::Shl<i64> for &PyBigInt {
    type Output = PyBigInt;
    fn shl(self, k: i64) -> PyBigInt {
        if k < 0 {
            panic!("ValueError: negative shift count");
        }
        let mut mag = vec![0u32; (k / 32) as usize];
        mag.extend(PyBigInt::mag_shl_bits(&self.mag, (k % 32) as u32));
        PyBigInt::from_mag(self.neg, mag)
    }
}

/// `n >> k`: floor division by 2^k, so negative values round toward negative infinity.
impl std::ops::Shr<i64> for &PyBigInt {
    type Output = PyBigInt;
    fn shr(self, k: i64) -> PyBigInt {
        if k < 0 {
            panic!("ValueError: negative shift count");
        }
        if self.neg {
            return -&(&(&(-self) - 1) >> k) - 1; // -((|n| - 1) >> k) - 1
        }
        let (limbs, bits) = ((k / 32) as usize, (k % 32) as u32);
        if limbs >= self.mag.len() {
            return PyBigInt::default();
        }
        let x = &self.mag[limbs..];
        let mut mag = vec![0u32; x.len()];
        for i in 0..x.len() {
            let high = if bits > 0 && i + 1 < x.len() { x[i + 1] << (32 - bits) } else { 0 };
            mag[i] = (x[i] >> bits) | high;
        }
        PyBigInt::from_mag(false, mag)
    }
}

impl std::ops::Shl<i64> for PyBigInt {
    type Output = PyBigInt;
    fn shl(self, k: i64) -> PyBigInt {
        &self << k
    }
}

impl std::ops::Shr<i64> for PyBigInt {
    type Output = PyBigInt;
    fn shr(self, k: i64) -> PyBigInt {
        &self >> k
    }
}

impl std::iter::Sum for PyBigInt {
    fn sum<I: Iterator<Item = PyBigInt>>(items: I) -> PyBigInt {
        items.fold(PyBigInt::default(), |acc, x| acc + x)
    }
}

impl<'a> std::iter::Sum<&'a PyBigInt> for PyBigInt {
    fn sum<I: Iterator<Item = &'a PyBigInt>>(items: I) -> PyBigInt {
        items.fold(PyBigInt::default(), |acc, x| acc + x)
    }
}

impl std::iter::Product for PyBigInt {
    fn product<I: Iterator<Item = PyBigInt>>(items: I) -> PyBigInt {
        items.fold(PyBigInt::from(1), |acc, x| acc * x)
    }
}
// @end

// @helper py_bigint_fmt
// @needs py_bigint, py_fmt
// @with py_bigint, py_fmt
/// `str(n)` / `repr(n)` of a big int, inside containers too (emitted when both meet).
impl PyFmt for PyBigInt {
    fn py_repr(&self) -> String {
        self.to_string()
    }
}
// @end

// @helper py_bigint_format
// @needs py_bigint, py_format
// @with py_bigint, py_format
/// `format(n, spec)` of a big int: exactly `int.__format__` (values that fit in i128 take
/// the int path; beyond it the same layout of decimal, hex, octal or binary digits).
impl PyFormat for PyBigInt {
    fn py_format(&self, spec: &str) -> String {
        if let Some(n) = self.try_to_i128() {
            return py_format_int(n, spec);
        }
        let s = py_parse_spec(spec, '>');
        if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
            return py_format_float(self.to_f64(), spec);
        }
        if s.precision.is_some() {
            panic!("ValueError: Precision not allowed in integer format specifier");
        }
        if let (Some(g), Some(t @ ('b' | 'o' | 'x' | 'X' | 'c' | 'n'))) = (s.grouping, s.ty) {
            if g == ',' || matches!(t, 'c' | 'n') {
                panic!("ValueError: Cannot specify '{g}' with '{t}'.");
            }
        }
        let (prefix, digits) = match s.ty {
            None | Some('d' | 'n') => ("", self.abs_digits(10)),
            Some('b') => ("0b", self.abs_digits(2)),
            Some('o') => ("0o", self.abs_digits(8)),
            Some('x') => ("0x", self.abs_digits(16)),
            Some('X') => ("0X", self.abs_digits(16).to_uppercase()),
            Some('c') => panic!("OverflowError: %c arg not in range(0x110000)"),
            Some(t) => panic!("ValueError: Unknown format code '{t}' for object of type 'int'"),
        };
        py_format_number(&s, self.is_negative(), if s.alt { prefix } else { "" }, &digits, "")
    }
}
// @end
