// Python's complex numbers: two f64 parts, CPython 3.11's arithmetic and repr.

// @helper py_complex
// @needs py_float_repr
/// Python's `complex`. A real operand is made `complex(x, 0.0)` first, as CPython 3.11
/// does, so the formulas below are CPython's for mixed arithmetic too.
#[derive(Clone, Copy, PartialEq, Debug)]
struct PyComplex {
    re: f64,
    im: f64,
}

#[allow(dead_code)]
impl PyComplex {
    fn new(re: f64, im: f64) -> Self {
        PyComplex { re, im }
    }

    /// `abs(z)`: CPython's `hypot`.
    fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }

    fn conjugate(self) -> Self {
        PyComplex::new(self.re, -self.im)
    }

    /// `a / b`: CPython's `_Py_c_quot` (Smith's method), ZeroDivisionError for `0j`.
    fn py_div(self, b: PyComplex) -> PyComplex {
        let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                panic!("ZeroDivisionError: complex division by zero");
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            PyComplex::new((self.re + self.im * ratio) / denom, (self.im - self.re * ratio) / denom)
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            PyComplex::new((self.re * ratio + self.im) / denom, (self.im * ratio - self.re) / denom)
        } else {
            PyComplex::new(f64::NAN, f64::NAN) // a NaN part
        }
    }

    /// `repr(z)` and `str(z)`: `2j`, `(1+2j)`, `(-0-1j)`, `(1.5-infj)`.
    fn py_repr(self) -> String {
        let im = py_complex_part(self.im);
        if self.re == 0.0 && self.re.is_sign_positive() {
            return format!("{im}j");
        }
        let sign = if im.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{im}j)", py_complex_part(self.re))
    }
}

/// A part as CPython's `repr` format 'r' without the added `.0`: `2`, `1.5`, `1e+16`.
fn py_complex_part(x: f64) -> String {
    let text = py_float_repr(x);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

impl std::ops::Add for PyComplex {
    type Output = PyComplex;
    fn add(self, b: PyComplex) -> PyComplex {
        PyComplex::new(self.re + b.re, self.im + b.im)
    }
}

impl std::ops::Sub for PyComplex {
    type Output = PyComplex;
    fn sub(self, b: PyComplex) -> PyComplex {
        PyComplex::new(self.re - b.re, self.im - b.im)
    }
}

impl std::ops::Mul for PyComplex {
    type Output = PyComplex;
    /// CPython's `_Py_c_prod`.
    fn mul(self, b: PyComplex) -> PyComplex {
        PyComplex::new(self.re * b.re - self.im * b.im, self.re * b.im + self.im * b.re)
    }
}

impl std::ops::Neg for PyComplex {
    type Output = PyComplex;
    fn neg(self) -> PyComplex {
        PyComplex::new(-self.re, -self.im)
    }
}
// @end
