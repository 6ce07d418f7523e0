"""The names of every `render_*` in `handlers/blocks/`: the Block Kit tests feed each one,
and fail for a new one until it is listed in theirs."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import handlers.blocks


def renderer_names() -> set[str]:
    modules = (
        importlib.import_module(f"{handlers.blocks.__name__}.{info.name}")
        for info in pkgutil.iter_modules(handlers.blocks.__path__)
    )
    return {
        name
        for module in modules
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if name.startswith("render_") and fn.__module__ == module.__name__
    }
