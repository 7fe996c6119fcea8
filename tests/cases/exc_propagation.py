"""Exceptions propagate through several call levels; finally runs on every path."""


class ValidationError(Exception):
    pass


def check_positive(name: str, value: int) -> int:
    if value <= 0:
        raise ValidationError(f"{name} must be positive, got {value}")
    return value


def build_box(width: int, height: int, depth: int) -> int:
    w = check_positive("width", width)
    h = check_positive("height", height)
    d = check_positive("depth", depth)
    return w * h * d


def volume_report(dims: list[tuple[int, int, int]]) -> list[str]:
    lines = []
    for dim in dims:
        try:
            lines.append(f"{dim}: {build_box(*dim)}")
        except ValidationError as err:
            lines.append(f"{dim}: invalid - {err}")
        finally:
            lines.append("  done")
    return lines


def strict_total(dims: list[tuple[int, int, int]]) -> int:
    total = 0
    for dim in dims:
        total += build_box(*dim)
    return total


def main() -> None:
    dims = [(1, 2, 3), (4, 0, 1), (2, 2, -2), (5, 5, 5)]
    for line in volume_report(dims):
        print(line)
    print(strict_total(dims[:1] + dims[3:]))
    try:
        strict_total(dims)
    except ValidationError as err:
        print("strict failed:", err)
    print("after")


if __name__ == "__main__":
    main()
