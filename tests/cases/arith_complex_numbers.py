"""Complex numbers: literals, construction, mixed arithmetic with ints and floats, comparison,
parts, abs and repr (signed zeros, exponents), cmath phase/polar/rect, and an escape-time loop."""

import cmath


def mandel(c: complex, limit: int) -> int:
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


def describe(z: complex) -> str:
    return f"{z} re={z.real} im={z.imag} conj={z.conjugate()} abs={abs(z)}"


if __name__ == "__main__":
    print(2j, 1 + 2j, -1j, complex(1.5, -2), complex(3), complex(), 1e16 + 0j)
    a = complex(3, 4)
    b = 1 - 2j
    print(a + b, a - b, a * b, a / b, -a, a * 2, 2.5 * a, a / 2)
    print(a == complex(3, 4), a != b, a == 3, bool(0j), bool(a))
    print(describe(a), describe(-0.0 - 1j))
    print(cmath.phase(a), cmath.polar(b), cmath.rect(2.0, 0.5), cmath.rect(1, 0))
    print([mandel(complex(x / 10, 0.3), 50) for x in range(-20, 6, 3)])
    print(str(a), repr(b), complex(0.1, 0.2) * complex(0.3, 0.4))
