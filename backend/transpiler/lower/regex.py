"""Python's `re` (the common subset) on the `regex` crate.

Only a crate can depend on `regex`: `portalis translate-project` writes the dependency
(project.py) and this module lowers the calls. A single-file translation is std-only, so
there every use of `re` is a placeholder with PRT760, which names the crate and the command
that builds it.

What is translated: `re.compile/match/search/fullmatch/findall/sub/split` (and the same
methods of a compiled pattern), and `group/groups/start/end/span` of a match. Patterns
must be literals, or module names bound to one literal (or to `re.compile(literal)`), so
that the pattern is checked here: a feature with no exact equivalent in the crate is PRT761
(regex_syntax.py), a call this lowering does not cover exactly is PRT762.

Exactness notes: Python scans for all matches starting each search where the last match
ended, and after an empty match refuses another empty match at the same place; the crate's
iterator differs, so the runtime below scans itself (`py_re_all`). Positions are Python's
character offsets, not the crate's byte offsets. Every regex is compiled once, into a
module-level `static`.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    AssignmentExpr,
    AssignmentStmt,
    CallExpr,
    Expression,
    ForStmt,
    Import,
    ImportAll,
    ImportFrom,
    IntExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OperatorAssignmentStmt,
    StarExpr,
    StrExpr,
    TupleExpr,
    Var,
    WithStmt,
)

from backend.transpiler import ir
from backend.transpiler import rtypes as rt
from backend.transpiler.analyze.typemap import EXTERNAL_TYPES
from backend.transpiler.analyze.walk import Walker
from backend.transpiler.ir import Expr, Kind, Prec
from backend.transpiler.lower import values
from backend.transpiler.lower.calls import Call, Lowerer
from backend.transpiler.lower.context import FnContext, ModuleContext, Unsupported
from backend.transpiler.lower.literals import rust_str_literal
from backend.transpiler.lower.regex_syntax import (
    Pattern,
    RegexFeature,
    translate_pattern,
    translate_replacement,
)

CRATE = "regex"
REGEX_T = EXTERNAL_TYPES["re.Pattern"]  # `PyRegex`
MATCH_T = EXTERNAL_TYPES["re.Match"]  # `PyMatch`

FUNCTIONS: dict[str, Lowerer] = {}
PATTERN_METHODS: dict[str, Lowerer] = {}
MATCH_METHODS: dict[str, Lowerer] = {}

_NEEDS_CRATE = "PRT760"
_FEATURE = "PRT761"
_SHAPE = "PRT762"


def is_regex_type(ty: rt.RType) -> bool:
    if isinstance(ty, rt.OptionT):
        ty = ty.inner
    return ty in (REGEX_T, MATCH_T)


def lower_method(call: Call, name: str) -> Expr:
    assert call.receiver is not None
    ty = call.receiver.ty
    inner = ty.inner if isinstance(ty, rt.OptionT) else ty
    table = PATTERN_METHODS if inner == REGEX_T else MATCH_METHODS
    _require_crate(call, f"`{'re.Pattern' if inner == REGEX_T else 're.Match'}.{name}()`")
    handler = table.get(name)
    if handler is None:
        raise call.fail(
            f"`{name}()` of a regex {'pattern' if inner == REGEX_T else 'match'}", _SHAPE
        )
    return handler(call)


# ---- single file vs crate ----


def _require_crate(call: Call, what: str) -> None:
    if not call.ctx.module.in_crate:
        raise call.fail(
            f"{what} needs the `{CRATE}` crate, which a single-file translation (std-only) "
            f"cannot use; `portalis translate-project` builds the module as a crate with "
            f"that dependency",
            _NEEDS_CRATE,
        )
    call.ctx.module.crates.add(CRATE)


def runtime_items(ctx: ModuleContext) -> list[ir.Item]:
    """The types a use of `re` refers to: the runtime in a crate, std-only stubs (whose
    values only placeholders produce) in a single file."""
    if not _imports_re(ctx.typed.tree):
        return []
    if CRATE not in ctx.crates:
        return [ir.RawItem(_STUBS, public_code=_STUBS.replace("struct", "pub struct"))]
    statics = "".join(
        f"static {name}: std::sync::LazyLock<regex::Regex> =\n"
        f"    std::sync::LazyLock::new(|| regex::Regex::new({rust_str_literal(rust)}).unwrap());\n"
        for rust, name in ctx.regexes.items()
    )
    return [ir.RawItem(_RUNTIME + statics)]


def _imports_re(tree: MypyFile) -> bool:
    for imp in tree.imports:
        if isinstance(imp, Import) and any(name == "re" for name, _ in imp.ids):
            return True
        if isinstance(imp, ImportFrom | ImportAll) and imp.id == "re":
            return True
    return False


# ---- where patterns come from ----


class _Bindings(Walker):
    """Every value assigned to one variable (`x = v`, `(x := v)`) in the module; any other
    binding (a `for` target, a tuple target, `global`) makes it unknown."""

    def __init__(self, var: Var) -> None:
        self.var = var
        self.found: list[Expression] = []
        self.other = False

    def visit_AssignmentStmt(self, o: AssignmentStmt) -> None:
        for lvalue in o.lvalues:
            if isinstance(lvalue, NameExpr) and lvalue.node is self.var:
                self.found.append(o.rvalue)
            elif self._binds(lvalue):
                self.other = True
        self.generic(o)

    def visit_OperatorAssignmentStmt(self, o: OperatorAssignmentStmt) -> None:
        self.other = self.other or self._binds(o.lvalue)
        self.generic(o)

    def visit_ForStmt(self, o: ForStmt) -> None:
        self.other = self.other or self._binds(o.index)
        self.generic(o)

    def visit_WithStmt(self, o: WithStmt) -> None:
        self.other = self.other or any(self._binds(t) for t in o.target if t is not None)
        self.generic(o)

    def _binds(self, target: Expression) -> bool:
        if isinstance(target, NameExpr):
            return target.node is self.var
        if isinstance(target, TupleExpr | ListExpr | StarExpr):
            items = target.items if not isinstance(target, StarExpr) else [target.expr]
            return any(self._binds(t) for t in items)
        return False

    def visit_AssignmentExpr(self, o: AssignmentExpr) -> None:
        if o.target.node is self.var:
            self.found.append(o.value)
        self.generic(o)


def _bound_value(ctx: FnContext, node: Expression) -> Expression | None:
    """The one expression a name is ever assigned (through names bound once, in turn)."""
    seen = 0
    while isinstance(node, NameExpr) and isinstance(node.node, Var) and seen < 8:
        finder = _Bindings(node.node)
        finder.visit(ctx.module.typed.tree)
        if len(finder.found) != 1 or finder.other:
            return None
        node = finder.found[0]
        seen += 1
    return node


def _pattern_text(ctx: FnContext, node: Expression) -> str:
    value = _bound_value(ctx, node)
    if isinstance(value, StrExpr):
        return value.value
    raise Unsupported(
        node, "a regex pattern that is not a string literal (or a name bound to one)", _SHAPE
    )


def _pattern(ctx: FnContext, node: Expression) -> Pattern:
    text = _pattern_text(ctx, node)
    try:
        return translate_pattern(text)
    except RegexFeature as feature:
        raise Unsupported(node, f"regex pattern {text!r} uses {feature}", _FEATURE) from None


def _re_call(node: Expression | None, names: tuple[str, ...]) -> str | None:
    """`re.NAME(...)` (module attribute or `from re import NAME`) -> NAME."""
    if not isinstance(node, CallExpr):
        return None
    callee = node.callee
    fullname = getattr(callee, "fullname", None) or ""
    if (
        isinstance(callee, MemberExpr)
        and isinstance(callee.expr, NameExpr)
        and isinstance(callee.expr.node, MypyFile)
        and callee.expr.node.fullname == "re"
    ):
        fullname = f"re.{callee.name}"
    name = fullname.removeprefix("re.")
    return name if fullname.startswith("re.") and name in names else None


def _compiled_pattern(ctx: FnContext, receiver: Expression) -> Pattern:
    value = _bound_value(ctx, receiver)
    if isinstance(value, CallExpr) and _re_call(value, ("compile",)):
        return _pattern(ctx, value.args[0])
    raise Unsupported(receiver, "a regex pattern object not bound once to re.compile()", _SHAPE)


_MATCHERS = ("match", "search", "fullmatch")


def _match_pattern(ctx: FnContext, receiver: Expression) -> Pattern:
    """The pattern a match object came from (its groups decide the translation)."""
    value = _bound_value(ctx, receiver)
    if isinstance(value, CallExpr):
        if _re_call(value, _MATCHERS):
            return _pattern(ctx, value.args[0])
        callee = value.callee
        if (
            isinstance(callee, MemberExpr)
            and callee.name in _MATCHERS
            and ctx.module.type_of(callee.expr) == REGEX_T
        ):
            return _compiled_pattern(ctx, callee.expr)
    raise Unsupported(receiver, "a regex match not bound once to a match/search call", _SHAPE)


# ---- regex values ----


def _regex(ctx: FnContext, rust: str) -> str:
    """A module-level static holding the compiled regex (compiled on first use)."""
    statics = ctx.module.regexes
    if rust not in statics:
        statics[rust] = f"PY_RE_{len(statics)}"
    return f"&{statics[rust]}"


def _regex_for(call: Call, pattern: Pattern, how: str) -> str:
    """A `&regex::Regex` for the call: a compiled pattern's own value where it searches
    unanchored, else the module's static of the anchored pattern."""
    if how == "search" and call.receiver is not None:
        return f"&*{call.receiver.at(Prec.UNARY)}"
    return _regex(call.ctx, _anchored(pattern, how))


