"""A tiny benchmark harness: clocks from `time`, results on stdout, progress on stderr."""

import sys
import time


def work(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def timed(n: int) -> tuple[int, float]:
    start = time.perf_counter()
    result = work(n)
    elapsed = time.perf_counter() - start
    return result, elapsed


def report(name: str, value: int) -> int:
    line = f"{name}: {value}\n"
    return sys.stdout.write(line)


def main() -> None:
    wall_start = time.time()
    mono_start = time.monotonic()
    results = []
    for n in [10, 1000, 5000]:
        result, elapsed = timed(n)
        print(f"running n={n}", file=sys.stderr)
        results.append(result)
        print(n, result, elapsed >= 0.0)
    written = report("total", sum(results))
    print("wrote", written, "characters")
    sys.stdout.write("no newline, ")
    sys.stdout.write("then one\n")
    sys.stdout.flush()
    print("warning: done", file=sys.stderr, end="!\n")
    print("to stdout", file=sys.stdout, sep="-")
    time.sleep(0.001)
    ns = time.perf_counter_ns()
    print(time.perf_counter_ns() >= ns, time.time_ns() > 0)
    print(time.time() - wall_start >= 0.0, time.monotonic() - mono_start >= 0.001)
    print(wall_start > 1_600_000_000)


if __name__ == "__main__":
    main()
