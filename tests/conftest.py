"""Options for the whole test suite."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        dest="update_golden",
        help="rewrite the [out] of tests/golden/*.test cases whose output changed",
    )
