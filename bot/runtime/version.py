"""The installed release's version, for `askaround --version` and serve's first log line."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def installed_version() -> str:
    try:
        return version("askaround")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"
