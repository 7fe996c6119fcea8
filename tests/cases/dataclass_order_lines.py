"""Dataclasses composed of other dataclasses, with methods and computed totals."""

from dataclasses import dataclass, field
from typing import List


@dataclass
class LineItem:
    sku: str
    quantity: int
    unit_price: float

    def total(self) -> float:
        return self.quantity * self.unit_price


@dataclass
class Order:
    order_id: int
    customer: str
    lines: List[LineItem] = field(default_factory=list)
    discount: float = 0.0

    def add(self, sku: str, quantity: int, unit_price: float) -> None:
        for line in self.lines:
            if line.sku == sku:
                line.quantity += quantity
                return
        self.lines.append(LineItem(sku, quantity, unit_price))

    def subtotal(self) -> float:
        return sum(line.total() for line in self.lines)

    def total(self) -> float:
        return round(self.subtotal() * (1 - self.discount), 2)


def main() -> None:
    order = Order(1001, "acme")
    order.add("PEN", 10, 0.99)
    order.add("PAD", 2, 3.5)
    order.add("PEN", 5, 0.99)
    print(order)
    print(order.subtotal(), order.total())
    vip = Order(1002, "globex", discount=0.15)
    vip.add("CHAIR", 4, 149.0)
    print(vip.total(), len(vip.lines), vip.lines[0])
    orders = [order, vip]
    print({o.order_id: o.total() for o in orders})
    print(Order(1, "x") == Order(1, "x", []), LineItem("A", 1, 2.0) == LineItem("A", 1, 2.0))


if __name__ == "__main__":
    main()
