"""User-defined exception hierarchy, raised in helpers and handled by the caller."""


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, needed: float, available: float) -> None:
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.shortfall = needed - available


class AccountFrozen(BankError):
    pass


class Wallet:
    def __init__(self, balance: float) -> None:
        self.balance = balance
        self.frozen = False

    def pay(self, amount: float) -> float:
        if self.frozen:
            raise AccountFrozen("wallet is frozen")
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance


def attempt(wallet: Wallet, amount: float) -> str:
    try:
        left = wallet.pay(amount)
        return f"paid {amount}, left {left}"
    except InsufficientFunds as err:
        return f"declined: {err} (short {err.shortfall:.2f})"
    except BankError as err:
        return f"bank error {type(err).__name__}: {err}"


def main() -> None:
    wallet = Wallet(50.0)
    print(attempt(wallet, 20.0))
    print(attempt(wallet, 40.0))
    wallet.frozen = True
    print(attempt(wallet, 1.0))
    print(isinstance(InsufficientFunds(1.0, 0.0), BankError), issubclass(AccountFrozen, Exception))


if __name__ == "__main__":
    main()
