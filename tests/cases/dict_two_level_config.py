"""Parsing an INI-like config into dict[str, dict[str, str]] and reading typed values."""

CONFIG = """
[server]
host = example.org
port = 8080
debug = yes

[limits]
max_users = 250
ratio = 0.75
"""


def parse(text: str) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = {}
        elif "=" in line and current:
            key, _, value = line.partition("=")
            sections[current][key.strip()] = value.strip()
    return sections


def get_int(cfg: dict[str, dict[str, str]], section: str, key: str, default: int = 0) -> int:
    value = cfg.get(section, {}).get(key)
    return int(value) if value is not None else default


def get_bool(cfg: dict[str, dict[str, str]], section: str, key: str) -> bool:
    return cfg.get(section, {}).get(key, "no").lower() in ("yes", "true", "1")


def main() -> None:
    cfg = parse(CONFIG)
    print(cfg)
    print(get_int(cfg, "server", "port"), get_int(cfg, "server", "workers", default=4))
    print(get_bool(cfg, "server", "debug"), get_bool(cfg, "limits", "debug"))
    print(float(cfg["limits"]["ratio"]) * get_int(cfg, "limits", "max_users"))
    for section, values in cfg.items():
        print(section, sorted(values.keys()))


if __name__ == "__main__":
    main()
