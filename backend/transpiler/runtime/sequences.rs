// Python list semantics on Vec/slices: indexing, slicing, list methods,
// min/max, stable sorts, heapq and bisect with CPython's exact algorithms.

// @helper py_index
/// Python's `v[i]` index check: negative counts from the end; out of range raises IndexError.
fn py_index(i: i64, len: usize) -> usize {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        panic!("IndexError: list index out of range");
    }
    j as usize
}
// @end

// @helper py_slice
// @needs py_slice_indices
/// Python's `v[start:stop:step]` for a list.
fn py_slice<T: Clone>(v: &[T], start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<T> {
    py_slice_indices(v.len(), start, stop, step).into_iter().map(|i| v[i].clone()).collect()
}
// @end

// @helper py_slice_assign
// @needs py_slice_indices
/// Python's `v[start:stop:step] = items`: a contiguous slice is replaced (it may grow or
/// shrink the list); an extended slice needs exactly as many items as it selects.
fn py_slice_assign<T>(v: &mut Vec<T>, start: Option<i64>, stop: Option<i64>, step: i64, items: Vec<T>) {
    if step == 1 {
        let n = v.len() as i64;
        let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let lo = start.map_or(0, clamp);
        let hi = stop.map_or(n, clamp).max(lo);
        v.splice(lo as usize..hi as usize, items);
        return;
    }
    let indices = py_slice_indices(v.len(), start, stop, step);
    if indices.len() != items.len() {
        panic!(
            "ValueError: attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            indices.len()
        );
    }
    for (i, item) in indices.into_iter().zip(items) {
        v[i] = item;
    }
}
// @end

// @helper py_slice_delete
// @needs py_slice_indices
/// Python's `del v[start:stop:step]`.
fn py_slice_delete<T>(v: &mut Vec<T>, start: Option<i64>, stop: Option<i64>, step: i64) {
    let mut indices = py_slice_indices(v.len(), start, stop, step);
    indices.sort_unstable();
    for i in indices.into_iter().rev() {
        v.remove(i);
    }
}
// @end

// @helper py_list_index
/// Python's `v.index(x)`: position of the first equal element.
fn py_list_index<T: PartialEq>(v: &[T], x: &T) -> i64 {
    match v.iter().position(|e| e == x) {
        Some(i) => i as i64,
        None => panic!("ValueError: x is not in list"),
    }
}
// @end

// @helper py_list_remove
/// Python's `v.remove(x)`: removes the first equal element.
fn py_list_remove<T: PartialEq>(v: &mut Vec<T>, x: &T) {
    match v.iter().position(|e| e == x) {
        Some(i) => {
            v.remove(i);
        }
        None => panic!("ValueError: list.remove(x): x not in list"),
    }
}
// @end

// @helper py_list_pop
/// Python's `v.pop(i)` (the translator passes -1 for `v.pop()`).
fn py_list_pop<T>(v: &mut Vec<T>, i: i64) -> T {
    if v.is_empty() {
        panic!("IndexError: pop from empty list");
    }
    let j = if i < 0 { i + v.len() as i64 } else { i };
    if j < 0 || j >= v.len() as i64 {
        panic!("IndexError: pop index out of range");
    }
    v.remove(j as usize)
}
// @end

// @helper py_list_insert
/// Python's `v.insert(i, x)`: the index is clamped to the list, never an error.
fn py_list_insert<T>(v: &mut Vec<T>, i: i64, x: T) {
    let len = v.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    v.insert(j as usize, x);
}
// @end

// @helper py_max_by
/// Python's `max(items, key=key)`: the first maximal element wins.
fn py_max_by<T, K: PartialOrd>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> K) -> T {
    let mut it = items.into_iter();
    let first = it.next().unwrap_or_else(|| panic!("ValueError: max() arg is an empty sequence"));
    let mut best_key = key(&first);
    let mut best = first;
    for item in it {
        let k = key(&item);
        if k > best_key {
            (best, best_key) = (item, k);
        }
    }
    best
}
// @end

