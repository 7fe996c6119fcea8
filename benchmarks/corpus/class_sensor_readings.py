"""A sensor class hierarchy with running statistics, alarms via overriding, and __repr__."""


class Sensor:
    unit = ""

    def __init__(self, name: str) -> None:
        self.name = name
        self.readings: list[float] = []

    def record(self, value: float) -> None:
        self.readings.append(value)

    @property
    def mean(self) -> float:
        return sum(self.readings) / len(self.readings) if self.readings else 0.0

    def alarm(self, value: float) -> bool:
        return False

    def alarms(self) -> list[float]:
        return [v for v in self.readings if self.alarm(v)]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, n={len(self.readings)}, mean={self.mean:.2f}{self.unit})"


class Thermometer(Sensor):
    unit = "C"

    def __init__(self, name: str, max_temp: float) -> None:
        super().__init__(name)
        self.max_temp = max_temp

    def alarm(self, value: float) -> bool:
        return value > self.max_temp


class Hygrometer(Sensor):
    unit = "%"

    def alarm(self, value: float) -> bool:
        return not 30.0 <= value <= 60.0


def main() -> None:
    sensors: list[Sensor] = [Thermometer("oven", 220.0), Hygrometer("cellar"), Sensor("spare")]
    data = {
        "oven": [180.0, 215.5, 230.25, 219.0],
        "cellar": [55.0, 61.5, 29.0, 45.0, 45.5],
    }
    for s in sensors:
        for v in data.get(s.name, []):
            s.record(v)
    for s in sensors:
        print(s, s.alarms())
    print(max(sensors, key=lambda s: s.mean).name, [s.unit for s in sensors])


if __name__ == "__main__":
    main()
