"""No traceback for bad input (fuzz), and interrupted runs never truncate a file."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seedclean.cli import main
from seedclean.pipeline import clean

from .helpers import SEEDS

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
TEXTISH = st.text(st.one_of(CJK, st.sampled_from(list(",.;:!?()\"' \n\r\t，。")), st.characters()))
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _no_traceback(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_in_files(tmp_path: Path, capsys, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    code = main(["clean", "--in-place", "-j", "1", str(path)])
    err = _no_traceback(capsys)
    assert code in (0, 2)
    if code == 2:
        assert "skipped" in err
        assert path.read_bytes() == data  # untouched on skip


@FUZZ
@given(text=TEXTISH)
def test_random_unicode_through_stdin(monkeypatch, capsys, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["clean", "-"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert code in (0, 2)
    if code == 0 and data and "\x00" not in text:  # accepted text comes back cleaned
        assert out.out == clean(data.decode("utf-8"))


@FUZZ
@given(text=TEXTISH, codec=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_text_in_any_encoding_via_check(tmp_path: Path, capsys, text: str, codec: str):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    code = main(["check", "-j", "1", str(path)])
    _no_traceback(capsys)
    assert code in (0, 1, 2)
    assert path.read_bytes() == data


@pytest.mark.slow
def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    exe = shutil.which("seedclean", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("console script not installed")
    import random

    rng = random.Random(5)
    for i in range(4):
        blob = bytes(rng.randrange(256) for _ in range(300))
        (tmp_path / f"{i}.txt").write_bytes(blob)
        proc = subprocess.run([exe, "clean", "-"], input=blob, capture_output=True, check=False)
        assert proc.returncode in (0, 2)
        assert b"Traceback" not in proc.stderr
    proc = subprocess.run([exe, "check", str(tmp_path)], capture_output=True, check=False)
    assert proc.returncode in (0, 1, 2)
    assert b"Traceback" not in proc.stderr
    proc = subprocess.run([exe, "clean", "--bogus"], capture_output=True, check=False)
    assert proc.returncode == 2


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_interrupted_run_leaves_each_file_old_or_new(tmp_path: Path, sig: int) -> None:
    exe = shutil.which("seedclean", path=os.path.dirname(sys.executable))
    if exe is None:
        pytest.skip("console script not installed")
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    originals: dict[str, str] = {}
    for i in range(60):
        text = pages[i % len(pages)] + f"\n第{i}页。\n"
        originals[f"{i:03}.txt"] = text
        (corpus / f"{i:03}.txt").write_text(text, encoding="utf-8")
    cleaned = {name: clean(text) for name, text in list(originals.items())[:5]}
    proc = subprocess.Popen(
        [exe, "clean", "--in-place", "-j", "2", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some, but not all, files are rewritten
        done = sum((corpus / n).read_bytes() != originals[n].encode() for n in originals)
        if done >= 2:
            break
        time.sleep(0.02)
    os.kill(proc.pid, sig)
    code = proc.wait(timeout=60)
    if sig != signal.SIGKILL:  # Ctrl-C and SIGTERM end the run cleanly
        stderr = proc.stderr.read()
        assert b"Traceback" not in stderr
        assert b"either untouched or completely rewritten" in stderr
        assert code == (130 if sig == signal.SIGINT else 143)
    proc.stderr.close()
    if sig == signal.SIGKILL:  # orphaned workers may still finish their current file
        time.sleep(1.0)
    rewritten = 0
    for name, text in originals.items():
        now = (corpus / name).read_text(encoding="utf-8")
        if now != text:
            rewritten += 1
            assert now == clean(text), name  # new, never partial
    assert 0 < rewritten < len(originals)
    assert all(cleaned[n] == clean(originals[n]) for n in cleaned)
    leftovers = list(corpus.glob(".*seedclean-tmp"))
    if sig != signal.SIGKILL:
        assert leftovers == []
    # the next run finishes the job and removes whatever a kill left behind
    subprocess.run([exe, "clean", "--in-place", str(corpus)], capture_output=True, check=True)
    assert list(corpus.glob(".*seedclean-tmp")) == []
    for name, text in originals.items():
        assert (corpus / name).read_text(encoding="utf-8") == clean(text)


@pytest.mark.slow
def test_sigterm_during_a_spilled_dedup_removes_its_temporary_folder(tmp_path: Path) -> None:
    """A job stopped by a scheduler (SIGTERM) left ``seedclean-dedup-*`` in TMPDIR."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"{i:03}.txt").write_text(pages[i % len(pages)] + f"\n第{i}页。\n", "utf-8")
    before = {p: p.read_bytes() for p in corpus.iterdir()}
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    code = "import sys; from seedclean.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "dedup", "--low-memory", "-j", "1", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(scratch.glob("seedclean-dedup-*")):
        time.sleep(0.01)
    assert list(scratch.glob("seedclean-dedup-*")), "the run never spilled"
    os.kill(proc.pid, signal.SIGTERM)
    code_ = proc.wait(timeout=60)
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert code_ == 143, stderr
    assert b"Traceback" not in stderr
    assert b"terminated" in stderr
    assert list(scratch.iterdir()) == []
    assert {p: p.read_bytes() for p in corpus.iterdir()} == before


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``seedclean check … | head`` printed "error: [Errno 32] Broken pipe" (BrokenPipeError
    is a ConnectionError, and the scheduler-error handler caught it first)."""
    page = tmp_path / "page.txt"
    page.write_text("近年来,广东省检察院坚持以政治建设为统领。\n" * 4000, encoding="utf-8")
    code = "import sys; from seedclean.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "check", str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert b"Broken pipe" not in err
    assert b"error" not in err
