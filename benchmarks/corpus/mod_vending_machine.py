"""A vending machine state machine: coins, selections, change-making and refunds."""

from enum import Enum

COINS = [200, 100, 50, 20, 10, 5]


class State(Enum):
    IDLE = "idle"
    COLLECTING = "collecting"
    OUT_OF_SERVICE = "out of service"


class VendingMachine:
    def __init__(self, stock: dict[str, tuple[int, int]]) -> None:
        self.stock = dict(stock)
        self.credit = 0
        self.state = State.IDLE
        self.sales = 0

    def insert(self, coin: int) -> str:
        if self.state is State.OUT_OF_SERVICE:
            return f"rejected {coin}: out of service"
        if coin not in COINS:
            return f"rejected {coin}: unknown coin"
        self.credit += coin
        self.state = State.COLLECTING
        return f"credit {self.credit}"

    def select(self, item: str) -> str:
        if item not in self.stock:
            return f"no such item {item}"
        price, count = self.stock[item]
        if count == 0:
            return f"{item} sold out"
        if self.credit < price:
            return f"{item} costs {price}, credit {self.credit}"
        change = make_change(self.credit - price)
        self.stock[item] = (price, count - 1)
        self.sales += price
        self.credit = 0
        self.state = State.IDLE
        if all(c == 0 for _, c in self.stock.values()):
            self.state = State.OUT_OF_SERVICE
        return f"vend {item}, change {change}"

    def refund(self) -> list[int]:
        coins, self.credit = make_change(self.credit), 0
        if self.state is State.COLLECTING:
            self.state = State.IDLE
        return coins


def make_change(amount: int) -> list[int]:
    coins = []
    for coin in COINS:
        while amount >= coin:
            coins.append(coin)
            amount -= coin
    return coins


def main() -> None:
    vm = VendingMachine({"cola": (120, 1), "chips": (85, 2)})
    script = "insert 100,select cola,insert 50,insert 3,select cola,select cola,insert 200,select tea," \
        "select chips,insert 100,refund ,insert 100,select chips,insert 10"
    for step in script.split(","):
        action, _, arg = step.partition(" ")
        if action == "insert":
            result = vm.insert(int(arg))
        elif action == "select":
            result = vm.select(arg)
        else:
            result = f"refund {vm.refund()}"
        print(f"{action:<7}{arg:<6}-> {result:<32}[{vm.state.value}]")
    print(vm.sales, vm.stock, make_change(0), make_change(385))


if __name__ == "__main__":
    main()
