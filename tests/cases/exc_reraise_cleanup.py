"""try/except that re-raises, raise ... from, and finally used for cleanup counting."""


class ConfigError(Exception):
    pass


OPEN_HANDLES = [0]


def read_setting(settings: dict[str, str], key: str) -> int:
    OPEN_HANDLES[0] += 1
    try:
        raw = settings[key]
        return int(raw)
    except KeyError:
        raise ConfigError(f"missing setting {key!r}")
    except ValueError as err:
        raise ConfigError(f"bad value for {key!r}") from err
    finally:
        OPEN_HANDLES[0] -= 1


def load(settings: dict[str, str]) -> dict[str, int]:
    result = {}
    for key in ["port", "workers"]:
        result[key] = read_setting(settings, key)
    return result


def main() -> None:
    cases = [
        {"port": "8080", "workers": "4"},
        {"port": "8080"},
        {"port": "eighty", "workers": "2"},
    ]
    for settings in cases:
        try:
            print(load(settings))
        except ConfigError as err:
            print("ConfigError:", err, "| chained:", err.__cause__ is not None)
    print("open handles:", OPEN_HANDLES[0])


if __name__ == "__main__":
    main()
