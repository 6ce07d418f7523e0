"""Text in code point order on every database, as Python's `sorted` orders it.

SQLite compares text by code point; PostgreSQL by the database's collation, which is the
server's locale unless chosen: `en_US.utf8` in the official image compose.yaml runs, where
`dbt` comes before `Kubernetes` and `.NET` among the Ns. A list of names ordered in SQL
is ordered through `in_code_point_order`, so it reads the same on both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement, coercions, roles
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal, _TraverseInternalsType
from sqlalchemy.types import String


class in_code_point_order(ColumnElement[str]):
    """`text`, compared by code point where it is ordered."""

    inherit_cache = True
    type = String()
    _traverse_internals: _TraverseInternalsType = [  # noqa: RUF012 (SQLAlchemy's own shape)
        ("text", InternalTraversal.dp_clauseelement)
    ]

    def __init__(self, text: _ColumnExpressionArgument[str]) -> None:
        self.text = coercions.expect(roles.ExpressionElementRole, text)


@compiles(in_code_point_order)
def _as_is(element: in_code_point_order, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.text, **kw)


@compiles(in_code_point_order, "postgresql")
def _by_code_point(element: in_code_point_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f'{compiler.process(element.text, **kw)} COLLATE "C"'
