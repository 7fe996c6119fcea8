"""Polynomials with integer coefficients: add, multiply, evaluate, derivative, pretty string."""


class Poly:
    def __init__(self, coeffs: list[int]) -> None:
        trimmed = list(coeffs)
        while len(trimmed) > 1 and trimmed[-1] == 0:
            trimmed.pop()
        self.coeffs = trimmed or [0]

    def degree(self) -> int:
        return len(self.coeffs) - 1

    def __add__(self, other: "Poly") -> "Poly":
        n = max(len(self.coeffs), len(other.coeffs))
        a = self.coeffs + [0] * (n - len(self.coeffs))
        b = other.coeffs + [0] * (n - len(other.coeffs))
        return Poly([x + y for x, y in zip(a, b)])

    def __mul__(self, other: "Poly") -> "Poly":
        out = [0] * (len(self.coeffs) + len(other.coeffs) - 1)
        for i, a in enumerate(self.coeffs):
            for j, b in enumerate(other.coeffs):
                out[i + j] += a * b
        return Poly(out)

    def __call__(self, x: int) -> int:
        result = 0
        for c in reversed(self.coeffs):
            result = result * x + c
        return result

    def derivative(self) -> "Poly":
        return Poly([i * c for i, c in enumerate(self.coeffs)][1:] or [0])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Poly) and self.coeffs == other.coeffs

    def __str__(self) -> str:
        terms = []
        for power in range(self.degree(), -1, -1):
            c = self.coeffs[power]
            if c == 0:
                continue
            sign = "-" if c < 0 else "+"
            mag = abs(c)
            body = "" if mag == 1 and power > 0 else str(mag)
            if power >= 1:
                body += "x" if power == 1 else f"x^{power}"
            terms.append((sign, body))
        if not terms:
            return "0"
        first_sign, first_body = terms[0]
        text = ("-" if first_sign == "-" else "") + first_body
        for sign, body in terms[1:]:
            text += f" {sign} {body}"
        return text


def main() -> None:
    p = Poly([1, -3, 0, 2])
    q = Poly([-1, 1])
    print(p, "|", q, "|", p.degree())
    print(p + q, "|", p * q, "|", p.derivative(), "|", p.derivative().derivative())
    print([p(x) for x in range(-2, 3)], q(10))
    print(Poly([0, 0, 0]), Poly([5]).derivative(), Poly([0, -1]), Poly([3, 0, -1, 0]))
    print(q * q == Poly([1, -2, 1]), (p + Poly([-1, 3, 0, -2])).coeffs)


if __name__ == "__main__":
    main()
