"""Command-line settings from ``[tool.seedclean]`` (or ``--config FILE``), merged with flags.

Precedence is command line, then file, then defaults, key by key: a flag given
on the command line replaces the file's value for that key.  ``--config FILE``
(keys at top level or under ``[tool.seedclean]``) applies to every input;
otherwise each input uses the nearest ``pyproject.toml`` with a
``[tool.seedclean]`` table above it, as ruff and black do (:class:`PerInput`:
a path argument is walked with its folder's settings, each file is cleaned with
the settings nearest to it, stdin with the current folder's).  A
``pyproject.toml`` on the way up that is not valid TOML is an error, never
skipped.  Keys are the long option
names (``min-chars``, ``extend-select``); an unknown key is an error that names
it, so a typo never silently does nothing.

>>> values = validate({"select": "normalize,linebreaks", "threshold": 0.8}, "example")
>>> merge(values, {"threshold": 0.95}).threshold
0.95
>>> merge(values, {}).select
('normalize', 'linebreaks')
>>> validate({"treshold": 0.8}, "example")
Traceback (most recent call last):
...
seedclean.settings.SettingsError: example: unknown key 'treshold'; valid keys: ...
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seedclean.config import CleanConfig, DedupConfig, NormalizeConfig
from seedclean.files.atomic import DEFAULT_MAX_FILE_SIZE
from seedclean.files.walking import DEFAULT_EXCLUDE, Target, collect_targets

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "PerInput",
    "Settings",
    "SettingsError",
    "collect_per_input",
    "differing",
    "discover",
    "find_config",
    "load",
    "merge",
]

#: CPU seconds one file may take before it is skipped (0: no limit).
DEFAULT_TIME_BUDGET = 120.0
DEFAULT_INDEX = ".seedclean"


class SettingsError(ValueError):
    """A configuration problem (bad file, unknown key, bad value); the CLI exits 2."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the command line can be told, after merging file and flags.

    Attributes:
        select: rule ids or step names to run (``None``: the defaults).
        extend_select: rules added to the selection.
        ignore: rule ids or step names switched off.
        include: globs of files picked up when walking folders.
        exclude: globs of files and folders never walked into (default
            :data:`~seedclean.files.walking.DEFAULT_EXCLUDE`; setting it replaces that list).
        extend_exclude: globs added to ``exclude``.
        respect_gitignore: folder walks skip what ``.gitignore`` files ignore.
        threshold: similarity at which paragraphs count as near duplicates.
        min_chars: paragraphs shorter than this are never compared.
        numbers_must_agree: near duplicates and fragments must agree on their numbers.
        names_must_agree: near duplicates and fragments must not differ by a replaced name.
        index: folder of the persistent duplicate index.
        jobs: worker processes (``None``: all cores).
        max_file_size: larger files are skipped, in bytes.
        time_budget: CPU seconds cleaning one file may take; a file that needs
            more is skipped and left untouched (0: no limit).
        keep_encoding: write files back in the encoding they were read in.
        keep_markdown_breaks: ``space-trailing`` keeps exactly two trailing spaces
            (a Markdown hard line break).
        fields: text fields (JSON records) or columns (CSV/TSV) that are cleaned.
        encoding: read every file with this codec instead of detecting one.
        order: which copy of a duplicate ``dedup`` keeps, the first in this order:
            ``"git"`` (oldest in git history first; as given outside a repository),
            ``"paths"`` (as given, folders walked in sorted order) or globs
            (files matching the first glob first, and so on; the rest last).
        root: folder relative paths in the settings file are resolved against.
        source: the file the settings came from ("" when only defaults).
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.txt", "*.md")
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    threshold: float | None = None
    min_chars: int | None = None
    numbers_must_agree: bool | None = None
    names_must_agree: bool | None = None
    index: str | None = None
    jobs: int | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    time_budget: float = DEFAULT_TIME_BUDGET
    keep_encoding: bool = False
    keep_markdown_breaks: bool = False
    fields: tuple[str, ...] = ("text",)
    encoding: str | None = None
    order: str | tuple[str, ...] = "git"
    root: str = "."
    source: str = ""

    def dedup_config(self) -> DedupConfig:
        """The duplicate settings, library defaults where nothing was set."""
        changes: dict[str, Any] = {}
        if self.threshold is not None:
            changes["threshold"] = self.threshold
        if self.min_chars is not None:
            changes["min_chars"] = self.min_chars
        if self.numbers_must_agree is not None:
            changes["numbers_must_agree"] = self.numbers_must_agree
        if self.names_must_agree is not None:
            changes["names_must_agree"] = self.names_must_agree
        return dataclasses.replace(DedupConfig(), **changes)

    def clean_config(self) -> CleanConfig:
        """The library configuration (raises ``UnknownRuleError`` for bad ids)."""
        return CleanConfig(
            select=None if self.select is None else frozenset(self.select),
            extend_select=frozenset(self.extend_select),
            ignore=frozenset(self.ignore),
            normalize=NormalizeConfig(keep_markdown_breaks=self.keep_markdown_breaks),
            dedup=self.dedup_config(),
        )

    def collect(self, paths: Sequence[str]) -> tuple[list[Target], list[tuple[str, str]]]:
        """The files ``paths`` name or hold, as these settings select them (``collect_targets``)."""
        return collect_targets(
            paths,
            self.include,
            (*self.exclude, *self.extend_exclude),
            respect_gitignore=self.respect_gitignore,
        )

    def index_dir(self) -> Path:
        """Where the persistent duplicate index lives."""
        return Path(self.root) / (self.index or DEFAULT_INDEX)


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings or a comma-separated string")
    return tuple(v.strip() for v in value if v.strip())


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise TypeError("expected a number greater than 0 and at most 1")
    return float(value)


