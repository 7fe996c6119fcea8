"""A JSON-like pretty printer for nested lists/dicts of scalars, with indentation and sorting."""

from typing import Union

Value = Union[None, bool, int, float, str, list["Value"], dict[str, "Value"]]


def scalar(v: Value) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        escaped = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    return str(v)


def dumps(v: Value, indent: int = 2, level: int = 0, sort_keys: bool = False) -> str:
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if isinstance(v, list):
        if not v:
            return "[]"
        items = [pad + dumps(x, indent, level + 1, sort_keys) for x in v]
        return "[\n" + ",\n".join(items) + "\n" + end_pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        keys = sorted(v) if sort_keys else list(v)
        items = [f"{pad}{scalar(k)}: {dumps(v[k], indent, level + 1, sort_keys)}" for k in keys]
        return "{\n" + ",\n".join(items) + "\n" + end_pad + "}"
    return scalar(v)


def depth(v: Value) -> int:
    if isinstance(v, list):
        return 1 + max((depth(x) for x in v), default=0)
    if isinstance(v, dict):
        return 1 + max((depth(x) for x in v.values()), default=0)
    return 0


def main() -> None:
    limits: dict[str, Value] = {"cpu": 2, "mem": {"soft": 512, "hard": 1024}, "empty": []}
    doc: Value = {
        "name": "portalis",
        "version": 1.5,
        "stable": False,
        "tags": ["rust", "python", 'quo"te'],
        "owner": None,
        "limits": limits,
    }
    print(dumps(doc))
    print(dumps(limits, indent=4, sort_keys=True))
    print(dumps([]), dumps({}), dumps("multi\nline"), dumps([1, [2, [3]]], indent=1))
    print(depth(doc), depth(3), depth([[[]]]))


if __name__ == "__main__":
    main()
