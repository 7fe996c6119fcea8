"""Orchestrates the stages for one request and builds the Translation record."""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from backend.transpiler import parse, runtime
from backend.transpiler.analyze import call_sites, oracle
from backend.transpiler.emit import Emitted, emit_module
from backend.transpiler.lower.module import lower_module
from backend.transpiler.record import (
    Diagnostic,
    Severity,
    SourceRange,
    Status,
    TranslateOptions,
    Translation,
)
from backend.transpiler.transform import inline_hints

ENGINE_VERSION = "0.1.0"

# rustc and rustfmt are separate processes: run them side by side
_TOOLS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="portalis-tools")

_DEFAULT_OPTIONS = TranslateOptions()


def translate(
    source: str,
    *,
    symbol: str | None = None,
    range: SourceRange | None = None,
    options: TranslateOptions = _DEFAULT_OPTIONS,
    siblings: Mapping[str, str] | None = None,
) -> Translation:
    """Translate Python `source` (a whole module, one item by name, or a line range).

    `siblings` (module name -> source) are the other modules of the same project: their
    functions and classes can be imported, and become `use crate::...` paths.
    """
    started = time.perf_counter()
    try:
        result = _translate(source, symbol, range, options, siblings)
    except Exception as err:  # the engine must never raise for any input
        result = _failed(
            Diagnostic(
                Severity.ERROR,
                f"internal error in the translator: {type(err).__name__}: {err}",
                "PRT999",
                SourceRange(1, 0, 1, 1),
            )
        )
        result.metadata["traceback"] = traceback.format_exc(limit=8)
    result.metadata.setdefault("engine_version", ENGINE_VERSION)
    result.metadata.setdefault("backend", "embedded")
    result.metadata["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 2)
    result.metadata.setdefault("cache_hit", False)
    return result


def _failed(diagnostic: Diagnostic) -> Translation:
    return Translation(
        rust_code="",
        status=Status.FAILED,
        confidence=0.0,
        diagnostics=[diagnostic],
        metadata={"engine_version": ENGINE_VERSION},
    )


def _selection(
    parsed: parse.Parsed, symbol: str | None, rng: SourceRange | None
) -> set[str] | Diagnostic | None:
    if symbol is not None:
        names = {item.name for item in parsed.items}
        if symbol not in names:
            return Diagnostic(
                Severity.ERROR,
                f"no top-level function, class or method named `{symbol}`",
                "PRT002",
                SourceRange(1, 0, 1, 1),
            )
        return {symbol.split(".")[0]}
    if rng is not None:
        chosen = parse.items_in_range(parsed, rng)
        if not chosen:
            return Diagnostic(
                Severity.ERROR, "the range contains no function or class", "PRT003", rng
            )
        return set(chosen)
    return None


def _translate(
    source: str,
    symbol: str | None,
    rng: SourceRange | None,
    options: TranslateOptions,
    siblings: Mapping[str, str] | None = None,
) -> Translation:
    parsed = parse.parse_python(source)
    if isinstance(parsed, Diagnostic):
        return _failed(parsed)
    selection = _selection(parsed, symbol, rng)
    if isinstance(selection, Diagnostic):
        return _failed(selection)
    module_name = options.module_name or "main"
    with oracle.BUILD_LOCK:  # the typed tree is only valid until the next check
        typed = oracle.typecheck(source, module_name, siblings)
        if isinstance(typed, str):
            return _failed(Diagnostic(Severity.ERROR, typed, "PRT004", SourceRange(1, 0, 1, 1)))
        typed, inferred = _typed_from_call_sites(source, typed, module_name, siblings)
        lowered = lower_module(
            typed,
            module_name,
            _with_dependencies(selection, parsed),
            in_crate=siblings is not None,  # translate-project: a crate with dependencies
        )
        mypy_errors = list(typed.errors)
    ctx = lowered.context
    helpers = sorted(ctx.helpers)
    helper_text = runtime.render(helpers) if helpers else ""
    if options.release_profile:
        helper_text = inline_hints.hint_helpers(helper_text)
        inline_hints.hint_module(lowered.module)
    lowered.module.helpers = [helper_text] if helper_text else []
    if not lowered.has_main or siblings is not None:
        _make_public(lowered.module)
    emitted = emit_module(lowered.module)
    code = _silence_dead_code(emitted, lowered.has_main)
    diagnostics = [*inferred, *ctx.diagnostics]
    diagnostics.extend(_mypy_diagnostics(mypy_errors))
    metadata: dict[str, object] = {
        "engine_version": ENGINE_VERSION,
        "placeholders": ctx.placeholders,
        "helpers": helpers,
        "program": lowered.has_main,
        "arbitrary_precision": ctx.int_width_report,  # ints that are PyBigInt, and why
    }
    if ctx.crates:
        metadata["crates"] = sorted(ctx.crates)  # Cargo dependencies (translate-project)
    status = Status.PARTIAL if ctx.placeholders else Status.UNVERIFIED
    emitted = Emitted(code, _shifted_spans(emitted, code))
    if options.verify and siblings is None:
        # rustc checks the unformatted text while rustfmt formats it: same program, and
        # diagnostics map to Python through the span map of the text rustc saw
        checking = _TOOLS.submit(
            _verify, emitted, lowered.has_main, status, diagnostics, metadata, options, helpers
        )
        if options.rustfmt:
            emitted = _format(emitted)
        status = checking.result()
    elif options.rustfmt:
        emitted = _format(emitted)
    if not options.verify:
        metadata["rustc"] = {"ok": None, "available": None, "skipped": True}
    elif siblings is not None:
        # `use crate::...` only resolves inside the crate: translate-project checks it there
        metadata["rustc"] = {"ok": None, "available": None, "skipped": True, "reason": "crate"}
    return Translation(
        rust_code=emitted.code,
        status=status,
        confidence=_confidence(status, diagnostics, ctx.placeholders),
        diagnostics=diagnostics,
        suggestions=sorted(set(ctx.suggestions)),
        metadata=metadata,
        span_map=emitted.span_map,
    )


_CALL_SITE_ROUNDS = 3


def _typed_from_call_sites(
    source: str,
    typed: oracle.TypedModule,
    module_name: str,
    siblings: Mapping[str, str] | None,
) -> tuple[oracle.TypedModule, list[Diagnostic]]:
    """Loosely typed parameters get the type their call sites agree on; the module is then
    checked again with those annotations written in (see analyze/call_sites.py)."""
    inferred: list[call_sites.InferredParam] = []
    annotated = source
    for _ in range(_CALL_SITE_ROUNDS):  # a typed caller can type the functions it calls
        try:
            found = [p for p in call_sites.infer_parameter_types(typed) if p not in inferred]
        except Exception:  # an inference bug must not cost the translation: type nothing
            found = []
        if not found:
            break
        candidate = call_sites.apply_annotations(annotated, found)
        retyped = oracle.typecheck(candidate, module_name, siblings)
        if isinstance(retyped, str):
            # the checker now holds the rejected text: check the last good one again
            restored = oracle.typecheck(annotated, module_name, siblings)
            typed = restored if not isinstance(restored, str) else typed
            break
        typed, annotated = retyped, candidate
        inferred.extend(found)
    if not inferred:
        return typed, []
    notes = [
        Diagnostic(
            Severity.INFORMATION,
            _inferred_note(p),
            "PRT020",
            SourceRange(p.line, 0, p.line, 0),
        )
        for p in inferred
    ]
    return typed, notes


def _inferred_note(p: call_sites.InferredParam) -> str:
    if p.param == call_sites.RETURN:
        return f"`{p.function}` returns `{p.annotation}`, as its `return` statements show"
    return f"parameter `{p.param}` of `{p.function}` typed `{p.annotation}` from its call sites"


def _with_dependencies(selection: set[str] | None, parsed: parse.Parsed) -> set[str] | None:
    """A single item still needs the items it calls to compile: include every top-level item
    whose name it mentions (transitively)."""
    if selection is None:
        return None
    import ast

    bodies: dict[str, set[str]] = {}
    for node in parsed.tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            bodies[node.name] = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        elif _is_functional_class(node):  # `Pair = NamedTuple("Pair", [...])`
            assert isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            bodies[node.targets[0].id] = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    chosen = set(selection)
    frontier = list(selection)
    while frontier:
        name = frontier.pop()
        for used in bodies.get(name, set()):
            if used in bodies and used not in chosen:
                chosen.add(used)
                frontier.append(used)
    return chosen


def _is_functional_class(node: object) -> bool:
    import ast

    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        return False
    call = node.value
    func = call.func if isinstance(call, ast.Call) else None
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return isinstance(node.targets[0], ast.Name) and name in ("NamedTuple", "namedtuple")


def _make_public(module: object) -> None:
    from backend.transpiler import ir

    assert isinstance(module, ir.Module)
    for item in module.items:
        if isinstance(item, ir.Function | ir.Struct | ir.EnumItem | ir.Const):
            item.public = True
        if isinstance(item, ir.RawItem) and item.public_code is not None:
            item.code = item.public_code
        if isinstance(item, ir.Impl):
            for sub in item.items:
                if isinstance(sub, ir.Function):
                    sub.public = True


_FN_NAME = re.compile(r"^(\s*)(pub )?fn (\w+)")
_STRUCT_NAME = re.compile(r"^(pub )?(struct|enum) (\w+)")


def _silence_dead_code(emitted: Emitted, program: bool) -> str:
    """In a program, Python functions that `main` never reaches are still translated;
    mark them `#[allow(dead_code)]` rather than drop them."""
    code = emitted.code
    if not program:
        return code
    marker = _HELPERS_MARKER
    user, _, helpers = code.partition(marker)
    lines = user.split("\n")
    words = re.findall(r"\w+", user)
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    out: list[str] = []
    for line in lines:
        m = _FN_NAME.match(line)
        if m and m.group(3) != "main" and counts.get(m.group(3), 0) <= 1:
            out.append(f"{m.group(1)}#[allow(dead_code)]")
        s = _STRUCT_NAME.match(line)
        if s:
            out.append("#[allow(dead_code)]")
        out.append(line)
    result = "\n".join(out)
    return result + (marker + helpers if helpers else "")


_MARK = "// @portalis-span "
_HELPERS_MARKER = "// ---- Python runtime helpers"


def _shifted_spans(emitted: Emitted, code: str) -> dict[int, SourceRange]:
    """Re-key the span map after lines were inserted (attributes) into the emitted code."""
    if code == emitted.code:
        return emitted.span_map
    original = emitted.code.split("\n")
    moved: dict[int, SourceRange] = {}
    position = 0
    new_lines = code.split("\n")
    for old_number, line in enumerate(original, 1):
        while position < len(new_lines) and new_lines[position] != line:
            position += 1
        if position < len(new_lines):
            if old_number in emitted.span_map:
                moved[position + 1] = emitted.span_map[old_number]
            position += 1
    return moved


def _format(emitted: Emitted) -> Emitted:
    """rustfmt, keeping the span map: marker comments ride through the formatter.

    Only the user's part goes through rustfmt: the runtime helpers are stored formatted,
    and leaving them out makes the formatter's run several times shorter."""
    from backend.transpiler import verify

    user, marker, helpers = emitted.code.partition(_HELPERS_MARKER)
    lines = user.split("\n")
    marked: list[str] = []
    for number, line in enumerate(lines, 1):
        if number in emitted.span_map:
            indent = line[: len(line) - len(line.lstrip())]
            marked.append(f"{indent}{_MARK}{number}")
        marked.append(line)
    formatted = verify.rustfmt("\n".join(marked))
    if _MARK not in formatted:
        return emitted  # rustfmt missing or failed: keep our own formatting
    out: list[str] = []
    spans: dict[int, SourceRange] = {}
    pending: int | None = None
    for line in formatted.split("\n"):
        stripped = line.strip()
        if stripped.startswith(_MARK):
            pending = int(stripped[len(_MARK) :])
            continue
        out.append(line)
        if pending is not None:
            spans[len(out)] = emitted.span_map[pending]
            pending = None
    text = "\n".join(out)
    if marker:
        text = text.rstrip("\n") + "\n\n" + marker + helpers
    return Emitted(text, spans)


def _verify(
    emitted: Emitted,
    program: bool,
    status: Status,
    diagnostics: list[Diagnostic],
    metadata: dict[str, object],
    options: TranslateOptions = _DEFAULT_OPTIONS,
    helpers: list[str] | None = None,
) -> Status:
    from backend.transpiler import prebuilt, verify

    crate_type: Literal["lib", "bin"] = "bin" if program else "lib"
    result = None
    if options.fast_verify:
        user_code = emitted.code.partition(_HELPERS_MARKER)[0]
        result = prebuilt.check_user_code(user_code, helpers or [], crate_type)
        metadata["rustc_mode"] = "prebuilt runtime" if result is not None else "full"
    if result is None:
        result = verify.check_rust(emitted.code, crate_type=crate_type)
    metadata["rustc"] = result.to_json()
    metadata["rustc_version"] = result.rustc_version
    if not result.available:
        return status
    for diag in result.diagnostics:
        if not diag.level.startswith("error") and diag.level != "warning":
            continue
        python_range = _python_range(emitted, diag.line)
        severity = Severity.ERROR if diag.level.startswith("error") else Severity.WARNING
        code = f"rustc:{diag.code}" if diag.code else "rustc"
        diagnostics.append(Diagnostic(severity, f"rustc: {diag.message}", code, python_range))
    if not result.ok:
        return Status.PARTIAL
    return status if status is Status.PARTIAL else Status.COMPILES


def _python_range(emitted: Emitted, rust_line: int) -> SourceRange:
    best: SourceRange | None = None
    for line in sorted(emitted.span_map):
        if line > rust_line:
            break
        best = emitted.span_map[line]
    return best or SourceRange(1, 0, 1, 1)


def _mypy_diagnostics(errors: list[str]) -> list[Diagnostic]:
    out = []
    pattern = re.compile(r"^[^:]*:(\d+):(?:(\d+):)? (error|note): (.*?)(?:  \[([\w-]+)\])?$")
    for line in errors:
        m = pattern.match(line)
        if not m or m.group(3) != "error":
            continue
        row = int(m.group(1))
        col = int(m.group(2) or 1) - 1
        out.append(
            Diagnostic(
                Severity.INFORMATION,
                f"type checker: {m.group(4)}",
                f"mypy:{m.group(5) or 'error'}",
                SourceRange(row, max(col, 0), row, max(col, 0) + 1),
            )
        )
    return out


def _confidence(status: Status, diagnostics: list[Diagnostic], placeholders: int) -> float:
    base = {
        Status.VERIFIED: 0.98,
        Status.COMPILES: 0.9,
        Status.UNVERIFIED: 0.7,
        Status.PARTIAL: 0.45,
        Status.FAILED: 0.0,
    }[status]
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    infos = sum(1 for d in diagnostics if d.severity is Severity.INFORMATION)
    penalty = 0.05 * placeholders + 0.02 * warnings + 0.01 * infos
    return round(max(0.05 if status is not Status.FAILED else 0.0, base - penalty), 3)
