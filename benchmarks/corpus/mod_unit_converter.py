"""Unit conversion with Enums for dimensions and units, and a parser for '12.5 km in mi' queries."""

from enum import Enum
from typing import Optional


class Dimension(Enum):
    LENGTH = "length"
    MASS = "mass"
    TIME = "time"


UNITS: dict[str, tuple[Dimension, float]] = {
    "mm": (Dimension.LENGTH, 0.001),
    "m": (Dimension.LENGTH, 1.0),
    "km": (Dimension.LENGTH, 1000.0),
    "mi": (Dimension.LENGTH, 1609.344),
    "g": (Dimension.MASS, 0.001),
    "kg": (Dimension.MASS, 1.0),
    "lb": (Dimension.MASS, 0.45359237),
    "s": (Dimension.TIME, 1.0),
    "min": (Dimension.TIME, 60.0),
    "h": (Dimension.TIME, 3600.0),
}


def convert(value: float, src: str, dst: str) -> Optional[float]:
    if src not in UNITS or dst not in UNITS:
        return None
    src_dim, src_factor = UNITS[src]
    dst_dim, dst_factor = UNITS[dst]
    if src_dim is not dst_dim:
        return None
    return value * src_factor / dst_factor


def answer(query: str) -> str:
    parts = query.split()
    if len(parts) != 4 or parts[2] != "in":
        return f"cannot parse {query!r}"
    try:
        value = float(parts[0])
    except ValueError:
        return f"bad number {parts[0]!r}"
    result = convert(value, parts[1], parts[3])
    if result is None:
        return f"cannot convert {parts[1]} to {parts[3]}"
    return f"{value:g} {parts[1]} = {result:.4g} {parts[3]}"


def main() -> None:
    for q in ["12.5 km in mi", "3 h in min", "150 lb in kg", "1 kg in m", "abc m in km", "5 parsecs in m", "2 m to mm"]:
        print(answer(q))
    by_dim: dict[Dimension, list[str]] = {}
    for unit, (dim, _) in UNITS.items():
        by_dim.setdefault(dim, []).append(unit)
    for dim in Dimension:
        print(dim.value, by_dim[dim])


if __name__ == "__main__":
    main()
