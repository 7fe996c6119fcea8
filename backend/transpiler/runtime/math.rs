// The math module on i64 / f64, with CPython's errors.

// @helper py_gcd
/// Python's `math.gcd(a, b)`: always non-negative.
fn py_gcd(a: i64, b: i64) -> i64 {
    let (mut x, mut y) = (a.unsigned_abs(), b.unsigned_abs());
    while y != 0 {
        (x, y) = (y, x % y);
    }
    i64::try_from(x).unwrap_or_else(|_| {
        panic!("OverflowError: integer overflow in gcd (Python ints are unbounded; Portalis uses i64)")
    })
}
// @end

// @helper py_lcm
// @needs py_gcd
/// Python's `math.lcm(a, b)`: non-negative; 0 if either is 0.
fn py_lcm(a: i64, b: i64) -> i64 {
    if a == 0 || b == 0 {
        return 0;
    }
    (a / py_gcd(a, b))
        .checked_mul(b)
        .and_then(i64::checked_abs)
        .unwrap_or_else(|| panic!("OverflowError: integer overflow in lcm (Python ints are unbounded; Portalis uses i64)"))
}
// @end

// @helper py_isqrt
/// Python's `math.isqrt(n)`: the exact integer square root.
fn py_isqrt(n: i64) -> i64 {
    if n < 0 {
        panic!("ValueError: isqrt() argument must be nonnegative");
    }
    let mut r = (n as f64).sqrt() as i64;
    while r.checked_mul(r).is_none_or(|sq| sq > n) {
        r -= 1;
    }
    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
        r += 1;
    }
    r
}
// @end

// @helper py_factorial
/// Python's `math.factorial(n)`; n > 20 does not fit in i64.
fn py_factorial(n: i64) -> i64 {
    if n < 0 {
        panic!("ValueError: factorial() not defined for negative values");
    }
    (1..=n).try_fold(1i64, i64::checked_mul).unwrap_or_else(|| {
        panic!("OverflowError: factorial({n}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)")
    })
}
// @end

// @helper py_comb
/// Python's `math.comb(n, k)`: 0 when k > n.
fn py_comb(n: i64, k: i64) -> i64 {
    if n < 0 {
        panic!("ValueError: n must be a non-negative integer");
    }
    if k < 0 {
        panic!("ValueError: k must be a non-negative integer");
    }
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    let mut result: u128 = 1;
    for i in 0..k {
        // result * (n - i) / (i + 1) is always an exact integer.
        result = result * (n - i) as u128 / (i + 1) as u128;
        if result > i64::MAX as u128 {
            panic!("OverflowError: comb({n}, {k}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)");
        }
    }
    result as i64
}
// @end

// @helper py_perm
/// Python's `math.perm(n, k)`: n! / (n - k)!, 0 when k > n.
fn py_perm(n: i64, k: i64) -> i64 {
    if n < 0 {
        panic!("ValueError: n must be a non-negative integer");
    }
    if k < 0 {
        panic!("ValueError: k must be a non-negative integer");
    }
    if k > n {
        return 0;
    }
    (n - k + 1..=n).try_fold(1i64, i64::checked_mul).unwrap_or_else(|| {
        panic!("OverflowError: perm({n}, {k}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)")
    })
}
// @end

// @helper py_isclose
/// Python's `math.isclose(a, b)` with rel_tol=1e-9, abs_tol=0.
fn py_isclose(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if a.is_infinite() || b.is_infinite() {
        return false;
    }
    let diff = (b - a).abs();
    diff <= (1e-9 * b).abs() || diff <= (1e-9 * a).abs()
}
// @end

// @helper py_sqrt
/// Python's `math.sqrt(x)`; negative x raises ValueError.
fn py_sqrt(x: f64) -> f64 {
    if x < 0.0 {
        panic!("ValueError: math domain error");
    }
    x.sqrt()
}
// @end

// @helper py_log
/// Python's `math.log(x)`; x <= 0 raises ValueError.
fn py_log(x: f64) -> f64 {
    if x <= 0.0 {
        panic!("ValueError: math domain error");
    }
    x.ln()
}
// @end

// @helper py_log_base
// @needs py_log
/// Python's `math.log(x, base)` = ln(x) / ln(base).
fn py_log_base(x: f64, base: f64) -> f64 {
    let (num, den) = (py_log(x), py_log(base));
    if den == 0.0 {
        panic!("ZeroDivisionError: float division by zero");
    }
    num / den
}
// @end

// @helper py_fsum
/// Python's `math.fsum(items)`: the correctly rounded sum (Shewchuk's partials, as CPython).
fn py_fsum(items: impl IntoIterator<Item = f64>) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0_f64;
    let mut saw_nan = false;
    for item in items {
        if !item.is_finite() {
            saw_nan |= item.is_nan();
            special += item;
            continue;
        }
        let mut x = item;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        if !x.is_finite() {
            panic!("OverflowError: intermediate overflow in fsum");
        }
        partials.truncate(kept);
        partials.push(x);
    }
    if special.is_nan() && !saw_nan {
        panic!("ValueError: -inf + inf in fsum");
    }
    if special != 0.0 || special.is_nan() {
        return special;
    }
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}
// @end
