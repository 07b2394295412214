"""``seedclean clean`` and ``seedclean check``: the same run, different output.

``clean`` writes (``--out``/``--in-place``) or only looks (``--check``,
``--diff``); ``check`` always only looks and prints one line per edit.  Data
(diffs, check lines, JSON) goes to stdout; per-file status lines, skips and the
summary go to stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from seedclean.cli.guards import (
    mark_out_folder,
    out_problems,
    report_out_problems,
    report_problems,
    root_of,
)
from seedclean.cli.progress import Progress, wanted
from seedclean.cli.runner import default_jobs, run_files
from seedclean.cli.signals import interrupted_code, interrupted_word
from seedclean.files import SkipFileError, Target
from seedclean.files.atomic import remove_stale_temp
from seedclean.files.names import shown
from seedclean.files.walking import unmatched_suffixes
from seedclean.process import Plan, clean_bytes
from seedclean.report.records import FileResult, edit_lines
from seedclean.report.summary import Summary
from seedclean.report.terminal import colour_wanted, paint
from seedclean.rules import UnknownRuleError
from seedclean.settings import PerInput, Settings, SettingsError, collect_per_input

__all__ = ["run_check", "run_clean"]


class _Sink(Protocol):
    def add(self, result: FileResult) -> None: ...
    def finish(self, summary: Summary) -> None: ...
    def discard(self) -> None: ...


def _err(line: str) -> None:
    print(shown(line), file=sys.stderr)  # a file name that is not UTF-8 shows as \xNN


def _status_line(result: FileResult, dry_run: bool) -> str | None:
    if result.status == "skipped":
        return f"{result.display}: skipped: {result.message}"
    if result.status != "changed":
        return None
    verb = "would clean" if dry_run else "cleaned"
    edits = result.edit_total()
    detail = f"{edits} edit{'s' * (edits != 1)}"
    if result.message:
        detail += f"; {result.message}"
    return f"{verb} {result.display} ({detail})"


def _reports(args: argparse.Namespace) -> list[_Sink]:
    # the report writers (and the review page's modules) load only when a report is asked for
    sinks: list[_Sink] = []
    opening = ""
    try:
        if getattr(args, "report", None):
            from seedclean.report.jsonreport import JsonReport

            opening = args.report
            sinks.append(JsonReport(Path(opening)))
        if getattr(args, "html_report", None):
            from seedclean.report.html import HtmlReport

            opening = args.html_report
            sinks.append(HtmlReport(Path(opening)))
    except OSError as exc:
        for sink in sinks:
            sink.discard()
        raise ReportOpenError(exc, opening) from exc
    return sinks


class ReportOpenError(Exception):
    """A report file could not be opened for writing (``cannot write report X: reason``)."""

    def __init__(self, exc: OSError, path: str) -> None:
        super().__init__(f"cannot write report {shown(path)}: {exc.strerror or exc}")


def stdout_output(fmt: str) -> _Sink | None:
    """The writer of ``--output-format FMT`` on stdout (``None`` for text)."""
    if fmt == "text":
        return None
    if fmt == "json":
        from seedclean.report.jsonreport import JsonReport

        return JsonReport(stream=sys.stdout)
    from seedclean.report.ci import GithubOutput, JsonLinesOutput, SarifOutput

    if fmt == "json-lines":
        return JsonLinesOutput()
    if fmt == "github":
        return GithubOutput()
    if fmt == "sarif":
        return SarifOutput()
    return None


def _diff_lines(args: argparse.Namespace, result: FileResult, colour: bool) -> list[str]:
    if result.status == "skipped":
        return []
    from seedclean.report.diff import char_diff, unified_diff  # only with --diff

    name = shown(result.display)  # stdout is UTF-8: \xNN for bytes of a name that are not
    if args.diff_style == "patch":
        return unified_diff(name, result.source, result.text, colour=colour)
    return char_diff(name, result.source, result.text, result.edits, colour=colour)


def _paint_check(line: str, display: str) -> str:
    """A check line with its place in bold and its rule id in colour."""
    rest = line[len(display) + 1 :]
    place, _, finding = rest.partition(": ")
    rule, _, detail = finding.partition(" ")
    style = "cyan" if "(notice" in detail else "red"
    return f"{paint(display + ':' + place, 'bold', True)}: {paint(rule, style, True)} {detail}"


def _targets(
    args: argparse.Namespace, settings: Settings, summary: Summary, inputs: PerInput | None
) -> tuple[list[Target], list[Target]]:
    """The files to clean, and the files found inside ``--out`` (not inputs: see below)."""
    if inputs is None:
        targets, problems = settings.collect(args.paths)
    else:  # each path argument walked with its own settings
        targets, problems = collect_per_input(args.paths, inputs)
    for path, problem in problems:
        _err(f"{path}: error: {problem}")
        summary.add(FileResult(path, "skipped", skip_kind="not-found", message=problem, error=True))
    folders = [p for p in args.paths if p != "-" and Path(p).is_dir()]
    if not targets and folders:
        suffixes = unmatched_suffixes(folders, settings.include)
        if suffixes:
            shown_suffixes = ", ".join(suffixes[:4])
            _err(
                f"seedclean: hint: no file matched include ({', '.join(settings.include)}); "
                f"the folders hold {shown_suffixes} files "
                f"(--include '*{suffixes[0]}' picks them up)"
            )
    out = getattr(args, "out", None)
    if not out:
        return targets, []
    # never clean the output folder's own files (a second run into the same place); a root
    # inside --out is kept here and refused by out_problems
    out_real = os.path.realpath(out) + os.sep
    inside = [
        t
        for t in targets
        if os.path.realpath(t.path).startswith(out_real)
        and not (os.path.realpath(root_of(t)) + os.sep).startswith(out_real)
    ]
    if inside:
        skipped = {id(t) for t in inside}
        targets = [t for t in targets if id(t) not in skipped]
    return targets, inside


def _refusals(
    args: argparse.Namespace, targets: list[Target], writing: str, inside_out: list[Target]
) -> list[str]:
    """Problems that stop the run before anything is written (docs/safety.md)."""
    reports = [r for r in (getattr(args, "report", None), getattr(args, "html_report", None)) if r]
    problems = report_problems(reports, targets)
    problems += report_out_problems(reports, targets, args.out if writing == "out" else None)
    if writing == "out":
        problems += out_problems(targets, args.out, inside_out)
    return problems


def _stdin(args: argparse.Namespace, plan: Plan, summary: Summary, check: bool) -> int:
    data = sys.stdin.buffer.read()
    try:
        result, new = clean_bytes(plan, data, "-", getattr(args, "stdin_filename", None) or "-")
    except SkipFileError as skip:
        _err(f"-: skipped: {skip.reason}")
        return 2
    summary.add(result)
    colour = colour_wanted(sys.stdout)
    output = stdout_output(args.output_format)
    if args.diff:
        sys.stdout.writelines(_diff_lines(args, result, colour))
    elif output is not None:
        output.add(result)
        output.finish(summary)
    elif check:
        _print_check(args, result, colour)
    elif not args.check:
        sys.stdout.buffer.write(new)
        sys.stdout.flush()
    looking = check or args.check or args.diff
    return 1 if looking and result.status == "changed" else 0


def _print_check(args: argparse.Namespace, result: FileResult, colour: bool = False) -> None:
    if args.statistics or result.status == "skipped":
        return
    in_file_order = sorted(result.edits, key=lambda edit: edit.origin)  # stable: ties keep order
    name = shown(result.display)  # stdout is UTF-8: \xNN for bytes of a name that are not
    lines = edit_lines(name, result.source, in_file_order, result.notices)
    if result.status == "changed" and not result.edits:
        lines.append(f"{name}: would be rewritten ({result.message})")
    for line in lines:
        print(_paint_check(line, name) if colour else line)


def _results(
    args: argparse.Namespace,
    plan: Plan,
    targets: list[Target],
    settings: Settings,
    plans: dict[str, Plan],
) -> Iterator[FileResult]:
    if getattr(args, "engine", "local") == "dask":
        from seedclean.distributed.cli import clean_results

        return clean_results(plan, targets, args.scheduler)
    if not plans:
        return run_files(plan, targets, settings.jobs or default_jobs())
    return run_files(
        plan, targets, settings.jobs or default_jobs(), lambda t: plans.get(t.display, plan)
    )


def _plan(args: argparse.Namespace, settings: Settings, *, check: bool, writing: bool) -> Plan:
    """What to do with each file under ``settings``."""
    return Plan(
        config=settings.clean_config(),
        write=("out" if args.out else "in-place" if args.in_place else "none")
        if writing
        else "none",
        out_dir=args.out or "",
        keep_encoding=settings.keep_encoding,
        max_file_size=settings.max_file_size,
        time_budget=settings.time_budget,
        encoding=settings.encoding,
        keep_texts=check
        or args.diff
        or args.output_format != "text"
        or bool(args.report or args.html_report),
        fields=settings.fields,
    )


def _plans(
    args: argparse.Namespace,
    targets: list[Target],
    settings: Settings,
    inputs: PerInput,
    *,
    check: bool,
    writing: bool,
) -> dict[str, Plan]:
    """Each file's plan when its nearest settings file is not ``settings``' (by display name).

    Raises:
        SettingsError, UnknownRuleError: a settings file found on the way is broken.
    """
    made: dict[int, Plan] = {}
    plans: dict[str, Plan] = {}
    for target in targets:
        own = inputs.of_folder(target.path.parent)
        if own is settings:
            continue
        if id(own) not in made:
            made[id(own)] = _plan(args, own, check=check, writing=writing)
        plans[target.display] = made[id(own)]
    return plans


def _run(
    args: argparse.Namespace, settings: Settings, inputs: PerInput | None, *, check: bool
) -> int:
    writing = not check and not args.check and not args.diff
    if args.output_format != "text" and (args.diff or (writing and args.paths == ["-"])):
        what = "--diff" if args.diff else "clean - (the cleaned text)"
        _err(f"seedclean: {what} uses stdout; it cannot be combined with --output-format")
        return 2
    if writing and not args.out and not args.in_place and args.paths != ["-"]:
        _err(
            "seedclean clean: say where the results go: --out DIR, --in-place, "
            "or only look with --check or --diff"
        )
        return 2
    plan = _plan(args, settings, check=check, writing=writing)
    summary = Summary(dry_run=not writing)
    if args.paths == ["-"]:
        return _stdin(args, plan, summary, check)
    if "-" in args.paths:
        _err("seedclean: '-' (stdin) cannot be mixed with other paths")
        return 2
    if not args.paths:
        _err(f"seedclean {args.command}: no paths given (try: seedclean {args.command} .)")
        return 2
    if getattr(args, "engine", "local") == "dask":
        from seedclean.distributed.cli import engine_problem

        problem = engine_problem(args.engine)
        if problem:
            _err(problem)
            return 2
    targets, inside_out = _targets(args, settings, summary, inputs)
    try:
        plans = (
            {}
            if inputs is None
            else _plans(args, targets, settings, inputs, check=check, writing=writing)
        )
    except (SettingsError, UnknownRuleError) as exc:
        _err(f"seedclean: error: {exc}")
        return 2
    if plans and getattr(args, "engine", "local") == "dask":
        _err(
            "seedclean: error: --engine dask cleans with one settings file, and the inputs fall "
            "under several; run once per project, or choose one with --config FILE"
        )
        return 2
    refusals = _refusals(args, targets, plan.write, inside_out)
    for problem in refusals:
        _err(f"seedclean {args.command}: error: {problem}")
    if refusals:
        _err(f"seedclean {args.command}: nothing written")
        return 2
    if plan.write == "out":
        try:
            mark_out_folder(targets, args.out)
        except OSError as exc:
            _err(f"seedclean {args.command}: error: cannot write in --out {args.out}: {exc}")
            return 2
    if plan.write == "in-place":
        for folder in sorted({t.path.parent for t in targets}):
            for stale in remove_stale_temp(folder):
                _err(f"{stale}: removed a temporary file left by an interrupted run")
    try:
        sinks = _reports(args)
    except ReportOpenError as exc:
        _err(f"seedclean {args.command}: error: {exc}; nothing written")
        return 2
    output = stdout_output(args.output_format)
    if output is not None:
        sinks.append(output)
    colour = colour_wanted(sys.stdout)
    progress = Progress(len(targets), enabled=wanted(sys.stderr, args.quiet))
    try:
        for result in _results(args, plan, targets, settings, plans):
            progress.step()
            summary.add(result)
            line = _status_line(result, plan.write == "none")
            if line and (result.status == "skipped" or not args.quiet):
                progress.clear()
                _err(line)
            if args.diff:
                sys.stdout.writelines(_diff_lines(args, result, colour))
            elif check and output is None:
                _print_check(args, result, colour)
            # report files are UTF-8: a name that is not is written with \xNN escapes
            reported = result._replace(display=shown(result.display))
            for sink in sinks:
                sink.add(result if sink is output else reported)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (cli/signals.py)
        progress.clear()
        for sink in sinks:
            sink.discard()
        _err(
            f"seedclean: {interrupted_word(exc)}; every file is either untouched or "
            "completely rewritten"
        )
        return interrupted_code(exc)
    progress.clear()
    for sink in sinks:
        sink.finish(summary)
    return _finish(args, summary, check=check, dry_run=plan.write == "none")


def _finish(args: argparse.Namespace, summary: Summary, *, check: bool, dry_run: bool) -> int:
    if check and args.statistics and args.output_format == "text":
        for rule, count in summary.rules.most_common():
            print(f"{count:>7}  {rule}")
    if not args.quiet:
        for line in summary.lines():
            _err(line)
    if summary.errors:
        return 2
    found = dry_run and summary.changed > 0
    return 1 if found and not getattr(args, "exit_zero", False) else 0


def run_clean(args: argparse.Namespace, settings: Settings, inputs: PerInput | None = None) -> int:
    """``seedclean clean``; ``inputs``: each file's own settings (else ``settings`` for all)."""
    return _run(args, settings, inputs, check=False)


def run_check(args: argparse.Namespace, settings: Settings, inputs: PerInput | None = None) -> int:
    """``seedclean check``; ``inputs``: each file's own settings (else ``settings`` for all)."""
    args.check = True
    args.out = None
    args.in_place = False
    return _run(args, settings, inputs, check=True)
