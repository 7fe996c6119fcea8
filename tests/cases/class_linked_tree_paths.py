"""A binary tree of shared nodes built by assigning through two and three links."""

from __future__ import annotations


class Node:
    def __init__(self, data: int) -> None:
        self.data = data
        self.left: Node | None = None
        self.right: Node | None = None


def total(node: Node | None) -> int:
    if node is None:
        return 0
    return node.data + total(node.left) + total(node.right)


def depth(node: Node | None) -> int:
    if node is None:
        return 0
    return 1 + max(depth(node.left), depth(node.right))


def build() -> Node:
    root = Node(11)
    root.left = Node(2)
    root.right = Node(29)
    root.left.left = Node(1)
    root.left.right = Node(7)
    root.right.right = Node(40)
    root.right.right.left = Node(35)
    return root


if __name__ == "__main__":
    tree = build()
    print(total(tree), depth(tree))
    print(total(tree.left), total(tree.right))
