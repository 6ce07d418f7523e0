"""What `askaround import people` reports: counts, every rejection, and warnings in brief.

A warning that concerns many rows (a new skill half the company declares) is one line of the
summary, so it is kept as a count and its first lines, never as a row each: 100,000 rows can
carry 700,000 warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN = 20  # lines a summary line names; the rest are counted


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str


@dataclass
class ImportReport:
    dry_run: bool = False
    imported: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    # Written, but worth a look: reason → its first SHOWN lines, and how many lines in all.
    warned: dict[str, list[int]] = field(default_factory=dict)
    warned_count: dict[str, int] = field(default_factory=dict)

    def warn(self, line: int, reason: str) -> None:
        lines = self.warned.setdefault(reason, [])
        if len(lines) < SHOWN:
            lines.append(line)
        self.warned_count[reason] = self.warned_count.get(reason, 0) + 1

    @property
    def warnings(self) -> list[Rejection]:
        """The warnings kept: every line of a reason that concerns at most SHOWN lines."""
        return [Rejection(line, reason) for reason, at in self.warned.items() for line in at]

    def summary(self) -> str:
        lines = [
            ("Dry run (nothing written): " if self.dry_run else "")
            + f"{len(self.imported)} imported, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected."
        ]
        lines += [f"  line {r.line}: {r.reason}" for r in self.rejected]
        for reason, at in self.warned.items():
            count = self.warned_count[reason]
            where = f"line {at[0]}" if count == 1 else f"lines {_lines(at, count)}"
            lines.append(f"  {where}: warning: {reason}")
        return "\n".join(lines)


def _lines(numbers: list[int], count: int) -> str:
    """`2, 5, 9` or, for many, `2, 5, 9, … (1,204 lines)`."""
    listed = ", ".join(map(str, numbers))
    return listed if count <= len(numbers) else f"{listed}, … ({count:,} lines)"
