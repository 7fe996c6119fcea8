"""Bytes values, bit manipulation and checksums."""


def checksum(data: bytes) -> int:
    total = 0
    for byte in data:
        total = (total + byte) % 256
    return total


def popcount(n: int) -> int:
    count = 0
    while n:
        count += n & 1
        n >>= 1
    return count


def xor_cipher(data: bytes, key: int) -> bytes:
    return bytes(b ^ key for b in data)


def main() -> None:
    payload = b"hello, world"
    print(payload, len(payload), payload[0], payload[-1])
    print(checksum(payload), checksum(b""))
    encrypted = xor_cipher(payload, 42)
    print(list(encrypted[:4]))
    print(xor_cipher(encrypted, 42) == payload)
    print(payload.upper(), payload[:5], payload.decode())
    print("caf\u00e9".encode("utf-8"), len("caf\u00e9".encode("utf-8")))
    for n in [0, 1, 7, 8, 255, 1023]:
        print(n, popcount(n), n << 2, n >> 1, n & 0xF, n | 0x10, ~n)
    print(-9 >> 1, -1 & 0xFF, 5 ^ 3)


if __name__ == "__main__":
    main()
