def even_outliers(xs: list[int]) -> list[int]:
    return [x for x in xs if x % 2 == 0 if x < 0 or x > 5]


if __name__ == "__main__":
    print(even_outliers([-4, -3, 2, 6, 7, 8, 9]))
