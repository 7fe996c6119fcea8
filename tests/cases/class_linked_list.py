"""A singly linked list with Optional next pointers, iteration helpers and __repr__."""

from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None) -> None:
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self) -> None:
        self.head: Optional[Node] = None
        self.size = 0

    def push_front(self, value: int) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def to_list(self) -> list[int]:
        values = []
        node = self.head
        while node is not None:
            values.append(node.value)
            node = node.next
        return values

    def reverse(self) -> None:
        prev: Optional[Node] = None
        node = self.head
        while node is not None:
            nxt = node.next
            node.next = prev
            prev = node
            node = nxt
        self.head = prev

    def find(self, value: int) -> int:
        index = 0
        node = self.head
        while node is not None:
            if node.value == value:
                return index
            node = node.next
            index += 1
        return -1

    def __repr__(self) -> str:
        return " -> ".join(str(v) for v in self.to_list()) or "<empty>"


def main() -> None:
    lst = LinkedList()
    print(lst, lst.size)
    for v in [5, 4, 3, 2, 1]:
        lst.push_front(v)
    print(lst, lst.size, lst.find(3), lst.find(42))
    lst.reverse()
    print(lst, lst.to_list())


if __name__ == "__main__":
    main()
