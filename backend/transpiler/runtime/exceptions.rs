// Python exceptions as Rust values. Translated functions that can raise return
// `Result<_, PyException>`; `main` hands an uncaught one to `py_uncaught`.

// @helper py_exception
/// A catchable Python exception: `kind` is the class name, `msg` is `str(e)`; `payload`
/// carries the extra attributes a user exception's `__init__` sets (a per-class struct),
/// `cause` is `raise ... from cause`.
#[derive(Clone)]
#[allow(dead_code)]
struct PyException {
    kind: &'static str,
    msg: String,
    payload: Option<std::sync::Arc<dyn std::any::Any + Send + Sync>>,
    cause: Option<Box<PyException>>,
}

#[allow(dead_code)]
impl PyException {
    /// Mirrors `Kind(msg)`.
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        PyException { kind, msg: msg.into(), payload: None, cause: None }
    }

    /// Mirrors `isinstance(e, (K1, K2, ...))`; the caller lists every matching class name.
    fn is_a(&self, kinds: &[&str]) -> bool {
        kinds.contains(&self.kind)
    }

    /// Attaches the attributes of a user exception class (read back with `payload`).
    fn with_payload<T: std::any::Any + Send + Sync>(mut self, payload: T) -> Self {
        self.payload = Some(std::sync::Arc::new(payload));
        self
    }

    /// The attributes attached by `with_payload`; the translator only asks for the struct
    /// of the class the handler caught, so a mismatch is a translator bug.
    fn payload<T: std::any::Any>(&self) -> &T {
        self.payload
            .as_ref()
            .and_then(|p| p.downcast_ref::<T>())
            .expect("AttributeError: exception attributes")
    }

    /// Mirrors `raise self from cause`.
    fn with_cause(mut self, cause: PyException) -> Self {
        self.cause = Some(Box::new(cause));
        self
    }
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::fmt::Debug for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({:?})", self.kind, self.msg)
    }
}

impl PartialEq for PyException {
    /// Same class and message (attributes are not compared).
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.msg == other.msg
    }
}

impl std::error::Error for PyException {}
// @end

// @helper py_checked_index
// @needs py_exception
/// `v[i]` where a handler catches IndexError: the checked index, or `Err(IndexError)`.
fn py_checked_index(i: i64, len: usize, what: &str) -> Result<usize, PyException> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyException::new("IndexError", format!("{what} index out of range")));
    }
    Ok(j as usize)
}
// @end

// @helper py_checked_floordiv
// @needs py_exception, py_floordiv
/// `a // b` where a handler catches ZeroDivisionError.
fn py_checked_floordiv(a: i64, b: i64) -> Result<i64, PyException> {
    if b == 0 {
        return Err(PyException::new("ZeroDivisionError", "integer division or modulo by zero"));
    }
    Ok(py_floordiv(a, b))
}
// @end

// @helper py_checked_mod
// @needs py_exception, py_mod
/// `a % b` where a handler catches ZeroDivisionError.
fn py_checked_mod(a: i64, b: i64) -> Result<i64, PyException> {
    if b == 0 {
        return Err(PyException::new("ZeroDivisionError", "integer modulo by zero"));
    }
    Ok(py_mod(a, b))
}
// @end

// @helper py_checked_div
// @needs py_exception
/// `a / b` where a handler catches ZeroDivisionError; `message` is CPython's for the
/// operand types (`division by zero` for ints, `float division by zero` for floats).
fn py_checked_div(a: f64, b: f64, message: &str) -> Result<f64, PyException> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", message.to_string()));
    }
    Ok(a / b)
}
// @end

// @helper py_uncaught
// @needs py_exception
/// Mirrors CPython's report of an uncaught exception: traceback header, `Kind: msg`, exit 1.
fn py_uncaught(e: PyException) -> ! {
    let _ = std::io::Write::flush(&mut std::io::stdout());
    eprintln!("Traceback (most recent call last):");
    eprintln!("  ...");
    if e.msg.is_empty() {
        eprintln!("{}", e.kind);
    } else {
        eprintln!("{}: {}", e.kind, e.msg);
    }
    std::process::exit(1)
}
// @end
