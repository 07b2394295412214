"""The ``seedclean`` command: parse, read, call the library, write.

``main(argv) -> int`` never lets a traceback reach the user: usage and
configuration problems exit 2 with a one-line message, bad files are skipped
with a message, and an unexpected error prints one line (set
``SEEDCLEAN_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _dispatch(argv: Sequence[str] | None) -> int:
    from pathlib import Path

    from seedclean.cli.parser import build_parser, cli_values
    from seedclean.rules import UnknownRuleError
    from seedclean.settings import PerInput, SettingsError, validate

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "rules":
        from seedclean.cli.rules_cmd import run_rules

        return run_rules(args)
    try:
        paths = getattr(args, "paths", None) or ()
        given = {k: v for k, v in cli_values(args).items() if v is not None}
        inputs = PerInput(
            validate(given, "command line"), Path.cwd(), config=args.config, isolated=args.isolated
        )
        # each path argument's settings, read before any file is (a broken one is exit 2)
        found = [inputs.of_argument(raw) for raw in paths] or [inputs.of_folder(Path.cwd())]
        settings = found[0]
        for each in inputs.used():
            each.clean_config()  # unknown rule ids are usage errors, before any file is read
    except (SettingsError, UnknownRuleError) as exc:
        print(f"seedclean: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "dedup":
        from seedclean.cli.dedup_cmd import run_dedup

        return run_dedup(args, settings, inputs)
    if args.command == "index":
        from seedclean.cli.index_cmd import run_index

        return run_index(args, settings)
    from seedclean.cli.clean_cmd import run_check, run_clean

    if args.command == "check":
        return run_check(args, settings, inputs)
    return run_clean(args, settings, inputs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``seedclean`` with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    from seedclean.cli.signals import interrupted_code, interrupted_word, terminate_as_interrupt

    try:
        with terminate_as_interrupt():
            return _dispatch(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BrokenPipeError:  # `seedclean check . | head`; before ConnectionError, its base
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except ConnectionError as exc:  # seedclean.distributed.engine.SchedulerError
        print(f"seedclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (cli/signals.py)
        print(f"seedclean: {interrupted_word(exc)}", file=sys.stderr)
        return interrupted_code(exc)
    except Exception as exc:
        if os.environ.get("SEEDCLEAN_DEBUG"):
            raise
        print(
            f"seedclean: internal error: {type(exc).__name__}: {exc} "
            "(set SEEDCLEAN_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 2
