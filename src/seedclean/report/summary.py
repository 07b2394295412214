"""The end-of-run summary: files read, changed, skipped (and why), edits per rule.

It is printed on stderr after every run (stdout carries the data) and embedded
in the JSON and HTML reports.

>>> s = Summary(dry_run=True)
>>> s.add(FileResult("a.txt", "changed", "utf-8", "utf-8"))
>>> s.add(FileResult("b.bin", "skipped", skip_kind="binary", message="binary file", error=True))
>>> print("\\n".join(s.lines()))
seedclean: 2 files: 1 would be changed, 0 unchanged, 1 skipped (binary: 1)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from seedclean.report.records import FileResult

__all__ = ["Summary"]


@dataclass
class Summary:
    """Counts accumulated over a run (the only mutable object of the CLI)."""

    dry_run: bool = False
    files: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    notices: Counter[str] = field(default_factory=Counter)
    encodings: Counter[str] = field(default_factory=Counter)
    duplicates_removed: int = 0

    def add(self, result: FileResult) -> None:
        """Count one file's outcome."""
        self.files += 1
        if result.status == "skipped":
            self.skipped[result.skip_kind] += 1
            self.errors += result.error
            return
        if result.status == "changed":
            self.changed += 1
        else:
            self.unchanged += 1
        if result.encoding:
            self.encodings[result.encoding] += 1
        per_rule = result.edits_per_rule()
        self.rules.update(per_rule)
        self.notices.update(result.notices_per_rule())
        self.duplicates_removed += sum(n for r, n in per_rule.items() if r.startswith("dedup-"))

    def lines(self) -> list[str]:
        """Human-readable summary lines."""
        verb = "would be changed" if self.dry_run else "changed"
        skipped = sum(self.skipped.values())
        head = (
            f"seedclean: {self.files} file{'s' * (self.files != 1)}: {self.changed} {verb}, "
            f"{self.unchanged} unchanged, {skipped} skipped"
        )
        if skipped:
            head += " (" + ", ".join(f"{k}: {n}" for k, n in sorted(self.skipped.items())) + ")"
        out = [head]
        if self.rules:
            total = sum(self.rules.values())
            per_rule = ", ".join(f"{rule} {n}" for rule, n in self.rules.most_common())
            out.append(f"  edits: {total} ({per_rule})")
        if self.notices:
            out.append(
                "  notices: " + ", ".join(f"{rule} {n}" for rule, n in self.notices.most_common())
            )
        if self.duplicates_removed:
            word = "would be removed" if self.dry_run else "removed"
            out.append(f"  duplicate paragraphs {word}: {self.duplicates_removed}")
        other = {k: n for k, n in self.encodings.items() if k != "utf-8"}
        if other:
            counts = ", ".join(f"{k} {n}" for k, n in sorted(self.encodings.items()))
            out.append(f"  encodings read: {counts}")
        return out

    def to_json(self) -> dict[str, Any]:
        """The summary as a JSON-ready dict."""
        return {
            "files": self.files,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "skipped": dict(sorted(self.skipped.items())),
            "errors": self.errors,
            "edits": sum(self.rules.values()),
            "edits_per_rule": dict(self.rules.most_common()),
            "notices_per_rule": dict(self.notices.most_common()),
            "duplicates_removed": self.duplicates_removed,
            "encodings": dict(sorted(self.encodings.items())),
        }
