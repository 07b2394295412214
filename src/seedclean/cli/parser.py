"""The argument parser: subcommands, options shared by all of them, and help texts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from seedclean.config import DedupConfig
from seedclean.settings import KEYS, Settings

__all__ = ["build_parser", "cli_values"]

# Defaults named in the help texts, taken from the classes that apply them.
_SETTINGS = Settings()
_DEDUP = DedupConfig()

_DESCRIPTION = """\
Clean Chinese text extracted from scanned or PDF newspaper pages.

Every change is an edit with a rule id, a place, and the text before and after.
Files are read as UTF-8, UTF-16 (with BOM) or GB2312/GBK/GB18030 and written as
UTF-8; files that cannot be read with confidence are skipped and named.

exit codes: 0 nothing to do or done, 1 changes or duplicates found (check,
--check, --diff, dedup), 2 usage, configuration or input errors."""

_EPILOG = """\
examples:
  seedclean clean seeds --out cleaned       clean a folder into a mirror folder
  seedclean clean --in-place page.txt       rewrite files atomically
  seedclean check seeds --statistics        what clean would change, per rule
  seedclean dedup corpus/                   near-duplicate paragraphs across files
  cat page.txt | seedclean clean -          stdin to stdout
settings: [tool.seedclean] in pyproject.toml, or --config FILE (docs/cli.md)."""


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    opts = common.add_argument_group("rules and settings")
    opts.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (TOML; default: the nearest pyproject.toml with [tool.seedclean])",
    )
    opts.add_argument("--isolated", action="store_true", help="ignore all settings files")
    opts.add_argument(
        "--select",
        metavar="IDS",
        help="comma-separated rule ids or steps "
        "(normalize, linebreaks, dedup) to run instead of the defaults",
    )
    opts.add_argument("--extend-select", metavar="IDS", help="rules to add to the selection")
    opts.add_argument("--ignore", metavar="IDS", help="rules or steps to switch off")
    opts.add_argument(
        "--include",
        metavar="GLOBS",
        help=f"files to pick up in folders (default: {','.join(_SETTINGS.include)})",
    )
    opts.add_argument(
        "--exclude",
        metavar="GLOBS",
        help="files and folders to leave out (replaces the default list: .git, node_modules, "
        "venv, build, dist, ...)",
    )
    opts.add_argument(
        "--extend-exclude", metavar="GLOBS", help="more files and folders to leave out"
    )
    opts.add_argument(
        "--keep-markdown-breaks",
        action="store_true",
        default=None,
        help="keep exactly two trailing spaces (a Markdown hard line break)",
    )
    opts.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="walk into what .gitignore files ignore",
    )
    opts.add_argument(
        "--threshold",
        type=float,
        metavar="X",
        help=f"similarity for near duplicates (0-1, default {_DEDUP.threshold})",
    )
    opts.add_argument(
        "--min-chars",
        type=int,
        metavar="N",
        help=f"shortest paragraph compared for duplicates (default {_DEDUP.min_chars})",
    )
    opts.add_argument(
        "--field",
        action="append",
        metavar="NAME",
        help="text field of JSON/JSONL records or column of CSV/TSV files to clean "
        f"(repeatable; default: {','.join(_SETTINGS.fields)}); other fields are left as they are",
    )
    opts.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of stdin's contents ('-'), which decides its format "
        "(e.g. data.jsonl); default: JSON is recognized, anything else is prose",
    )
    opts.add_argument(
        "--max-file-size",
        metavar="SIZE",
        help=f"skip larger files (default {_SETTINGS.max_file_size // 2**20}MiB)",
    )
    opts.add_argument(
        "--time-budget",
        type=float,
        metavar="SECONDS",
        help="skip a file whose cleaning takes more CPU time (default 120; 0: no limit)",
    )
    opts.add_argument(
        "--encoding",
        metavar="NAME",
        help="read every file with this encoding (big5, gb18030, ...) instead of detecting it",
    )
    opts.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="worker processes (default: all cores; output is identical)",
    )
    opts.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no per-file lines or summary (errors are still printed)",
    )
    return common


def _add_paths(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (folders are walked); - reads stdin",
    )


OUTPUT_FORMATS = ("text", "json", "json-lines", "github", "sarif")


def _add_output_format(sub: argparse.ArgumentParser, *, alias: bool) -> None:
    names = ("--output-format", "--format") if alias else ("--output-format",)
    sub.add_argument(
        *names,
        dest="output_format",
        choices=OUTPUT_FORMATS,
        default="text",
        help="findings on stdout as text (default), one JSON document, JSON Lines, "
        "GitHub Actions annotations or SARIF 2.1.0 (--format: the same option)",
    )


def _add_reports(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--diff",
        action="store_true",
        help="print a diff of what would change (changed characters marked); write nothing",
    )
    sub.add_argument(
        "--diff-style",
        choices=("chars", "patch"),
        default="chars",
        help="chars: changed characters marked inside lines (default); "
        "patch: a unified diff that patch and git apply take",
    )
    sub.add_argument("--report", metavar="FILE.json", help="write every edit of every file as JSON")
    sub.add_argument(
        "--html-report",
        metavar="FILE",
        help="write a review page (FILE, with one page per changed file beside it)",
    )


def _add_engine(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help='where to run: this machine, or a Dask cluster (pip install "seedclean[dask]")',
    )
    sub.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); default: start a local cluster",
    )


class _Version(argparse.Action):
    """``--version``: names the build, which is looked up only when asked (not on every run)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show program's version number and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from seedclean import __version__
        from seedclean._build import build_name

        print(f"seedclean {__version__} ({build_name()})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The ``seedclean`` parser with its subcommands."""
    parser = argparse.ArgumentParser(
        prog="seedclean",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, dest=argparse.SUPPRESS)
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = _common()
    fmt = argparse.RawDescriptionHelpFormatter

    clean = subs.add_parser(
        "clean",
        parents=[common],
        formatter_class=fmt,
        help="clean files (every default step)",
        description="Clean files with every default step (normalize, repair line breaks, "
        "remove repeated paragraphs). Choose where results go: --out DIR, --in-place, or "
        "only look with --check / --diff. '-' cleans stdin to stdout.",
    )
    _add_paths(clean)
    where = clean.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--out",
        metavar="DIR",
        help="write cleaned copies here, mirroring paths below each folder argument",
    )
    where.add_argument(
        "-i",
        "--in-place",
        action="store_true",
        help="rewrite files atomically (mode kept; symlinks skipped)",
    )
    clean.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any file would change"
    )
    clean.add_argument(
        "--keep-encoding",
        action="store_true",
        default=None,
        help="write files in the encoding they were read in (default UTF-8)",
    )
    _add_output_format(clean, alias=False)
    _add_reports(clean)
    _add_engine(clean)

    check = subs.add_parser(
        "check",
        parents=[common],
        formatter_class=fmt,
        help="list what clean would change",
        description="List what clean would change, one line per edit: "
        "path:line:col: rule-id old → new. Exit 1 if anything would change.",
    )
    _add_paths(check)
    check.add_argument("--statistics", action="store_true", help="count edits per rule instead")
    _add_output_format(check, alias=True)
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even if changes found")
    check.add_argument(
        "--keep-encoding",
        action="store_true",
        default=None,
        help="do not count re-encoding to UTF-8 as a change",
    )
    _add_reports(check)

    dedup = subs.add_parser(
        "dedup",
        parents=[common],
        formatter_class=fmt,
        help="find duplicate paragraphs across files",
        description="Find exact and near-duplicate paragraphs within and across files. "
        "With --index DIR, compare the given files with a persistent index instead of "
        "re-reading the corpus (the pre-commit case).",
    )
    _add_paths(dedup)
    _add_output_format(dedup, alias=True)
    dedup.add_argument(
        "--index",
        metavar="DIR",
        nargs="?",
        const="",
        help="compare with the index in DIR (bare --index: the index setting, else "
        ".seedclean/ in the corpus root) as well as among the given files; a bare "
        "--index goes after the paths, or it takes the first path as DIR",
    )
    dedup.add_argument(
        "--update-index",
        action="store_true",
        help="record the given files in the index (created if missing; parallel runs wait "
        "for each other)",
    )
    dedup.add_argument(
        "--rebuild",
        action="store_true",
        help="discard the index (e.g. damaged) and build it anew from the given files; "
        "implies --update-index",
    )
    dedup.add_argument(
        "--remove",
        action="store_true",
        help="remove the later copies from the files (atomic rewrite)",
    )
    dedup.add_argument("--exit-zero", action="store_true", help="exit 0 even if duplicates found")
    dedup.add_argument(
        "--order",
        choices=("git", "paths"),
        help="which copy is kept: the first in git history (default; as given outside a "
        "repository) or the first as given",
    )
    dedup.add_argument(
        "--html-report", metavar="FILE", help="review page of the removals (--remove)"
    )
    dedup.add_argument(
        "--low-memory",
        action="store_true",
        help="spill paragraph data to a temporary directory and read back only files with "
        "candidates (automatic above 64 MB of input; same report)",
    )
    _add_engine(dedup)

    index = subs.add_parser(
        "index",
        parents=[common],
        formatter_class=fmt,
        help="check the persistent duplicate index",
        description="seedclean index verify [DIR]: check the duplicate index in DIR (default: "
        "the index setting, else .seedclean/): database integrity, segment checksums, and "
        "whether indexed files changed since indexing. Exit 0: intact; 1: damaged or stale; "
        "2: no index.",
    )
    index.add_argument("action", choices=("verify",), help="what to do")
    index.add_argument("directory", nargs="?", metavar="DIR", help="the index folder")
    index.add_argument("--no-files", action="store_true", help="do not read the indexed files back")

    rules = subs.add_parser(
        "rules",
        formatter_class=fmt,
        help="list rule ids",
        description="List every rule: id, step, default on/off, summary.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def cli_values(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line, as raw file-style values (``None``: not given)."""
    raw: dict[str, Any] = {}
    for key in KEYS:
        dest = key.replace("-", "_")
        raw[key] = getattr(args, dest, None)
    if raw.get("index") == "":  # a bare --index: the index setting, else the default folder
        raw["index"] = None
    if raw.get("index"):  # relative to where the command runs, not to the settings file
        raw["index"] = str(Path(raw["index"]).absolute())
    return raw
