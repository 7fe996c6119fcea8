"""A parameter and a return typed as a union of two unrelated classes (PRT203)."""

from typing import Union


class Cat:
    def __init__(self, name: str) -> None:
        self.name = name

    def sound(self) -> str:
        return "meow"


class Robot:
    def __init__(self, name: str) -> None:
        self.name = name

    def sound(self) -> str:
        return "beep"


def introduce(who: Union[Cat, Robot]) -> str:
    return who.name + " says " + who.sound()


def build(alive: bool, name: str) -> Union[Cat, Robot]:
    return Cat(name) if alive else Robot(name)


def shout(name: str) -> str:
    return name.upper() + "!"


if __name__ == "__main__":
    print(shout("hi"))
    print(introduce(Cat("tom")), introduce(build(False, "r2")))
