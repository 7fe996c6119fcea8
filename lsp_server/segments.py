"""Items of a very large document without parsing all of it.

`ast.parse` of a 5 MB module takes seconds (and much more under memory pressure), so a
large document is cut into top-level segments by a line scan (a segment starts at a line
that begins in column 0 with something other than a comment or a closing bracket), and
only the segments a request needs are parsed. A segment that does not parse on its own
(a column-0 line inside a triple-quoted string) is merged with its successor until it does.
`SegmentedItems` answers the same questions as `DocumentItems`.
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass, field

from lsp_server.items import DocumentItems, Item, _line_ending, _Stmt, collect_items

_DEFINES = re.compile(r"^(?:async\s+def|def|class)\s+(\w+)|^(\w+)\s*(?::|=(?!=))")
_STARTS = re.compile(r"^[^\s#)\]}]")
_IMPORT = re.compile(r"^(?:import|from)\s")


@dataclass
class _Segment:
    start: int  # 1-based first line
    end: int  # 1-based last line
    items: list[Item] | None = None
    stmts: list[_Stmt] | None = None


@dataclass
class SegmentedItems:
    source: str
    lines: list[str]
    starts: list[int]  # 1-based start line of each segment
    names: dict[str, list[int]]  # top-level name -> segment indexes defining it
    imports: list[int]
    error: None = None
    _parsed: dict[int, _Segment] = field(default_factory=dict)
    _reduced: dict[tuple[str, ...], str] = field(default_factory=dict)

    ok = True

    # --- segments ----------------------------------------------------------------------

    def _bounds(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.lines)
        return start, end

    def _index_of(self, line: int) -> int | None:
        index = bisect.bisect_right(self.starts, line) - 1
        return index if index >= 0 else None

    def _segment(self, index: int) -> _Segment:
        found = self._parsed.get(index)
        if found is not None:
            return found
        start, end = self._bounds(index)
        last = index
        tree: ast.Module | None = None
        while tree is None:
            text = "".join(self.lines[start - 1 : end])
            try:
                tree = ast.parse(text)
            except SyntaxError:
                if last + 1 >= len(self.starts) or last - index > 50:
                    tree = ast.Module(body=[], type_ignores=[])
                    break
                last += 1
                end = self._bounds(last)[1]
        ast.increment_lineno(tree, start - 1)
        segment = _Segment(start, end, [], [])
        assert segment.items is not None and segment.stmts is not None
        collect_items(tree.body, segment.stmts, segment.items)
        for covered in range(index, last + 1):
            self._parsed[covered] = segment
        return segment

    def _items_near(self, line: int) -> list[Item]:
        index = self._index_of(line)
        if index is None:
            return []
        return self._segment(index).items or []

    # --- the DocumentItems interface ---------------------------------------------------

    @property
    def items(self) -> list[Item]:
        return [item for i in range(len(self.starts)) for item in self._segment(i).items or []]

    def item_at_header(self, line: int) -> Item | None:
        found = [i for i in self._items_near(line) if i.header_start <= line <= i.header_end]
        return min(found, key=lambda i: i.header_end - i.header_start, default=None)

    def top_item_at(self, line: int) -> Item | None:
        for item in self._items_near(line):
            if item.kind != "method" and item.start_line <= line <= item.end_line:
                return item
        return None

    def top_items_between(self, first: int, last: int) -> list[Item]:
        lo = self._index_of(first) or 0
        hi = self._index_of(last)
        if hi is None:
            return []
        found: list[Item] = []
        for index in range(lo, min(hi, lo + 500) + 1):
            for item in self._segment(index).items or []:
                overlaps = item.start_line <= last and first <= item.end_line
                if item.kind != "method" and overlaps and item not in found:
                    found.append(item)
        return found

    def get(self, name: str) -> Item | None:
        top = name.split(".", 1)[0]
        for index in self.names.get(top, []):
            for item in self._segment(index).items or []:
                if item.name == name:
                    return item
        return None

    def reduced_source(self, top_names: list[str]) -> str:
        key = tuple(sorted(top_names))
        cached = self._reduced.get(key)
        if cached is not None:
            return cached
        kept: set[int] = set(self.imports)
        frontier = list(key)
        seen: set[str] = set()
        while frontier:
            name = frontier.pop()
            if name in seen:
                continue
            seen.add(name)
            for index in self.names.get(name, []):
                segment = self._segment(index)
                kept.add(index)
                for stmt in segment.stmts or []:
                    frontier.extend(stmt.uses - seen)
        mask = [False] * len(self.lines)
        for index in kept:
            segment = self._segment(index)
            for line in range(segment.start - 1, min(segment.end, len(self.lines))):
                mask[line] = True
        text = "".join(line if mask[i] else _line_ending(line) for i, line in enumerate(self.lines))
        self._reduced[key] = text
        return text


def index_large_document(source: str) -> SegmentedItems:
    lines = source.splitlines(keepends=True)
    starts: list[int] = []
    names: dict[str, list[int]] = {}
    imports: list[int] = []
    pending_decorator = False
    for number, line in enumerate(lines, start=1):
        if not _STARTS.match(line):
            continue
        if not pending_decorator:
            starts.append(number)
        pending_decorator = line.startswith("@")
        index = len(starts) - 1
        match = _DEFINES.match(line)
        if match:
            names.setdefault(match.group(1) or match.group(2), []).append(index)
        elif _IMPORT.match(line):
            imports.append(index)
    if not starts or starts[0] != 1:
        starts.insert(0, 1)
        names = {k: [i + 1 for i in v] for k, v in names.items()}
        imports = [i + 1 for i in imports]
    return SegmentedItems(source, lines, starts, names, imports)


AnyItems = DocumentItems | SegmentedItems
