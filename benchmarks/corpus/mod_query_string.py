"""URL query-string parsing and building with percent-decoding and repeated keys."""

HEX = "0123456789ABCDEF"
SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"


def unquote(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "+":
            out.append(" ")
        elif ch == "%" and i + 2 < len(text) and all(c.upper() in HEX for c in text[i + 1:i + 3]):
            out.append(chr(int(text[i + 1:i + 3], 16)))
            i += 2
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def quote(text: str) -> str:
    return "".join(ch if ch in SAFE else "+" if ch == " " else f"%{ord(ch):02X}" for ch in text)


def parse_qs(query: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for pair in query.lstrip("?").split("&"):
        if not pair:
            continue
        key, sep, value = pair.partition("=")
        params.setdefault(unquote(key), []).append(unquote(value) if sep else "")
    return params


def build_qs(params: dict[str, list[str]]) -> str:
    return "&".join(f"{quote(k)}={quote(v)}" for k, values in params.items() for v in values)


def main() -> None:
    url_query = "?q=rust+vs+python&lang=en&tag=fast&tag=safe&empty=&flag&pct=100%25&bad=%zz"
    params = parse_qs(url_query)
    print(params)
    print(params.get("tag", []), params.get("missing", ["default"])[0])
    rebuilt = build_qs(params)
    print(rebuilt)
    print(parse_qs(rebuilt) == params)
    print(quote("a b&c=d/\u00e9"), unquote("caf%E9"), parse_qs(""))


if __name__ == "__main__":
    main()
