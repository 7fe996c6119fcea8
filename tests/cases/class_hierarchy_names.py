"""A class hierarchy read through its base: type(x).__name__, a property and an overridden
class attribute, each answered by the object's own class."""


class Vehicle:
    wheels = 4

    def __init__(self, plate: str, km: list[int]) -> None:
        self.plate = plate
        self.km = km

    @property
    def total(self) -> int:
        return sum(self.km)

    def label(self) -> str:
        return f"{type(self).__name__}[{self.plate}] {self.total} km on {self.wheels} wheels"


class Bike(Vehicle):
    wheels = 2


class Truck(Vehicle):
    wheels = 6

    @property
    def total(self) -> int:
        return 2 * sum(self.km)


class Garage:
    def __init__(self) -> None:
        self.count = 0


def summary(fleet: list[Vehicle]) -> list[str]:
    return [f"{type(v).__name__}:{v.wheels}:{v.total}" for v in fleet]


def new_garage() -> Garage:
    print("building a garage")
    return Garage()


if __name__ == "__main__":
    fleet = [Vehicle("A-1", [10, 5]), Bike("B-2", [3]), Truck("C-3", [100, 1])]
    for v in fleet:
        print(v.label())
    print(summary(fleet))
    print(max(fleet, key=lambda v: v.total).plate, sum(v.wheels for v in fleet))
    print(type(Garage()).__name__, type(new_garage()).__name__)
