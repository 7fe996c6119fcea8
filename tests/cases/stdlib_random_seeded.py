"""A seeded dice and card simulation: with `random.seed(n)` the translation draws exactly
CPython's Mersenne Twister numbers."""

import random

SUITS = "SHDC"
RANKS = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]


def roll_dice(count: int) -> list[int]:
    return [random.randint(1, 6) for _ in range(count)]


def deal(hands: int, size: int) -> list[list[str]]:
    deck = [rank + suit for suit in SUITS for rank in RANKS]
    random.shuffle(deck)
    return [deck[i * size : (i + 1) * size] for i in range(hands)]


def monte_carlo_pi(samples: int) -> float:
    inside = 0
    for _ in range(samples):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / samples


def main() -> None:
    for seed in [0, 7, 2024, -3, 10**12]:
        random.seed(seed)
        print(seed, roll_dice(10), deal(2, 5))
        print(round(monte_carlo_pi(2000), 4), random.choice(RANKS), random.choice(SUITS))
        print(random.randrange(100), random.randrange(10, 50, 5), random.uniform(1.5, 2.5))
        print(random.sample(range(52), 6), random.choices(["heads", "tails"], k=5))
        print(random.getrandbits(48), random.random())
    random.seed()
    fresh = random.random()
    print(0.0 <= fresh < 1.0, 1 <= random.randint(1, 3) <= 3)


if __name__ == "__main__":
    main()
