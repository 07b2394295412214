"""One file through the library: read, decode, clean, encode, maybe write.

This is the work a worker process does for each file; it never raises for a
bad file (the outcome says what happened) and it leaves the original
byte-identical whenever it does not rewrite it successfully.

Symlinks: read through them, but ``--in-place`` does not rewrite a symlink (it
would either replace the link by a regular file or write outside the folder
being cleaned); it is skipped with a message and its target is cleaned when
it is itself among the inputs.  ``--out`` writes a regular file.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from seedclean.config import CleanConfig
from seedclean.edits import Explained
from seedclean.files import (
    DEFAULT_MAX_FILE_SIZE,
    SkipFileError,
    Snapshot,
    Target,
    decode_bytes,
    encode_text,
    read_snapshot,
    write_atomic,
)
from seedclean.formats import DEFAULT_FIELDS, check_kind, clean_structured, kind_of, sniff_kind
from seedclean.pipeline import clean_and_explain
from seedclean.report.records import FileResult

__all__ = ["Plan", "clean_bytes", "process_file"]


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do with each file (sent to every worker; must stay picklable).

    Attributes:
        config: the library configuration.
        write: ``none`` (report only), ``in-place`` or ``out``.
        out_dir: the mirror folder for ``out``.
        keep_encoding: write in the encoding the file was read in (else UTF-8).
        max_file_size: larger files are skipped.
        time_budget: CPU seconds cleaning one file may take (0: no limit).
        keep_texts: return the texts and the edits (needed by check lines, diffs and
            reports); without it a result holds the edits' counts per rule.
        fields: text fields (JSON) or columns (CSV/TSV) cleaned in record files.
        encoding: read every file with this codec instead of detecting (``--encoding``).
    """

    config: CleanConfig
    write: str = "none"
    out_dir: str = ""
    keep_encoding: bool = False
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    time_budget: float = 0.0
    keep_texts: bool = False
    fields: tuple[str, ...] = DEFAULT_FIELDS
    encoding: str | None = None


def _skipped(display: str, skip: SkipFileError) -> FileResult:
    return FileResult(
        display, "skipped", skip_kind=skip.kind, message=skip.reason, error=skip.error
    )


class _OverBudget(BaseException):
    """Raised by the budget's timer (not an ``Exception``, so nothing in the library catches it)."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise _OverBudget


@contextlib.contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`_OverBudget` after ``seconds`` of this process's CPU time.

    A timer signal (``ITIMER_VIRTUAL``): the regex engine and the interpreter
    check for it, so even a slow regex is interrupted.  Only in the main thread
    of a process with timers (POSIX); elsewhere, and with ``seconds <= 0``, no limit.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def clean_bytes(
    plan: Plan, data: bytes, display: str, name: str | None = None
) -> tuple[FileResult, bytes]:
    """Clean file contents; return the outcome and the bytes to write.

    ``name`` (default ``display``) decides the format (:func:`seedclean.formats.kind_of`);
    stdin without a name is sniffed.

    Raises:
        SkipFileError: when the bytes cannot be decoded with confidence, the
            file is a structured format that is not prose, or a record file is
            invalid or lacks the text fields, or cleaning takes more than
            ``plan.time_budget`` seconds of CPU time.
    """
    name = display if name is None else name
    kind = kind_of(name) if name != "-" else "text"
    check_kind(kind, name)
    if not data:
        return FileResult(display, "unchanged", message="empty file"), data
    decoded = decode_bytes(data, plan.encoding)
    if name == "-":
        kind = sniff_kind(decoded.text)
    notes: list[str] = []
    try:
        with _budget(plan.time_budget):
            if kind == "text":
                result = clean_and_explain(decoded.text, plan.config)
            else:
                records = clean_structured(decoded.text, kind, plan.fields, plan.config)
                result = Explained(records.text, records.edits, records.notices)
                notes.append(f"{kind}: {records.cells} text fields in {records.records} records")
    except _OverBudget:
        raise SkipFileError(
            "over-budget",
            f"not cleaned: needs more than {plan.time_budget:g} s of CPU time "
            "(--time-budget); file untouched",
        ) from None
    out_encoding = decoded.encoding if plan.keep_encoding else "utf-8"
    new = encode_text(result.text, out_encoding)
    status = "changed" if new != data else "unchanged"
    if decoded.encoding != out_encoding:
        notes.append(f"read as {decoded.encoding}, written as {out_encoding}")
    message = "; ".join(notes)
    outcome = FileResult(
        display,
        status,
        decoded.encoding,
        out_encoding,
        result.edits,
        result.notices,
        decoded.text if plan.keep_texts else "",
        result.text if plan.keep_texts else "",
        message=message,
    )
    # nothing prints or reports the edits themselves: send their counts per rule
    return (outcome if plan.keep_texts else outcome.counted()), new


def _write(plan: Plan, target: Target, outcome: FileResult, new: bytes, snap: Snapshot) -> bool:
    if plan.write == "in-place" and outcome.status == "changed":
        write_atomic(target.path, new, mode=snap.mode, expected=snap)
        return True
    if plan.write == "out":
        dest = Path(plan.out_dir) / target.relative
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SkipFileError(
                "unwritable", f"cannot create {dest.parent}: {exc.strerror}"
            ) from exc
        write_atomic(dest, new, mode=snap.mode, durable=False)  # the input is the backup
        return True
    return False


def process_file(plan: Plan, target: Target) -> FileResult:
    """Process one file; never raises for bad input (the result says why it was skipped)."""
    display = target.display
    try:
        if plan.write == "in-place" and target.path.is_symlink():
            raise SkipFileError("symlink", "symlink; not rewritten in place", error=False)
        snap = read_snapshot(target.path, plan.max_file_size)
        outcome, new = clean_bytes(plan, snap.data, display)
        written = _write(plan, target, outcome, new, snap)
        return outcome._replace(written=written)
    except SkipFileError as skip:
        return _skipped(display, skip)
    except Exception as exc:  # a library bug must not stop the run or touch the file
        reason = f"internal error while cleaning ({type(exc).__name__}: {exc}); file untouched"
        return _skipped(display, SkipFileError("internal", reason))
