"""Run-length encoding of strings and of integer lists, with a round-trip check."""


def encode(text: str) -> str:
    if not text:
        return ""
    out = []
    prev = text[0]
    count = 1
    for ch in text[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)


def decode(encoded: str) -> str:
    out = []
    digits = ""
    for ch in encoded:
        if ch.isdigit():
            digits += ch
        else:
            out.append(ch * int(digits))
            digits = ""
    return "".join(out)


def encode_runs(values: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1] = (v, runs[-1][1] + 1)
        else:
            runs.append((v, 1))
    return runs


def main() -> None:
    for text in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "", "aabbbcccc", "\u00e9\u00e9\u00e9x"]:
        enc = encode(text)
        print(repr(enc), decode(enc) == text, f"{len(enc)}/{len(text)}")
    print(encode_runs([0, 0, 1, 1, 1, 0, 5, 5, -2]), encode_runs([]))
    expanded = [v for v, n in encode_runs([3, 3, 3, 4]) for _ in range(n)]
    print(expanded)


if __name__ == "__main__":
    main()
