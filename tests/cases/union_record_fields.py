"""Heterogeneous records: `dict[str, int | str | float]` fields, config values and parse results."""

from typing import Optional, Union

Field = Union[int, str, float]


def parse_value(raw: str) -> int | float | str:
    if raw.isdigit():
        return int(raw)
    try:
        return float(raw)
    except ValueError:
        return raw


def parse_record(line: str) -> dict[str, Field]:
    record: dict[str, Field] = {}
    for part in line.split(";"):
        pieces = part.split("=")
        record[pieces[0].strip()] = parse_value(pieces[1].strip())
    return record


def describe(value: Field) -> str:
    if isinstance(value, int):
        return f"int {value:>4}"
    elif isinstance(value, float):
        return f"float {value:.2f}"
    else:
        return f"str {value.upper()!r}"


def numeric_total(record: dict[str, Field]) -> float:
    total = 0.0
    for value in record.values():
        if not isinstance(value, str):
            total += value
    return total


def lookup(record: dict[str, Field], key: str) -> Optional[Field]:
    if key in record:
        return record[key]
    return None


def setting(flag: str) -> str | int | bool:
    if flag == "debug":
        return True
    if flag == "level":
        return 3
    return "default"


def main() -> None:
    lines = ["name=widget; qty=12; price=3.5", "name=gadget; qty=7; price=abc", "id=42; ratio=0.125"]
    records: list[dict[str, Field]] = []
    for line in lines:
        records.append(parse_record(line))
    for record in records:
        print(record)
        for key, value in record.items():
            print(" ", key, "->", describe(value))
        print("  total:", numeric_total(record))
    print(lookup(records[0], "qty"), lookup(records[0], "missing"))
    record = records[0]
    record["qty"] = 13
    record["note"] = "restocked"
    print(record, len(record))
    for flag in ["debug", "level", "other"]:
        chosen = setting(flag)
        print(flag, chosen, repr(chosen))
    pair: tuple[str, int | str] = ("k", 5)
    print(pair)


if __name__ == "__main__":
    main()
