"""dict methods: get, setdefault, pop, update, items, keys, values, del, copy."""


def merge_settings(defaults: dict[str, int], overrides: dict[str, int]) -> dict[str, int]:
    merged = defaults.copy()
    merged.update(overrides)
    return merged


def group_by_length(words: list[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(len(word), []).append(word)
    return groups


def main() -> None:
    defaults = {"width": 80, "height": 24, "tabs": 4}
    settings = merge_settings(defaults, {"tabs": 2, "depth": 8})
    print(settings, defaults)
    removed = settings.pop("height")
    missing = settings.pop("nothing", -1)
    print(removed, missing, settings)
    del settings["width"]
    settings["color"] = 256
    print(settings, list(settings), list(settings.values()))
    print(group_by_length(["a", "to", "be", "sea", "of", "I", "cat"]))
    inventory: dict[str, int] = {}
    print(inventory.setdefault("apples", 3), inventory.setdefault("apples", 10), inventory)
    inventory.update({"pears": 2}, plums=7)
    print(inventory, inventory.popitem(), inventory)
    keys = sorted(inventory, reverse=True)
    print(keys, {k: inventory[k] for k in keys})
    print(dict(zip(["x", "y"], [1, 2])), dict([("a", 1), ("b", 2)]), dict.fromkeys("ab", 0))


if __name__ == "__main__":
    main()
