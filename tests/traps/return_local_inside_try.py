"""A local returned from inside `try` (whose `finally` runs after the return) or from a
nested function keeps its checked form; the function that returns it outside still
returns the value as it was when `return` ran."""


def guarded(n: int) -> list[int]:
    out = [n]
    try:
        if n > 2:
            return out
        out.append(n * 2)
    finally:
        print("finally", len(out))
    return out


def via_helper(n: int) -> list[int]:
    base = [n, n + 1]

    def extended() -> list[int]:
        return base

    first = extended()
    second = extended()  # the closure still holds `base`: it was not moved out
    return first + second


if __name__ == "__main__":
    print(guarded(3), guarded(1))
    print(via_helper(5))
