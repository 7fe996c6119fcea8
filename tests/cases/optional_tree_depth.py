"""A binary search tree whose children are Optional; recursion stops at None."""

from typing import Optional


class TreeNode:
    def __init__(self, key: int) -> None:
        self.key = key
        self.left: Optional["TreeNode"] = None
        self.right: Optional["TreeNode"] = None


def insert(root: Optional[TreeNode], key: int) -> TreeNode:
    if root is None:
        return TreeNode(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root


def height(node: Optional[TreeNode]) -> int:
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def inorder(node: Optional[TreeNode], out: list[int]) -> None:
    if node is None:
        return
    inorder(node.left, out)
    out.append(node.key)
    inorder(node.right, out)


def contains(node: Optional[TreeNode], key: int) -> bool:
    while node is not None:
        if key == node.key:
            return True
        node = node.left if key < node.key else node.right
    return False


def main() -> None:
    root: Optional[TreeNode] = None
    for key in [50, 30, 70, 20, 40, 60, 80, 35, 30]:
        root = insert(root, key)
    keys: list[int] = []
    inorder(root, keys)
    print(keys, height(root), height(None))
    print([k for k in [35, 36, 80, 10] if contains(root, k)])


if __name__ == "__main__":
    main()
