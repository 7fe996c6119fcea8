"""Inheritance: super() calls to overridden methods, __str__ on the base, isinstance."""


class Animal:
    def __init__(self, name: str, legs: int) -> None:
        self.name = name
        self.legs = legs

    def sound(self) -> str:
        return "..."

    def describe(self) -> str:
        return f"{self.name} has {self.legs} legs and says {self.sound()}"

    def __str__(self) -> str:
        return f"Animal({self.name})"


class Dog(Animal):
    def __init__(self, name: str, breed: str) -> None:
        super().__init__(name, 4)
        self.breed = breed

    def sound(self) -> str:
        return "woof"

    def describe(self) -> str:
        return super().describe() + f" ({self.breed})"


class Bird(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name, 2)
        self.can_fly = True

    def sound(self) -> str:
        return "tweet"

    def __str__(self) -> str:
        return f"Bird({self.name}, flies={self.can_fly})"


class Penguin(Bird):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.can_fly = False

    def sound(self) -> str:
        return "squawk"


def loudest(animals: list[Animal]) -> Animal:
    best = animals[0]
    for a in animals:
        if len(a.sound()) > len(best.sound()):
            best = a
    return best


def main() -> None:
    zoo: list[Animal] = [Dog("rex", "collie"), Bird("tweety"), Penguin("pingu"), Animal("blob", 0)]
    for animal in zoo:
        print(animal.describe())
        print(animal)
    print(loudest(zoo).name)
    birds = [a.name for a in zoo if isinstance(a, Bird)]
    print(birds, sum(a.legs for a in zoo))
    print(isinstance(zoo[0], Dog), isinstance(zoo[2], Bird), isinstance(zoo[1], Penguin))
    p = Penguin("solo")
    print(p, p.describe(), isinstance(p, Animal))


if __name__ == "__main__":
    main()
