// PyDict: Python's insertion-ordered dict, with a HashMap-like API.

// @helper py_dict
/// Python's `dict`: iteration follows insertion order; re-inserting a key keeps its place.
///
/// Entries live in a Vec in insertion order (removed ones become `None` until the next
/// compaction); `slots` is an open-addressing table of entry positions, like CPython's.
#[derive(Clone)]
struct PyDict<K, V> {
    entries: Vec<Option<(u64, K, V)>>,
    slots: Vec<usize>,
    used_slots: usize,
    len: usize,
    /// `defaultdict(lambda: -1)`: a missing key's value (None: the value type's `Default`)
    factory: Option<fn() -> V>,
}

const PY_DICT_EMPTY: usize = usize::MAX;

/// The hasher of the runtime's tables: FxHash's word mixing, finished by a folded 128-bit
/// multiply so that the low bits the table indexes by depend on every input bit. Fast and
/// deterministic; no hash-flooding defence (SipHash's cost bought nothing observable: the
/// dict's order is its insertion order, whatever the hash).
struct PyFastHasher {
    state: u64,
}

impl PyFastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for PyFastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let wide = u128::from(self.state) * 0x9e37_79b9_7f4a_7c15;
        (wide as u64) ^ ((wide >> 64) as u64)
    }
}

#[allow(dead_code)]
impl<K, V> PyDict<K, V> {
    /// `{}`.
    fn new() -> Self {
        PyDict { entries: Vec::new(), slots: Vec::new(), used_slots: 0, len: 0, factory: None }
    }

    /// `defaultdict(lambda: c, ...)`: missing keys get `factory()`.
    fn with_factory(mut self, factory: fn() -> V) -> Self {
        self.factory = Some(factory);
        self
    }

    /// What a defaultdict gives a missing key: its factory's value, else `V::default()`.
    fn py_missing_value(&self) -> V
    where
        V: Default,
    {
        self.factory.map_or_else(V::default, |f| f())
    }

    /// `len(d)`.
    fn len(&self) -> usize {
        self.len
    }

    /// `not d`.
    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `d.clear()`.
    fn clear(&mut self) {
        *self = PyDict::new();
    }

    /// `d.items()` in insertion order.
    fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }

    /// `d.items()` with mutable values.
    fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> + '_ {
        self.entries.iter_mut().flatten().map(|(_, k, v)| (&*k, v))
    }

    /// `d.keys()` in insertion order.
    fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// `d.values()` in insertion order.
    fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// `d.values()` as mutable references.
    fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + '_ {
        self.iter_mut().map(|(_, v)| v)
    }

    /// `d.popitem()`: removes and returns the last inserted pair.
    fn pop_last(&mut self) -> Option<(K, V)> {
        let i = self.entries.iter().rposition(Option::is_some)?;
        let (_, k, v) = self.entries[i].take()?;
        self.len -= 1;
        self.entries.truncate(i); // slots pointing past the end are skipped by `find`
        Some((k, v))
    }
}

#[allow(dead_code)]
impl<K: std::hash::Hash + Eq, V> PyDict<K, V> {
    /// `{}` with room for `n` items.
    fn with_capacity(n: usize) -> Self {
        let mut d = PyDict::new();
        d.entries.reserve(n);
        d.rebuild(n);
        d
    }

    /// The key's hash (deterministic, the same for `K` and its `Borrow` forms).
    #[inline]
    fn hash_of<Q: std::hash::Hash + ?Sized>(key: &Q) -> u64 {
        let mut h = PyFastHasher { state: 0 };
        key.hash(&mut h);
        std::hash::Hasher::finish(&h)
    }

