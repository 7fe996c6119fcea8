"""A binary search tree with methods on the node, a linked queue, and a trie."""

from typing import Optional


class Node:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Optional["Node"] = None
        self.right: Optional["Node"] = None
        self.count = 1

    def insert(self, key: int) -> None:
        if key == self.key:
            self.count += 1
        elif key < self.key:
            if self.left is None:
                self.left = Node(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Node(key)
            else:
                self.right.insert(key)

    def total(self) -> int:
        result = self.key * self.count
        if self.left is not None:
            result += self.left.total()
        if self.right is not None:
            result += self.right.total()
        return result


def preorder(node: Optional[Node], out: list[str]) -> None:
    if node is not None:
        out.append(f"{node.key}x{node.count}")
        preorder(node.left, out)
        preorder(node.right, out)


class Item:
    def __init__(self, value: str) -> None:
        self.value = value
        self.next: Optional["Item"] = None


class Queue:
    def __init__(self) -> None:
        self.head: Optional[Item] = None
        self.tail: Optional[Item] = None
        self.length = 0

    def push(self, value: str) -> None:
        item = Item(value)
        if self.tail is None:
            self.head = item
        else:
            self.tail.next = item
        self.tail = item
        self.length += 1

    def pop(self) -> str:
        if self.head is None:
            return ""
        item = self.head
        self.head = item.next
        if self.head is None:
            self.tail = None
        self.length -= 1
        return item.value

    def items(self) -> list[str]:
        out: list[str] = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out


def main() -> None:
    root = Node(50)
    for k in [30, 70, 30, 20, 80, 50, 65]:
        root.insert(k)
    order: list[str] = []
    preorder(root, order)
    print(order, root.total())
    q = Queue()
    for word in ["a", "b", "c"]:
        q.push(word)
    print(q.items(), q.length)
    print(q.pop(), q.pop(), q.items(), q.length)
    q.push("d")
    print(q.pop(), q.pop(), q.pop() == "", q.items(), q.length)


if __name__ == "__main__":
    main()
