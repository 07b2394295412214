"""Machine-readable outputs for CI: ``--output-format json-lines | github | sarif``.

All three stream: each file's findings are written as its result arrives.

* ``json-lines``: one JSON object per line, ``"type"`` first: a ``file``
  record per file (status, counts), then one ``edit`` or ``notice`` record
  per finding (``dedup``: one ``duplicate`` record per later copy), and a
  closing ``summary`` record.  ``grep``/``jq -c`` friendly.
* ``github``: GitHub Actions workflow commands, one per finding
  (``::warning file=a.txt,line=1,col=4,title=seedclean punct-comma::…``);
  notices are ``::notice``, input errors ``::error``.  Data and property
  values are escaped as the Actions toolkit does.
* ``sarif``: one SARIF 2.1.0 log (code scanning, IDE viewers): the rule
  table in ``tool.driver.rules``, one result per finding with ``ruleId``,
  ``ruleIndex``, ``level`` and a region in code points
  (``columnKind: unicodeCodePoints``).

File names from undecodable bytes are written with ``\\xNN`` escapes (SARIF
URIs percent-encode the original bytes).

>>> github_line("warning", "a.txt", 1, 4, "seedclean punct-comma", "50% done\\nnext")
'::warning file=a.txt,line=1,col=4,title=seedclean punct-comma::50%25 done%0Anext'
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any
from urllib.parse import quote as url_quote

from seedclean.dedup.kind import Kind
from seedclean.edits import Edit, LineIndex, Notice
from seedclean.report.records import FileResult, quote
from seedclean.report.summary import Summary
from seedclean.report.terminal import printable
from seedclean.rules import all_rules

__all__ = [
    "GithubOutput",
    "JsonLinesOutput",
    "SarifOutput",
    "dedup_findings",
    "github_line",
]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_INFO_URI = "https://pypi.org/project/seedclean/"


class Finding(dict[str, Any]):
    """One finding as a JSON-ready record (``type``, ``rule``, ``path``, ``line``, ``col``, ...)."""


def _edit_finding(path: str, source: str, index: LineIndex, edit: Edit) -> Finding:
    line, col = index.line_col(max(edit.origin, 0))
    finding = Finding(
        type="edit",
        path=path,
        rule=edit.rule,
        line=line,
        col=col,
        old=edit.old,
        new=edit.new,
        note=edit.note,
        origin=edit.origin,
        message=f"{edit.rule}: {quote(edit.old)} → {quote(edit.new)}"
        + (f" ({edit.note})" if edit.note else ""),
    )
    end = edit.origin + len(edit.old)
    if edit.origin >= 0 and source[edit.origin : end] == edit.old:  # an exact span as read
        finding["end_line"], finding["end_col"] = index.line_col(end)
    if edit.ref >= 0:
        finding["ref_line"], finding["ref_col"] = index.line_col(edit.ref)
    return finding


def _notice_finding(path: str, index: LineIndex, notice: Notice) -> Finding:
    line, col = index.line_col(max(notice.origin, 0))
    return Finding(
        type="notice",
        path=path,
        rule=notice.rule,
        line=line,
        col=col,
        origin=notice.origin,
        message=f"{notice.rule} (notice, left unchanged): {notice.message}",
    )


def file_findings(result: FileResult) -> list[Finding]:
    """Every edit and notice of one file, in file order."""
    path = printable(result.display)
    index = LineIndex(result.source)
    edits = sorted(result.edits, key=lambda e: e.origin)  # stable: ties keep their order
    found = [_edit_finding(path, result.source, index, e) for e in edits]
    found.extend(_notice_finding(path, index, n) for n in result.notices)
    for finding in found:
        finding["_raw"] = result.display
    return found


def dedup_findings(
    clusters: Iterable[Any], kinds: Sequence[str], noted: Sequence[str] = ()
) -> list[Finding]:
    """One ``duplicate`` finding per later copy in a :class:`~seedclean.dedup.DedupReport`'s
    clusters of the given kinds (``members[0]`` is the kept copy); clusters of a ``noted``
    kind give ``notice`` findings (reported, not counted)."""
    out: list[Finding] = []
    for cluster in clusters:
        if cluster.kind not in kinds and cluster.kind not in noted:
            continue
        kind = "duplicate" if cluster.kind in kinds else "notice"
        kept = cluster.members[0]
        for member in cluster.members[1:]:
            out.append(
                Finding(
                    type=kind,
                    path=printable(member.path),
                    rule=f"dedup-{cluster.kind}",
                    kind=cluster.kind,
                    line=member.line,
                    col=1,
                    chars=member.chars,
                    similarity=round(member.similarity, 4),
                    preview=member.preview,
                    kept={"path": printable(kept.path), "line": kept.line, "_raw": kept.path},
                    message=f"{Kind(cluster.kind).phrase} of {printable(kept.path)}:{kept.line} "
                    f"({member.similarity:.2f}): {member.preview}",
                    _raw=member.path,
                )
            )
    return out


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """The record without its private ``_raw`` keys (the undecoded names)."""
    return {
        k: _public(v) if isinstance(v, dict) else v
        for k, v in record.items()
        if not k.startswith("_")
    }


class JsonLinesOutput:
    """``--output-format json-lines``: one JSON object per line."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._out = stream or sys.stdout

    def _write(self, record: dict[str, Any]) -> None:
        self._out.write(json.dumps(_public(record), ensure_ascii=False) + "\n")

    def add(self, result: FileResult) -> None:
        """A ``file`` record, then one record per edit and notice."""
        self._write(
            {
                "type": "file",
                "path": printable(result.display),
                "status": result.status,
                "encoding": result.encoding,
                "out_encoding": result.out_encoding,
                "message": result.message,
                "edits": len(result.edits),
                "notices": len(result.notices),
            }
        )
        for finding in file_findings(result):
            self._write(finding)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        """Records made elsewhere (``dedup``)."""
        for finding in findings:
            self._write(finding)

    def finish(self, summary: Summary | dict[str, Any]) -> None:
        """The closing ``summary`` record."""
        data = summary.to_json() if isinstance(summary, Summary) else summary
        self._write({"type": "summary", **data})
        self._out.flush()

    def discard(self) -> None:
        """Nothing to undo on a stream."""


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(level: str, path: str, line: int, col: int, title: str, message: str) -> str:
    """One GitHub Actions workflow command (``::warning file=…,line=…,col=…,title=…::…``)."""
    props = f"file={_escape_property(path)},line={line},col={col},title={_escape_property(title)}"
    return f"::{level} {props}::{_escape_data(message)}"


