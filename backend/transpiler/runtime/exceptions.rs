// Python exceptions as Rust values. Translated functions that can raise return
// `Result<_, PyException>`; `main` hands an uncaught one to `py_uncaught`.

// @helper py_exception
/// A catchable Python exception: `kind` is the class name, `msg` is `str(e)`.
#[derive(Debug, Clone, PartialEq)]
#[allow(dead_code)]
struct PyException {
    kind: &'static str,
    msg: String,
}

#[allow(dead_code)]
impl PyException {
    /// Mirrors `Kind(msg)`.
    fn new(kind: &'static str, msg: impl Into<String>) -> Self {
        PyException { kind, msg: msg.into() }
    }

    /// Mirrors `isinstance(e, (K1, K2, ...))`; the caller lists every matching class name.
    fn is_a(&self, kinds: &[&str]) -> bool {
        kinds.contains(&self.kind)
    }
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for PyException {}
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
