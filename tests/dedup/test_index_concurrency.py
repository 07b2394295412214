"""The index shared by real processes: readers during updates, parallel writers, racing creation.

Regression tests for #11 item 7: a reader during an update crashed
(``IndexError``/``FileNotFoundError``), two writers doing small batches lost a
batch, and two first-time ``--update-index`` runs raced ("an index already
exists").  Every process here is a real one (``subprocess``), as pre-commit's
parallel batches are.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from seedclean.dedup import DedupIndex
from tests.conftest import seed_paths

_SETUP = """
import sys, time
from pathlib import Path
from seedclean.dedup import DedupIndex
from seedclean.dedup.index import tiers
tiers.TIER_BASE = 8  # small tiers: every few updates merge segments and delete their sources
directory, root = Path(sys.argv[1]), Path(sys.argv[2])
"""

_WRITER = (
    _SETUP
    + """
with DedupIndex.open(directory, root=root) as index:
    for name in sys.argv[3:]:
        index.update([(name, (root / name).read_text(encoding="utf-8"))])
"""
)

_READER = (
    _SETUP
    + """
stop = Path(sys.argv[3])
texts = [(root / name).read_text(encoding="utf-8") for name in sys.argv[4:]]
queries = found = 0
errors = []
kept = DedupIndex.open(directory, root=root)  # one long-lived reader, refreshed now and then
while not stop.exists():
    try:
        with DedupIndex.open(directory, root=root) as index:  # and a fresh one each round
            for text in texts:
                found += bool(index.query("query.txt", text))
                queries += 1
        getattr(kept, "refresh", lambda: None)()  # (also runs against older seedclean)
        for text in texts:
            found += bool(kept.query("query.txt", text))
            queries += 1
    except Exception as error:  # noqa: BLE001 - counted and reported
        errors.append(f"{type(error).__name__}: {error}")
print(queries, found, len(errors))
print("\\n".join(errors[:5]))
"""
)


def _paragraphs() -> list[str]:
    seen: dict[str, None] = {}
    for path in seed_paths():
        for para in path.read_text(encoding="utf-8").split("\n"):
            if len(para.strip()) >= 40:
                seen.setdefault(para.strip(), None)
    return list(seen)


@pytest.fixture
def docs(tmp_path: Path) -> list[str]:
    """Documents of three distinct real paragraphs each, written below ``tmp_path``."""
    paras = _paragraphs()
    names = []
    for i in range(len(paras) // 3):
        name = f"d{i:03d}.txt"
        (tmp_path / name).write_text("\n\n".join(paras[3 * i : 3 * i + 3]) + "\n", "utf-8")
        names.append(name)
    assert len(names) >= 40
    return names


def _start(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return out


def test_readers_during_updates_never_crash_and_keep_finding(tmp_path: Path, docs: list[str]):
    index_dir = tmp_path / "idx"
    with DedupIndex.create(index_dir, root=tmp_path) as index:
        index.update([(n, (tmp_path / n).read_text(encoding="utf-8")) for n in docs[:4]])
    stop = tmp_path / "stop"
    reader = _start(_READER, index_dir, tmp_path, stop, *docs[:4])
    time.sleep(0.5)
    writer = _start(_WRITER, index_dir, tmp_path, *docs[4:40])
    _finish(writer)
    stop.touch()
    counts, *errors = _finish(reader).splitlines()
    queries, found, failed = map(int, counts.split())
    assert failed == 0, errors
    assert queries > 0
    assert found == queries  # the indexed documents are found throughout the updates


def test_parallel_writers_lose_no_batch(tmp_path: Path, docs: list[str]):
    index_dir = tmp_path / "idx"
    DedupIndex.create(index_dir, root=tmp_path).close()
    writers = [_start(_WRITER, index_dir, tmp_path, *docs[k:40:3]) for k in range(3)]
    for writer in writers:
        _finish(writer)
    with DedupIndex.open(index_dir, root=tmp_path) as index:
        assert index.paths() == sorted(docs[:40])
        for name in docs[:40]:
            assert index.query("query.txt", (tmp_path / name).read_text(encoding="utf-8")), name
        assert index.verify().ok


_CLI_AT = """
import sys, time
from seedclean.cli import main
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("round_", range(3))
def test_first_update_index_runs_race_to_one_index(tmp_path: Path, docs: list[str], round_: int):
    start = time.time() + 2.0  # every process is started and imported by then
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _CLI_AT, str(start), "dedup", "-q", "--update-index", name],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in docs[:4]
    ]
    for proc in runs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), err
        assert "already exists" not in err
    with DedupIndex.open(tmp_path / ".seedclean") as index:
        assert index.paths() == sorted(docs[:4])
    assert not [p for p in tmp_path.iterdir() if ".creating-" in p.name]
