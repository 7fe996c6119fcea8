"""`portalis-lsp` / `python -m lsp_server`: stdio by default, `--tcp` or `--ws` on request."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from lsp_server import __version__, logging_setup
from lsp_server.configuration import LOG_LEVELS


def _host_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
    return host, int(port)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="portalis-lsp", description="Portalis language server (Python to Rust)."
    )
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument("--stdio", action="store_true", help="speak over stdio (default)")
    transport.add_argument("--tcp", type=_host_port, metavar="HOST:PORT", help="listen on TCP")
    transport.add_argument(
        "--ws", type=_host_port, metavar="HOST:PORT", help="listen for WebSocket clients"
    )
    parser.add_argument("--log-file", type=Path, help="also write the log to this file")
    parser.add_argument("--log-level", choices=LOG_LEVELS, default="info")
    parser.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve client metrics (Prometheus) on 127.0.0.1:PORT/metrics (off by default)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging_setup.configure(args.log_level, args.log_file)
    if args.metrics_port:
        from backend.metrics import serve_metrics

        serve_metrics(args.metrics_port)
    from lsp_server.server import create_server  # after logging: imports load the engine

    server = create_server()
    try:
        if args.tcp:
            server.start_tcp(*args.tcp)
        elif args.ws:
            server.start_ws(*args.ws)
        else:
            server.start_io()
    finally:
        server.service.shutdown()
    if server.service.busy():
        # A translation the client no longer waits for is still running in a worker
        # thread; do not keep the editor waiting for it (threads cannot be interrupted).
        logging.shutdown()
        with contextlib.suppress(ValueError, OSError):  # pygls may have closed stdout
            sys.stdout.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