    /// Probes for `key`: `Ok(entry index)` if present, else `Err(free slot index)`.
    fn find<Q>(&self, hash: u64, key: &Q) -> Result<usize, usize>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let mask = self.slots.len().wrapping_sub(1);
        let mut s = hash as usize & mask;
        loop {
            match self.slots.get(s) {
                None => return Err(s),
                Some(&PY_DICT_EMPTY) => return Err(s),
                Some(&e) => {
                    if let Some(Some((h, k, _))) = self.entries.get(e) {
                        if *h == hash && k.borrow() == key {
                            return Ok(e);
                        }
                    }
                }
            }
            s = (s + 1) & mask;
        }
    }

    /// Drops tombstones and rebuilds the slot table with room for `extra` more entries.
    fn rebuild(&mut self, extra: usize) {
        self.entries.retain(Option::is_some);
        let size = ((self.entries.len() + extra) * 2).next_power_of_two().max(8);
        self.slots = vec![PY_DICT_EMPTY; size];
        let mask = size - 1;
        for (i, (h, _, _)) in self.entries.iter().flatten().enumerate() {
            let mut s = *h as usize & mask;
            while self.slots[s] != PY_DICT_EMPTY {
                s = (s + 1) & mask;
            }
            self.slots[s] = i;
        }
        self.used_slots = self.entries.len();
    }

    /// `d[k] = v`; returns the old value. An existing key keeps its position.
    fn insert(&mut self, key: K, value: V) -> Option<V> {
        let hash = Self::hash_of(&key);
        if let Ok(e) = self.find(hash, &key) {
            return self.entries[e].as_mut().map(|entry| std::mem::replace(&mut entry.2, value));
        }
        if (self.used_slots + 1) * 3 > self.slots.len() * 2 {
            self.rebuild(self.len + 1);
        }
        let Err(slot) = self.find(hash, &key) else { unreachable!() };
        self.slots[slot] = self.entries.len();
        self.used_slots += 1;
        self.entries.push(Some((hash, key, value)));
        self.len += 1;
        None
    }

    /// `d.get(k)`.
    fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let e = self.find(Self::hash_of(key), key).ok()?;
        self.entries[e].as_ref().map(|(_, _, v)| v)
    }

    /// defaultdict `d[k]` on a dict that cannot grow here (a shared borrow): the value, or
    /// what the factory gives a missing key (not inserted).
    fn py_default_get<Q>(&self, key: &Q) -> V
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
        V: Clone + Default,
    {
        self.get(key).cloned().unwrap_or_else(|| self.py_missing_value())
    }

    /// A mutable `d[k]`, if present.
    fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let e = self.find(Self::hash_of(key), key).ok()?;
        self.entries[e].as_mut().map(|(_, _, v)| v)
    }

    /// `k in d`.
    fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.find(Self::hash_of(key), key).is_ok()
    }

    /// `d.pop(k, None)` / `del d[k]`: the rest keep their order.
    fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let e = self.find(Self::hash_of(key), key).ok()?;
        let (_, _, v) = self.entries[e].take()?;
        self.len -= 1;
        if self.len * 2 < self.entries.len() {
            self.rebuild(0);
        }
        Some(v)
    }

    /// defaultdict `d[k]`: the value, inserted from the factory if missing.
    fn py_default_entry(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let factory = self.factory;
        self.get_or_insert_with(key, || factory.map_or_else(V::default, |f| f()))
    }

    /// `d.setdefault(k, f())` / defaultdict access: the value, inserted by `f` if missing.
    fn get_or_insert_with(&mut self, key: K, f: impl FnOnce() -> V) -> &mut V {
        let e = match self.find(Self::hash_of(&key), &key) {
            Ok(e) => e,
            Err(_) => {
                self.insert(key, f());
                self.entries.len() - 1
            }
        };
        match &mut self.entries[e] {
            Some((_, _, v)) => v,
            None => unreachable!("PyDict: live entry expected"),
        }
    }
}

impl<K, V> Default for PyDict<K, V> {
    fn default() -> Self {
        PyDict::new()
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for PyDict<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// `d1 == d2`: same keys and values, in any order.
impl<K: std::hash::Hash + Eq, V: PartialEq> PartialEq for PyDict<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<K: std::hash::Hash + Eq, V: Eq> Eq for PyDict<K, V> {}

/// The key as Python would show it in a `KeyError` (Rust's `Debug`, Python's quotes).
fn py_key_error<Q: std::fmt::Debug + ?Sized>(key: &Q) -> String {
    let shown = format!("{key:?}");
    if shown.contains('\'') {
        format!("KeyError: {shown}")
    } else {
        format!("KeyError: {}", shown.replace('"', "'"))
    }
}

/// `d[k]`; a missing key raises `KeyError: <repr of key>`.
impl<K, V, Q> std::ops::Index<&Q> for PyDict<K, V>
where
    K: std::hash::Hash + Eq + std::borrow::Borrow<Q>,
    Q: std::hash::Hash + Eq + std::fmt::Debug + ?Sized,
{
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key).unwrap_or_else(|| panic!("{}", py_key_error(key)))
    }
}

/// `d[k] += ...`; a missing key raises `KeyError: <repr of key>`.
impl<K, V, Q> std::ops::IndexMut<&Q> for PyDict<K, V>
where
    K: std::hash::Hash + Eq + std::borrow::Borrow<Q>,
    Q: std::hash::Hash + Eq + std::fmt::Debug + ?Sized,
{
    fn index_mut(&mut self, key: &Q) -> &mut V {
        let message = py_key_error(key);
        self.get_mut(key).unwrap_or_else(|| panic!("{message}"))
    }
}

impl<K: std::hash::Hash + Eq, V> FromIterator<(K, V)> for PyDict<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut d = PyDict::new();
        d.extend(iter);
        d
    }
}

/// `d.update(pairs)`.
impl<K: std::hash::Hash + Eq, V> Extend<(K, V)> for PyDict<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K, V> IntoIterator for PyDict<K, V> {
    type Item = (K, V);
    type IntoIter = std::iter::Map<std::iter::Flatten<std::vec::IntoIter<Option<(u64, K, V)>>>, fn((u64, K, V)) -> (K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter().flatten().map(|(_, k, v)| (k, v))
    }
}

impl<'a, K, V> IntoIterator for &'a PyDict<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::iter::Flatten<std::slice::Iter<'a, Option<(u64, K, V)>>>, fn(&'a (u64, K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }
}

impl<'a, K, V> IntoIterator for &'a mut PyDict<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = std::iter::Map<std::iter::Flatten<std::slice::IterMut<'a, Option<(u64, K, V)>>>, fn(&'a mut (u64, K, V)) -> (&'a K, &'a mut V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter_mut().flatten().map(|(_, k, v)| (&*k, v))
    }
}

// @end

// @helper py_dict_fmt
// @needs py_dict, py_fmt
// @with py_dict, py_fmt
/// `str(d)` / `repr(d)`: `{'a': 1, 'b': 2}` (emitted whenever dicts and printing meet).
impl<K: PyFmt, V: PyFmt> PyFmt for PyDict<K, V> {
    fn py_repr(&self) -> String {
        let items: Vec<String> = self.iter().map(|(k, v)| format!("{}: {}", k.py_repr(), v.py_repr())).collect();
        format!("{{{}}}", items.join(", "))
    }
}
// @end
