from typing import Optional


def has_value(x: Optional[int]) -> bool:
    return isinstance(x, int)


def is_missing(name: Optional[str]) -> str:
    if not isinstance(name, str):
        return "missing"
    return name.upper()


if __name__ == "__main__":
    print(has_value(0), has_value(None))
    print(is_missing("ada"), is_missing(None))
