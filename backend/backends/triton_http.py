"""A Triton Inference Server client over the KServe v2 REST API (httpx).

`POST {base}/v2/models/rust_transpiler/infer`; the API key (if any) goes in the
`x-api-key` header. Failures raise `BackendError`/`BackendUnavailable`, which the
`FallbackBackend` turns into an embedded translation.
"""

from __future__ import annotations

import time

import httpx

from backend.backends.base import BackendError, BackendUnavailable, TranslationRequest
from backend.backends.wire import (
    API_KEY_HEADER,
    MODEL_NAME,
    kserve_infer_body,
    outputs_from_kserve,
    translation_from_outputs,
)
from backend.transpiler import Translation

DEFAULT_TIMEOUTS_S = {"interactive": 2.0, "batch": 120.0}


class TritonHttpBackend:
    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        interactive_timeout_s: float = DEFAULT_TIMEOUTS_S["interactive"],
        batch_timeout_s: float = DEFAULT_TIMEOUTS_S["batch"],
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = f"triton-http:{base_url}"
        self.base_url = base_url.rstrip("/")
        self.timeouts = {"interactive": interactive_timeout_s, "batch": batch_timeout_s}
        headers = {API_KEY_HEADER: api_key} if api_key else {}
        self._client = httpx.Client(headers=headers, transport=transport)

    def translate(self, request: TranslationRequest) -> Translation:
        timeout = request.timeout_s or self.timeouts[request.route]
        url = f"{self.base_url}/v2/models/{MODEL_NAME}/infer"
        started = time.perf_counter()
        try:
            response = self._client.post(
                url, json=kserve_infer_body(request, timeout), timeout=timeout
            )
        except httpx.TimeoutException as exc:
            raise BackendUnavailable(f"{self.base_url} timed out after {timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise BackendUnavailable(f"{self.base_url} is unreachable: {exc}") from exc
        if response.status_code != 200:
            raise BackendError(f"{url} answered HTTP {response.status_code}: {response.text[:200]}")
        try:
            body = response.json()
        except ValueError as exc:
            raise BackendError(f"{url} answered with invalid JSON") from exc
        result = translation_from_outputs(outputs_from_kserve(body))
        result.metadata["backend"] = self.name
        result.metadata["remote_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return result

    def is_ready(self, timeout_s: float = 0.5) -> bool:
        """Is the server up and the model ready? (the circuit breaker's health probe)"""
        url = f"{self.base_url}/v2/models/{MODEL_NAME}/ready"
        try:
            return self._client.get(url, timeout=timeout_s).status_code == 200
        except httpx.HTTPError:
            return False

    def close(self) -> None:
        self._client.close()
