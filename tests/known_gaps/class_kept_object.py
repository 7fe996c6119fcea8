"""A method hands out an object it keeps; the caller changes it (Python shares it)."""

from dataclasses import dataclass, field


@dataclass
class Account:
    owner: str
    history: list[int] = field(default_factory=list)


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}

    def account(self, owner: str) -> Account:
        if owner not in self.accounts:
            self.accounts[owner] = Account(owner)
        return self.accounts[owner]

    def deposit(self, owner: str, amount: int) -> int:
        acc = self.account(owner)
        acc.history.append(amount)
        return sum(acc.history)


if __name__ == "__main__":
    bank = Bank()
    bank.deposit("ann", 5)
    print(bank.deposit("ann", 7), len(bank.accounts["ann"].history))
