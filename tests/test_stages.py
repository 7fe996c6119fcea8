"""Unit tests per engine stage: parse, type oracle + type mapping, declarations, emit."""

from __future__ import annotations

import textwrap

import pytest

from backend.transpiler import ir, parse
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze import oracle
from backend.transpiler.analyze.typemap import TypeMapper
from backend.transpiler.emit import emit_module
from backend.transpiler.lower.literals import rust_float_literal, rust_str_literal
from backend.transpiler.record import Diagnostic, SourceRange

# ---- parse ----


def test_parse_lists_functions_classes_and_methods() -> None:
    parsed = parse.parse_python(
        "@dataclass\nclass P:\n    def m(self) -> int:\n        return 1\n\n"
        "def f() -> None:\n    pass\n"
    )
    assert not isinstance(parsed, Diagnostic)
    names = [(i.name, i.kind) for i in parsed.items]
    assert names == [("P", "class"), ("P.m", "method"), ("f", "function")]
    assert parsed.items[0].range.line == 1  # the decorator belongs to the class


@pytest.mark.parametrize(
    ("source", "line", "col"),
    [("x = (\n", 1, 4), ("def f():\nreturn 1\n", 2, 0), ("a = 1 +\n", 1, 7), ("x = '\0'\n", 1, 0)],
)
def test_parse_errors_are_located(source: str, line: int, col: int) -> None:
    diag = parse.parse_python(source)
    assert isinstance(diag, Diagnostic)
    assert diag.code == "PRT001"
    assert diag.range.line == line
    assert diag.range.col == col or diag.range.line == line


def test_main_guard_detection() -> None:
    parsed = parse.parse_python("if __name__ == '__main__':\n    print(1)\n")
    assert not isinstance(parsed, Diagnostic) and parsed.has_main_block
    parsed = parse.parse_python("if '__main__' == __name__:\n    print(1)\n")
    assert not isinstance(parsed, Diagnostic) and parsed.has_main_block


def test_items_in_range_are_top_level_items_only() -> None:
    parsed = parse.parse_python(
        "def a() -> None:\n    pass\n\nclass B:\n    def m(self) -> None:\n        pass\n"
    )
    assert not isinstance(parsed, Diagnostic)
    assert parse.items_in_range(parsed, SourceRange(5, 0, 5, 3)) == ["B"]
    assert parse.items_in_range(parsed, SourceRange(1, 0, 6, 0)) == ["a", "B"]


# ---- type oracle and type mapping ----


def _types_of_locals(source: str) -> dict[str, rt.RType]:
    typed = oracle.typecheck(textwrap.dedent(source), "stage_test")
    assert not isinstance(typed, str), typed
    mapper = TypeMapper({})
    out = {}
    for name, sym in typed.tree.names.items():
        node = sym.node
        typ = getattr(node, "type", None)
        if typ is not None and not name.startswith("__"):
            out[name] = mapper.map(typ)
    return out


def test_type_mapping_of_builtin_generics() -> None:
    types = _types_of_locals(
        """
        from typing import Optional
        a: list[int] = []
        b: dict[str, list[int]] = {}
        c: tuple[int, str] = (1, "x")
        d: Optional[float] = None
        e: set[str] = set()
        f = {}
        f["k"] = 1.5
        """
    )
    assert types["a"] == rt.ListT(rt.INT)
    assert types["b"] == rt.DictT(rt.STR, rt.ListT(rt.INT))
    assert types["c"] == rt.TupleT((rt.INT, rt.STR))
    assert types["d"] == rt.OptionT(rt.FLOAT)
    assert types["e"] == rt.SetT(rt.STR)
    assert types["f"] == rt.DictT(rt.STR, rt.FLOAT)  # an empty dict filled later


def test_type_rendering() -> None:
    assert rt.DictT(rt.STR, rt.ListT(rt.INT)).render() == "PyDict<String, Vec<i64>>"
    assert rt.SetT(rt.INT).render() == "BTreeSet<i64>"
    assert rt.SetT(rt.FLOAT).render() == "HashSet<f64>"
    assert rt.borrowed(rt.ListT(rt.STR)) == "&[String]"
    assert rt.borrowed(rt.STR) == "&str"
    assert rt.borrowed(rt.OptionT(rt.STR)) == "Option<&str>"
    assert rt.TupleT((rt.INT,)).render() == "(i64,)"


def test_oracle_is_reused_and_sees_each_new_source() -> None:
    first = oracle.typecheck("x = 1\n", "stage_test")
    second = oracle.typecheck("x = 'a'\n", "stage_test")
    assert not isinstance(first, str) and not isinstance(second, str)
    assert str(second.tree.names["x"].node.type) == "str"  # type: ignore[union-attr]


# ---- literals ----


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.0, "1.0"), (0.1, "0.1"), (1e-05, "1.0e-5"), (1e16, "1.0e16"), (2.5e300, "2.5e300")],
)
def test_float_literals(value: float, expected: str) -> None:
    assert rust_float_literal(value) == expected


def test_string_literals_escape_what_rust_needs() -> None:
    assert rust_str_literal('a"b\\c\n\t') == '"a\\"b\\\\c\\n\\t"'
    assert rust_str_literal("\x01é") == '"\\u{1}é"'


# ---- emit ----


def test_emit_else_if_chains_and_span_map() -> None:
    span = SourceRange(3, 4, 3, 10)
    body: list[ir.Stmt] = [
        ir.If(
            "a",
            [ir.ExprStmt("x()")],
            [ir.If("b", [ir.ExprStmt("y()", span=span)], [ir.ExprStmt("z()")])],
        ),
    ]
    fn = ir.Function("f", [ir.Param("a", "bool"), ir.Param("b", "bool")], None, body)
    out = emit_module(ir.Module([], [fn], []))
    assert out.code == (
        "fn f(a: bool, b: bool) {\n"
        "    if a {\n"
        "        x();\n"
        "    } else if b {\n"
        "        y();\n"
        "    } else {\n"
        "        z();\n"
        "    }\n"
        "}\n"
    )
    assert out.span_map[5] == span