def _anchored(pattern: Pattern, how: str) -> str:
    if how == "match":
        return f"\\A(?:{pattern.rust})"
    if how == "fullmatch":
        return f"\\A(?:{pattern.rust})\\z"
    return pattern.rust


def _no_extra_args(call: Call, count: int, what: str) -> None:
    if len(call.node.args) != count or len(call.args) != count:
        raise call.fail(f"`{what}` with flags, a count or keyword arguments", _SHAPE)


def _text_arg(call: Call, index: int) -> str:
    return values.borrow_str(call.arg(index, rt.STR))


# ---- re.* and Pattern methods: one shared lowering per operation ----


def _operation(op: str) -> tuple[Lowerer, Lowerer]:
    """(lowering of `re.op(pattern, ...)`, lowering of `compiled.op(...)`)."""

    def module_fn(call: Call) -> Expr:
        _require_crate(call, f"`re.{op}()`")
        _no_extra_args(call, _ARITY[op] + 1, f"re.{op}()")
        return _OPS[op](call, _pattern(call.ctx, call.args[0]), 1)

    def method(call: Call) -> Expr:
        _no_extra_args(call, _ARITY[op], f"Pattern.{op}()")
        callee = call.node.callee
        assert isinstance(callee, MemberExpr)
        return _OPS[op](call, _compiled_pattern(call.ctx, callee.expr), 0)

    return module_fn, method


