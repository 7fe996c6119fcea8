"""A retry loop with a flaky operation driven by a deterministic schedule."""


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


def flaky(attempt: int, schedule: str) -> str:
    outcome = schedule[attempt] if attempt < len(schedule) else "ok"
    if outcome == "t":
        raise TransientError(f"timeout on attempt {attempt}")
    if outcome == "p":
        raise PermanentError("bad request")
    return f"success after {attempt + 1} attempt(s)"


def with_retries(schedule: str, max_attempts: int = 3) -> str:
    attempt = 0
    while attempt < max_attempts:
        try:
            return flaky(attempt, schedule)
        except TransientError as err:
            print("  retrying:", err)
            attempt += 1
        except PermanentError as err:
            return f"gave up: {err}"
    return "exhausted"


def main() -> None:
    for schedule in ["o", "to", "tto", "ttto", "tp"]:
        print(schedule, "=>", with_retries(schedule))
    print(with_retries("tttt", max_attempts=5))


if __name__ == "__main__":
    main()
