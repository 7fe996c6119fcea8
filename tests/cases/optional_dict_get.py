"""dict.get returning Optional, chained lookups and defaults with `or`."""

from typing import Optional

PHONEBOOK: dict[str, str] = {"ann": "555-0100", "bo": "555-0199"}
ALIASES: dict[str, str] = {"annie": "ann", "bobby": "bo", "ghost": "nobody"}


def resolve(name: str) -> Optional[str]:
    number = PHONEBOOK.get(name)
    if number is not None:
        return number
    real = ALIASES.get(name)
    if real is None:
        return None
    return PHONEBOOK.get(real)


def area_code(number: Optional[str]) -> Optional[str]:
    if not number:
        return None
    return number.split("-")[0]


def main() -> None:
    for name in ["ann", "annie", "bobby", "ghost", "zed"]:
        number = resolve(name)
        print(name, number, area_code(number), number or "unknown")
    found = {n: resolve(n) for n in ["ann", "zed"]}
    print(found)
    count = sum(1 for n in ALIASES if resolve(n) is not None)
    print(count)


if __name__ == "__main__":
    main()
