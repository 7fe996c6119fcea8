"""List slicing with steps and negative bounds, slice assignment and deletion."""


def chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[i:i + size] for i in range(0, len(values), size)]


def interleave(a: list[int], b: list[int]) -> list[int]:
    result = [0] * (len(a) + len(b))
    result[::2] = a
    result[1::2] = b
    return result


def main() -> None:
    data = list(range(10))
    print(data[2:7], data[-3:], data[:-7], data[::3], data[::-1], data[-1:-6:-2])
    print(data[8:2:-2], data[100:], data[-100:2], data[5:5], data[1::-1])
    print(data[-1], data[-10], data[len(data) // 2])
    print(chunks(data, 4), chunks([], 3))
    print(interleave([1, 3, 5], [2, 4, 6]))
    copy = data[:]
    copy[2:5] = [20, 30]
    print(copy, len(copy))
    del copy[-2:]
    del copy[0]
    print(copy)
    copy[1:1] = [99, 98]
    print(copy)
    evens = data[::2]
    evens[0] = -1
    print(evens, data[0])


if __name__ == "__main__":
    main()
