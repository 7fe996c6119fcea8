"""heapq for a top-k / merge of sorted lists; bisect for sorted insertion and grading."""

import bisect
import heapq

BREAKPOINTS = [60, 70, 80, 90]
GRADES = "FDCBA"


def grade(score: int) -> str:
    return GRADES[bisect.bisect(BREAKPOINTS, score)]


def top_k(values: list[int], k: int) -> list[int]:
    heap: list[int] = []
    for v in values:
        if len(heap) < k:
            heapq.heappush(heap, v)
        elif v > heap[0]:
            heapq.heapreplace(heap, v)
    return sorted(heap, reverse=True)


def merge_sorted(lists: list[list[int]]) -> list[int]:
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    merged = []
    while heap:
        value, li, idx = heapq.heappop(heap)
        merged.append(value)
        if idx + 1 < len(lists[li]):
            heapq.heappush(heap, (lists[li][idx + 1], li, idx + 1))
    return merged


def main() -> None:
    print([grade(s) for s in [33, 60, 77, 89, 90, 100]])
    data = [5, 1, 9, 3, 7, 9, 2, 8]
    print(top_k(data, 3), heapq.nlargest(2, data), heapq.nsmallest(3, data))
    print(merge_sorted([[1, 4, 9], [2, 3, 10], [], [0, 11]]))
    sorted_list: list[int] = []
    for v in [5, 2, 8, 2, 6]:
        bisect.insort(sorted_list, v)
    print(sorted_list, bisect.bisect_left(sorted_list, 2), bisect.bisect_right(sorted_list, 2))
    h = [4, 1, 3]
    heapq.heapify(h)
    print([heapq.heappop(h) for _ in range(len(h))])


if __name__ == "__main__":
    main()
