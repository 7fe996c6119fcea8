"""Word break DP and listing all segmentations of a string using a dictionary."""

from functools import lru_cache


def word_break(s: str, words: list[str]) -> bool:
    vocab = set(words)
    ok = [False] * (len(s) + 1)
    ok[0] = True
    for end in range(1, len(s) + 1):
        for start in range(end):
            if ok[start] and s[start:end] in vocab:
                ok[end] = True
                break
    return ok[len(s)]


def all_segmentations(s: str, words: list[str]) -> list[str]:
    vocab = frozenset(words)

    @lru_cache(maxsize=None)
    def solve(start: int) -> list[str]:
        if start == len(s):
            return [""]
        results = []
        for end in range(start + 1, len(s) + 1):
            piece = s[start:end]
            if piece in vocab:
                for rest in solve(end):
                    results.append(piece + (" " + rest if rest else ""))
        return results

    return solve(0)


def main() -> None:
    print(word_break("leetcode", ["leet", "code"]), word_break("applepenapple", ["apple", "pen"]), word_break("catsandog", ["cats", "dog", "sand", "and", "cat"]))
    print(all_segmentations("catsanddog", ["cat", "cats", "and", "sand", "dog"]))
    print(all_segmentations("pineapplepenapple", ["apple", "pen", "applepen", "pine", "pineapple"]))
    print(all_segmentations("abc", ["x"]), word_break("", ["a"]))


if __name__ == "__main__":
    main()
