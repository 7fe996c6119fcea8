"""%-formatting and str.format in their common forms."""


def percent_report(name: str, done: int, total: int) -> str:
    return "%-8s %3d/%-3d (%5.1f%%)" % (name, done, total, 100.0 * done / total)


def format_report(name: str, done: int, total: int) -> str:
    return "{:<8} {:>3}/{:<3} ({:5.1f}%)".format(name, done, total, 100.0 * done / total)


def main() -> None:
    tasks = [("build", 7, 9), ("test", 120, 120), ("deploy", 0, 3)]
    for name, done, total in tasks:
        print(percent_report(name, done, total))
        print(format_report(name, done, total))
    print("%d items, %s, %r, %.3f, %x, %05d, %+d" % (3, "text", "text", 2.0 / 3, 255, 42, 5))
    print("%s and %s" % ("this", "that"), "%s" % [1, 2], "%d%%" % 50)
    print("{0}-{1}-{0}".format("a", "b"), "{name} is {age}".format(name="Ada", age=36))
    print("{:,}".format(10 ** 9), "{:>6.2f}".format(3.14159), "{!r}".format("q"))
    print("{} {} {}".format(1.0, None, False), "{:^7}".format("mid"))
    template = "Hello, {who}! You have {n} new {noun}."
    for n in [0, 1, 5]:
        print(template.format(who="Sam", n=n, noun="message" if n == 1 else "messages"))


if __name__ == "__main__":
    main()
