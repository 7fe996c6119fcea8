"""A scheduler on heapq (the heap's list order after each push matches CPython's) and a
price ladder on bisect with lo/hi bounds and key functions."""

import bisect
import heapq


def schedule(jobs: list[tuple[int, str]]) -> list[str]:
    heap: list[tuple[int, str]] = []
    for job in jobs:
        heapq.heappush(heap, job)
        print("heap", heap)
    order = []
    while heap:
        priority, name = heapq.heappop(heap)
        order.append(f"{name}@{priority}")
    return order


def running_top(values: list[int], k: int) -> list[int]:
    heap = values[:k]
    heapq.heapify(heap)
    for v in values[k:]:
        heapq.heappushpop(heap, v)
    return heap


def price_of(entry: tuple[int, str]) -> int:
    return entry[0]


def main() -> None:
    print(schedule([(3, "write"), (1, "plan"), (4, "test"), (1, "review"), (2, "code")]))
    data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
    heapq.heapify(data)
    smallest = heapq.heapreplace(data, 10)
    print(smallest, data)
    print(running_top([5, 12, 3, 19, 7, 15, 1], 3))
    words = ["kiwi", "fig", "banana", "apple", "date", "cherry"]
    print(heapq.nlargest(3, words, key=len), heapq.nsmallest(2, words, key=len))
    print(heapq.nsmallest(3, (w[::-1] for w in words)), heapq.nlargest(2, set(data)))
    ladder = [10, 20, 20, 30, 40, 50]
    print(bisect.bisect_left(ladder, 20, 2), bisect.bisect_right(ladder, 20, 0, 2))
    print(bisect.bisect_left(ladder, 35, lo=1, hi=4), bisect.bisect(ladder, 50, hi=None))
    offers = [(5, "low"), (12, "mid"), (30, "high")]
    print(bisect.bisect_left(offers, 12, key=price_of), bisect.bisect_right(offers, 12, key=price_of))
    bisect.insort(offers, (12, "mid-2"), key=price_of)
    bisect.insort_left(offers, (12, "mid-0"), key=lambda o: o[0])
    bisect.insort_right(ladder, 25, 0, 3)
    bisect.insort_left(ladder, 20, lo=3)
    print(offers)
    print(ladder)
    names = ["ant", "Bee", "cat"]
    print(bisect.bisect_left(names, "bee", key=str.lower))


if __name__ == "__main__":
    main()
