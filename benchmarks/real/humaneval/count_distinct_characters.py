

def count_distinct_characters(string: str) -> int:
    """ Given a string, find out how many distinct characters (regardless of case) does it consist of
    >>> count_distinct_characters('xyzXYZ')
    3
    >>> count_distinct_characters('Jerry')
    4
    """
    return len(set(string.lower()))


if __name__ == "__main__":
    print(count_distinct_characters(''))
    print(count_distinct_characters('abcde'))
    print(count_distinct_characters('abcde' + 'cade' + 'CADE'))
    print(count_distinct_characters('aaaaAAAAaaaa'))
    print(count_distinct_characters('Jerry jERRY JeRRRY'))
