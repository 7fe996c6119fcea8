class Account:
    def __init__(self, owner: str) -> None:
        self.owner = owner


class Savings(Account):
    def __init__(self, owner: str) -> None:
        super().__init__(owner)


if __name__ == "__main__":
    print(issubclass(bool, int), issubclass(Savings, Account), issubclass(Account, Savings))
    print(issubclass(Savings, (str, Account)), issubclass(KeyError, LookupError))
