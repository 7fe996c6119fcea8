"""Analyzing web-server log lines with Counter, defaultdict, deque and itertools.groupby."""

import itertools
from collections import Counter, defaultdict, deque

LOG = """\
10:00:01 GET /index.html 200 512
10:00:02 GET /about 200 1024
10:00:02 POST /login 401 64
10:00:03 POST /login 200 80
10:00:05 GET /missing 404 0
10:00:05 GET /index.html 200 512
10:00:07 GET /api/items 500 12
10:00:08 GET /api/items 200 2048
10:00:08 GET /index.html 304 0"""


def parse(text: str) -> list[tuple[str, str, str, int, int]]:
    rows = []
    for line in text.splitlines():
        ts, method, path, status, size = line.split()
        rows.append((ts, method, path, int(status), int(size)))
    return rows


def main() -> None:
    rows = parse(LOG)
    status_counts = Counter(status for _, _, _, status, _ in rows)
    print(sorted(status_counts.items()), status_counts.most_common(1))
    bytes_by_path: defaultdict[str, int] = defaultdict(int)
    for _, _, path, _, size in rows:
        bytes_by_path[path] += size
    print(dict(bytes_by_path))
    errors = [(ts, path) for ts, _, path, status, _ in rows if status >= 400]
    print(errors)
    per_second = [(ts, len(list(group))) for ts, group in itertools.groupby(rows, key=lambda r: r[0])]
    print(per_second, max(per_second, key=lambda p: p[1]))
    recent: deque[str] = deque(maxlen=3)
    for _, method, path, _, _ in rows:
        recent.append(f"{method} {path}")
    print(list(recent))
    print(Counter(m for _, m, _, _, _ in rows), sum(s for *_, s in rows))


if __name__ == "__main__":
    main()
