"""Optional return values: lookups that may fail, early returns and `is None` checks."""

from dataclasses import dataclass
from typing import Optional


@dataclass
class User:
    user_id: int
    name: str
    manager_id: Optional[int] = None


USERS = [User(1, "root"), User(2, "ann", 1), User(3, "bo", 2), User(4, "cy", 2), User(5, "dee", 99)]


def find_user(user_id: int) -> Optional[User]:
    for user in USERS:
        if user.user_id == user_id:
            return user
    return None


def manager_name(user_id: int) -> Optional[str]:
    user = find_user(user_id)
    if user is None:
        return None
    if user.manager_id is None:
        return None
    manager = find_user(user.manager_id)
    return manager.name if manager is not None else None


def chain_of_command(user_id: int) -> list[str]:
    chain = []
    user = find_user(user_id)
    while user is not None:
        chain.append(user.name)
        if user.manager_id is None:
            break
        user = find_user(user.manager_id)
    return chain


def main() -> None:
    for uid in [1, 2, 3, 5, 42]:
        print(uid, find_user(uid), manager_name(uid))
    print(chain_of_command(4), chain_of_command(5), chain_of_command(0))
    names = [manager_name(uid) for uid in range(1, 6)]
    print(names, [n for n in names if n is not None])


if __name__ == "__main__":
    main()