def _count(minimum: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise TypeError(f"expected a whole number of at least {minimum}")
        return value

    return convert


_SIZE = re.compile(r"(\d+)\s*([kmg]i?b?)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


_MAX_SIZE = 1024**4  # 1 TiB: far past any page, and small enough to read() with


def _size(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        size = value
    else:
        match = _SIZE.fullmatch(value.strip()) if isinstance(value, str) else None
        if match is None or int(match.group(1)) == 0:
            raise TypeError("expected a size in bytes such as 67108864 or '64MiB'")
        size = int(match.group(1)) * _UNITS[(match.group(2) or "")[:1].lower()]
    if size > _MAX_SIZE:
        raise TypeError("expected a size of at most 1TiB")
    return size


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e9:
        raise TypeError("expected a number of seconds (0: no limit)")
    return float(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _codec(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected an encoding name such as 'big5' or 'gb18030'")
    try:
        codecs.lookup(value)
    except LookupError:
        raise TypeError(f"unknown encoding {value!r}") from None
    return value


def _order(value: Any) -> str | tuple[str, ...]:
    if value in ("git", "paths"):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise TypeError('expected "git", "paths" or a list of globs')


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected a non-empty string")
    return value


# file key -> (Settings attribute, converter)
KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _names),
    "extend-select": ("extend_select", _names),
    "ignore": ("ignore", _names),
    "include": ("include", _names),
    "exclude": ("exclude", _names),
    "extend-exclude": ("extend_exclude", _names),
    "respect-gitignore": ("respect_gitignore", _flag),
    "threshold": ("threshold", _fraction),
    "min-chars": ("min_chars", _count(DedupConfig().ngram)),  # shorter than one n-gram: no key
    "numbers-must-agree": ("numbers_must_agree", _flag),
    "names-must-agree": ("names_must_agree", _flag),
    "index": ("index", _text),
    "jobs": ("jobs", _count(1)),
    "max-file-size": ("max_file_size", _size),
    "time-budget": ("time_budget", _seconds),
    "keep-encoding": ("keep_encoding", _flag),
    "keep-markdown-breaks": ("keep_markdown_breaks", _flag),
    "field": ("fields", _names),
    "encoding": ("encoding", _codec),
    "order": ("order", _order),
}


def validate(table: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check a ``[tool.seedclean]`` table and convert it to ``Settings`` attributes.

    Raises:
        SettingsError: naming the unknown key or the key with a bad value.
    """
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in KEYS:
            valid = ", ".join(KEYS)
            raise SettingsError(f"{where}: unknown key {key!r}; valid keys: {valid}")
        attr, convert = KEYS[key]
        try:
            values[attr] = convert(raw)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"{where}: bad value for {key!r}: {exc}") from None
    return values


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a settings file is there to read

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not valid TOML: not UTF-8 text") from None
    except RecursionError:
        raise SettingsError(f"{path}: not valid TOML: nested too deeply") from None


def find_config(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.seedclean]`` table.

    Raises:
        SettingsError: a ``pyproject.toml`` on the way is not valid TOML (it may
            hold the settings; skipping it would silently run with others).
    """
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            data = _read_toml(candidate)
            if isinstance(data.get("tool"), dict) and "seedclean" in data["tool"]:
                return candidate
    return None


def _start(raw: str, cwd: Path) -> Path:
    """Where the settings search starts for one path argument: the folder, or the file's."""
    path = cwd / raw
    return path if path.is_dir() else path.parent


def discover(paths: Sequence[str], cwd: Path) -> Path | None:
    """The settings file of the inputs: the nearest one upward from each path argument.

    ``-`` (stdin) and an empty ``paths`` search from ``cwd``.

    Raises:
        SettingsError: the inputs fall under different settings files (or some
            under one and some under none), or a ``pyproject.toml`` is not valid TOML.
    """
    starts = {_start(raw, cwd) if raw != "-" else cwd for raw in paths} or {cwd}
    found: dict[Path | None, str] = {}
    for start in sorted(starts):
        config = find_config(start.absolute())
        found.setdefault(config, str(start))
    if len(found) > 1:
        named = "; ".join(
            f"{config if config else 'no settings file'} (for {start})"
            for config, start in found.items()
        )
        raise SettingsError(
            f"the inputs fall under different settings files: {named}; run seedclean once "
            "per project, or choose the settings with --config FILE (or --isolated)"
        )
    return next(iter(found))


def load(
    config: str | None, cwd: Path, *, isolated: bool = False, paths: Sequence[str] = ()
) -> dict[str, Any]:
    """Read the settings file (``config`` or the one :func:`discover` finds) into values.

    The result includes ``root`` and ``source`` so relative paths in the file
    resolve against the file's folder.
    """
    if isolated:
        return {"root": str(cwd)}
    path = Path(config) if config else discover(paths, cwd)
    if path is None:
        return {"root": str(cwd)}
    data = _read_toml(path)
    tool = data.get("tool")
    if isinstance(tool, dict) and "seedclean" in tool:
        table, where = tool["seedclean"], f"{path} [tool.seedclean]"
    elif config and path.name != "pyproject.toml":
        table, where = data, str(path)
    else:
        table, where = {}, str(path)
    if not isinstance(table, dict):
        raise SettingsError(f"{where}: expected a table")
    values = validate(table, where)
    values.update(root=str(path.resolve().parent), source=str(path))
    return values


def merge(file_values: Mapping[str, Any], cli_values: Mapping[str, Any]) -> Settings:
    """Build :class:`Settings`: command-line values win, then the file, then defaults.

    ``cli_values`` holds only the options actually given (``None`` means not given).
    """
    chosen = {**file_values, **{k: v for k, v in cli_values.items() if v is not None}}
    return Settings(**chosen)


class PerInput:
    """The settings of each input, found as ruff and black find them.

    Each file uses the nearest settings file above it (a ``pyproject.toml``
    with a ``[tool.seedclean]`` table), command-line values over it, key by
    key; ``--config FILE`` or ``--isolated`` fix one set of settings for every
    input.  Each settings file is read once, each folder searched once.

    Raises (from its methods):
        SettingsError: a settings file is broken, or a ``pyproject.toml`` on
            the way up is not valid TOML.
    """

    def __init__(
        self,
        cli_values: Mapping[str, Any],
        cwd: Path,
        *,
        config: str | None = None,
        isolated: bool = False,
    ) -> None:
        self._cli = dict(cli_values)
        self._cwd = cwd
        self._fixed: Settings | None = None
        if config or isolated:
            self._fixed = merge(load(config, cwd, isolated=isolated), self._cli)
        self._by_file: dict[Path | None, Settings] = {}
        self._by_folder: dict[Path, Path | None] = {}

    def of_folder(self, folder: Path) -> Settings:
        """The settings of the files in ``folder``."""
        if self._fixed is not None:
            return self._fixed
        folder = (self._cwd / folder).absolute()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        config = self._by_folder[folder]
        if config not in self._by_file:
            values = load(str(config), self._cwd) if config else {"root": str(self._cwd)}
            self._by_file[config] = merge(values, self._cli)
        return self._by_file[config]

    def of_argument(self, raw: str) -> Settings:
        """The settings a path argument is walked with (its folder's; ``-``: the current one)."""
        return self.of_folder(self._cwd if raw == "-" else _start(raw, self._cwd))

    def used(self) -> list[Settings]:
        """The distinct settings handed out so far, in the order they were first found."""
        return [self._fixed] if self._fixed is not None else list(self._by_file.values())


def differing(primary: Settings, others: Sequence[Settings], keys: Sequence[str]) -> list[str]:
    """The file keys (``threshold``, ``min-chars``, ...) among ``keys`` whose values in
    ``others`` differ from ``primary``'s."""
    names = {attr: key for key, (attr, _) in KEYS.items()}
    return [
        names[attr]
        for attr in keys
        if any(getattr(other, attr) != getattr(primary, attr) for other in others)
    ]


def collect_per_input(
    paths: Sequence[str], inputs: PerInput
) -> tuple[list[Target], list[tuple[str, str]]]:
    """The files ``paths`` name or hold, each argument walked with its own settings
    (``include``, ``exclude``, ...); a file reached twice is listed once."""
    groups: list[tuple[Settings, list[str]]] = []
    for raw in paths:
        each = inputs.of_argument(raw)
        if groups and groups[-1][0] is each:
            groups[-1][1].append(raw)
        else:
            groups.append((each, [raw]))
    targets: list[Target] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for each, group in groups:
        found, trouble = each.collect(group)
        for target in found:
            if target.display not in seen:
                seen.add(target.display)
                targets.append(target)
        problems.extend(trouble)
    return targets, problems
