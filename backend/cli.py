"""The `portalis` command: translate, check, translate-project.

Exit status (every subcommand): 0 complete, 1 incomplete (placeholders, rustc rejected
the output, outputs differ), 2 bad input or usage (unreadable file, syntax error, unknown
symbol, nothing to run). Diagnostics go to stderr as `file:line:col: severity: message
[code]` with 1-based columns, the format editors and CI annotate; results go to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from backend.transpiler.record import Diagnostic, Status, TranslateOptions, Translation

if TYPE_CHECKING:
    from backend.backends import Route
    from backend.transpiler.check import CheckResult

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_BAD_INPUT = 2
EXIT_BACKEND = 3  # the remote backend named by --backend could not answer
API_KEY_ENV = "PORTALIS_API_KEY"

Handler = Callable[[argparse.Namespace], int]


class BadInput(Exception):
    """The user's input cannot be processed at all (exit status 2)."""


class BackendFailed(Exception):
    """The remote backend could not answer (exit status 3)."""


# --- shared helpers ---------------------------------------------------------------------


def format_diagnostic(filename: str, diag: Diagnostic) -> str:
    """`file:line:col: severity: message [code]`, column 1-based like compilers print it."""
    rng = diag.range
    return (
        f"{filename}:{rng.line}:{rng.col + 1}: {diag.severity.value}: {diag.message} [{diag.code}]"
    )


def _print_diagnostics(filename: str, translation: Translation, stream: TextIO) -> None:
    for diag in translation.diagnostics:
        print(format_diagnostic(filename, diag), file=stream)


