"""Enum with explicit values: transitions, .name/.value, iteration and lookup by value."""

from enum import Enum


class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3


DURATIONS = {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}


def next_light(light: Light) -> Light:
    if light is Light.RED:
        return Light.GREEN
    if light is Light.GREEN:
        return Light.YELLOW
    return Light.RED


def cycle_time(start: Light, steps: int) -> int:
    total = 0
    light = start
    for _ in range(steps):
        total += DURATIONS[light]
        light = next_light(light)
    return total


def main() -> None:
    light = Light.RED
    for _ in range(4):
        print(light, light.name, light.value, DURATIONS[light])
        light = next_light(light)
    print(cycle_time(Light.GREEN, 7))
    print([l.name for l in Light], len(Light), Light(2), Light["YELLOW"])
    print(next_light(Light.YELLOW) == Light.RED, next_light(Light.RED) == Light.RED, Light.RED in DURATIONS)
    print(repr(Light.GREEN), [Light.RED, Light.YELLOW])


if __name__ == "__main__":
    main()
