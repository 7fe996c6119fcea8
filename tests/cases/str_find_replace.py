"""find/rfind/index/count/replace in a tiny template engine."""


def render(template: str, values: dict[str, str]) -> str:
    result = template
    for key, value in values.items():
        result = result.replace("{" + key + "}", value)
    return result


def all_positions(text: str, needle: str) -> list[int]:
    positions = []
    start = text.find(needle)
    while start != -1:
        positions.append(start)
        start = text.find(needle, start + 1)
    return positions


def between(text: str, left: str, right: str) -> str:
    i = text.find(left)
    if i < 0:
        return ""
    j = text.find(right, i + len(left))
    if j < 0:
        return ""
    return text[i + len(left):j]


def main() -> None:
    tpl = "Dear {name}, your order #{id} ships {when}. Thanks, {name}!"
    print(render(tpl, {"name": "Grace", "id": "1042", "when": "today"}))
    text = "abracadabra"
    print(all_positions(text, "a"), all_positions(text, "abra"), all_positions(text, "z"))
    print(text.count("a"), text.count("abra"), text.count(""), text.rfind("a"), text.index("c"))
    print(between("<b>bold</b>", "<b>", "</b>"), repr(between("none here", "[", "]")))
    print("aaaa".replace("a", "b", 2), "banana".replace("an", "AN"), "x".replace("", "-"))
    print("hello" in "say hello", "Hello" in "say hello", "" in "abc")
    print("caf\u00e9 cr\u00e8me".find("cr"), "\u00fcber".upper(), len("na\u00efve"))


if __name__ == "__main__":
    main()