// @helper py_min_by
/// Python's `min(items, key=key)`: the first minimal element wins.
fn py_min_by<T, K: PartialOrd>(items: impl IntoIterator<Item = T>, key: impl Fn(&T) -> K) -> T {
    let mut it = items.into_iter();
    let first = it.next().unwrap_or_else(|| panic!("ValueError: min() arg is an empty sequence"));
    let mut best_key = key(&first);
    let mut best = first;
    for item in it {
        let k = key(&item);
        if k < best_key {
            (best, best_key) = (item, k);
        }
    }
    best
}
// @end

// @helper py_max
/// Python's `max(items)` (works for floats): the first maximal element wins.
fn py_max<T: PartialOrd>(items: impl IntoIterator<Item = T>) -> T {
    let mut it = items.into_iter();
    let mut best = it.next().unwrap_or_else(|| panic!("ValueError: max() arg is an empty sequence"));
    for item in it {
        if item > best {
            best = item;
        }
    }
    best
}
// @end

// @helper py_min
/// Python's `min(items)` (works for floats): the first minimal element wins.
fn py_min<T: PartialOrd>(items: impl IntoIterator<Item = T>) -> T {
    let mut it = items.into_iter();
    let mut best = it.next().unwrap_or_else(|| panic!("ValueError: min() arg is an empty sequence"));
    for item in it {
        if item < best {
            best = item;
        }
    }
    best
}
// @end

// @helper py_sort_order
/// The permutation a stable Python sort applies to `keys`, using only `<` like CPython
/// (so floats, NaN included, never make it panic); `reverse` keeps equal keys in order.
fn py_sort_order<K: PartialOrd>(keys: &[K], reverse: bool) -> Vec<usize> {
    // `before(a, b)`: element a must move in front of element b.
    let before = |a: usize, b: usize| if reverse { keys[b] < keys[a] } else { keys[a] < keys[b] };
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut buf = order.clone();
    let mut width = 1;
    while width < order.len() {
        for lo in (0..order.len()).step_by(2 * width) {
            let mid = (lo + width).min(order.len());
            let hi = (lo + 2 * width).min(order.len());
            let (mut i, mut j) = (lo, mid);
            for slot in buf.iter_mut().take(hi).skip(lo) {
                if j < hi && (i >= mid || before(order[j], order[i])) {
                    *slot = order[j];
                    j += 1;
                } else {
                    *slot = order[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut buf);
        width *= 2;
    }
    order
}
// @end

// @helper py_apply_order
/// Rearranges `v` so that `v[p]` becomes the old `v[order[p]]`, in place.
fn py_apply_order<T>(v: &mut [T], order: &[usize]) {
    let mut dest = vec![0; order.len()];
    for (p, &src) in order.iter().enumerate() {
        dest[src] = p;
    }
    for i in 0..v.len() {
        while dest[i] != i {
            let d = dest[i];
            v.swap(i, d);
            dest.swap(i, d);
        }
    }
}
// @end

// @helper py_sort_by_key
// @needs py_sort_order, py_apply_order
/// Python's `v.sort(key=key, reverse=reverse)`: stable, key called once per element.
fn py_sort_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K, reverse: bool) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = py_sort_order(&keys, reverse);
    py_apply_order(v, &order);
}
// @end

// @helper py_sort
// @needs py_sort_order, py_apply_order
/// Python's `v.sort(reverse=reverse)`: stable, works for floats and tuples of floats.
fn py_sort<T: PartialOrd>(v: &mut [T], reverse: bool) {
    let order = py_sort_order(v, reverse);
    py_apply_order(v, &order);
}
// @end

// @helper py_sort_floats
// @needs py_sort
/// Python's `v.sort(reverse=reverse)` on floats (or tuples holding floats): with no NaN,
/// `<` is a total preorder and any stable sort gives CPython's result, so std's stable sort
/// does it; with a NaN, the `<`-only merge sort of `py_sort` (its NaN order can differ).
fn py_sort_floats<T: PartialOrd>(v: &mut [T], reverse: bool) {
    if v.iter().any(|x| x.partial_cmp(x).is_none()) {
        py_sort(v, reverse);
    } else if reverse {
        v.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    } else {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    }
}
// @end

// @helper py_heap_siftdown
/// CPython heapq's `_siftdown`: moves `heap[pos]` up toward `start` while it is smaller.
fn py_heap_siftdown<T: PartialOrd>(heap: &mut [T], start: usize, mut pos: usize) {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if heap[pos] < heap[parent] {
            heap.swap(pos, parent);
            pos = parent;
        } else {
            break;
        }
    }
}
// @end

