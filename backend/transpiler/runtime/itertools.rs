// itertools, eagerly collected, in CPython's exact output order.

// @helper py_permutations
/// Python's `itertools.permutations(v, r)` (CPython's index/cycle algorithm).
fn py_permutations<T: Clone>(v: &[T], r: i64) -> Vec<Vec<T>> {
    if r < 0 {
        panic!("ValueError: r must be non-negative");
    }
    let (n, r) = (v.len(), r as usize);
    if r > n {
        return Vec::new();
    }
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (n - r + 1..=n).rev().collect();
    let pick = |indices: &[usize]| indices[..r].iter().map(|&i| v[i].clone()).collect::<Vec<T>>();
    let mut out = vec![pick(&indices)];
    if n == 0 {
        return out;
    }
    'outer: loop {
        for i in (0..r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                indices[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = n - cycles[i];
                indices.swap(i, j);
                out.push(pick(&indices));
                continue 'outer;
            }
        }
        return out;
    }
}
// @end

// @helper py_combinations
/// Python's `itertools.combinations(v, r)`: index tuples in lexicographic order.
fn py_combinations<T: Clone>(v: &[T], r: i64) -> Vec<Vec<T>> {
    if r < 0 {
        panic!("ValueError: r must be non-negative");
    }
    let (n, r) = (v.len(), r as usize);
    if r > n {
        return Vec::new();
    }
    let mut indices: Vec<usize> = (0..r).collect();
    let mut out = Vec::new();
    loop {
        out.push(indices.iter().map(|&i| v[i].clone()).collect());
        let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
            return out;
        };
        indices[i] += 1;
        for j in i + 1..r {
            indices[j] = indices[j - 1] + 1;
        }
    }
}
// @end

// @helper py_combinations_with_replacement
/// Python's `itertools.combinations_with_replacement(v, r)`.
fn py_combinations_with_replacement<T: Clone>(v: &[T], r: i64) -> Vec<Vec<T>> {
    if r < 0 {
        panic!("ValueError: r must be non-negative");
    }
    let (n, r) = (v.len(), r as usize);
    if n == 0 && r > 0 {
        return Vec::new();
    }
    let mut indices = vec![0usize; r];
    let mut out = Vec::new();
    loop {
        out.push(indices.iter().map(|&i| v[i].clone()).collect());
        let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
            return out;
        };
        let next = indices[i] + 1;
        indices[i..].fill(next);
    }
}
// @end

// @helper py_product
/// Python's `itertools.product(*pools)`: the rightmost pool advances fastest.
fn py_product<T: Clone>(pools: &[Vec<T>]) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    for pool in pools {
        out = out
            .iter()
            .flat_map(|prefix| {
                pool.iter().map(move |x| {
                    let mut t = prefix.clone();
                    t.push(x.clone());
                    t
                })
            })
            .collect();
    }
    out
}
// @end

// @helper py_product_repeat
// @needs py_product
/// Python's `itertools.product(v, repeat=n)`.
fn py_product_repeat<T: Clone>(v: &[T], repeat: i64) -> Vec<Vec<T>> {
    if repeat < 0 {
        panic!("ValueError: repeat argument cannot be negative");
    }
    py_product(&vec![v.to_vec(); repeat as usize])
}
// @end

// @helper py_accumulate
/// Python's `itertools.accumulate(v, f)`: running results, starting with `v[0]`.
fn py_accumulate<T: Clone>(v: &[T], f: impl Fn(&T, &T) -> T) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v {
        let next = match out.last() {
            Some(acc) => f(acc, x),
            None => x.clone(),
        };
        out.push(next);
    }
    out
}
// @end

// @helper py_groupby
/// Python's `itertools.groupby(v, key)`: runs of consecutive items with equal keys.
fn py_groupby<T: Clone, K: PartialEq>(v: &[T], key: impl Fn(&T) -> K) -> Vec<(K, Vec<T>)> {
    let mut out: Vec<(K, Vec<T>)> = Vec::new();
    for x in v {
        let k = key(x);
        match out.last_mut() {
            Some((last, group)) if *last == k => group.push(x.clone()),
            _ => out.push((k, vec![x.clone()])),
        }
    }
    out
}
// @end

// @helper py_pairwise
/// Python's `itertools.pairwise(v)`: overlapping pairs `(v[0], v[1]), (v[1], v[2]), ...`.
fn py_pairwise<T: Clone>(v: &[T]) -> Vec<(T, T)> {
    v.windows(2).map(|w| (w[0].clone(), w[1].clone())).collect()
}
// @end
