from typing import Optional


def big_enough(n: int) -> Optional[int]:
    if n < 0:
        raise ValueError("negative input")
    if n > 10:
        return n


if __name__ == "__main__":
    print(big_enough(20))
    print(big_enough(3))
    try:
        big_enough(-1)
    except ValueError as err:
        print("caught", err)