def _read_source(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: error: no such file") from exc
    except IsADirectoryError as exc:
        raise BadInput(f"{path}: error: is a directory, not a Python file") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}:1:1: error: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise BadInput(f"{path}: error: cannot read: {exc.strerror}") from exc


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same directory and rename over `path`.

    A crash or a full disk never leaves a half-written file where a good one was.
    """
    path = path.resolve()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _status_exit(status: Status) -> int:
    if status is Status.FAILED:
        return EXIT_BAD_INPUT
    if status is Status.PARTIAL:
        return EXIT_INCOMPLETE
    return EXIT_OK


def _summary_line(translation: Translation) -> str:
    placeholders = translation.metadata.get("placeholders")
    if not isinstance(placeholders, int):
        placeholders = translation.rust_code.count("todo!(")
    extra = f", {placeholders} placeholder(s)" if placeholders else ""
    return (
        f"portalis: status {translation.status.value} "
        f"(confidence {translation.confidence:.2f}){extra}"
    )


def _engine_translate(source: str, symbol: str | None, options: TranslateOptions) -> Translation:
    from backend.transpiler import translate  # lazily: `--help` should not load mypy
    from backend.transpiler.analyze import oracle

    oracle.prefer_cached_builds()  # one process, a module or two: mypy's disk cache is faster
    return translate(source, symbol=symbol, options=options)


# --- translate --------------------------------------------------------------------------


def _remote_translate(
    spec: str, source: str, symbol: str | None, options: TranslateOptions, route: Route
) -> Translation:
    """One request to the Triton server `spec` names (no fallback: the user asked for it)."""
    from backend.backends import BackendError, TranslationRequest, make_remote

    remote = make_remote(spec, api_key=os.environ.get(API_KEY_ENV))
    try:
        return remote.translate(TranslationRequest(source, symbol, options=options, route=route))
    except BackendError as exc:
        raise BackendFailed(f"{spec}: error: {exc}") from exc
    finally:
        remote.close()


def cmd_translate(args: argparse.Namespace) -> int:
    path = Path(args.file)
    source = _read_source(path)
    options = TranslateOptions(verify=not args.no_verify, release_profile=args.release_profile)
    if args.backend == "embedded":
        translation = _engine_translate(source, args.symbol, options)
    else:
        translation = _remote_translate(args.backend, source, args.symbol, options, args.priority)
    _print_diagnostics(str(path), translation, sys.stderr)
    if args.json:
        json.dump(translation.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    if translation.status is Status.FAILED:
        # No usable output: leave an existing OUT untouched.
        print(f"{path}: error: translation failed; nothing written", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output:
        try:
            write_atomically(Path(args.output), translation.rust_code)
        except OSError as exc:
            raise BadInput(f"{args.output}: error: cannot write: {exc.strerror}") from exc
    elif not args.json:
        sys.stdout.write(translation.rust_code)
    print(_summary_line(translation), file=sys.stderr)
    return _status_exit(translation.status)


# --- check ------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from backend.transpiler.analyze import oracle
    from backend.transpiler.check import check_module

    oracle.prefer_cached_builds()
    path = Path(args.file)
    source = _read_source(path)
    result = check_module(source, filename=path.name, timeout_s=args.timeout)
    if result.translation is not None:
        _print_diagnostics(str(path), result.translation, sys.stderr)
    if args.json:
        json.dump(result.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    if result.nothing_to_run:
        print(f"{path}: error: {result.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if result.stage_failed == "translate":
        print(f"{path}: error: {result.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if result.stage_failed == "compile":
        print(
            f"{path}: error: the translation does not compile:\n{result.message}", file=sys.stderr
        )
        return EXIT_INCOMPLETE
    return _report_comparison(path, result, quiet=args.json)


def _report_comparison(path: Path, result: CheckResult, *, quiet: bool) -> int:
    if result.matches:
        if not quiet:
            lines = len(result.python_stdout.splitlines())
            print(f"{path}: match: python and rust printed the same {lines} line(s)")
        return EXIT_OK
    if not quiet:
        sys.stdout.write(result.diff)
    print(f"{path}: mismatch: {result.message}", file=sys.stderr)
    if result.rust_stderr.strip():
        print(f"rust stderr:\n{result.rust_stderr.rstrip()}", file=sys.stderr)
    if result.python_stderr.strip():
        print(f"python stderr:\n{result.python_stderr.rstrip()}", file=sys.stderr)
    return EXIT_INCOMPLETE


# --- translate-project ------------------------------------------------------------------


def cmd_translate_project(args: argparse.Namespace) -> int:
    from rich.console import Console

    from backend.project import summary_table, translate_project

    src = Path(args.src_dir)
    if not src.is_dir():
        raise BadInput(f"{src}: error: not a directory")
    out = Path(args.out)
    if out.resolve() == src.resolve() or src.resolve() in out.resolve().parents:
        # Writing the crate inside the sources would translate it again on the next run.
        raise BadInput(f"{out}: error: the crate must be outside the source directory")
    console = Console(stderr=True)
    if args.metrics_port:
        from backend.metrics import serve_metrics

        serve_metrics(args.metrics_port)
    remote = None
    if args.backend != "embedded":
        from backend.backends import MeteredBackend, make_remote

        remote = MeteredBackend(make_remote(args.backend, api_key=os.environ.get(API_KEY_ENV)))
    try:
        report = translate_project(
            src,
            out,
            progress=not args.no_progress,
            console=console,
            remote=remote,
            concurrency=args.concurrency,
        )
    finally:
        if remote is not None:
            remote.close()
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        Console().print(summary_table(report))
    if not report.modules:
        print(f"{src}: warning: no Python modules found", file=sys.stderr)
    return EXIT_OK if report.complete else EXIT_INCOMPLETE


# --- parser -----------------------------------------------------------------------------


def _version() -> str:
    try:
        dist = metadata.version("portalis")
    except metadata.PackageNotFoundError:
        dist = "unknown"
    return f"portalis {dist}"


def _add_translate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "translate",
        help="translate one Python module to Rust",
        description="Translate FILE.py to a Rust 2021 file (stdout, or OUT with -o). "
        "The Python code is only parsed and analysed, never executed.",
    )
    p.add_argument("file", metavar="FILE.py")
    p.add_argument("-o", "--output", metavar="OUT.rs", help="write the Rust here (atomically)")
    p.add_argument("--symbol", metavar="NAME", help="translate only this function or class")
    p.add_argument("--json", action="store_true", help="print the full Translation record")
    p.add_argument("--no-verify", action="store_true", help="skip the rustc check")
    p.add_argument(
        "--release-profile",
        action="store_true",
        help="hint for an optimised build: #[inline] on small functions and runtime helpers",
    )
    _add_backend_argument(p)
    p.add_argument(
        "--priority",
        choices=["interactive", "batch"],
        default="interactive",
        help="Triton route: interactive (priority 1, the default) or batch (priority 2)",
    )
    p.set_defaults(handler=cmd_translate)


def _add_backend_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--backend",
        default="embedded",
        type=_backend_spec,
        metavar="URL",
        help="`embedded` (in-process, the default), grpc(s)://HOST:PORT or http(s)://HOST:PORT "
        f"(a Triton server; API key from ${API_KEY_ENV})",
    )


def _backend_spec(value: str) -> str:
    if value == "embedded":
        return value  # the Triton clients are not imported for the default (~0.6 s)
    from backend.backends import validate_backend_spec

    problem = validate_backend_spec(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="run FILE.py under CPython and as Rust; compare output (RUNS YOUR CODE)",
        description="Differential check. WARNING: this EXECUTES FILE.py's "
        '`if __name__ == "__main__":` block with this Python interpreter, as you, in a '
        "temporary directory, and then the compiled Rust translation. Only check code you "
        "would run yourself. Exit 0 when the outputs match (True/true and 1/1.0 count as "
        "equal), 1 when they differ, 2 for bad input.",
    )
    p.add_argument("file", metavar="FILE.py")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per run (default 20)")
    p.add_argument("--json", action="store_true", help="print the full check result")
    p.set_defaults(handler=cmd_check)


def _add_translate_project(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "translate-project",
        help="translate a directory of Python modules into a Cargo crate",
        description="Translate every .py under SRC_DIR (skipping virtual environments, "
        "hidden directories and __pycache__) into a library crate at CRATE_DIR.",
    )
    p.add_argument("src_dir", metavar="SRC_DIR")
    p.add_argument("--out", required=True, metavar="CRATE_DIR")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_backend_argument(p)
    p.add_argument(
        "--concurrency",
        type=int,
        default=4,
        metavar="N",
        help="requests in flight to a remote backend (batch route; default 4)",
    )
    p.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve client metrics (Prometheus) on 127.0.0.1:PORT/metrics while running",
    )
    p.set_defaults(handler=cmd_translate_project)


def cmd_serve(args: argparse.Namespace) -> int:
    from backend import serve

    try:
        config = serve.ServeConfig(
            host=args.host,
            http_port=args.http_port,
            grpc_port=args.grpc_port,
            metrics_port=args.metrics_port,
            model_repository=Path(args.model_repository) if args.model_repository else None,
            model_config_name=args.model_config_name,
            api_key=serve.read_api_key(Path(args.api_key_file)) if args.api_key_file else None,
        )
        if args.dry_run:
            print("\n".join(serve.tritonserver_args(config, serve.find_triton())))
            return EXIT_OK
        return serve.run(config)
    except serve.ServeError as exc:
        raise BadInput(f"portalis serve: error: {exc}") from exc


def _add_serve(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="run a Triton Inference Server with the rust_transpiler model (foreground)",
        description="Run a real Triton Inference Server with Portalis's model repository, "
        "on loopback unless --host says otherwise. Ctrl-C or SIGTERM stops it within "
        "seconds. Editors reach it with the setting `portalis.backend = grpc://HOST:PORT`.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--http-port", type=int, default=8000, metavar="PORT")
    p.add_argument("--grpc-port", type=int, default=8001, metavar="PORT")
    p.add_argument("--metrics-port", type=int, default=8002, metavar="PORT")
    p.add_argument(
        "--api-key-file",
        metavar="FILE",
        help="reject inference calls whose `x-api-key` header is not this file's content",
    )
    p.add_argument(
        "--model-config-name",
        metavar="NAME",
        help="load triton_models/rust_transpiler/configs/NAME.pbtxt instead of config.pbtxt",
    )
    p.add_argument("--model-repository", metavar="DIR", help="default: this checkout's")
    p.add_argument(
        "--dry-run", action="store_true", help="print the tritonserver command line and exit"
    )
    p.set_defaults(handler=cmd_serve)


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    _add_translate,
    _add_check,
    _add_translate_project,
    _add_serve,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="portalis", description="Translate Python to idiomatic, checked Rust."
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except BadInput as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BackendFailed as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BACKEND
    except BrokenPipeError:
        # `portalis translate x.py | head`: the reader went away; not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
