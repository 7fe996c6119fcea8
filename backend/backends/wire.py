"""The Triton model's I/O (DESIGN.md), shared by the HTTP and (later) gRPC clients.

Inputs: `python_code` (BYTES) and `translation_options` (BYTES, JSON: the options plus the
target and route). Outputs: `rust_code` (BYTES), `confidence_score` (FP32), `metadata`
(BYTES, JSON; carries `status` and `span_map`), `warnings` (BYTES, JSON list of
diagnostics), `suggestions` (BYTES, JSON list).
"""

from __future__ import annotations

import json
from typing import Any

from backend.backends.base import ROUTE_PRIORITY, BackendError, TranslationRequest
from backend.transpiler import SourceRange, Status, Translation
from backend.transpiler.record import Diagnostic

MODEL_NAME = "rust_transpiler"
OUTPUT_NAMES = ("rust_code", "confidence_score", "metadata", "warnings", "suggestions")


def request_options(request: TranslationRequest) -> dict[str, Any]:
    """The JSON carried by the `translation_options` input."""
    options: dict[str, Any] = dict(request.options.to_json())
    options["route"] = request.route
    if request.symbol is not None:
        options["symbol"] = request.symbol
    if request.range is not None:
        options["range"] = request.range.to_json()
    return options


def kserve_infer_body(request: TranslationRequest, timeout_s: float) -> dict[str, Any]:
    """A KServe v2 REST inference request (JSON; BYTES elements as strings)."""
    return {
        "inputs": [
            _bytes_input("python_code", request.source),
            _bytes_input("translation_options", json.dumps(request_options(request))),
        ],
        "outputs": [{"name": name} for name in OUTPUT_NAMES],
        # Triton reads priority and a per-request timeout (microseconds) from parameters.
        "parameters": {
            "priority": ROUTE_PRIORITY[request.route],
            "timeout": int(timeout_s * 1_000_000),
        },
    }


def _bytes_input(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "shape": [1], "datatype": "BYTES", "data": [value]}


def translation_from_outputs(outputs: dict[str, Any]) -> Translation:
    """Build the Translation from `{output name: first element}`; BackendError if malformed."""
    try:
        metadata = _json(outputs.get("metadata"), {})
        status = Status(metadata.pop("status", Status.UNVERIFIED.value))
        span_map = {
            int(k): SourceRange.from_json(v) for k, v in metadata.pop("span_map", {}).items()
        }
        return Translation(
            rust_code=_text(outputs["rust_code"]),
            status=status,
            confidence=float(outputs.get("confidence_score", 0.0)),
            diagnostics=[Diagnostic.from_json(d) for d in _json(outputs.get("warnings"), [])],
            suggestions=[str(s) for s in _json(outputs.get("suggestions"), [])],
            metadata=metadata,
            span_map=span_map,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BackendError(f"malformed model output: {exc}") from exc


def outputs_from_kserve(body: dict[str, Any]) -> dict[str, Any]:
    """`{name: first element}` from a KServe v2 REST response."""
    found: dict[str, Any] = {}
    for output in body.get("outputs", []):
        data = output.get("data") or [None]
        found[str(output.get("name"))] = data[0]
    if "rust_code" not in found:
        raise BackendError("model response has no `rust_code` output")
    return found


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    return json.loads(_text(value))
