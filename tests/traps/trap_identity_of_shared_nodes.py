"""`is` / `==` on linked nodes compares objects: two handles to one node are the same
object (the translation once compared the addresses of the handle variables)."""

from typing import Optional


class Node:
    def __init__(self, value: int) -> None:
        self.value = value
        self.next: Optional["Node"] = None


class Shape:
    def __init__(self, peer: Optional["Shape"]) -> None:
        self.peer = peer


class Square(Shape):
    pass


def find(head: Optional[Node], target: Node) -> int:
    index = 0
    cur = head
    while cur is not None:
        if cur is target:
            return index
        cur = cur.next
        index += 1
    return -1


if __name__ == "__main__":
    a = Node(1)
    b = Node(2)
    a.next = b
    c = a.next
    assert c is not None
    print(c is b, c is a, a is a, c == b, c != b, a.next is b, a.next is a, b.next is None)
    print(find(a, b), find(a, a), find(a, Node(2)), find(None, a))
    s = Shape(None)
    sq = Square(s)
    t: Shape = sq
    u = t.peer
    assert u is not None
    print(u is s, u is t, t == t, u != s, t is sq, sq is t, t.peer is s, s.peer is u)
