"""Warehouse inventory built from dataclasses: restocking, reservations and a valuation report."""

from dataclasses import dataclass, field


@dataclass
class Product:
    sku: str
    name: str
    unit_cost: float
    on_hand: int = 0
    reserved: int = 0

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass
class Warehouse:
    name: str
    products: dict[str, Product] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def register(self, product: Product) -> None:
        self.products[product.sku] = product

    def restock(self, sku: str, qty: int) -> None:
        self.products[sku].on_hand += qty
        self.log.append(f"restock {sku} +{qty}")

    def reserve(self, sku: str, qty: int) -> bool:
        product = self.products.get(sku)
        if product is None or product.available < qty:
            self.log.append(f"reserve {sku} x{qty} FAILED")
            return False
        product.reserved += qty
        self.log.append(f"reserve {sku} x{qty}")
        return True

    def valuation(self) -> float:
        return round(sum(p.unit_cost * p.on_hand for p in self.products.values()), 2)


def main() -> None:
    wh = Warehouse("east")
    wh.register(Product("A-1", "anvil", 45.0, 3))
    wh.register(Product("B-7", "bucket", 3.25))
    wh.register(Product("C-2", "chisel", 12.5, 10))
    wh.restock("B-7", 40)
    print(wh.reserve("A-1", 2), wh.reserve("A-1", 2), wh.reserve("Z-0", 1), wh.reserve("B-7", 15))
    for sku, p in wh.products.items():
        print(f"{sku:<4} {p.name:<7} on_hand={p.on_hand:>3} reserved={p.reserved:>3} avail={p.available}")
    print("value:", wh.valuation())
    print(wh.log)
    print(wh.products["C-2"])


if __name__ == "__main__":
    main()
