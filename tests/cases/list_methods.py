"""List methods: append, extend, pop, insert, remove, index, count, reverse, copy."""


def build_playlist() -> list[str]:
    songs = []
    songs.append("intro")
    songs.extend(["alpha", "beta", "gamma"])
    songs.insert(1, "warmup")
    songs.insert(-1, "bridge")
    songs.insert(100, "outro")
    return songs


def move_to_front(items: list[str], name: str) -> None:
    if name in items:
        items.remove(name)
        items.insert(0, name)


def main() -> None:
    playlist = build_playlist()
    print(playlist, len(playlist))
    print(playlist.index("beta"), playlist.count("alpha"), playlist.count("zeta"))
    last = playlist.pop()
    first = playlist.pop(0)
    print(last, first, playlist)
    move_to_front(playlist, "gamma")
    move_to_front(playlist, "missing")
    print(playlist)
    backup = playlist.copy()
    playlist.reverse()
    print(playlist, backup)
    alias = backup
    alias.append("encore")
    print(len(backup), backup[-1], alias is backup, alias == backup.copy())
    numbers = [5, 3, 5, 1, 5]
    numbers.remove(5)
    print(numbers, numbers.index(5), numbers.index(5, 2))
    numbers.clear()
    print(numbers, [0] * 3, [1, 2] + [3], [[0] * 2 for _ in range(2)])


if __name__ == "__main__":
    main()
