"""A discrete-event scheduler: a heapq of (time, seq, name) with periodic jobs and cancellation."""

import heapq
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    period: int
    runs_left: int


class Scheduler:
    def __init__(self) -> None:
        self.queue: list[tuple[int, int, str]] = []
        self.jobs: dict[str, Job] = {}
        self.cancelled: set[str] = set()
        self.seq = 0
        self.now = 0

    def add(self, job: Job, start: int) -> None:
        self.jobs[job.name] = job
        self._push(start, job.name)

    def _push(self, when: int, name: str) -> None:
        heapq.heappush(self.queue, (when, self.seq, name))
        self.seq += 1

    def cancel(self, name: str) -> None:
        self.cancelled.add(name)

    def run_until(self, deadline: int) -> list[str]:
        trace = []
        while self.queue and self.queue[0][0] <= deadline:
            when, _, name = heapq.heappop(self.queue)
            if name in self.cancelled:
                continue
            self.now = when
            job = self.jobs[name]
            job.runs_left -= 1
            trace.append(f"t={when:>3} {name}")
            if job.runs_left > 0:
                self._push(when + job.period, name)
        return trace


def main() -> None:
    sched = Scheduler()
    sched.add(Job("heartbeat", 10, 100), 0)
    sched.add(Job("backup", 25, 2), 5)
    sched.add(Job("report", 30, 3), 30)
    sched.add(Job("cleanup", 7, 4), 3)
    for line in sched.run_until(40):
        print(line)
    sched.cancel("heartbeat")
    print("--- heartbeat cancelled at", sched.now)
    print(sched.run_until(100))
    print({name: job.runs_left for name, job in sched.jobs.items()}, len(sched.queue))


if __name__ == "__main__":
    main()
