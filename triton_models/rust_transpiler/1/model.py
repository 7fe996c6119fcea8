"""Triton Python-backend model `rust_transpiler`: the Portalis engine, in-process.

Each request of a dynamic batch is translated on its own and answered on its own: one bad
request (undecodable input, malformed options) gets an error response, the others their
translations. The engine runs in this stub process (no subprocess per request) and keeps
its type oracle warm between requests. Results equal the embedded backend's for the same
request, because both call `EmbeddedBackend.translate` on the same `TranslationRequest`.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import triton_python_backend_utils as pb_utils

from backend.backends.embedded import EmbeddedBackend
from backend.backends.wire import (
    OUTPUT_NAMES,
    BadRequest,
    outputs_from_translation,
    request_from_inputs,
)

_OUTPUT_DTYPES = {"confidence_score": np.float32}


class TritonPythonModel:
    def initialize(self, args: dict[str, Any]) -> None:
        self.engine = EmbeddedBackend()
        self.translations = pb_utils.MetricFamily(
            name="portalis_model_translations_total",
            description="Translations answered by the model, by Translation status",
            kind=pb_utils.MetricFamily.COUNTER,
        )
        # Triton requires a MetricFamily to outlive its Metric objects: keep both.
        self.engine_seconds_family = pb_utils.MetricFamily(
            name="portalis_model_engine_seconds_total",
            description="Seconds the engine spent translating",
            kind=pb_utils.MetricFamily.COUNTER,
        )
        self.engine_seconds = self.engine_seconds_family.Metric(labels={})
        self._by_status: dict[str, Any] = {}

    def execute(self, requests: list[Any]) -> list[Any]:
        return [self._answer(request) for request in requests]

    def _answer(self, request: Any) -> Any:
        if request.is_cancelled():
            self._count("cancelled")
            return pb_utils.InferenceResponse(
                error=pb_utils.TritonError("request cancelled", pb_utils.TritonError.CANCELLED)
            )
        try:
            translation_request = request_from_inputs(
                _first_bytes(request, "python_code"), _first_bytes(request, "translation_options")
            )
        except BadRequest as exc:
            self._count("bad_request")
            return pb_utils.InferenceResponse(
                error=pb_utils.TritonError(f"bad request: {exc}", pb_utils.TritonError.INVALID_ARG)
            )
        started = time.perf_counter()
        translation = self.engine.translate(translation_request)
        self.engine_seconds.increment(time.perf_counter() - started)
        translation.metadata["backend"] = "triton"
        self._count(translation.status.value)
        outputs = outputs_from_translation(translation)
        return pb_utils.InferenceResponse(
            output_tensors=[_tensor(name, outputs[name]) for name in OUTPUT_NAMES]
        )

    def _count(self, status: str) -> None:
        metric = self._by_status.get(status)
        if metric is None:
            metric = self.translations.Metric(labels={"status": status})
            self._by_status[status] = metric
        metric.increment(1)

    def finalize(self) -> None:
        self._by_status.clear()


def _first_bytes(request: Any, name: str) -> bytes | None:
    tensor = pb_utils.get_input_tensor_by_name(request, name)
    if tensor is None:
        return None
    value = tensor.as_numpy().reshape(-1)[0]
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


def _tensor(name: str, value: Any) -> Any:
    dtype = _OUTPUT_DTYPES.get(name, np.object_)
    if dtype is np.object_:
        value = value.encode("utf-8")
    return pb_utils.Tensor(name, np.array([[value]], dtype=dtype))
