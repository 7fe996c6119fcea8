"""Python `re` pattern and replacement syntax -> the `regex` crate's, or the reason it cannot be
exact.

Only what means the same in both engines is translated; everything else raises
`RegexFeature` naming the Python feature (the caller turns it into a placeholder):
- the crate has no backreferences, look-around, atomic groups, possessive quantifiers or
  conditionals;
- Python's `$` also matches before a final newline, and its `\\b` uses Python's word
  characters: both are refused rather than approximated;
- `\\w` and `\\s` are spelled out as Python defines them (letters, numbers and `_`; the
  crate's whitespace plus the separators U+001C..U+001F), since the crate's classes differ;
- inline flags are not translated.

Besides the crate's pattern text the parser reports what the lowering needs to stay exact:
how many groups there are, their names, which groups can be left out of a successful match
(Python gives `None` for those), and whether an empty match can be preferred over a longer
one at the same position (where Python's and the crate's scans of all matches differ).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Characters the regex crate treats as meta characters (regex_syntax::is_meta_character).
_META = set("\\.+*?()|[]{}^$#&-~")
# Inside a class the crate also gives `[`, `&`, `-`, `~` and `^` a meaning (nested classes,
# set operations, negation).
_CLASS_META = set("\\[]^-&~")
_WORD = r"\p{L}\p{N}_"  # Python's `\w` on str: str.isalnum() or "_"
_SPACE = r"\s\x1C-\x1F"  # Python's `\s` on str: str.isspace()
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_OCTAL = "01234567"


class RegexFeature(Exception):
    """A pattern (or replacement) feature with no exact translation; the text names it."""


@dataclass(frozen=True)
class Pattern:
    rust: str  # the pattern in the regex crate's syntax
    groups: int
    names: dict[str, int] = field(default_factory=dict)
    optional_groups: frozenset[int] = frozenset()  # may not take part in a match
    empty_preferred: bool = False  # an empty match may win over a longer one at one position


def translate_pattern(text: str) -> Pattern:
    return _Parser(text).parse()


@dataclass
class _Piece:
    rust: str
    nullable: bool  # can match the empty string
    risky: bool = False  # prefers an empty match somewhere it could match more


class _Parser:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.groups = 0
        self.names: dict[str, int] = {}
        self.optional: set[int] = set()

    def parse(self) -> Pattern:
        piece = self._alternation()
        if self.i < len(self.s):
            raise RegexFeature("an unbalanced `)` (Python rejects the pattern)")
        return Pattern(
            piece.rust, self.groups, dict(self.names), frozenset(self.optional), piece.risky
        )

    def _peek(self, ahead: int = 0) -> str:
        index = self.i + ahead
        return self.s[index] if index < len(self.s) else ""

    def _alternation(self) -> _Piece:
        first_group = self.groups
        branches = [self._sequence()]
        while self._peek() == "|":
            self.i += 1
            branches.append(self._sequence())
        if len(branches) == 1:
            return branches[0]
        self.optional.update(range(first_group + 1, self.groups + 1))
        risky = any(b.risky for b in branches) or any(b.nullable for b in branches[:-1])
        return _Piece("|".join(b.rust for b in branches), any(b.nullable for b in branches), risky)

    def _sequence(self) -> _Piece:
        parts: list[_Piece] = []
        while self.i < len(self.s) and self._peek() not in "|)":
            parts.append(self._item())
        return _Piece(
            "".join(p.rust for p in parts),
            all(p.nullable for p in parts),
            any(p.risky for p in parts),
        )

    def _item(self) -> _Piece:
        first_group = self.groups
        atom, repeatable = self._atom()
        quantifier = self._quantifier()
        if quantifier is None:
            return atom
        rust_q, low, high, lazy = quantifier
        if not repeatable:
            raise RegexFeature("a quantifier with nothing to repeat (Python rejects it)")
        if atom.nullable and (high is None or high > 1):
            # Python and the crate disagree on the empty iterations of such a loop
            raise RegexFeature("a repeated part that can match the empty string")
        if low == 0:
            self.optional.update(range(first_group + 1, self.groups + 1))
        nullable = low == 0 or atom.nullable
        risky = atom.risky or (lazy and (low != high))
        return _Piece(atom.rust + rust_q, nullable, risky)

    def _quantifier(self) -> tuple[str, int, int | None, bool] | None:
        c = self._peek()
        if c in ("*", "+", "?"):
            self.i += 1
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
            rust = c
        elif c == "{":
            bounds = self._braces()
            if bounds is None:
                return None
            low, high, rust = bounds
        else:
            return None
        lazy = self._peek() == "?"
        if lazy:
            self.i += 1
            rust += "?"
        elif self._peek() == "+":
            raise RegexFeature("a possessive quantifier (the regex crate has none)")
        if self._peek() in ("*", "+", "?") or (self._peek() == "{" and self._is_braces()):
            raise RegexFeature("a repeated quantifier (Python rejects it)")
        return rust, low, high, lazy

    def _is_braces(self) -> bool:
        saved = self.i
        found = self._braces() is not None
        self.i = saved
        return found

    def _braces(self) -> tuple[int, int | None, str] | None:
        """`{m}`, `{m,}`, `{,n}`, `{m,n}`; anything else is a literal `{` in Python."""
        end = self.s.find("}", self.i)
        if end < 0:
            return None
        body = self.s[self.i + 1 : end]
        low_text, comma, high_text = body.partition(",")
        if not (low_text.isdigit() or (comma and low_text == "")):
            return None
        if not (high_text.isdigit() or high_text == "") or not (low_text or high_text or comma):
            return None
        if not low_text.isascii() or not high_text.isascii():
            return None
        low = int(low_text) if low_text else 0
        high = None if comma and not high_text else int(high_text or low_text)
        if high is not None and high < low:
            raise RegexFeature("a repeat whose minimum exceeds its maximum (Python rejects it)")
        self.i = end + 1
        if not comma:
            return low, high, f"{{{low}}}"
        return low, high, f"{{{low},{'' if high is None else high}}}"

    def _atom(self) -> tuple[_Piece, bool]:
        c = self._peek()
        if c == "(":
            return self._group(), True
        if c == "[":
            return _Piece(self._class(), False), True
        self.i += 1
        if c == ".":
            return _Piece(".", False), True
        if c == "^":
            return _Piece("^", True), False
        if c == "$":
            raise RegexFeature(
                "`$` (Python's also matches before a final newline; use `\\Z` or re.fullmatch)"
            )
        if c in ("*", "+", "?"):
            raise RegexFeature("a quantifier with nothing to repeat (Python rejects it)")
        if c == "\\":
            return self._escape()
        if c == "{" and self._is_braces_at(self.i - 1):
            raise RegexFeature("a quantifier with nothing to repeat (Python rejects it)")
        return _Piece(_literal(c), False), True

    def _is_braces_at(self, index: int) -> bool:
        saved = self.i
        self.i = index
        found = self._braces() is not None
        self.i = saved
        return found

    def _group(self) -> _Piece:
        self.i += 1  # (
        capture: int | None = None
        prefix = "("
        if self._peek() == "?":
            rest = self.s[self.i :]
            if rest.startswith("?:"):
                self.i += 2
                prefix = "(?:"
            elif rest.startswith("?P<"):
                close = self.s.find(">", self.i)
                name = self.s[self.i + 3 : close] if close >= 0 else ""
                if not (name.isascii() and name.isidentifier()):
                    raise RegexFeature("a group name that is not an ASCII identifier")
                if name in self.names:
                    raise RegexFeature("a group name used twice (Python rejects it)")
                self.i = close + 1
                capture = self._new_group()
                self.names[name] = capture
                prefix = f"(?P<{name}>"
            elif rest.startswith("?#"):
                close = self.s.find(")", self.i)
                if close < 0:
                    raise RegexFeature("an unterminated comment (Python rejects it)")
                self.i = close + 1
                return _Piece("", True)
            else:
                raise RegexFeature(_group_feature(rest))
        else:
            capture = self._new_group()
        inner = self._alternation()
        if self._peek() != ")":
            raise RegexFeature("a missing `)` (Python rejects the pattern)")
        self.i += 1
        return _Piece(f"{prefix}{inner.rust})", inner.nullable, inner.risky)

    def _new_group(self) -> int:
        self.groups += 1
        return self.groups

    def _escape(self) -> tuple[_Piece, bool]:
        c = self._peek()
        if not c:
            raise RegexFeature("a trailing backslash (Python rejects it)")
        self.i += 1
        classes = {
            "d": r"\d",
            "D": r"\D",
            "w": f"[{_WORD}]",
            "W": f"[^{_WORD}]",
            "s": f"[{_SPACE}]",
            "S": f"[^{_SPACE}]",
        }
        if c in classes:
            return _Piece(classes[c], False), True
        if c == "A":
            return _Piece(r"\A", True), False
        if c == "Z":
            return _Piece(r"\z", True), False
        if c in ("b", "B"):
            raise RegexFeature(
                f"the word boundary `\\{c}` (the regex crate's word characters differ from "
                "Python's)"
            )
        return _Piece(_literal(self._char_escape(c, in_class=False)), False), True

    def _char_escape(self, c: str, *, in_class: bool) -> str:
        """The character an escape like `\\n`, `\\x41` or `\\.` stands for."""
        if c in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[c]
        if in_class and c == "b":
            return "\b"
        if c in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = self.s[self.i : self.i + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise RegexFeature(f"a bad `\\{c}` escape (Python rejects it)")
            self.i += width
            return chr(int(digits, 16))
        if c.isdigit():
            return self._octal_or_backref(c, in_class)
        if c.isascii() and c.isalpha():
            raise RegexFeature(f"the escape `\\{c}`")
        return c

    def _octal_or_backref(self, c: str, in_class: bool) -> str:
        more = self.s[self.i : self.i + 2]
        if c == "0":
            digits = c
            while len(digits) < 3 and self._peek() in _OCTAL and self._peek():
                digits += self._peek()
                self.i += 1
            return chr(int(digits, 8))
        if c in _OCTAL and len(more) == 2 and all(d in _OCTAL for d in more):
            self.i += 2
            return chr(int(c + more, 8))
        if in_class:
            raise RegexFeature(f"the escape `\\{c}` in a character class (Python rejects it)")
        raise RegexFeature(f"the backreference `\\{c}` (the regex crate has no backreferences)")

    def _class(self) -> str:
        self.i += 1  # [
        negated = self._peek() == "^"
        if negated:
            self.i += 1
        items: list[str] = []
        first = True
        while True:
            c = self._peek()
            if not c:
                raise RegexFeature("an unterminated character set (Python rejects it)")
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            low = self._class_elem()
            if self._peek() == "-" and self._peek(1) not in ("]", ""):
                self.i += 1
                high = self._class_elem()
                if len(low) != 1 or len(high) != 1:
                    raise RegexFeature("a range whose end is a class like `\\d`")
                if ord(high) < ord(low):
                    raise RegexFeature("a bad character range (Python rejects it)")
                items.append(f"{_class_literal(low)}-{_class_literal(high)}")
            else:
                items.append(_class_literal(low) if len(low) == 1 else low[1:])
        return f"[{'^' if negated else ''}{''.join(items)}]"

    def _class_elem(self) -> str:
        """One character (a 1-char string), or a class escape marked with a leading `\\0`
        prefix character (`\\0` + its text inside the crate's class)."""
        c = self._peek()
        self.i += 1
        if c != "\\":
            return c
        e = self._peek()
        if not e:
            raise RegexFeature("an unterminated character set (Python rejects it)")
        self.i += 1
        nested = {
            "d": r"\d",
            "D": r"\D",
            "w": _WORD,
            "W": f"[^{_WORD}]",
            "s": _SPACE,
            "S": f"[^{_SPACE}]",
        }
        if e in nested:
            return "\0" + nested[e]
        return self._char_escape(e, in_class=True)


def _group_feature(rest: str) -> str:
    features = {
        "?P=": "a named backreference `(?P=name)` (the regex crate has no backreferences)",
        "?=": "a lookahead `(?=...)` (the regex crate has no look-around)",
        "?!": "a negative lookahead `(?!...)` (the regex crate has no look-around)",
        "?<=": "a lookbehind `(?<=...)` (the regex crate has no look-around)",
        "?<!": "a negative lookbehind `(?<!...)` (the regex crate has no look-around)",
        "?>": "an atomic group `(?>...)` (the regex crate has none)",
        "?(": "a conditional group `(?(...)...)` (the regex crate has none)",
    }
    for prefix, feature in features.items():
        if rest.startswith(prefix):
            return feature
    return "inline flags `(?...)` in the pattern"


def _literal(c: str) -> str:
    if c in _META:
        return "\\" + c
    if not c.isprintable() or c.isspace():
        return f"\\x{{{ord(c):X}}}"
    return c


def _class_literal(c: str) -> str:
    if c in _CLASS_META:
        return "\\" + c
    if not c.isprintable() or c.isspace():
        return f"\\x{{{ord(c):X}}}"
    return c


# ---- replacement templates (re.sub) ----


@dataclass(frozen=True)
class Replacement:
    """A `re.sub` template: literal text and group numbers, in order."""

    parts: tuple[str | int, ...]


def translate_replacement(template: str, pattern: Pattern) -> Replacement:
    parts: list[str | int] = []
    text: list[str] = []
    i = 0

    def group(ref: int) -> None:
        if ref > pattern.groups:
            raise RegexFeature(f"the replacement's group {ref} (no such group: Python raises)")
        if text:
            parts.append("".join(text))
            text.clear()
        parts.append(ref)

    while i < len(template):
        c = template[i]
        i += 1
        if c != "\\":
            text.append(c)
            continue
        e = template[i] if i < len(template) else ""
        i += 1
        if e == "":
            raise RegexFeature("a trailing backslash in the replacement (Python rejects it)")
        if e == "g":
            close = template.find(">", i)
            if not template.startswith("<", i) or close < 0:
                raise RegexFeature("a bad `\\g` in the replacement (Python rejects it)")
            ref_text = template[i + 1 : close]
            i = close + 1
            if ref_text.isascii() and ref_text.isdigit():
                group(int(ref_text))
            elif ref_text in pattern.names:
                group(pattern.names[ref_text])
            else:
                raise RegexFeature(f"the replacement's group `{ref_text}` (no such group)")
        elif e.isdigit() and e != "0":
            digits = e
            if i < len(template) and template[i].isdigit():
                digits += template[i]
                i += 1
            group(int(digits))
        elif e in _SIMPLE_ESCAPES:
            text.append(_SIMPLE_ESCAPES[e])
        elif e == "b":
            text.append("\b")
        elif e == "\\":
            text.append("\\")
        elif e == "0" or (e.isascii() and e.isalpha()):
            raise RegexFeature(f"the replacement escape `\\{e}`")
        else:
            text.append("\\" + e)  # Python keeps other escapes as written
    if text:
        parts.append("".join(text))
    return Replacement(tuple(parts))
