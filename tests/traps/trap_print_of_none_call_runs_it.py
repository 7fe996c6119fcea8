"""`print(f())` where `f` returns None still runs `f` (its prints, its changes, its
exceptions) before printing `None`."""


def record(log: list[str], entry: str) -> None:
    log.append(entry)
    print("recorded", entry)


def check_positive(values: list[int]) -> None:
    for v in values:
        if v <= 0:
            raise ValueError(f"not positive: {v}")


if __name__ == "__main__":
    log: list[str] = []
    print(record(log, "first"))  # type: ignore[func-returns-value]
    print(record(log, "second"), len(log))  # type: ignore[func-returns-value]
    print(log)
    print(check_positive([1, 2, 3]))  # type: ignore[func-returns-value]
    try:
        print(check_positive([4, -5]))  # type: ignore[func-returns-value]
    except ValueError as e:
        print("caught", e)
