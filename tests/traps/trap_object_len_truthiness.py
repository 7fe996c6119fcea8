class Bag:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, item: str) -> None:
        self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)


class Switch:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __bool__(self) -> bool:
        return self.on


def report(bag: Bag, switch: Switch) -> str:
    state = "full" if bag else "empty"
    power = "on" if switch else "off"
    if not bag and not switch:
        return "idle"
    return f"{state}/{power}"


if __name__ == "__main__":
    bag = Bag()
    print(report(bag, Switch(False)))
    print(report(bag, Switch(True)))
    bag.add("apple")
    print(report(bag, Switch(False)))
