"""The review pages render in a real browser (skipped where no headless Chromium exists)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from seedclean.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _screenshot(page: Path, shot: Path, profile: Path) -> bytes:
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=False,
        capture_output=True,
        timeout=90,
    )
    return shot.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")
def test_review_pages_render_to_screenshots(tmp_path: Path, seeds: dict[str, str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seeds["000"], encoding="utf-8")
    report = tmp_path / "report.html"
    assert (
        main(
            ["clean", str(page), "--out", str(tmp_path / "out"), "--html-report", str(report), "-q"]
        )
        == 0
    )
    file_page = tmp_path / "report_files" / "1.html"
    html = file_page.read_text(encoding="utf-8")
    assert "join-seam" in html
    assert "relocate-interloper" in html
    assert "⏎" in html  # removed line breaks are drawn, so joined paragraphs read as one
    for name, target in (("index", report), ("file", file_page)):
        data = _screenshot(target, tmp_path / f"{name}.png", tmp_path / f"profile-{name}")
        assert data.startswith(b"\x89PNG")
        assert len(data) > 20_000
