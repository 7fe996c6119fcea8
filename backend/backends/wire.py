"""The Triton model's I/O (DESIGN.md), shared by the HTTP and gRPC clients and the model.

Inputs: `python_code` (BYTES) and `translation_options` (BYTES, JSON: the options plus the
target and route). Outputs: `rust_code` (BYTES), `confidence_score` (FP32), `metadata`
(BYTES, JSON; carries `status` and `span_map`), `warnings` (BYTES, JSON list of
diagnostics), `suggestions` (BYTES, JSON list).
"""

from __future__ import annotations

import json
from typing import Any

from backend.backends.base import ROUTE_PRIORITY, BackendError, TranslationRequest
from backend.transpiler import SourceRange, Status, TranslateOptions, Translation
from backend.transpiler.record import Diagnostic

MODEL_NAME = "rust_transpiler"
# Triton's restricted-protocol check (`portalis serve --api-key-file`) reads this header.
API_KEY_HEADER = "x-api-key"
OUTPUT_NAMES = ("rust_code", "confidence_score", "metadata", "warnings", "suggestions")


def request_options(request: TranslationRequest) -> dict[str, Any]:
    """The JSON carried by the `translation_options` input."""
    options: dict[str, Any] = dict(request.options.to_json())
    options["route"] = request.route
    if request.symbol is not None:
        options["symbol"] = request.symbol
    if request.range is not None:
        options["range"] = request.range.to_json()
    if request.siblings is not None:  # {} still means "part of a project": no rustc here
        options["siblings"] = dict(request.siblings)
    return options


class BadRequest(ValueError):
    """A model request that cannot be translated (undecodable input, malformed options)."""


def request_from_inputs(
    python_code: bytes, translation_options: bytes | None
) -> TranslationRequest:
    """The model side of `request_options`: rebuild the request from the two inputs."""
    if python_code is None:
        raise BadRequest("the `python_code` input is missing")
    try:
        source = python_code.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"python_code is not UTF-8 (byte {exc.start})") from exc
    try:
        options = json.loads(translation_options or b"{}")
    except ValueError as exc:
        raise BadRequest(f"translation_options is not JSON: {exc}") from exc
    if not isinstance(options, dict):
        raise BadRequest("translation_options must be a JSON object")
    try:
        return _request_from_options(source, options)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadRequest(f"translation_options: invalid value: {exc}") from exc


def _request_from_options(source: str, options: dict[str, Any]) -> TranslationRequest:
    route = options.get("route", "batch")
    if route not in ROUTE_PRIORITY:
        raise ValueError(f"route {route!r}")
    symbol = options.get("symbol")
    range_json = options.get("range")
    siblings = options.get("siblings")
    if siblings is not None and not (
        isinstance(siblings, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in siblings.items())
    ):
        raise ValueError("siblings must map module names to sources")
    return TranslationRequest(
        source=source,
        symbol=None if symbol is None else str(symbol),
        range=None if range_json is None else SourceRange.from_json(range_json),
        options=TranslateOptions.from_json(options),
        route=route,
        siblings=siblings,
    )


def outputs_from_translation(translation: Translation) -> dict[str, Any]:
    """The model's five outputs for one Translation (the inverse of `translation_from_outputs`)."""
    metadata = dict(translation.metadata)
    metadata["status"] = translation.status.value
    metadata["confidence"] = translation.confidence
    metadata["span_map"] = {str(k): v.to_json() for k, v in translation.span_map.items()}
    return {
        "rust_code": translation.rust_code,
        "confidence_score": float(translation.confidence),
        "metadata": json.dumps(metadata),
        "warnings": json.dumps([d.to_json() for d in translation.diagnostics]),
        "suggestions": json.dumps(list(translation.suggestions)),
    }


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
    return {"name": name, "shape": [1, 1], "datatype": "BYTES", "data": [value]}


def translation_from_outputs(outputs: dict[str, Any]) -> Translation:
    """Build the Translation from `{output name: first element}`; BackendError if malformed."""
    try:
        metadata = _json(outputs.get("metadata"), {})
        status = Status(metadata.pop("status", Status.UNVERIFIED.value))
        # FP32 on the wire; the exact value travels in the metadata.
        confidence = float(metadata.pop("confidence", outputs.get("confidence_score", 0.0)))
        span_map = {
            int(k): SourceRange.from_json(v) for k, v in metadata.pop("span_map", {}).items()
        }
        return Translation(
            rust_code=_text(outputs["rust_code"]),
            status=status,
            confidence=confidence,
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
