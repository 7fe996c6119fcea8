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
