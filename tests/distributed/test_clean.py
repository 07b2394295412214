"""Distributed clean writes byte-identical files and the same per-file results as the local path."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from seedclean.cli.runner import run_files as local_run
from seedclean.config import CleanConfig
from seedclean.distributed import clean_files
from seedclean.files import collect_targets
from seedclean.process import Plan
from tests.dedup.noise import ocr_noise

INCLUDE = ("*.txt", "*.md")


def _corpus(root: Path, seeds: dict[str, str], articles: list[dict[str, Any]]) -> None:
    rng = random.Random(7)
    (root / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "prose" / "gbk").mkdir(parents=True)
    for number, article in enumerate(rng.sample(articles, 12)):
        # Hard-wrapped OCR-ish prose with half-width punctuation and a repeated paragraph.
        body = "\n".join(ocr_noise(p, 0.01, rng) for p in article["paragraphs"])
        wrapped = "\n".join(body[i : i + 30] for i in range(0, len(body), 30))
        text = wrapped + "\n\n" + article["paragraphs"][0] + "\n\n" + article["paragraphs"][0]
        folder = root / "prose" / ("gbk" if number % 4 == 0 else "")
        encoding = "gbk" if number % 4 == 0 else "utf-8"
        (folder / f"a{number:02d}.txt").write_text(text, encoding=encoding, errors="replace")
    (root / "prose" / "empty.txt").write_bytes(b"")
    (root / "prose" / "binary.txt").write_bytes(b"%PDF-1.4 \x00\x01")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.evaldata
def test_out_mirror_is_identical(client: Any, tmp_path: Path, seeds, articles):
    src = tmp_path / "src"
    _corpus(src, seeds, articles)
    targets, _ = collect_targets([src.as_posix()], INCLUDE, ())
    local = list(local_run(Plan(CleanConfig(), "out", (tmp_path / "a").as_posix()), targets, 1))
    remote = clean_files([src], out_dir=tmp_path / "b", client=client)
    assert remote == local
    assert {r.status for r in local} == {"changed", "unchanged", "skipped"}
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a")
    assert len(_tree(tmp_path / "a")) == len(local) - 1  # everything but the binary file


@pytest.mark.evaldata
def test_in_place_is_identical(client: Any, tmp_path: Path, seeds, articles):
    for side in ("a", "b"):
        _corpus(tmp_path / side, seeds, articles)
    targets, _ = collect_targets([(tmp_path / "a").as_posix()], INCLUDE, ())
    local = list(local_run(Plan(CleanConfig(), "in-place"), targets, 1))
    remote = clean_files([tmp_path / "b"], in_place=True, client=client)
    assert [r._replace(display="") for r in remote] == [r._replace(display="") for r in local]
    assert _tree(tmp_path / "b") == _tree(tmp_path / "a")
    assert sum(r.written for r in remote) > 0


def test_missing_paths_are_reported(client: Any, tmp_path: Path):
    results = clean_files([tmp_path / "nope"], out_dir=tmp_path / "out", client=client)
    assert [(r.status, r.skip_kind, r.error) for r in results] == [("skipped", "not-found", True)]


def test_write_target_is_required(tmp_path: Path):
    with pytest.raises(ValueError, match="exactly one"):
        clean_files([tmp_path], out_dir=tmp_path / "o", in_place=True)
    with pytest.raises(ValueError, match="exactly one"):
        clean_files([tmp_path])
