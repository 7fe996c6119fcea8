"""Settings: `workspace/configuration` section `portalis`, or initializationOptions.

Re-read on `workspace/didChangeConfiguration` and applied without a restart. An invalid
value is reported (one `window/showMessage` error naming the setting) and that setting keeps
its default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from backend.backends import validate_backend_spec

SECTION = "portalis"
LOG_LEVELS = ("error", "warning", "info", "debug")


@dataclass(frozen=True)
class Settings:
    backend: str = "embedded"
    api_key: str | None = None
    interactive_timeout_ms: int = 2000
    output_dir: str | None = None
    verify: bool = True
    diagnostics: bool = True
    log_level: str | None = None  # None: the level the server was started with


DEFAULTS = Settings()

# setting name (as users write it) -> (field, validator returning (value, problem))
Validator = Callable[[Any], tuple[Any, str | None]]


def _backend(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return None, "must be a string"
    problem = validate_backend_spec(value.strip())
    return value.strip(), problem


def _optional_str(value: Any) -> tuple[Any, str | None]:
    if value is None or value == "":
        return None, None
    return (value, None) if isinstance(value, str) else (None, "must be a string")


def _timeout(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None, "must be a number of milliseconds"
    if not 50 <= value <= 600_000:
        return None, "must be between 50 and 600000 milliseconds"
    return int(value), None


def _bool(value: Any) -> tuple[Any, str | None]:
    return (value, None) if isinstance(value, bool) else (None, "must be true or false")


def _log_level(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.lower() in LOG_LEVELS:
        return value.lower(), None
    return None, f"must be one of {', '.join(LOG_LEVELS)}"


SETTINGS: dict[str, tuple[str, Validator]] = {
    "backend": ("backend", _backend),
    "apiKey": ("api_key", _optional_str),
    "interactiveTimeoutMs": ("interactive_timeout_ms", _timeout),
    "outputDir": ("output_dir", _optional_str),
    "verify": ("verify", _bool),
    "diagnostics": ("diagnostics", _bool),
    "logLevel": ("log_level", _log_level),
}
assert {f for f, _ in SETTINGS.values()} == {f.name for f in fields(Settings)}


def parse_settings(raw: Any) -> tuple[Settings, list[str]]:
    """Settings from a client's JSON object; problems as user-facing sentences."""
    if raw is None:
        return DEFAULTS, []
    if isinstance(raw, dict) and isinstance(raw.get(SECTION), dict):
        raw = raw[SECTION]  # {"portalis": {...}} as some clients send it
    if not isinstance(raw, dict):
        return DEFAULTS, [f"Portalis settings must be an object, got {type(raw).__name__}"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if key not in SETTINGS:
            continue  # unknown keys (newer clients, other tools) are not errors
        field_name, validate = SETTINGS[key]
        parsed, problem = validate(value)
        if problem:
            problems.append(f"`portalis.{key}` {problem} (got {value!r}); using the default")
        else:
            values[field_name] = parsed
    return replace(DEFAULTS, **values), problems


def describe_changes(old: Settings, new: Settings) -> list[str]:
    """Names of the fields that changed (api_key is never logged by value)."""
    return [f.name for f in fields(Settings) if getattr(old, f.name) != getattr(new, f.name)]
