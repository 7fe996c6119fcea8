"""Reading a missing key of a defaultdict inserts it; doing that while a loop goes over the
dict's keys is CPython's RuntimeError ("dictionary changed size during iteration"), not a
loop over the keys there were at the start."""

from collections import defaultdict


def successor_counts(graph: defaultdict[int, list[int]]) -> int:
    seen = 0
    for node in graph:
        print("at", node)
        seen += len(graph[node + 1])
    return seen


if __name__ == "__main__":
    closed: defaultdict[int, list[int]] = defaultdict(list, {1: [2], 2: [1]})
    closed[3] = []
    print(successor_counts(closed))
