"""Default arguments, keyword arguments at call sites, keyword-only parameters."""


def greet(name: str, greeting: str = "Hello", punctuation: str = "!") -> str:
    return f"{greeting}, {name}{punctuation}"


def make_range(start: int, stop: int, step: int = 1, *, inclusive: bool = False) -> list[int]:
    if inclusive:
        stop += 1 if step > 0 else -1
    return list(range(start, stop, step))


def price_with_tax(amount: float, rate: float = 0.2, discount: float = 0.0) -> float:
    return round(amount * (1 - discount) * (1 + rate), 2)


def append_to(item: int, target: list[int] | None = None) -> list[int]:
    if target is None:
        target = []
    target.append(item)
    return target


def main() -> None:
    print(greet("Ada"))
    print(greet("Bob", "Hi"))
    print(greet("Cy", punctuation="?"))
    print(greet(greeting="Yo", name="Dee"))
    print(make_range(1, 5), make_range(1, 5, inclusive=True), make_range(5, 1, -1, inclusive=True))
    print(make_range(0, 10, step=3))
    print(price_with_tax(100.0), price_with_tax(100.0, discount=0.1), price_with_tax(50.0, 0.0))
    print(append_to(1), append_to(2), append_to(3, [0]))
    shared = [9]
    append_to(10, target=shared)
    print(shared)


if __name__ == "__main__":
    main()
