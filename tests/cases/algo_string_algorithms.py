"""String algorithms: longest palindromic substring, anagram check, run-length, KMP search."""


def longest_palindrome(s: str) -> str:
    best = ""
    for center in range(len(s)):
        for lo, hi in ((center, center), (center, center + 1)):
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


def prefix_function(pattern: str) -> list[int]:
    pi = [0] * len(pattern)
    k = 0
    for i in range(1, len(pattern)):
        while k > 0 and pattern[i] != pattern[k]:
            k = pi[k - 1]
        if pattern[i] == pattern[k]:
            k += 1
        pi[i] = k
    return pi


def kmp_search(text: str, pattern: str) -> list[int]:
    if not pattern:
        return []
    pi = prefix_function(pattern)
    hits = []
    k = 0
    for i, ch in enumerate(text):
        while k > 0 and ch != pattern[k]:
            k = pi[k - 1]
        if ch == pattern[k]:
            k += 1
        if k == len(pattern):
            hits.append(i - k + 1)
            k = pi[k - 1]
    return hits


def main() -> None:
    for s in ["babad", "cbbd", "forgeeksskeegfor", "a", ""]:
        print(repr(s), repr(longest_palindrome(s)))
    print(prefix_function("abacabab"))
    print(kmp_search("abababcabababab", "abab"), kmp_search("aaaa", "aa"), kmp_search("abc", "d"))


if __name__ == "__main__":
    main()
