def p(a: int, b: int) -> float:
    return a ** b

if __name__ == "__main__":
    print(2 ** -1)
    print(p(2, -2))
    print(p(3, 2) == 9)  # 9 (an int) in Python: a float-annotated int prints as 9.0 (see docs)
