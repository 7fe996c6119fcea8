"""One declarative record per Python operation: what analysis and lowering need to know.

A record says, for one method of one builtin type, what it takes and returns, whether it
changes its receiver (mutation analysis: `&mut` parameters, `mut` locals), what it raises
and with which message (raising analysis: which calls a handler can catch; lowering: the
`Err`/panic text), which runtime helper its translation uses and which function lowers it.
Adding a method is one record here plus its lowering function; the table rejects a second
record for the same method.

Only list methods are records so far (issue 12); the other families still keep these facts
in `analyze/mutation.py`, `analyze/raising.py` and `lower/`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "LIST_OPERATIONS",
    "LIST_POP",
    "DuplicateOperation",
    "Operation",
    "OperationTable",
    "Raises",
]


@dataclass(frozen=True)
class Raises:
    """One way the operation fails, as CPython reports it."""

    exception: str  # the Python exception class
    message: str  # CPython's message; `{x}` stands for the argument's repr
    when: str  # in words, for the docs


@dataclass(frozen=True)
class Operation:
    receiver: str  # mypy's full name of the receiver's class
    name: str
    params: tuple[str, ...]  # Python parameter types; `T` is the element type, `=` a default
    result: str  # Python result type
    mutates: bool  # changes its receiver in place
    raises: tuple[Raises, ...] = ()
    helper: str | None = None  # the runtime helper its translation uses (runtime/*.rs)
    lowering: str = ""  # its lowering function: `module.function` under backend/transpiler/lower
    example: str = ""  # a call on `xs: list[int]` with `x: int`, translated by the tests

    @property
    def key(self) -> tuple[str, str]:
        return (self.receiver, self.name)


class DuplicateOperation(ValueError):
    pass


class OperationTable:
    """The records of one receiver family, by method name; one record per method."""

    def __init__(self, *operations: Operation) -> None:
        self._by_key: dict[tuple[str, str], Operation] = {}
        for operation in operations:
            self.add(operation)

    def add(self, operation: Operation) -> Operation:
        if operation.key in self._by_key:
            raise DuplicateOperation(f"{operation.receiver}.{operation.name} is declared twice")
        self._by_key[operation.key] = operation
        return operation

    def get(self, receiver: str, name: str) -> Operation | None:
        return self._by_key.get((receiver, name))

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._by_key.values())

    def mutating_names(self) -> frozenset[str]:
        """The methods that change their receiver (mutation analysis matches on names)."""
        return frozenset(op.name for op in self if op.mutates)

    def raising_kinds(self) -> dict[tuple[str, str], str]:
        """(receiver class, method) -> the exception a handler can catch."""
        return {op.key: op.raises[0].exception for op in self if op.raises}


_LIST = "builtins.list"

LIST_POP = Operation(
    _LIST,
    "pop",
    ("int=",),
    "T",
    mutates=True,
    raises=(
        Raises("IndexError", "pop from empty list", "the list is empty"),
        Raises("IndexError", "pop index out of range", "the index is outside the list"),
    ),
    helper="py_list_pop",  # `xs.pop(i)`; `xs.pop()` is Vec::pop
    lowering="collection_methods.list_pop",
    example="xs.pop(0)",
)

LIST_OPERATIONS = OperationTable(
    Operation(
        _LIST,
        "append",
        ("T",),
        "None",
        mutates=True,
        lowering="collection_methods.list_append",
        example="xs.append(x)",
    ),
    Operation(
        _LIST,
        "extend",
        ("Iterable[T]",),
        "None",
        mutates=True,
        lowering="collection_methods.list_extend",
        example="xs.extend([x, x])",
    ),
    LIST_POP,
    Operation(
        _LIST,
        "insert",
        ("int", "T"),
        "None",
        mutates=True,
        helper="py_list_insert",
        lowering="collection_methods.list_insert",
        example="xs.insert(0, x)",
    ),
    Operation(
        _LIST,
        "remove",
        ("T",),
        "None",
        mutates=True,
        raises=(Raises("ValueError", "list.remove(x): x not in list", "x is not in the list"),),
        helper="py_list_remove",
        lowering="collection_methods.list_remove",
        example="xs.remove(x)",
    ),
    Operation(
        _LIST,
        "index",
        ("T", "int="),
        "int",
        mutates=False,
        raises=(Raises("ValueError", "{x} is not in list", "x is not in the list"),),
        helper="py_list_index",
        lowering="collection_methods.list_index",
        example="xs.index(x)",
    ),
    Operation(
        _LIST,
        "count",
        ("T",),
        "int",
        mutates=False,
        lowering="collection_methods.list_count",
        example="xs.count(x)",
    ),
    Operation(
        _LIST,
        "reverse",
        (),
        "None",
        mutates=True,
        lowering="collection_methods.list_reverse",
        example="xs.reverse()",
    ),
    Operation(
        _LIST,
        "sort",
        ("key=", "reverse="),
        "None",
        mutates=True,
        lowering="collection_methods.list_sort",
        example="xs.sort()",
    ),
    Operation(
        _LIST,
        "copy",
        (),
        "list[T]",
        mutates=False,
        lowering="collection_methods.list_copy",
        example="xs.copy()",
    ),
    Operation(
        _LIST,
        "clear",
        (),
        "None",
        mutates=True,
        lowering="collection_methods.list_clear",
        example="xs.clear()",
    ),
)
