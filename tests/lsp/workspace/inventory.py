"""A small inventory report: the module `make demo` translates to Rust and checks."""

from dataclasses import dataclass


@dataclass
class Item:
    name: str
    quantity: int
    unit_price: float


def total_value(items: list[Item]) -> float:
    """Sum of quantity * price over all items."""
    total = 0.0
    for item in items:
        total += item.quantity * item.unit_price
    return total


def low_stock(items: list[Item], threshold: int) -> list[str]:
    """Names of the items with fewer than `threshold` units, in stock order."""
    return [item.name for item in items if item.quantity < threshold]


def restock_batches(missing: int, batch_size: int) -> int:
    """How many whole batches cover `missing` units (ceiling division, Python style)."""
    return -(-missing // batch_size)


if __name__ == "__main__":
    stock = [
        Item("bolts", 120, 0.25),
        Item("nuts", 8, 0.1),
        Item("washers", 3, 0.05),
        Item("brackets", 40, 2.5),
    ]
    print("total value:", total_value(stock))
    print("low stock:", low_stock(stock, 10))
    for item in stock:
        print(item.name, restock_batches(max(0, 50 - item.quantity), 12))
    print("all in stock:", all(item.quantity > 0 for item in stock))