// @helper py_heap_siftup
// @needs py_heap_siftdown
/// CPython heapq's `_siftup`: sinks `heap[pos]` to a leaf along smaller children, then sifts down.
fn py_heap_siftup<T: PartialOrd>(heap: &mut [T], mut pos: usize) {
    let (end, start) = (heap.len(), pos);
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        // CPython: `not heap[child] < heap[right]` (also true when incomparable)
        if right < end && heap[child].partial_cmp(&heap[right]) != Some(std::cmp::Ordering::Less) {
            child = right;
        }
        heap.swap(pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    py_heap_siftdown(heap, start, pos);
}
// @end

// @helper py_heappush
// @needs py_heap_siftdown
/// Python's `heapq.heappush(heap, item)`.
fn py_heappush<T: PartialOrd>(heap: &mut Vec<T>, item: T) {
    heap.push(item);
    let last = heap.len() - 1;
    py_heap_siftdown(heap, 0, last);
}
// @end

// @helper py_heappop
// @needs py_heap_siftup
/// Python's `heapq.heappop(heap)`: the smallest item.
fn py_heappop<T: PartialOrd>(heap: &mut Vec<T>) -> T {
    let last = heap.pop().unwrap_or_else(|| panic!("IndexError: index out of range"));
    if heap.is_empty() {
        return last;
    }
    let top = std::mem::replace(&mut heap[0], last);
    py_heap_siftup(heap, 0);
    top
}
// @end

// @helper py_heapify
// @needs py_heap_siftup
/// Python's `heapq.heapify(v)`.
fn py_heapify<T: PartialOrd>(v: &mut [T]) {
    for i in (0..v.len() / 2).rev() {
        py_heap_siftup(v, i);
    }
}
// @end

// @helper py_heappushpop
// @needs py_heap_siftup
/// Python's `heapq.heappushpop(heap, item)`: push then pop, faster.
fn py_heappushpop<T: PartialOrd>(heap: &mut [T], item: T) -> T {
    if !heap.is_empty() && heap[0] < item {
        let top = std::mem::replace(&mut heap[0], item);
        py_heap_siftup(heap, 0);
        return top;
    }
    item
}
// @end

// @helper py_heapreplace
// @needs py_heap_siftup
/// Python's `heapq.heapreplace(heap, item)`: pop then push.
fn py_heapreplace<T: PartialOrd>(heap: &mut [T], item: T) -> T {
    if heap.is_empty() {
        panic!("IndexError: index out of range");
    }
    let top = std::mem::replace(&mut heap[0], item);
    py_heap_siftup(heap, 0);
    top
}
// @end

// @helper py_nlargest
// @needs py_sort_order
/// Python's `heapq.nlargest(n, v)`, i.e. `sorted(v, reverse=True)[:n]`.
fn py_nlargest<T: PartialOrd + Clone>(n: i64, v: &[T]) -> Vec<T> {
    let order = py_sort_order(v, true);
    order.into_iter().take(n.max(0) as usize).map(|i| v[i].clone()).collect()
}
// @end

// @helper py_nsmallest
// @needs py_sort_order
/// Python's `heapq.nsmallest(n, v)`, i.e. `sorted(v)[:n]`.
fn py_nsmallest<T: PartialOrd + Clone>(n: i64, v: &[T]) -> Vec<T> {
    let order = py_sort_order(v, false);
    order.into_iter().take(n.max(0) as usize).map(|i| v[i].clone()).collect()
}
// @end

// @helper py_bisect_left
/// Python's `bisect.bisect_left(v, x)`: first position where x could go.
fn py_bisect_left<T: PartialOrd>(v: &[T], x: &T) -> i64 {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if v[mid] < *x {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo as i64
}
// @end

// @helper py_bisect_right
/// Python's `bisect.bisect_right(v, x)` (= `bisect.bisect`): position after equal items.
fn py_bisect_right<T: PartialOrd>(v: &[T], x: &T) -> i64 {
    let (mut lo, mut hi) = (0, v.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if *x < v[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo as i64
}
// @end

// @helper py_insort_left
// @needs py_bisect_left
/// Python's `bisect.insort_left(v, x)`.
fn py_insort_left<T: PartialOrd>(v: &mut Vec<T>, x: T) {
    let i = py_bisect_left(v, &x) as usize;
    v.insert(i, x);
}
// @end

// @helper py_insort_right
// @needs py_bisect_right
/// Python's `bisect.insort_right(v, x)` (= `bisect.insort`).
fn py_insort_right<T: PartialOrd>(v: &mut Vec<T>, x: T) {
    let i = py_bisect_right(v, &x) as usize;
    v.insert(i, x);
}
// @end

// @helper py_nlargest_by
// @needs py_sort_order
/// Python's `heapq.nlargest(n, v, key=key)`, i.e. `sorted(v, key=key, reverse=True)[:n]`
/// (the key is called once per item).
fn py_nlargest_by<T: Clone, K: PartialOrd>(n: i64, v: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = py_sort_order(&keys, true);
    order.into_iter().take(n.max(0) as usize).map(|i| v[i].clone()).collect()
}
// @end

// @helper py_nsmallest_by
// @needs py_sort_order
/// Python's `heapq.nsmallest(n, v, key=key)`, i.e. `sorted(v, key=key)[:n]`.
fn py_nsmallest_by<T: Clone, K: PartialOrd>(n: i64, v: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = py_sort_order(&keys, false);
    order.into_iter().take(n.max(0) as usize).map(|i| v[i].clone()).collect()
}
// @end

// @helper py_bisect_by
/// The search of Python's `bisect` functions with `lo`, `hi` (None = `len(v)`) and `key`:
/// the first position in `lo..hi` whose item is not `before` the searched value
/// (`bisect_left`: `key(item) < x`; `bisect_right`: `not x < key(item)`).
fn py_bisect_by<T>(v: &[T], lo: i64, hi: Option<i64>, before: impl Fn(&T) -> bool) -> i64 {
    if lo < 0 {
        panic!("ValueError: lo must be non-negative");
    }
    let (mut lo, mut hi) = (lo, hi.unwrap_or(v.len() as i64));
    while lo < hi {
        let mid = (lo + hi) / 2;
        let item = v.get(mid as usize).unwrap_or_else(|| panic!("IndexError: list index out of range"));
        if before(item) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
// @end

// @helper py_range
/// Python's `range(start, stop, step)` with a step known only at run time.
fn py_range(start: i64, stop: i64, step: i64) -> impl DoubleEndedIterator<Item = i64> + ExactSizeIterator + Clone {
    if step == 0 {
        panic!("ValueError: range() arg 3 must not be zero");
    }
    let (lo, hi, s) = (i128::from(start), i128::from(stop), i128::from(step));
    let len = if step > 0 && lo < hi {
        (hi - lo - 1) / s + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / -s + 1
    } else {
        0
    };
    (0..len as usize).map(move |i| (lo + i as i128 * s) as i64)
}
// @end

// @helper py_array_item
/// An item stored into an `array.array` of a narrow typecode (`'B'`: 0..=255): the value,
/// or CPython's OverflowError (`"unsigned byte integer is less than minimum"`).
#[allow(dead_code)]
fn py_array_item(v: i64, low: i64, high: i64, name: &str) -> i64 {
    if v < low {
        panic!("OverflowError: {name} is less than minimum");
    }
    if v > high {
        panic!("OverflowError: {name} is greater than maximum");
    }
    v
}
// @end
