"""print() of containers: nested lists, tuples, dicts, strings with quotes, floats, bools."""


def main() -> None:
    print([1, 2.0, "three", None, True, False])
    print((1,), (1, 2), [], {}, (), [[]], [()])
    print({"a": [1, 2], "b": {"c": (3, 4)}, "d": None})
    print(["it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash"])
    print([0.1 + 0.2, 1e-05, 1e16, -0.0, 2.5, 100.0])
    print({1: True, 2: False}, [[1, [2, [3, []]]]], {(1, 2): [3.0]})
    print(["\u00e9", "\u4e2d\u6587", "\U0001f600"])
    nested = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bo", "tags": []}]}
    print(nested)
    print(str([1, "x"]), repr("x"), repr([1, "x"]), str("x"))
    print(list("ab"), tuple([None]), [1, (2, [3])], [True, 1, 1.0])
    data = [[i * j for j in range(3)] for i in range(3)]
    print(data, *data)


if __name__ == "__main__":
    main()
