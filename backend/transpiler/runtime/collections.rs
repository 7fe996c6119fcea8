// collections.Counter and collections.defaultdict views over PyDict.

// @helper py_counter_most_common
// @needs py_dict
/// Python's `Counter.most_common(n)`: by count, descending; ties keep insertion order.
fn py_counter_most_common<K: Clone + std::hash::Hash + Eq>(c: &PyDict<K, i64>, n: Option<i64>) -> Vec<(K, i64)> {
    let mut items: Vec<(K, i64)> = c.iter().map(|(k, v)| (k.clone(), *v)).collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.1)); // stable, like CPython
    if let Some(n) = n {
        items.truncate(n.max(0) as usize);
    }
    items
}
// @end

// @helper py_counter_repr
// @needs py_counter_most_common, py_fmt
/// Python's `repr(Counter)`: `Counter({'a': 3, 'b': 1})`, most common first; `Counter()` if empty.
fn py_counter_repr<K: PyFmt + Clone + std::hash::Hash + Eq>(c: &PyDict<K, i64>) -> String {
    if c.is_empty() {
        return "Counter()".to_string();
    }
    let items: Vec<String> = py_counter_most_common(c, None)
        .iter()
        .map(|(k, v)| format!("{}: {}", k.py_repr(), v))
        .collect();
    format!("Counter({{{}}})", items.join(", "))
}
// @end

// @helper py_defaultdict_repr
// @needs py_dict, py_fmt
/// Python's `repr(defaultdict)`: `defaultdict(<class 'int'>, {...})`; `factory_name` is the
/// default factory's class name (`int`, `list`, `set`, `str`, ...).
fn py_defaultdict_repr<K: PyFmt, V: PyFmt>(d: &PyDict<K, V>, factory_name: &str) -> String {
    format!("defaultdict(<class '{factory_name}'>, {})", d.py_repr())
}
// @end

// @helper py_deque
// @needs py_fmt
/// Python's `collections.deque`: a `VecDeque` (its methods reached through `Deref`) that
/// remembers `maxlen`. Appending to a full bounded deque drops an item from the other end;
/// the repr shows `maxlen=`. Equality ignores `maxlen`, as in Python.
#[allow(dead_code)]
#[derive(Clone, Debug)]
struct PyDeque<T> {
    items: std::collections::VecDeque<T>,
    maxlen: Option<usize>,
}

#[allow(dead_code)]
impl<T> PyDeque<T> {
    fn new() -> Self {
        PyDeque { items: std::collections::VecDeque::new(), maxlen: None }
    }
    /// `deque(iterable, maxlen)`: only the last `maxlen` items stay.
    fn bounded(items: impl IntoIterator<Item = T>, maxlen: i64) -> Self {
        if maxlen < 0 {
            panic!("ValueError: maxlen must be non-negative");
        }
        let mut deque = PyDeque { items: std::collections::VecDeque::new(), maxlen: Some(maxlen as usize) };
        deque.extend(items);
        deque
    }
    fn push_back(&mut self, item: T) {
        if let Some(maxlen) = self.maxlen {
            if maxlen == 0 {
                return;
            }
            if self.items.len() == maxlen {
                self.items.pop_front();
            }
        }
        self.items.push_back(item);
    }
    fn push_front(&mut self, item: T) {
        if let Some(maxlen) = self.maxlen {
            if maxlen == 0 {
                return;
            }
            if self.items.len() == maxlen {
                self.items.pop_back();
            }
        }
        self.items.push_front(item);
    }
    fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        for item in items {
            self.push_back(item);
        }
    }
}

impl<T> Default for PyDeque<T> {
    fn default() -> Self {
        PyDeque::new()
    }
}

impl<T> std::ops::Deref for PyDeque<T> {
    type Target = std::collections::VecDeque<T>;
    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

impl<T> std::ops::DerefMut for PyDeque<T> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.items
    }
}

impl<T: PartialEq> PartialEq for PyDeque<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<T> FromIterator<T> for PyDeque<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        PyDeque { items: iter.into_iter().collect(), maxlen: None }
    }
}

impl<T> IntoIterator for PyDeque<T> {
    type Item = T;
    type IntoIter = std::collections::vec_deque::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a PyDeque<T> {
    type Item = &'a T;
    type IntoIter = std::collections::vec_deque::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut PyDeque<T> {
    type Item = &'a mut T;
    type IntoIter = std::collections::vec_deque::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut()
    }
}

/// `deque([1, 2])`, `deque(['a'], maxlen=3)`.
impl<T: PyFmt> PyFmt for PyDeque<T> {
    fn py_repr(&self) -> String {
        match self.maxlen {
            Some(maxlen) => format!("deque([{}], maxlen={maxlen})", py_fmt_join(&self.items)),
            None => format!("deque([{}])", py_fmt_join(&self.items)),
        }
    }
}
// @end
