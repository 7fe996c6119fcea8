// Python generators as lazy iterators: the body runs on its own thread and
// strictly alternates with the consumer, so side effects interleave as in Python.

// @helper py_generator
/// The body's handle to `yield`: `co.yield_(v)?` suspends until the consumer asks for more.
struct Yielder<T> {
    values: std::sync::mpsc::Sender<T>,
    resume: std::sync::mpsc::Receiver<()>,
}

impl<T> Yielder<T> {
    /// Python's `yield v`; `None` once the generator was dropped, so the body stops with `?`.
    fn yield_(&self, v: T) -> Option<()> {
        self.values.send(v).ok()?;
        self.resume.recv().ok()
    }
}

type PyGenBody<T> = Box<dyn FnOnce(&Yielder<T>) -> Option<()> + Send>;

enum PyGenState<T> {
    NotStarted(PyGenBody<T>),
    Running {
        resume: std::sync::mpsc::Sender<()>,
        values: std::sync::mpsc::Receiver<T>,
        thread: std::thread::JoinHandle<()>,
    },
    Done,
}

/// A Python generator object: an `Iterator` whose body starts at the first `next()`.
struct PyGenerator<T> {
    state: PyGenState<T>,
}

impl<T: Send + 'static> PyGenerator<T> {
    /// Wraps a generator body; nothing runs until the first `next()`.
    fn new(body: impl FnOnce(&Yielder<T>) -> Option<()> + Send + 'static) -> Self {
        PyGenerator { state: PyGenState::NotStarted(Box::new(body)) }
    }

    /// Spawns the body's thread; it waits for the first resume signal before running.
    fn start(body: PyGenBody<T>) -> PyGenState<T> {
        let (resume_tx, resume_rx) = std::sync::mpsc::channel();
        let (values_tx, values_rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            if resume_rx.recv().is_ok() {
                let _ = body(&Yielder { values: values_tx, resume: resume_rx });
            }
        });
        PyGenState::Running { resume: resume_tx, values: values_rx, thread }
    }

    /// Marks the generator exhausted; re-raises a panic of the body in the consumer.
    fn finish(&mut self) {
        if let PyGenState::Running { resume, values, thread } = std::mem::replace(&mut self.state, PyGenState::Done) {
            drop((resume, values));
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
    }
}

impl<T: Send + 'static> Iterator for PyGenerator<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        if matches!(self.state, PyGenState::NotStarted(_)) {
            if let PyGenState::NotStarted(body) = std::mem::replace(&mut self.state, PyGenState::Done) {
                self.state = Self::start(body);
            }
        }
        let PyGenState::Running { resume, values, .. } = &self.state else {
            return None;
        };
        let value = resume.send(()).ok().and_then(|()| values.recv().ok());
        if value.is_none() {
            self.finish();
        }
        value
    }
}

impl<T> Drop for PyGenerator<T> {
    /// Like `gen.close()`: the suspended body's `yield_` returns `None`; waits for it to stop.
    fn drop(&mut self) {
        if let PyGenState::Running { resume, values, thread } = std::mem::replace(&mut self.state, PyGenState::Done) {
            drop((resume, values));
            let _ = thread.join();
        }
    }
}
// @end
