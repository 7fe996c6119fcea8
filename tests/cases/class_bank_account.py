"""A plain class with __init__, methods, a property and __repr__."""


class Account:
    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self._balance = balance
        self.history: list[str] = []

    @property
    def balance(self) -> float:
        return self._balance

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            self.history.append(f"rejected deposit {amount}")
            return
        self._balance += amount
        self.history.append(f"deposit {amount:.2f}")

    def withdraw(self, amount: float) -> bool:
        if amount > self._balance:
            self.history.append(f"insufficient for {amount:.2f}")
            return False
        self._balance -= amount
        self.history.append(f"withdraw {amount:.2f}")
        return True

    def __repr__(self) -> str:
        return f"Account({self.owner!r}, {self._balance})"


def main() -> None:
    acct = Account("ada", 100.0)
    acct.deposit(50.5)
    acct.deposit(-3.0)
    print(acct.withdraw(500), acct.withdraw(20.25))
    print(acct.balance, acct)
    for line in acct.history:
        print(" -", line)
    other = Account("bob")
    print(other, other.balance, other.history, [acct, other])


if __name__ == "__main__":
    main()
