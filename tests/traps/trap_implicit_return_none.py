from typing import Optional

def find(xs: list[int], target: int) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i

if __name__ == "__main__":
    print(find([1, 2, 3], 2))
    print(find([1, 2, 3], 7))
