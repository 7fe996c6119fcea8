"""Chained comparisons, conditional expressions and grading logic."""


def grade(score: int) -> str:
    if score >= 90:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 70 <= score < 80:
        return "C"
    elif 0 <= score < 70:
        return "F"
    else:
        return "?"


def clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def is_sorted_triple(a: int, b: int, c: int) -> bool:
    return a <= b <= c


def in_box(x: int, y: int) -> bool:
    return 0 <= x < 10 and 0 <= y < 10


def main() -> None:
    for score in [100, 90, 89, 75, 12, -5]:
        print(score, grade(score))
    print(clamp(5.5, 0.0, 1.0), clamp(-2.0, 0.0, 1.0), clamp(0.25, 0.0, 1.0))
    print(is_sorted_triple(1, 2, 3), is_sorted_triple(1, 3, 2), is_sorted_triple(2, 2, 2))
    print(in_box(3, 4), in_box(10, 0), in_box(-1, 5))
    a, b, c = 1, 5, 5
    print(a < b == c, a < b > c, a == b == c, 1 < 2 < 3 < 4 < 3)
    print("abc" < "abd" < "b", [1, 2] < [1, 3], (1, "z") < (2, "a"))
    label = "even" if a % 2 == 0 else "odd"
    print(label, "big" if b > 3 else "small")


if __name__ == "__main__":
    main()
