"""A double-entry ledger: transfers between named accounts with validation exceptions."""


class LedgerError(Exception):
    """Base class for ledger failures."""


class UnknownAccount(LedgerError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown account {name!r}")
        self.name = name


class Overdraft(LedgerError):
    def __init__(self, name: str, balance: int, amount: int) -> None:
        super().__init__(f"{name} has {balance} cents, cannot send {amount}")


class Ledger:
    def __init__(self, opening: dict[str, int]) -> None:
        self.balances = dict(opening)
        self.journal: list[tuple[str, str, int]] = []

    def _check(self, name: str) -> int:
        if name not in self.balances:
            raise UnknownAccount(name)
        return self.balances[name]

    def transfer(self, src: str, dst: str, cents: int) -> None:
        if cents <= 0:
            raise ValueError("amount must be positive")
        balance = self._check(src)
        self._check(dst)
        if balance < cents:
            raise Overdraft(src, balance, cents)
        self.balances[src] -= cents
        self.balances[dst] += cents
        self.journal.append((src, dst, cents))

    def total(self) -> int:
        return sum(self.balances.values())


def fmt_cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    return f"{sign}${dollars:,}.{rest:02d}"


def main() -> None:
    ledger = Ledger({"ops": 500_000, "payroll": 120_050, "petty": 999})
    requests = [("ops", "payroll", 250_000), ("petty", "ops", 5_000), ("ops", "rnd", 10), ("payroll", "petty", 0), ("payroll", "petty", 1)]
    for src, dst, cents in requests:
        try:
            ledger.transfer(src, dst, cents)
            print("ok     ", src, "->", dst, fmt_cents(cents))
        except Overdraft as err:
            print("refused", err)
        except LedgerError as err:
            print("error  ", err)
        except ValueError as err:
            print("invalid", err)
    for name, cents in ledger.balances.items():
        print(f"{name:>8}: {fmt_cents(cents):>13}")
    print(fmt_cents(ledger.total()), len(ledger.journal), fmt_cents(-1234))


if __name__ == "__main__":
    main()
