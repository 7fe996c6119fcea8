// Python generators as lazy iterators. The body is an `async` block, which rustc compiles to
// a state machine with one resume point per `yield`: `next()` polls it once, and a `yield`
// parks its value and suspends. No threads, no allocation per item; side effects interleave
// with the consumer's exactly as in Python, and the body starts at the first `next()`.

// @helper py_generator
/// What a generator body and its consumer share: the value in transit, and whether the
/// generator is being closed.
struct PyGenChannel<T> {
    value: std::cell::Cell<Option<T>>,
    closing: std::cell::Cell<bool>,
}

/// The body's handle to `yield`: `co.yield_(v).await?` parks `v` for the consumer and
/// suspends the body until the next `next()`.
struct Yielder<T> {
    channel: std::rc::Rc<PyGenChannel<T>>,
}

impl<T> Yielder<T> {
    /// Python's `yield v`. Resumes with `Some(())`, or `None` when the generator is closed
    /// while suspended here (Python's GeneratorExit): the body then leaves through its
    /// `finally` blocks.
    fn yield_(&self, v: T) -> PySuspend<'_> {
        self.channel.value.set(Some(v));
        PySuspend { closing: &self.channel.closing, suspended: false }
    }
}

/// Suspends the generator body exactly once.
struct PySuspend<'a> {
    closing: &'a std::cell::Cell<bool>,
    suspended: bool,
}

impl std::future::Future for PySuspend<'_> {
    type Output = Option<()>;

    fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Option<()>> {
        if !self.suspended {
            self.suspended = true;
            return std::task::Poll::Pending;
        }
        std::task::Poll::Ready(if self.closing.get() { None } else { Some(()) })
    }
}

type PyGenBody = std::pin::Pin<Box<dyn std::future::Future<Output = Option<()>>>>;

/// A Python generator object: an `Iterator` whose body starts at the first `next()`.
struct PyGenerator<T> {
    channel: std::rc::Rc<PyGenChannel<T>>,
    body: Option<PyGenBody>,
    started: bool,
}

impl<T> PyGenerator<T> {
    /// Wraps a generator body (`move |co| async move { ... }`); an `async` block does
    /// nothing until polled, so nothing runs before the first `next()`.
    fn new<F: std::future::Future<Output = Option<()>> + 'static>(body: impl FnOnce(Yielder<T>) -> F) -> Self {
        let channel = std::rc::Rc::new(PyGenChannel { value: std::cell::Cell::new(None), closing: std::cell::Cell::new(false) });
        let future = body(Yielder { channel: channel.clone() });
        PyGenerator { channel, body: Some(Box::pin(future)), started: false }
    }

    /// Runs the body to its next `yield` (`Pending`) or its end (`Ready`).
    fn resume(body: &mut PyGenBody) -> std::task::Poll<Option<()>> {
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        body.as_mut().poll(&mut context)
    }
}

impl<T> Iterator for PyGenerator<T> {
    type Item = T;

    /// The next yielded value; a panic of the body (an uncaught exception) propagates to
    /// the consumer as in Python.
    fn next(&mut self) -> Option<T> {
        // taken out while it runs: a body that raised is finished, as in Python
        let mut body = self.body.take()?;
        self.started = true;
        match Self::resume(&mut body) {
            std::task::Poll::Pending => {
                self.body = Some(body);
                self.channel.value.take()
            }
            std::task::Poll::Ready(_) => None,
        }
    }
}

impl<T> Drop for PyGenerator<T> {
    /// Like `gen.close()` when the last reference goes: a body suspended at a `yield`
    /// resumes with `None` and runs its `finally` blocks; one never started runs nothing.
    fn drop(&mut self) {
        if let Some(mut body) = self.body.take() {
            if self.started && !std::thread::panicking() {
                self.channel.closing.set(true);
                let _ = Self::resume(&mut body);
            }
        }
    }
}
// @end
