"""No import cycles inside the package: every dependency between modules is one-way.

Every import counts: at module level, inside a function (a lazy import is still
a dependency) and under ``if TYPE_CHECKING:`` (a type is a dependency too).
``from pkg import sub`` depends on ``pkg.sub``; ``from pkg import name`` on
``pkg`` itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "seedclean"


def _modules() -> dict[str, Path]:
    """Every module of the package: Python sources, and Cython sources (compiled extensions)."""
    modules: dict[str, Path] = {}
    for path in [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.pyx")]:
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The package module ``name`` is or lives in (``None``: not the package's)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        if path.suffix != ".py":  # an extension's source (Cython) imports nothing of the package
            graph[name] = set()
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.add(sub if sub in modules else base)
        owners = {_owner(t, modules) for t in targets}
        graph[name] = {o for o in owners if o is not None and o != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_detector_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_type_only_imports() -> None:
    graph = import_graph()
    assert "seedclean.dedup._sketchc" in graph["seedclean.dedup.sketch"]  # a compiled extension
    assert "seedclean.dedup.spilled" in graph["seedclean.dedup.find"]  # inside a function
    assert "seedclean.dedup.corpus" in graph["seedclean.dedup.find"]  # under TYPE_CHECKING


def test_no_import_cycle_inside_the_package() -> None:
    assert cycles(import_graph()) == []
