from typing import Optional


def head_word(text: str) -> Optional[str]:
    words = text.split()
    if not words:
        return
    return words[0]


if __name__ == "__main__":
    print(head_word("  "))
    print(head_word("alpha beta"))
