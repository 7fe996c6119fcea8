"""Subclasses override methods with compatible signatures: one raises where the base does
not, one changes its argument where the base only reads it."""


class Account:
    def __init__(self, owner: str, balance: float) -> None:
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount: float) -> float:
        self.balance -= amount
        return self.balance

    def audit(self, log: list[str]) -> int:
        return len(log)

    def summary(self) -> str:
        return f"{self.owner}: {self.balance:.2f}"


class Savings(Account):
    def __init__(self, owner: str, balance: float, floor: float) -> None:
        super().__init__(owner, balance)
        self.floor = floor

    def withdraw(self, amount: float) -> float:
        if self.balance - amount < self.floor:
            raise ValueError(f"{self.owner} would drop below {self.floor}")
        self.balance -= amount
        return self.balance

    def audit(self, log: list[str]) -> int:
        log.append(f"audited {self.owner}")
        return len(log)


def drain(accounts: list[Account], amount: float) -> list[str]:
    results = []
    for account in accounts:
        try:
            left = account.withdraw(amount)
            results.append(f"{account.owner} left {left:.2f}")
        except ValueError as err:
            results.append(f"refused: {err}")
    return results


def main() -> None:
    accounts: list[Account] = [Account("ann", 50.0), Savings("bob", 80.0, 40.0)]
    for line in drain(accounts, 30.0):
        print(line)
    for line in drain(accounts, 30.0):
        print(line)
    log: list[str] = []
    print([a.audit(log) for a in accounts], log)
    print([a.summary() for a in accounts])


if __name__ == "__main__":
    main()
