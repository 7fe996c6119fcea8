"""A module-level registry object that functions and constructors change."""

from typing import Final


class Registry:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.count = 0
        self.last = ""

    def forget(self) -> None:
        self.names.pop()
        self.count -= 1


REGISTRY: Final = Registry()
spare = Registry()


def register(name: str) -> int:
    REGISTRY.names.append(name)
    REGISTRY.count += 1
    REGISTRY.last = name
    return REGISTRY.count


class Widget:
    def __init__(self, name: str) -> None:
        self.name = name
        self.serial = register(name)


def drop_last() -> str:
    REGISTRY.forget()
    spare.count += 2
    return REGISTRY.last


if __name__ == "__main__":
    widgets = [Widget(n) for n in ["knob", "dial", "lever"]]
    print([w.serial for w in widgets], REGISTRY.count, REGISTRY.names)
    print(drop_last(), REGISTRY.names, REGISTRY.count, spare.count)
    REGISTRY.names[0] = "KNOB"
    print(REGISTRY.names, len(REGISTRY.names))