def _compile(call: Call) -> Expr:
    _require_crate(call, "`re.compile()`")
    _no_extra_args(call, 1, "re.compile()")
    pattern = _pattern(call.ctx, call.args[0])
    code = f"&*{_regex(call.ctx, pattern.rust)[1:]}"
    return Expr(code, REGEX_T, Kind.OWNED, Prec.UNARY)


def _matcher(how: str) -> Callable[[Call, Pattern, int], Expr]:
    def lower(call: Call, pattern: Pattern, first: int) -> Expr:
        regex = _regex_for(call, pattern, how)
        code = f"py_re_first({regex}, {_text_arg(call, first)})"
        return Expr(code, rt.OptionT(MATCH_T), Kind.OWNED, Prec.POSTFIX)

    return lower


def _findall(call: Call, pattern: Pattern, first: int) -> Expr:
    regex = _regex_for(call, pattern, "search")
    _scan_must_be_exact(call, pattern)
    text = _text_arg(call, first)
    if pattern.groups <= 1:
        item = f"py_re_text(text, &m, {pattern.groups})"
        ty: rt.RType = rt.ListT(rt.STR)
    else:
        parts = ", ".join(f"py_re_text(text, &m, {g})" for g in range(1, pattern.groups + 1))
        item = f"({parts})"
        ty = rt.ListT(rt.TupleT(tuple(rt.STR for _ in range(pattern.groups))))
    code = (
        f"{{ let text: &str = {text}; py_re_all({regex}, text).into_iter()"
        f".map(|m| {item}).collect::<Vec<_>>() }}"
    )
    return Expr(code, ty, Kind.OWNED, Prec.ATOM)


def _sub(call: Call, pattern: Pattern, first: int) -> Expr:
    regex = _regex_for(call, pattern, "search")
    _scan_must_be_exact(call, pattern)
    template = call.args[first]
    if not isinstance(template, StrExpr):
        raise Unsupported(template, "a `re.sub` replacement that is not a string literal", _SHAPE)
    try:
        replacement = translate_replacement(template.value, pattern)
    except RegexFeature as feature:
        raise Unsupported(template, f"the replacement uses {feature}", _FEATURE) from None
    parts = ", ".join(
        f"PyRepl::Group({p})" if isinstance(p, int) else f"PyRepl::Text({rust_str_literal(p)})"
        for p in replacement.parts
    )
    code = f"py_re_sub({regex}, &[{parts}], {_text_arg(call, first + 1)})"
    return Expr(code, rt.STR, Kind.OWNED, Prec.POSTFIX)


