def firsts(xs: list[str]) -> list[str]:
    out: list[str] = []
    for i, x in enumerate(xs):
        if i:
            out.append(x)
        else:
            out.append(x.upper())
    return out

if __name__ == "__main__":
    print(firsts(["a", "b", "c"]))