class GithubOutput:
    """``--output-format github``: GitHub Actions annotations."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._out = stream or sys.stdout

    def add(self, result: FileResult) -> None:
        """One annotation per edit (warning) and notice (notice); errors for bad input."""
        if result.status == "skipped":
            level = "error" if result.error else "notice"
            path = printable(result.display)
            self._out.write(f"::{level} file={_escape_property(path)},title=seedclean::")
            self._out.write(_escape_data(f"skipped: {result.message}") + "\n")
            return
        self.add_findings(file_findings(result))
        if result.status == "changed" and not result.edits:  # only re-encoded
            path = printable(result.display)
            line = github_line(
                "warning", path, 1, 1, "seedclean", f"would be rewritten: {result.message}"
            )
            self._out.write(line + "\n")

    def add_findings(self, findings: Iterable[Finding]) -> None:
        """Annotations for findings made elsewhere (``dedup``)."""
        for f in findings:
            level = "notice" if f["type"] == "notice" else "warning"
            title = f"seedclean {f['rule']}"
            self._out.write(github_line(level, f["path"], f["line"], f["col"], title, f["message"]))
            self._out.write("\n")

    def finish(self, summary: Summary | dict[str, Any]) -> None:
        """Flush."""
        self._out.flush()

    def discard(self) -> None:
        """Nothing to undo on a stream."""


def _uri(path: str) -> str:
    """A relative URI reference for a file name (original bytes percent-encoded)."""
    data = path.encode("utf-8", "surrogateescape")
    return url_quote(data, safe="/")


class SarifOutput:
    """``--output-format sarif``: a SARIF 2.1.0 log, results streamed, rules at the end."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        from seedclean import __version__

        self._out = stream or sys.stdout
        self._rules = list(all_rules())
        self._index = {rule.id: i for i, rule in enumerate(self._rules)}
        self._version = __version__
        self._first = True
        self._errors: list[dict[str, Any]] = []
        self._out.write(
            f'{{"$schema": "{SARIF_SCHEMA}", "version": "2.1.0", "runs": [{{'
            '"columnKind": "unicodeCodePoints", "results": ['
        )

    def _result(self, f: Finding) -> dict[str, Any]:
        region: dict[str, Any] = {"startLine": f["line"], "startColumn": f["col"]}
        if "end_line" in f:
            region["endLine"], region["endColumn"] = f["end_line"], f["end_col"]
        result: dict[str, Any] = {
            "ruleId": f["rule"],
            "level": "note" if f["type"] == "notice" else "warning",
            "message": {"text": f["message"]},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f["_raw"])},
                        "region": region,
                    }
                }
            ],
        }
        if f["rule"] in self._index:
            result["ruleIndex"] = self._index[f["rule"]]
        if f["type"] == "duplicate":
            kept = f["kept"]
            result["relatedLocations"] = [
                {
                    "id": 1,
                    "message": {"text": "kept copy"},
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(kept["_raw"])},
                        "region": {"startLine": kept["line"]},
                    },
                }
            ]
        return result

    def _write(self, result: dict[str, Any]) -> None:
        self._out.write(("\n" if self._first else ",\n") + json.dumps(result, ensure_ascii=False))
        self._first = False

    def add(self, result: FileResult) -> None:
        """One result per edit and notice; a skipped file becomes a notification."""
        if result.status == "skipped":
            if result.error:
                self._errors.append(
                    {
                        "level": "error",
                        "message": {"text": f"{printable(result.display)}: {result.message}"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": _uri(result.display)}
                                }
                            }
                        ],
                    }
                )
            return
        self.add_findings(file_findings(result))

    def add_findings(self, findings: Iterable[Finding]) -> None:
        """Results for findings made elsewhere (``dedup``)."""
        for f in findings:
            self._write(self._result(f))

    def finish(self, summary: Summary | dict[str, Any]) -> None:
        """Close the results and write the tool, its rules and the invocation."""
        rules = [
            {
                "id": rule.id,
                "name": rule.id,
                "shortDescription": {"text": rule.summary},
                "defaultConfiguration": {"enabled": rule.default, "level": "warning"},
                "properties": {"step": rule.step},
            }
            for rule in self._rules
        ]
        tool = {
            "driver": {
                "name": "seedclean",
                "version": self._version,
                "informationUri": _INFO_URI,
                "rules": rules,
            }
        }
        invocation: dict[str, Any] = {"executionSuccessful": not self._errors}
        if self._errors:
            invocation["toolExecutionNotifications"] = self._errors
        self._out.write(
            "\n], "
            + f'"tool": {json.dumps(tool, ensure_ascii=False)}, '
            + f'"invocations": [{json.dumps(invocation, ensure_ascii=False)}]'
            + "}]}\n"
        )
        self._out.flush()

    def discard(self) -> None:
        """Nothing to undo on a stream."""
