"""collections.defaultdict grouping and collections.deque as a queue / sliding window."""

from collections import defaultdict, deque


def group_anagrams(words: list[str]) -> dict[str, list[str]]:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for w in words:
        groups["".join(sorted(w))].append(w)
    return dict(groups)


def moving_average(values: list[int], window: int) -> list[float]:
    buf: deque[int] = deque()
    total = 0
    averages = []
    for v in values:
        buf.append(v)
        total += v
        if len(buf) > window:
            total -= buf.popleft()
        if len(buf) == window:
            averages.append(total / window)
    return averages


def main() -> None:
    print(group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]))
    counts: defaultdict[str, int] = defaultdict(int)
    for word in "a b a c b a".split():
        counts[word] += 1
    print(dict(counts), counts["missing"], len(counts))
    print(moving_average([1, 3, 5, 7, 9, 11], 3))
    dq = deque([1, 2, 3])
    dq.appendleft(0)
    dq.append(4)
    dq.rotate(2)
    print(dq, dq[0], dq[-1], len(dq))
    print(dq.pop(), dq.popleft(), list(dq))
    recent: deque[str] = deque(maxlen=3)
    for page in ["home", "about", "blog", "post", "home"]:
        recent.append(page)
    print(list(recent), recent)


if __name__ == "__main__":
    main()
