"""Hand-written merge sort, quicksort, insertion sort and counting sort."""


def merge_sort(values: list[int]) -> list[int]:
    if len(values) <= 1:
        return values[:]
    mid = len(values) // 2
    left, right = merge_sort(values[:mid]), merge_sort(values[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def quicksort(values: list[int]) -> list[int]:
    if len(values) <= 1:
        return values
    pivot = values[len(values) // 2]
    less = [v for v in values if v < pivot]
    equal = [v for v in values if v == pivot]
    greater = [v for v in values if v > pivot]
    return quicksort(less) + equal + quicksort(greater)


def insertion_sort(values: list[int]) -> list[int]:
    result = values[:]
    for i in range(1, len(result)):
        key = result[i]
        j = i - 1
        while j >= 0 and result[j] > key:
            result[j + 1] = result[j]
            j -= 1
        result[j + 1] = key
    return result


def counting_sort(values: list[int]) -> list[int]:
    if not values:
        return []
    low = min(values)
    counts = [0] * (max(values) - low + 1)
    for v in values:
        counts[v - low] += 1
    return [i + low for i, c in enumerate(counts) for _ in range(c)]


def main() -> None:
    data = [38, 27, 43, 3, -9, 82, 10, 3, 0, -1]
    sorters = [("merge", merge_sort), ("quick", quicksort), ("insertion", insertion_sort), ("counting", counting_sort)]
    for name, sorter in sorters:
        print(f"{name:>9}:", sorter(data))
    print(data)
    print(merge_sort([]), quicksort([1]), insertion_sort([2, 1]), counting_sort([5, 5, 5]))
    print(all(f(data) == sorted(data) for _, f in sorters))


if __name__ == "__main__":
    main()
