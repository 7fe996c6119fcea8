"""String-valued Enum for an order workflow with allowed transitions."""

from enum import Enum


class Status(Enum):
    NEW = "new"
    PAID = "paid"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


ALLOWED: dict[Status, list[Status]] = {
    Status.NEW: [Status.PAID, Status.CANCELLED],
    Status.PAID: [Status.SHIPPED, Status.CANCELLED],
    Status.SHIPPED: [Status.DELIVERED],
    Status.DELIVERED: [],
    Status.CANCELLED: [],
}


def advance(current: Status, target: Status) -> Status:
    if target in ALLOWED[current]:
        return target
    print(f"  cannot go from {current.value} to {target.value}")
    return current


def is_final(status: Status) -> bool:
    return not ALLOWED[status]


def main() -> None:
    status = Status.NEW
    for step in ["paid", "delivered", "shipped", "cancelled", "delivered"]:
        status = advance(status, Status(step))
        print(step, "->", status.name, is_final(status))
    finals = [s.value for s in Status if is_final(s)]
    print(finals)
    print({s.name: len(ALLOWED[s]) for s in Status})


if __name__ == "__main__":
    main()
