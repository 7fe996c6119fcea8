"""__lt__ and __eq__ make objects sortable; a version number class."""


class Version:
    def __init__(self, text: str) -> None:
        parts = text.split(".")
        self.major = int(parts[0])
        self.minor = int(parts[1]) if len(parts) > 1 else 0
        self.patch = int(parts[2]) if len(parts) > 2 else 0

    def key(self) -> tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    def __lt__(self, other: "Version") -> bool:
        return self.key() < other.key()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self.key() == other.key()

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def __repr__(self) -> str:
        return f"Version('{self}')"

    def bump(self, part: str) -> "Version":
        if part == "major":
            return Version(f"{self.major + 1}.0.0")
        if part == "minor":
            return Version(f"{self.major}.{self.minor + 1}.0")
        return Version(f"{self.major}.{self.minor}.{self.patch + 1}")


def main() -> None:
    versions = [Version(v) for v in ["1.10.0", "1.2", "0.9.9", "1.2.0", "2", "1.2.1"]]
    print(sorted(versions))
    print(min(versions), max(versions))
    print(Version("1.2") == Version("1.2.0"), Version("1.2") < Version("1.10"))
    v = Version("3.4.5")
    print(v.bump("major"), v.bump("minor"), v.bump("patch"), v)
    print([str(x) for x in sorted(versions, reverse=True)][:3])


if __name__ == "__main__":
    main()
