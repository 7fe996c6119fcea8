"""Catching ValueError from int()/float() parsing, with else and finally."""


def parse_age(text: str) -> int:
    age = int(text)
    if age < 0 or age > 150:
        raise ValueError(f"age out of range: {age}")
    return age


def try_parse(text: str) -> str:
    try:
        age = parse_age(text)
    except ValueError as err:
        return f"invalid ({err})"
    else:
        return f"ok {age}"
    finally:
        print("checked", repr(text))


def parse_all(values: list[str]) -> tuple[list[float], int]:
    good = []
    errors = 0
    for v in values:
        try:
            good.append(float(v))
        except ValueError:
            errors += 1
            continue
    return good, errors


def main() -> None:
    for text in ["42", " 7 ", "-1", "200", "abc", "", "3.5"]:
        print(try_parse(text))
    print(parse_all(["1.5", "x", "2", "nan?", "-0.25", "1e3"]))


if __name__ == "__main__":
    main()