def _split(call: Call, pattern: Pattern, first: int) -> Expr:
    regex = _regex_for(call, pattern, "search")
    _scan_must_be_exact(call, pattern)
    if pattern.optional_groups:
        raise call.fail(
            "`re.split` with a group that may not take part (Python gives None)", _SHAPE
        )
    code = f"py_re_split({regex}, {_text_arg(call, first)})"
    return Expr(code, rt.ListT(rt.STR), Kind.OWNED, Prec.POSTFIX)


def _scan_must_be_exact(call: Call, pattern: Pattern) -> None:
    if pattern.empty_preferred:
        raise call.fail(
            "scanning all matches of a pattern that can prefer an empty match (a lazy "
            "quantifier, or an alternative that can be empty before others): Python's scan "
            "and the regex crate's differ there",
            _FEATURE,
        )


_ARITY = {"match": 1, "search": 1, "fullmatch": 1, "findall": 1, "sub": 2, "split": 1}
_OPS: dict[str, Callable[[Call, Pattern, int], Expr]] = {
    "match": _matcher("match"),
    "search": _matcher("search"),
    "fullmatch": _matcher("fullmatch"),
    "findall": _findall,
    "sub": _sub,
    "split": _split,
}
FUNCTIONS["re.compile"] = _compile


def _not_yet(name: str) -> Lowerer:
    """`re` functions outside the subset: still say, in a single file, that `re` needs the
    crate (the user learns what translate-project would do)."""

    def lower(call: Call) -> Expr:
        _require_crate(call, f"`re.{name}()`")
        raise call.fail(f"`re.{name}()` (not translated yet)", _SHAPE)

    return lower


for _name in ("finditer", "subn", "escape", "purge"):
    FUNCTIONS[f"re.{_name}"] = _not_yet(_name)
for _op in _OPS:
    FUNCTIONS[f"re.{_op}"], PATTERN_METHODS[_op] = _operation(_op)


# ---- Match methods ----


def _match_recv(call: Call) -> str:
    recv = call.receiver
    assert recv is not None
    if isinstance(recv.ty, rt.OptionT):  # narrowed by `if m:` (mypy has checked it)
        return f"{recv.at(Prec.POSTFIX)}.as_ref().unwrap()"
    return recv.at(Prec.POSTFIX)


def _group_index(call: Call, pattern: Pattern, node: Expression | None) -> int:
    if node is None:
        return 0
    if isinstance(node, IntExpr) and 0 <= node.value <= pattern.groups:
        index = node.value
    elif isinstance(node, StrExpr) and node.value in pattern.names:
        index = pattern.names[node.value]
    else:
        raise Unsupported(
            node, "a group that is not a literal number or name of the pattern", _SHAPE
        )
    return index


def _participating(call: Call, pattern: Pattern, index: int, node: Expression) -> int:
    if index in pattern.optional_groups:
        raise Unsupported(
            node, f"group {index}, which may not take part in a match (Python gives None)", _SHAPE
        )
    return index


def _match_pattern_of(call: Call) -> Pattern:
    callee = call.node.callee
    assert isinstance(callee, MemberExpr)
    return _match_pattern(call.ctx, callee.expr)


def _one_group_arg(call: Call) -> Expression | None:
    if len(call.node.args) > 1 or len(call.args) != len(call.node.args):
        raise call.fail("a match method with several groups or keyword arguments", _SHAPE)
    return call.args[0] if call.args else None


def _group(call: Call) -> Expr:
    pattern = _match_pattern_of(call)
    node = _one_group_arg(call)
    index = _participating(call, pattern, _group_index(call, pattern, node), node or call.node)
    return Expr(f"{_match_recv(call)}.group({index})", rt.STR, Kind.OWNED, Prec.POSTFIX)


def _groups(call: Call) -> Expr:
    pattern = _match_pattern_of(call)
    if call.node.args:
        raise call.fail("`groups()` with a default", _SHAPE)
    for index in range(1, pattern.groups + 1):
        _participating(call, pattern, index, call.node)
    recv = _match_recv(call)
    if pattern.groups == 0:
        return Expr("()", rt.TupleT(()), Kind.OWNED, Prec.ATOM)
    parts = ", ".join(f"m.group({g})" for g in range(1, pattern.groups + 1))
    trailing = "," if pattern.groups == 1 else ""
    code = f"{{ let m = {recv}; ({parts}{trailing}) }}"
    return Expr(
        code, rt.TupleT(tuple(rt.STR for _ in range(pattern.groups))), Kind.OWNED, Prec.ATOM
    )


def _position(method: str, ty: rt.RType) -> Lowerer:
    def lower(call: Call) -> Expr:
        pattern = _match_pattern_of(call)
        node = _one_group_arg(call)
        index = _participating(call, pattern, _group_index(call, pattern, node), node or call.node)
        return Expr(f"{_match_recv(call)}.{method}({index})", ty, Kind.OWNED, Prec.POSTFIX)

    return lower


