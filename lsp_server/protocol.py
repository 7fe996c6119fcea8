"""The JSON-RPC protocol with two fixes over pygls 2.1's defaults.

- A request whose params fail to deserialize gets an InvalidParams (-32602) answer; pygls
  only logs it and the client waits forever.
- `$/cancelRequest` ids are remembered, so that handlers whose work runs in threads (which
  pygls cannot cancel) can check `is_cancelled()` before and after the work.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)

_MAX_REMEMBERED_CANCELS = 1024


class _Ignored:
    """What `structure_message` returns for a message that was answered already."""

    jsonrpc = "ignored"


IGNORED = _Ignored()


class PortalisProtocol(LanguageServerProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cancelled: OrderedDict[Any, None] = OrderedDict()

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException:
            if "method" in data and "id" in data:
                method = data.get("method")
                log.warning("invalid params for %s (request %s)", method, data.get("id"))
                error = JsonRpcInvalidParams(f"invalid params for {method}")
                self._send_response(data["id"], error=error.to_response_error())
            elif "id" in data:
                # A malformed response to one of our requests: fail its future, never hang.
                future = self._request_futures.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_exception(JsonRpcInvalidParams("malformed response"))
            else:
                log.warning("ignoring malformed notification %s", data.get("method"))
            return IGNORED

    def handle_message(self, message: Any) -> None:
        if message is IGNORED:
            return
        super().handle_message(message)

    def _handle_cancel_notification(self, msg_id: Any) -> None:
        self._cancelled[msg_id] = None
        while len(self._cancelled) > _MAX_REMEMBERED_CANCELS:
            self._cancelled.popitem(last=False)
        super()._handle_cancel_notification(msg_id)

    def is_cancelled(self, msg_id: Any | None = None) -> bool:
        """Was the current request (or `msg_id`) cancelled by the client?"""
        msg_id = self.msg_id if msg_id is None else msg_id
        return msg_id is not None and msg_id in self._cancelled
