"""Subclasses that call `Base.__init__(self, ...)` by name instead of `super().__init__`."""


class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance

    def monthly(self) -> int:
        return 0

    def summary(self) -> str:
        return f"{self.owner}: {self.balance} (+{self.monthly()})"


class Savings(Account):
    def __init__(self, owner: str, balance: int, rate: int) -> None:
        Account.__init__(self, owner, balance)
        self.rate = rate

    def monthly(self) -> int:
        return self.balance * self.rate // 100


class Junior(Savings):
    def __init__(self, owner: str) -> None:
        Savings.__init__(self, owner.title(), 10, 5)
        self.allowance = 2

    def monthly(self) -> int:
        return self.allowance + 1


if __name__ == "__main__":
    accounts: list[Account] = [Account("ann", 50), Savings("bob", 200, 3), Junior("cy")]
    for acc in accounts:
        print(acc.summary())
    total = sum(a.balance for a in accounts)
    print(total, [type(a).__name__ for a in accounts])
