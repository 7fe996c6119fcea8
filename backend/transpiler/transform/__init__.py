"""Passes over the program between lowering and emitting.

- `ranges`: the value-range pass. It proves facts about a function's int names (never
  negative; an index in `0..len(xs)`), which the lowering turns into the typed IR nodes
  `ir.Index` and `ir.Binary` (direct indexing, `/` and `%` instead of Python's floor
  forms). Where a fact is not proven, the checked form stays.
- `inline_hints`: `#[inline]` on small functions and runtime helpers for
  `portalis translate --release-profile`.

Expressions are still text in the IR (issue 12 makes them structured); the range facts
are therefore proven on the typed Python tree and consulted by the lowering, which builds
the structured nodes that only `emit.py` renders.
"""
