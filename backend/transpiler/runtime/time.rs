// Python's `time` module: clocks as f64 seconds (or i64 nanoseconds).

// @helper py_perf_counter
// @needs py_perf_counter_ns
/// `time.perf_counter()` / `time.monotonic()`: seconds on a monotonic clock from an
/// arbitrary start (the first call), as in CPython only differences are meaningful.
fn py_perf_counter() -> f64 {
    py_perf_counter_ns() as f64 / 1e9
}
// @end

// @helper py_perf_counter_ns
/// `time.perf_counter_ns()`: nanoseconds on a monotonic clock from the first call.
fn py_perf_counter_ns() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = START.get_or_init(std::time::Instant::now);
    start.elapsed().as_nanos() as i64
}
// @end

// @helper py_time
// @needs py_time_ns
/// `time.time()`: seconds since the Unix epoch (negative before it, as in CPython).
fn py_time() -> f64 {
    py_time_ns() as f64 / 1e9
}
// @end

// @helper py_time_ns
/// `time.time_ns()`: nanoseconds since the Unix epoch.
fn py_time_ns() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i64,
        Err(e) => -(e.duration().as_nanos() as i64),
    }
}
// @end

// @helper py_sleep
/// `time.sleep(secs)`: negative values raise ValueError as in CPython.
fn py_sleep(secs: f64) {
    if secs.is_nan() {
        panic!("ValueError: Invalid value NaN (not a number)");
    }
    if secs < 0.0 {
        panic!("ValueError: sleep length must be non-negative");
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
}
// @end
