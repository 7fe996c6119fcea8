"""Binary records with `struct`: a file header and fixed-size sensor samples."""

import struct

HEADER = "<4xBHI"
SAMPLE = ">hhf?"


def encode_header(version: int, count: int, timestamp: int) -> bytes:
    return struct.pack(HEADER, version, count, timestamp)


def encode_sample(x: int, y: int, reading: float, valid: bool) -> bytes:
    return struct.pack(SAMPLE, x, y, reading, valid)


def decode_samples(blob: bytes, count: int) -> list[tuple[int, int, float, bool]]:
    size = struct.calcsize(SAMPLE)
    out = []
    for i in range(count):
        x, y, reading, valid = struct.unpack(">hhf?", blob[i * size : (i + 1) * size])
        out.append((x, y, reading, valid))
    return out


def checksum(data: bytes) -> int:
    total = 0
    for b in data:
        total = (total * 31 + b) % 65521
    return total


def main() -> None:
    header = encode_header(3, 2, 1_700_000_000)
    print(header, len(header), struct.calcsize(HEADER))
    version, count, stamp = struct.unpack("<4xBHI", header)
    print(version, count, stamp)
    samples = [encode_sample(-5, 12, 0.25, True), encode_sample(300, -32768, -1.5, False)]
    blob = b"".join(samples)
    print(blob.hex(), checksum(blob))
    for sample in decode_samples(blob, 2):
        print(sample)
    print(struct.calcsize("@bq"), struct.calcsize("=bq"), struct.calcsize("!3H"))
    print(struct.pack("<q", -2), struct.pack("<d", 2.5), struct.pack("@bi", 1, 2))
    big = struct.unpack("<Q", struct.pack("<Q", 9_223_372_036_854_775_807))[0]
    print(big, struct.unpack("<f", struct.pack("<f", 0.1))[0])


if __name__ == "__main__":
    main()
