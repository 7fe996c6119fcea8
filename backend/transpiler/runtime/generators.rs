// Python generators as lazy iterators. The body is an `async` block, which rustc compiles to
// a state machine with one resume point per `yield`: `next()` polls it once, and a `yield`
// parks its value and suspends. No threads, no allocation per item; side effects interleave
// with the consumer's exactly as in Python, and the body starts at the first `next()`.

// @helper py_generator
/// The body's handle to `yield`: `co.yield_(v).await?` parks `v` for the consumer and
/// suspends the body until the next `next()`.
struct Yielder<T> {
    slot: std::rc::Rc<std::cell::Cell<Option<T>>>,
}

impl<T> Yielder<T> {
    /// Python's `yield v`; resumes with `Some(())` (the `?` keeps the body's early exits
    /// uniform with fallible code).
    fn yield_(&self, v: T) -> PySuspend {
        self.slot.set(Some(v));
        PySuspend { suspended: false }
    }
}

/// Suspends the generator body exactly once.
struct PySuspend {
    suspended: bool,
}

impl std::future::Future for PySuspend {
    type Output = Option<()>;

    fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<Option<()>> {
        if self.suspended {
            std::task::Poll::Ready(Some(()))
        } else {
            self.suspended = true;
            std::task::Poll::Pending
        }
    }
}

/// A Python generator object: an `Iterator` whose body starts at the first `next()`.
struct PyGenerator<T> {
    slot: std::rc::Rc<std::cell::Cell<Option<T>>>,
    body: Option<std::pin::Pin<Box<dyn std::future::Future<Output = Option<()>>>>>,
}

impl<T> PyGenerator<T> {
    /// Wraps a generator body (`move |co| async move { ... }`); an `async` block does
    /// nothing until polled, so nothing runs before the first `next()`.
    fn new<F: std::future::Future<Output = Option<()>> + 'static>(body: impl FnOnce(Yielder<T>) -> F) -> Self {
        let slot = std::rc::Rc::new(std::cell::Cell::new(None));
        let future = body(Yielder { slot: slot.clone() });
        PyGenerator { slot, body: Some(Box::pin(future)) }
    }
}

impl<T> Iterator for PyGenerator<T> {
    type Item = T;

    /// Runs the body to its next `yield` (a pending poll) or its end; a panic of the body
    /// (an uncaught exception) propagates to the consumer as in Python.
    fn next(&mut self) -> Option<T> {
        // taken out while it runs: a body that raised is finished, as in Python
        let mut body = self.body.take()?;
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        match body.as_mut().poll(&mut context) {
            std::task::Poll::Pending => {
                self.body = Some(body);
                self.slot.take()
            }
            std::task::Poll::Ready(_) => None,
        }
    }
}
// @end
