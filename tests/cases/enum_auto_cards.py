"""Enums with auto() values used to build and rank a deck of cards."""

from enum import Enum, auto


class Suit(Enum):
    CLUBS = auto()
    DIAMONDS = auto()
    HEARTS = auto()
    SPADES = auto()


SYMBOLS = {Suit.CLUBS: "C", Suit.DIAMONDS: "D", Suit.HEARTS: "H", Suit.SPADES: "S"}
RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]


def card_name(rank: str, suit: Suit) -> str:
    return rank + SYMBOLS[suit]


def card_score(rank: str, suit: Suit) -> int:
    return RANKS.index(rank) * 4 + suit.value - 1


def main() -> None:
    deck = [(r, s) for s in Suit for r in RANKS]
    print(len(deck), card_name(*deck[0]), card_name(*deck[-1]))
    print([s.value for s in Suit], Suit.HEARTS.name)
    hand = [("K", Suit.HEARTS), ("2", Suit.SPADES), ("K", Suit.CLUBS), ("A", Suit.DIAMONDS), ("10", Suit.HEARTS)]
    ranked = sorted(hand, key=lambda c: card_score(*c), reverse=True)
    print([card_name(r, s) for r, s in ranked])
    by_suit: dict[Suit, list[str]] = {}
    for rank, suit in hand:
        by_suit.setdefault(suit, []).append(rank)
    for suit, ranks in by_suit.items():
        print(suit.name.lower(), ranks)


if __name__ == "__main__":
    main()
