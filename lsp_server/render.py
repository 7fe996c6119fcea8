"""How a Translation reads in the editor: the hover Markdown and its one status line."""

from __future__ import annotations

import re

from backend.transpiler import Status, Translation

MAX_HOVER_LINES = 150
HELPERS_MARKER = "// ---- Python runtime helpers"
# Engine codes that mean "the request itself failed", not "a construct was left out".
_FAILURE_CODES = {"PRT001", "PRT002", "PRT003", "PRT004", "PRT999"}
_NOT_TRANSLATED = re.compile(r"^not translated:\s*(.*)$")


def placeholder_diagnostics(translation: Translation) -> list[tuple[str, int]]:
    """(construct, Python line) for every construct the engine left as a placeholder."""
    found = []
    for diag in translation.diagnostics:
        if not diag.code.startswith("PRT") or diag.code in _FAILURE_CODES:
            continue
        match = _NOT_TRANSLATED.match(diag.message)
        found.append((match.group(1) if match else diag.message, diag.range.line))
    return found


def rustc_short_version(translation: Translation) -> str | None:
    version = translation.metadata.get("rustc_version")
    if not isinstance(version, str):
        return None
    match = re.search(r"(\d+\.\d+)", version)
    return match.group(1) if match else version


def status_line(translation: Translation) -> str:
    """One line: what the user can trust about this translation."""
    meta = translation.metadata
    elapsed = meta.get("elapsed_ms")
    tail: list[str] = []
    if isinstance(elapsed, int | float):
        tail.append(f"{elapsed:.0f} ms")
    if meta.get("cache_hit"):
        tail.append("cached")
    if meta.get("fallback_from"):
        tail.append("built-in translator (server unavailable)")
    elif str(meta.get("backend", "")).startswith("triton"):
        tail.append("via Triton")
    confidence = f"confidence {translation.confidence:.2f}"
    rustc = rustc_short_version(translation)
    status = translation.status
    if status in (Status.VERIFIED, Status.COMPILES):
        what = "verified" if status is Status.VERIFIED else "compiles"
        head = f"✓ {what} (rustc {rustc})" if rustc else f"✓ {what}"
        return " · ".join([head, *tail])
    if status is Status.UNVERIFIED:
        rustc_meta = meta.get("rustc")
        skipped = isinstance(rustc_meta, dict) and rustc_meta.get("skipped")
        why = "verification is off" if skipped else "rustc is not installed"
        return " · ".join([f"○ not checked by rustc ({why})", confidence, *tail])
    if status is Status.PARTIAL:
        missing = placeholder_diagnostics(translation)
        if missing:
            listed = ", ".join(f"{_code(what)} (line {line})" for what, line in missing[:3])
            more = ", …" if len(missing) > 3 else ""
            noun = "construct" if len(missing) == 1 else "constructs"
            head = f"⚠ {len(missing)} {noun} not translated: {listed}{more}"
        else:
            errors = [d for d in translation.diagnostics if d.code.startswith("rustc")]
            first = errors[0] if errors else None
            head = (
                f"⚠ rustc rejected it: {first.message.removeprefix('rustc: ')} "
                f"(line {first.range.line})"
                if first
                else "⚠ incomplete translation"
            )
        return " · ".join([head, confidence, *tail])
    reason = translation.diagnostics[0].message if translation.diagnostics else "no output"
    return f"✗ not translated: {reason}"


def _code(text: str) -> str:
    return text if text.startswith("`") else f"`{text}`"


def hover_code(translation: Translation, method: str | None = None) -> str:
    """The Rust to show: the helpers folded into one comment, long output cut."""
    code = translation.rust_code
    if method is not None:
        code = only_method(code, *method.split(".", 1))
    user, marker, _ = code.partition(HELPERS_MARKER)
    helpers = translation.metadata.get("helpers")
    if marker:
        names = ", ".join(str(h) for h in helpers) if isinstance(helpers, list) else ""
        code = user.rstrip() + f"\n\n// + Python runtime helpers: {names or '…'}"
    lines = code.rstrip().split("\n")
    if len(lines) > MAX_HOVER_LINES:
        cut = len(lines) - MAX_HOVER_LINES
        lines = [*lines[:MAX_HOVER_LINES], f"// … {cut} more lines: use “Translate to Rust”"]
    return "\n".join(lines)


def hover_markdown(translation: Translation, method: str | None = None) -> str:
    return f"```rust\n{hover_code(translation, method)}\n```\n\n{status_line(translation)}"


def hover_plaintext(translation: Translation, method: str | None = None) -> str:
    return f"{hover_code(translation, method)}\n\n{status_line(translation)}"


_FN = re.compile(r"^    (?:pub(?:\([^)]*\))? )?(?:const )?(?:async )?fn (?:r#)?(\w+)")


def only_method(code: str, class_name: str, method: str) -> str:
    """`impl Class { … }` with only `method` in it; the code unchanged if it is not found."""
    rust_name = "new" if method == "__init__" else method
    lines = code.split("\n")
    impl = re.compile(rf"^impl(?:<[^>]*>)? {re.escape(class_name)}(?:<[^>]*>)? \{{$")
    for start, line in enumerate(lines):
        if not impl.match(line):
            continue
        end = next((i for i in range(start + 1, len(lines)) if lines[i] == "}"), None)
        if end is None:
            return code
        body = lines[start + 1 : end]
        kept = _fn_block(body, rust_name)
        if kept is None:
            continue
        return "\n".join([line, *kept, "}"])
    return code


def _fn_block(body: list[str], name: str) -> list[str] | None:
    for index, line in enumerate(body):
        match = _FN.match(line)
        if not match or match.group(1) != name:
            continue
        first = index
        while first > 0 and body[first - 1].startswith(("    #[", "    ///", "    //")):
            first -= 1
        if line.count("{") and line.count("{") == line.count("}"):
            last: int | None = index  # a one-line fn
        else:
            last = next((i for i in range(index, len(body)) if body[i] == "    }"), None)
        if last is None:
            return None
        return body[first : last + 1]
    return None
