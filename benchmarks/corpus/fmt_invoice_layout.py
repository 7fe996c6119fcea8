"""An invoice printed with f-string alignment, thousands separators, %-format and str.format."""

COMPANY = "Acme Tooling GmbH"
TAX_RATE = 0.19


def money(cents: int) -> str:
    return f"{cents / 100:>12,.2f}"


def invoice(number: int, lines: list[tuple[str, int, int]]) -> list[str]:
    out = [COMPANY.center(48, "="), "Invoice #%06d" % number, ""]
    out.append("{:<22}{:>6}{:>20}".format("Description", "Qty", "Amount"))
    subtotal = 0
    for desc, qty, unit_cents in lines:
        amount = qty * unit_cents
        subtotal += amount
        label = desc if len(desc) <= 20 else desc[:19] + "\u2026"
        out.append(f"{label:<22}{qty:>6}{money(amount):>20}")
    tax = round(subtotal * TAX_RATE)
    out.append("-" * 48)
    out.append(f"{'Subtotal':<28}{money(subtotal):>20}")
    out.append(f"{'VAT ' + format(TAX_RATE, '.0%'):<28}{money(tax):>20}")
    out.append(f"{'TOTAL':<28}{money(subtotal + tax):>20}")
    return out


def main() -> None:
    lines = [("Torque wrench", 2, 8950), ("Socket set (metric, 42 pieces)", 1, 12999), ("Shop rags", 120, 35), ("Calibration", 1, 250000)]
    for line in invoice(417, lines):
        print(line)
    print("%5.1f%% | %-6s| %+.3e | %o" % (12.345, "ok", 123456.0, 64))
    print("{0:>8.3f}|{1:<8}|{0:^10.1f}|{2!r}".format(3.14159, "pi", "\u03c0"))


if __name__ == "__main__":
    main()
