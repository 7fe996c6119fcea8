"""HumanEval-style: parse a music string into beats; sort number words."""

BEATS = {"o": 4, "o|": 2, ".|": 1}
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def parse_music(music: str) -> list[int]:
    return [BEATS[note] for note in music.split() if note in BEATS]


def sort_numbers(numbers: str) -> str:
    values = [WORDS.index(w) for w in numbers.split()]
    return " ".join(WORDS[v] for v in sorted(values))


def main() -> None:
    print(parse_music(""), parse_music("o o o o"), parse_music(".| .| .| .|"))
    print(parse_music("o| o| .| .| o o o o"), parse_music("o| .| o| .| o o| o o|"))
    print(sum(parse_music("o o| .| o| o| .| .| .| .| o")))
    print(repr(sort_numbers("")), sort_numbers("three"), sort_numbers("three five nine"))
    print(sort_numbers("five zero four seven nine eight"), sort_numbers("six five four three two one zero"))


if __name__ == "__main__":
    main()
