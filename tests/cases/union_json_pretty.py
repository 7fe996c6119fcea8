"""A recursive pretty-printer and summariser over JSON-like values (a recursive union alias)."""

from typing import Union

Json = Union[dict[str, "Json"], list["Json"], int, float, str, bool, None]


def render(value: Json, indent: int) -> str:
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            lines.append(pad + "  " + repr(key) + ": " + render(item, indent + 1))
        return "{\n" + ",\n".join(lines) + "\n" + pad + "}"
    if isinstance(value, list):
        parts = [render(item, indent) for item in value]
        return "[" + ", ".join(parts) + "]"
    if isinstance(value, str):
        return '"' + value + '"'
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def count_leaves(value: Json) -> int:
    if isinstance(value, dict):
        return sum(count_leaves(v) for v in value.values())
    elif isinstance(value, list):
        total = 0
        for item in value:
            total += count_leaves(item)
        return total
    else:
        return 1


def depth(value: Json) -> int:
    if isinstance(value, list):
        return 1 + max([depth(v) for v in value], default=0)
    if isinstance(value, dict):
        return 1 + max([depth(v) for v in value.values()], default=0)
    return 0


def total_numbers(value: Json) -> float:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return 0.0
    if isinstance(value, int) or isinstance(value, float):
        return value
    if isinstance(value, list):
        return sum(total_numbers(v) for v in value)
    return sum(total_numbers(v) for v in value.values())


def main() -> None:
    doc: Json = {
        "name": "portalis",
        "version": 3,
        "ratio": 0.75,
        "tags": ["rust", "python", [1, 2, [3]]],
        "meta": {"stable": True, "owner": None, "empty": {}},
    }
    print(render(doc, 0))
    print(count_leaves(doc), depth(doc), total_numbers(doc))
    items: list[Json] = [1, "two", 3.5, None, [4, "five"], {"six": 6}]
    for item in items:
        print(render(item, 0), depth(item))
    print(items)
    print(doc)


if __name__ == "__main__":
    main()
