def pig_latin(word: str) -> str:
    vowels = "aeiou"
    i = 0
    for i, ch in enumerate(word):
        if ch in vowels:
            break
    else:
        i = len(word)
    return word[i:] + word[:i] + "ay"

if __name__ == "__main__":
    print(pig_latin("pig"))
    print(pig_latin("apple"))
    print(pig_latin("rhythm"))
