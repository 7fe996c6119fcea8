// Python's `random` module: CPython's Mersenne Twister (MT19937) and the same derivations
// (`random()`, `_randbelow` by `getrandbits` with rejection, `shuffle`, `sample`, ...), so a
// seeded program draws exactly the numbers CPython draws.

// @helper py_random_state
/// The generator state of `random.Random` (MT19937, as CPython's `_randommodule.c`).
#[allow(dead_code)]
struct PyRandom {
    mt: [u32; 624],
    index: usize,
}
#[allow(dead_code)]
impl PyRandom {
    /// `init_by_array`: how CPython seeds from an int's 32-bit words (least significant first).
    fn from_key(key: &[u32]) -> PyRandom {
        let mut mt = [0u32; 624];
        mt[0] = 19650218;
        for i in 1..624 {
            mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624.max(key.len()) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                mt[0] = mt[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                mt[0] = mt[623];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        PyRandom { mt, index: 624 }
    }

    /// `random.seed(n)` for an int: the key is the words of `abs(n)` (`[0]` for 0).
    fn from_seed(n: i64) -> PyRandom {
        let m = n.unsigned_abs();
        let (low, high) = (m as u32, (m >> 32) as u32);
        if high == 0 { PyRandom::from_key(&[low]) } else { PyRandom::from_key(&[low, high]) }
    }

    /// Seeded from the OS's hash randomness and the clock (CPython uses `os.urandom`).
    fn from_entropy() -> PyRandom {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        h.write_u128(nanos);
        let x = h.finish();
        PyRandom::from_key(&[x as u32, (x >> 32) as u32, nanos as u32, std::process::id()])
    }

    fn genrand_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        let mag = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
        if self.index >= 624 {
            let mt = &mut self.mt;
            for kk in 0..624 {
                let y = (mt[kk] & UPPER) | (mt[(kk + 1) % 624] & LOWER);
                mt[kk] = mt[(kk + 397) % 624] ^ (y >> 1) ^ mag(y);
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    fn random(&mut self) -> f64 {
        let a = self.genrand_u32() >> 5;
        let b = self.genrand_u32() >> 6;
        (f64::from(a) * 67108864.0 + f64::from(b)) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for `k <= 64`: 32-bit words, least significant first, the last
    /// one keeping its top bits.
    fn getrandbits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u64::from(self.genrand_u32() >> (32 - k));
        }
        let low = u64::from(self.genrand_u32());
        let high = u64::from(self.genrand_u32() >> (64 - k));
        low | (high << 32)
    }

    /// `_randbelow(n)`: `getrandbits(n.bit_length())` until it is below `n`.
    fn randbelow(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        let mut r = self.getrandbits(k);
        while r >= n {
            r = self.getrandbits(k);
        }
        r
    }
}

/// The module-level generator behind `random.random()`, ... (one for the whole program, as
/// in CPython; a `static` must be `Sync`, and an uncontended lock is cheap).
static PY_RANDOM: std::sync::Mutex<Option<PyRandom>> = std::sync::Mutex::new(None);

/// Runs `f` on the module-level generator, seeding it from entropy on first use.
fn py_random_with<R>(f: impl FnOnce(&mut PyRandom) -> R) -> R {
    let mut guard = PY_RANDOM.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(PyRandom::from_entropy))
}
// @end

// @helper py_random_seed
// @needs py_random_state
/// `random.seed(n)` (an int; `None` reseeds from entropy).
fn py_random_seed(n: Option<i64>) {
    let state = n.map_or_else(PyRandom::from_entropy, PyRandom::from_seed);
    py_random_with(|r| *r = state);
}
// @end

// @helper py_random
// @needs py_random_state
/// `random.random()`.
fn py_random() -> f64 {
    py_random_with(|r| r.random())
}
// @end

// @helper py_getrandbits
// @needs py_random_state
/// `random.getrandbits(k)` for `0 <= k <= 63` (an i64 result).
fn py_getrandbits(k: i64) -> i64 {
    if k < 0 {
        panic!("ValueError: number of bits must be non-negative");
    }
    if k > 63 {
        panic!("OverflowError: getrandbits({}) does not fit in i64 (Python ints are unbounded; Portalis uses i64)", k);
    }
    py_random_with(|r| r.getrandbits(k as u32)) as i64
}
// @end

// @helper py_randrange
// @needs py_random_state
/// `random.randrange(start, stop, step)`; `stop = None` is `randrange(start)`.
fn py_randrange(start: i64, stop: Option<i64>, step: i64) -> i64 {
    let Some(stop) = stop else {
        if start > 0 {
            return py_random_with(|r| r.randbelow(start as u64)) as i64;
        }
        panic!("ValueError: empty range for randrange()");
    };
    let width = i128::from(stop) - i128::from(start);
    if step == 1 {
        if width > 0 {
            return (i128::from(start) + i128::from(py_random_with(|r| r.randbelow(width as u64)))) as i64;
        }
        panic!("ValueError: empty range for randrange() ({}, {}, {})", start, stop, width);
    }
    let istep = i128::from(step);
    let n = match step {
        0 => panic!("ValueError: zero step for randrange()"),
        s if s > 0 => (width + istep - 1).div_euclid(istep),
        _ => (width + istep + 1).div_euclid(istep),
    };
    if n <= 0 {
        panic!("ValueError: empty range for randrange()");
    }
    (i128::from(start) + istep * i128::from(py_random_with(|r| r.randbelow(n as u64)))) as i64
}
// @end

// @helper py_randint
// @needs py_randrange
/// `random.randint(a, b)` = `randrange(a, b + 1)`.
fn py_randint(a: i64, b: i64) -> i64 {
    match b.checked_add(1) {
        Some(stop) => py_randrange(a, Some(stop), 1),
        None => panic!("OverflowError: randint() bound does not fit in i64 (Python ints are unbounded; Portalis uses i64)"),
    }
}
// @end

// @helper py_uniform
// @needs py_random_state
/// `random.uniform(a, b)` = `a + (b - a) * random()`.
fn py_uniform(a: f64, b: f64) -> f64 {
    a + (b - a) * py_random_with(|r| r.random())
}
// @end

// @helper py_choice
// @needs py_random_state
/// `random.choice(seq)`.
fn py_choice<T: Clone>(seq: &[T]) -> T {
    if seq.is_empty() {
        panic!("IndexError: Cannot choose from an empty sequence");
    }
    let i = py_random_with(|r| r.randbelow(seq.len() as u64));
    seq[i as usize].clone()
}
// @end

// @helper py_shuffle
// @needs py_random_state
/// `random.shuffle(v)`: Fisher-Yates from the end, as CPython.
fn py_shuffle<T>(v: &mut [T]) {
    py_random_with(|r| {
        for i in (1..v.len()).rev() {
            let j = r.randbelow(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    });
}
// @end

// @helper py_sample
// @needs py_random_state
/// `random.sample(population, k)`: CPython's pool or selected-set method, by the same rule.
fn py_sample<T: Clone>(population: &[T], k: i64) -> Vec<T> {
    let n = population.len();
    if k < 0 || k as usize > n {
        panic!("ValueError: Sample larger than population or is negative");
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let exponent = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(exponent.ceil() as u32);
    }
    py_random_with(|r| {
        if n <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            let mut result = Vec::with_capacity(k);
            for i in 0..k {
                let j = r.randbelow((n - i) as u64) as usize;
                result.push(population[pool[j]].clone());
                pool[j] = pool[n - i - 1];
            }
            result
        } else {
            let mut selected = std::collections::HashSet::new();
            let mut result = Vec::with_capacity(k);
            for _ in 0..k {
                let mut j = r.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = r.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(population[j].clone());
            }
            result
        }
    })
}
// @end

// @helper py_choices
// @needs py_random_state
/// `random.choices(population, k=k)` without weights: `population[floor(random() * n)]`.
fn py_choices<T: Clone>(population: &[T], k: i64) -> Vec<T> {
    let n = population.len() as f64;
    if population.is_empty() && k > 0 {
        panic!("IndexError: list index out of range");
    }
    py_random_with(|r| (0..k.max(0)).map(|_| population[(r.random() * n).floor() as usize].clone()).collect())
}
// @end
