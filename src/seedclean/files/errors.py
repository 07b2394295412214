"""The one exception file handling raises: a file skipped for a stated reason."""

from __future__ import annotations

__all__ = ["SkipFileError"]


class SkipFileError(Exception):
    """A file that is left untouched, with a short reason a person can act on.

    Attributes:
        kind: a stable short key used to group skips in the summary
            (``binary``, ``encoding``, ``unreadable``, ``too-large``,
            ``changed``, ``symlink``, ``not-found``, ``collision``, ``internal``,
            ``over-budget``).
        reason: the one-line message printed after the path.
        error: whether the skip makes the run exit 2 (an input error) rather
            than being a deliberate, documented policy.
    """

    def __init__(self, kind: str, reason: str, *, error: bool = True) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.error = error
