"""Sieve of Eratosthenes, prime factorization and Goldbach decompositions."""

LIMIT = 100


def sieve(n: int) -> list[bool]:
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    if n >= 1:
        is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for multiple in range(p * p, n + 1, p):
                is_prime[multiple] = False
        p += 1
    return is_prime


def factorize(n: int) -> list[tuple[int, int]]:
    factors = []
    d = 2
    while d * d <= n:
        exponent = 0
        while n % d == 0:
            n //= d
            exponent += 1
        if exponent:
            factors.append((d, exponent))
        d += 1
    if n > 1:
        factors.append((n, 1))
    return factors


def goldbach(n: int, table: list[bool]) -> tuple[int, int]:
    for p in range(2, n // 2 + 1):
        if table[p] and table[n - p]:
            return p, n - p
    return 0, 0


def main() -> None:
    table = sieve(LIMIT)
    primes = [i for i, flag in enumerate(table) if flag]
    print(len(primes), primes[:10], primes[-3:])
    for n in [2, 12, 97, 360, 1001, 2 ** 10, 600851475143]:
        print(n, factorize(n))
    print([goldbach(n, table) for n in range(4, 30, 4)])


if __name__ == "__main__":
    main()
