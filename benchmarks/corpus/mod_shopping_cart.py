"""A shopping cart with percentage and buy-N-get-one promotions and a formatted receipt."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    price_cents: int


CATALOG = {
    "APL": Item("APL", "Apple", 45),
    "BRD": Item("BRD", "Bread", 275),
    "MLK": Item("MLK", "Milk 1L", 129),
    "CHS": Item("CHS", "Cheese", 699),
}
PERCENT_OFF = {"CHS": 15}
BUY_N_GET_ONE = {"APL": 3}


class Cart:
    def __init__(self) -> None:
        self.quantities: dict[str, int] = {}

    def add(self, code: str, qty: int = 1) -> None:
        if code not in CATALOG:
            raise KeyError(code)
        self.quantities[code] = self.quantities.get(code, 0) + qty

    def line_total(self, code: str) -> tuple[int, int]:
        qty = self.quantities[code]
        gross = CATALOG[code].price_cents * qty
        discount = 0
        if code in PERCENT_OFF:
            discount += gross * PERCENT_OFF[code] // 100
        if code in BUY_N_GET_ONE:
            n = BUY_N_GET_ONE[code]
            discount += (qty // (n + 1)) * CATALOG[code].price_cents
        return gross, discount

    def receipt(self) -> list[str]:
        lines = []
        total = 0
        for code in sorted(self.quantities):
            gross, discount = self.line_total(code)
            item = CATALOG[code]
            lines.append(f"{item.name:<10} x{self.quantities[code]:<3} {gross / 100:>7.2f}")
            if discount:
                lines.append(f"{'  promo':<15} {-discount / 100:>7.2f}")
            total += gross - discount
        lines.append(f"{'TOTAL':<15} {total / 100:>7.2f}")
        return lines


def main() -> None:
    cart = Cart()
    cart.add("APL", 9)
    cart.add("BRD")
    cart.add("CHS", 2)
    cart.add("MLK", qty=2)
    cart.add("BRD")
    try:
        cart.add("XYZ")
    except KeyError as err:
        print("unknown product", err)
    print("\n".join(cart.receipt()))
    print(cart.quantities)


if __name__ == "__main__":
    main()
