"""Analyze stage: types from mypy, mutation/ownership, and which functions raise."""
