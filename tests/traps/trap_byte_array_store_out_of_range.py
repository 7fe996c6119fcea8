"""array('B') holds bytes: storing a value outside 0..255 raises OverflowError in CPython
(a translation into a Vec of 64-bit ints that skips the check would store it silently)."""

import array


class Image:
    def __init__(self, width: int, height: int) -> None:
        self.pixels = array.array("B", [0] * (width * height))
        self.width = width

    def paint(self, x: int, y: int, level: float) -> None:
        self.pixels[y * self.width + x] = max(0, min(255, int(level * 255)))

    def poke(self, i: int, value: int) -> None:
        self.pixels[i] = value


def histogram(img: Image) -> list[int]:
    counts = [0, 0, 0]
    for p in img.pixels:
        counts[min(2, p // 100)] += 1
    return counts


if __name__ == "__main__":
    img = Image(4, 2)
    for i in range(8):
        img.paint(i % 4, i // 4, i / 5)
    print(len(img.pixels), sum(img.pixels), list(img.pixels[:4]), histogram(img))
    img.pixels.append(7)
    img.poke(0, 255)
    print(img.pixels[0], img.pixels[-1])
    img.poke(1, 256)
    print("not reached", img.pixels[1])
