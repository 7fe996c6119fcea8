"""A class owning a dict of items, with class-level constants and validation."""


class Inventory:
    LOW_STOCK = 3

    def __init__(self) -> None:
        self.items: dict[str, int] = {}

    def add(self, name: str, qty: int = 1) -> None:
        self.items[name] = self.items.get(name, 0) + qty

    def remove(self, name: str, qty: int = 1) -> bool:
        have = self.items.get(name, 0)
        if have < qty:
            return False
        if have == qty:
            del self.items[name]
        else:
            self.items[name] = have - qty
        return True

    def low_stock(self) -> list[str]:
        return [name for name, qty in self.items.items() if qty <= Inventory.LOW_STOCK]

    def __len__(self) -> int:
        return sum(self.items.values())

    def __contains__(self, name: str) -> bool:
        return name in self.items

    def __str__(self) -> str:
        lines = [f"{name}: {qty}" for name, qty in sorted(self.items.items())]
        return "\n".join(lines) if lines else "(empty)"


def main() -> None:
    inv = Inventory()
    print(inv)
    inv.add("widget", 10)
    inv.add("gadget")
    inv.add("gizmo", 4)
    inv.add("widget", 2)
    print(inv.remove("gadget"), inv.remove("gizmo", 2), inv.remove("nothing"), inv.remove("widget", 100))
    print(inv)
    print(len(inv), "gizmo" in inv, "gadget" in inv, inv.low_stock(), Inventory.LOW_STOCK)


if __name__ == "__main__":
    main()
