from typing import Optional


def describe(flag: Optional[bool], ratio: Optional[float], count: Optional[int]) -> str:
    parts: list[str] = []
    if flag:
        parts.append("flag")
    if ratio:
        parts.append("ratio")
    if count:
        parts.append("count")
    return ",".join(parts) if parts else "none"


if __name__ == "__main__":
    print(describe(False, 0.0, 0))
    print(describe(True, 0.25, 2))
    print(describe(None, None, None))
    print(describe(True, 0.0, None))
