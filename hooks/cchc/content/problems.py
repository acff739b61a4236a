"""Problems found in content files, reported all at once as ``path:line: field: problem (cách sửa: fix)``.

The words come from ``cchc/messages.yml`` by key (``Problems.report``), never from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc import messages

ERROR = "error"
WARNING = "warning"
NOTICE = "notice"


@dataclass(frozen=True)
class Problem:
    """One mistake in one place of one file, with the fix an editor can apply."""

    path: str
    line: int
    field: str
    message: str
    fix: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:"
        what = f" {self.field}:" if self.field else ""
        fix = f" (cách sửa: {self.fix})" if self.fix else ""
        return f"{where}{what} {self.message}{fix}"


@dataclass
class Problems:
    """Collects every problem of a run; the build stops if any is an error."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, fld: str, message: str, fix: str = "",
            severity: str = ERROR) -> None:
        self.items.append(Problem(path, line, fld, message, fix, severity))

    def report(self, path: str, line: int, fld: str, problem: str, /, **values: Any) -> None:
        """Add the problem ``problem`` (a key of ``messages.yml``), its words filled with ``values``."""
        message, fix, severity = messages.problem(problem, **values)
        self.items.append(Problem(path, line, fld, message, fix, severity))

    def warn(self, path: str, line: int, fld: str, message: str, fix: str = "") -> None:
        self.add(path, line, fld, message, fix, WARNING)

    def notice(self, path: str, line: int, fld: str, message: str, fix: str = "") -> None:
        self.add(path, line, fld, message, fix, NOTICE)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.items if p.severity == NOTICE]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.path, p.line, p.field))


class ContentError(Exception):
    """Raised when content has errors; carries every problem found in the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(messages.say("build_failed", errors=len(problems)) + "\n" + lines)
