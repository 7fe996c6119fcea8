"""A Triton Inference Server client over gRPC (tritonclient's asyncio client).

`grpc://host:port` (or `grpcs://` for TLS, e.g. through an ingress). Requests carry the
route's priority (1 interactive, 2 batch), a queue timeout Triton enforces server-side and a
deadline the client enforces, and the API key in the `x-api-key` header.

The client is asyncio-native (`translate_async`); `translate` serves the synchronous Backend
protocol from worker threads by running the coroutine on the backend's own event loop thread,
so one gRPC channel is shared by every caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import numpy as np
import tritonclient.grpc.aio as grpcclient
from tritonclient.utils import InferenceServerException

from backend.backends.base import (
    ROUTE_PRIORITY,
    BackendError,
    BackendUnavailable,
    TranslationRequest,
)
from backend.backends.wire import (
    API_KEY_HEADER,
    MODEL_NAME,
    OUTPUT_NAMES,
    request_options,
    translation_from_outputs,
)
from backend.transpiler import Translation

DEFAULT_TIMEOUTS_S = {"interactive": 2.0, "batch": 120.0}
# gRPC codes after which the server may answer again: try the fallback, not a hard error.
_TRANSIENT = ("UNAVAILABLE", "DEADLINE_EXCEEDED", "CANCELLED", "RESOURCE_EXHAUSTED")

T = TypeVar("T")


class TritonGrpcBackend:
    def __init__(
        self,
        target: str,
        *,
        api_key: str | None = None,
        ssl: bool = False,
        interactive_timeout_s: float = DEFAULT_TIMEOUTS_S["interactive"],
        batch_timeout_s: float = DEFAULT_TIMEOUTS_S["batch"],
    ) -> None:
        self.name = f"triton-grpc:{target}"
        self.target = target
        self.timeouts = {"interactive": interactive_timeout_s, "batch": batch_timeout_s}
        # Triton's gRPC restricted-protocol check reads the header under this prefix.
        self._headers = {f"triton-grpc-protocol-{API_KEY_HEADER}": api_key} if api_key else {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name=f"portalis-grpc-{target}", daemon=True
        )
        self._thread.start()
        self._client = self.run_coroutine(_connect(target, ssl), timeout_s=10.0)

    # --- synchronous Backend protocol -----------------------------------------------

    def translate(self, request: TranslationRequest) -> Translation:
        timeout = request.timeout_s or self.timeouts[request.route]
        # The coroutine enforces `timeout` itself; the margin only guards against a stuck loop.
        return self.run_coroutine(self.translate_async(request), timeout_s=timeout + 5.0)

    def is_ready(self, timeout_s: float = 0.5) -> bool:
        """Is the server up and the model ready? (the circuit breaker's health probe)"""
        try:
            return self.run_coroutine(self._model_ready(timeout_s), timeout_s=timeout_s + 1.0)
        except BackendError:
            return False

    def close(self) -> None:
        if self._loop.is_closed():
            return
        with contextlib.suppress(BackendError):
            self.run_coroutine(self._client.close(), timeout_s=5.0)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5.0)
        self._loop.close()

    # --- asyncio ------------------------------------------------------------------------

    async def translate_async(self, request: TranslationRequest) -> Translation:
        timeout = request.timeout_s or self.timeouts[request.route]
        started = time.perf_counter()
        try:
            result = await self._client.infer(
                MODEL_NAME,
                _inputs(request),
                outputs=[grpcclient.InferRequestedOutput(name) for name in OUTPUT_NAMES],
                priority=ROUTE_PRIORITY[request.route],
                timeout=int(timeout * 1_000_000),  # queue timeout, enforced by Triton
                client_timeout=timeout,  # whole-call deadline
                headers=self._headers,
            )
        except InferenceServerException as exc:
            raise _backend_error(self.target, exc, timeout) from exc
        outputs = {name: _first(result.as_numpy(name)) for name in OUTPUT_NAMES}
        translation = translation_from_outputs(outputs)
        translation.metadata["backend"] = self.name
        translation.metadata["remote_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return translation

    async def _model_ready(self, timeout_s: float) -> bool:
        try:
            return bool(
                await self._client.is_model_ready(
                    MODEL_NAME, headers=self._headers, client_timeout=timeout_s
                )
            )
        except InferenceServerException:
            return False

    def run_coroutine(self, coroutine: Coroutine[Any, Any, T], *, timeout_s: float) -> T:
        """Run `coroutine` on this backend's event loop (where its channel lives) and wait."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout=timeout_s)
        except TimeoutError as exc:
            future.cancel()
            raise BackendUnavailable(f"{self.target} did not answer in {timeout_s:g} s") from exc


async def _connect(target: str, ssl: bool) -> grpcclient.InferenceServerClient:
    # The aio client binds its channel to the running loop: create it on the backend's loop.
    return grpcclient.InferenceServerClient(target, ssl=ssl)


def _inputs(request: TranslationRequest) -> list[grpcclient.InferInput]:
    inputs = []
    for name, text in (
        ("python_code", request.source),
        ("translation_options", json.dumps(request_options(request))),
    ):
        tensor = grpcclient.InferInput(name, [1, 1], "BYTES")
        tensor.set_data_from_numpy(np.array([[text.encode("utf-8")]], dtype=np.object_))
        inputs.append(tensor)
    return inputs


def _first(array: Any) -> Any:
    if array is None:
        return None
    return array.reshape(-1)[0]


def _backend_error(target: str, exc: InferenceServerException, timeout: float) -> BackendError:
    status = str(exc.status() or "")
    message = exc.message() or str(exc)
    if "restricted" in message:
        return BackendError(f"{target} refused the API key: {message}")
    if "DEADLINE_EXCEEDED" in status or "timeout" in message.lower():
        return BackendUnavailable(f"{target} timed out after {timeout:g} s: {message}")
    if any(code in status for code in _TRANSIENT):
        return BackendUnavailable(f"{target} is unavailable: {message}")
    return BackendError(f"{target} refused the request ({status or 'error'}): {message}")
