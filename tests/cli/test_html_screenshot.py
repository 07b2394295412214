"""The HTML review page renders in a real browser (skipped where no headless Chromium exists)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from seedclean.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")
def test_html_report_renders_to_a_screenshot(tmp_path: Path, seeds: dict[str, str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(seeds["000"], encoding="utf-8")
    report = tmp_path / "report.html"
    assert (
        main(
            ["clean", str(page), "--out", str(tmp_path / "out"), "--html-report", str(report), "-q"]
        )
        == 0
    )
    html = report.read_text(encoding="utf-8")
    assert "join-seam" in html
    assert "relocate-interloper" in html
    assert "⏎" in html  # removed line breaks are drawn, so joined paragraphs read as one
    shot = tmp_path / "shot.png"
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
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            report.as_uri(),
        ],
        check=False,
        capture_output=True,
        timeout=90,
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 20_000