MATCH_METHODS["group"] = _group
MATCH_METHODS["groups"] = _groups
MATCH_METHODS["start"] = _position("start", rt.INT)
MATCH_METHODS["end"] = _position("end", rt.INT)
MATCH_METHODS["span"] = _position("span", rt.TupleT((rt.INT, rt.INT)))


# ---- Rust ----

_STUBS = """\
// Python `re` values: only a crate build (portalis translate-project) translates them.
#[derive(Clone, Copy, Debug)]
struct PyRegex;
#[derive(Clone, Debug)]
struct PyMatch;
"""

_RUNTIME = """\
// ---- Python `re` on the regex crate
/// A compiled Python pattern.
pub type PyRegex = &'static regex::Regex;

/// A Python match object: the text searched and each group's byte span.
#[derive(Clone, Debug)]
pub struct PyMatch {
    text: String,
    spans: Vec<Option<(usize, usize)>>,
}

#[allow(dead_code)]
impl PyMatch {
    fn bytes(&self, index: usize) -> (usize, usize) {
        self.spans[index].expect("the translator checked that this group takes part")
    }
    pub fn group(&self, index: usize) -> String {
        let (start, end) = self.bytes(index);
        self.text[start..end].to_string()
    }
    /// Python's positions count characters.
    pub fn start(&self, index: usize) -> i64 {
        self.text[..self.bytes(index).0].chars().count() as i64
    }
    pub fn end(&self, index: usize) -> i64 {
        self.text[..self.bytes(index).1].chars().count() as i64
    }
    pub fn span(&self, index: usize) -> (i64, i64) {
        (self.start(index), self.end(index))
    }
}

type PyReSpans = Vec<Option<(usize, usize)>>;

fn py_re_spans(locs: &regex::CaptureLocations) -> PyReSpans {
    (0..locs.len()).map(|i| locs.get(i)).collect()
}

#[allow(dead_code)]
fn py_re_first(re: &regex::Regex, text: &str) -> Option<PyMatch> {
    let mut locs = re.capture_locations();
    re.captures_read_at(&mut locs, text, 0)?;
    Some(PyMatch { text: text.to_string(), spans: py_re_spans(&locs) })
}

/// Every match, scanned as Python does: each search starts where the last match ended,
/// and after an empty match an empty match at the same place is skipped.
#[allow(dead_code)]
fn py_re_all(re: &regex::Regex, text: &str) -> Vec<PyReSpans> {
    let mut found = Vec::new();
    let mut locs = re.capture_locations();
    let mut pos = 0;
    let mut after_empty = false;
    while pos <= text.len() {
        let mut at = pos;
        let span = loop {
            if re.captures_read_at(&mut locs, text, at).is_none() {
                break None;
            }
            let (start, end) = locs.get(0).unwrap();
            if after_empty && start == pos && end == pos {
                match text[at..].chars().next() {
                    Some(c) => {
                        at += c.len_utf8();
                        continue;
                    }
                    None => break None,
                }
            }
            break Some((start, end));
        };
        let Some((start, end)) = span else { break };
        found.push(py_re_spans(&locs));
        after_empty = start == end;
        pos = end;
    }
    found
}

/// A group's text, or "" when it did not take part (as `re.findall` gives).
#[allow(dead_code)]
fn py_re_text(text: &str, spans: &PyReSpans, index: usize) -> String {
    spans[index].map(|(s, e)| text[s..e].to_string()).unwrap_or_default()
}

#[allow(dead_code)]
enum PyRepl {
    Text(&'static str),
    Group(usize),
}

#[allow(dead_code)]
fn py_re_sub(re: &regex::Regex, repl: &[PyRepl], text: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for spans in py_re_all(re, text) {
        let (start, end) = spans[0].unwrap();
        out.push_str(&text[last..start]);
        for part in repl {
            match part {
                PyRepl::Text(t) => out.push_str(t),
                PyRepl::Group(g) => out.push_str(&py_re_text(text, &spans, *g)),
            }
        }
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// `re.split`: the pieces between matches, each match's groups between them.
#[allow(dead_code)]
fn py_re_split(re: &regex::Regex, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut last = 0;
    for spans in py_re_all(re, text) {
        let (start, end) = spans[0].unwrap();
        out.push(text[last..start].to_string());
        for g in 1..spans.len() {
            out.push(py_re_text(text, &spans, g));
        }
        last = end;
    }
    out.push(text[last..].to_string());
    out
}
"""
