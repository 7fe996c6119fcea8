"""Subclasses that set their own fields before calling the base's `__init__`."""


def noted(text: str) -> str:
    return text.upper()


class Gauge:
    def __init__(self, low: int, high: int) -> None:
        self.mode = "base"
        self.low = low
        self.high = high

    def span(self) -> int:
        return self.high - self.low

    def label(self) -> str:
        return f"{self.mode}:{self.span()}"


class Scaled(Gauge):
    def __init__(self, low: int, high: int, factor: int) -> None:
        self.mode = noted("early")
        self.tag = noted("t")
        self.factor = factor
        super(Scaled, self).__init__(low, high)
        self.high = high * 2

    def span(self) -> int:
        return (self.high - self.low) * self.factor


class Offset(Gauge):
    def __init__(self, shift: int) -> None:
        self.shift = shift
        Gauge.__init__(self, 0, 10)

    def span(self) -> int:
        return self.high - self.low + self.shift


if __name__ == "__main__":
    scaled = Scaled(1, 5, 3)
    gauges: list[Gauge] = [Gauge(1, 5), scaled, Offset(4)]
    print([g.label() for g in gauges], scaled.tag, scaled.mode)
