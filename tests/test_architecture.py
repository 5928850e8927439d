"""The project's import graph has no cycle, between modules or between apps, and only
migrations import from a migrations package.

The graph is read from the source with `ast`, imports inside functions included: a
function-local import hides a cycle from Python's import machinery, not from a reader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_WIRING = {
    "filmsite.apps",
    "filmsite.cache_invalidation",
    "filmsite.templating",
    "filmsite.urls",
    "filmsite.views",
}
APPS = ("filmsite", "reviews", "people", "editorial", "importer", "accounts", "sitesearch", "fakes")

# What is known today, in sorted order; these lists only shrink.
KNOWN_CYCLES: set[tuple[str, ...]] = set()
KNOWN_MUTUAL_APPS: set[tuple[str, str]] = set()
KNOWN_MIGRATION_IMPORTS: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_migration(module: str) -> bool:
    return "migrations" in module.split(".")


def source_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            modules[module_name(path)] = path
    return modules


def imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterable[str]:
    """Every dotted name an import statement anywhere in the tree names, relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def resolve(name: str, modules: Iterable[str]) -> str | None:
    """The longest project module a dotted name starts with (`a.b.func` is module `a.b`)."""
    known = set(modules)
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports."""
    modules = source_modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(), str(path))
        targets = set()
        for name in imported_names(tree, module, path.name == "__init__.py"):
            target = resolve(name, modules)
            if target and target != module:
                targets.add(target)
        graph[module] = targets
    return graph


def find_cycles(graph: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """Strongly connected components with more than one node (Tarjan), as sorted tuples."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: set[tuple[str, ...]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.add(tuple(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def app_of(module: str) -> str:
    """The app a module belongs to; the site's wiring (root URLconf, template environment, the
    signals that clear the page cache) stands above every app, as a project package does."""
    return "site" if module in SITE_WIRING else module.split(".")[0]


def app_edges(graph: dict[str, set[str]]) -> dict[tuple[str, str], list[str]]:
    """(app, other app) -> the imports behind that arrow; migrations don't count (they name
    other apps' migrations as dependencies, which is how Django orders them)."""
    edges: dict[tuple[str, str], list[str]] = {}
    for module, targets in sorted(graph.items()):
        if is_migration(module):
            continue
        for target in sorted(targets):
            arrow = (app_of(module), app_of(target))
            if arrow[0] != arrow[1]:
                edges.setdefault(arrow, []).append(f"{module} -> {target}")
    return edges


def mutual_apps(edges: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """Pairs of apps that import each other, with the imports both ways."""
    return {(a, b): edges[a, b] + edges[b, a] for a, b in edges if a < b and (b, a) in edges}


def test_the_checker_finds_a_cycle_it_is_shown():
    graph = {"a.x": {"a.y"}, "a.y": {"b.z"}, "b.z": {"a.x"}, "b.w": {"a.x"}}
    assert find_cycles(graph) == {("a.x", "a.y", "b.z")}
    assert set(mutual_apps(app_edges(graph))) == {("a", "b")}
    assert find_cycles({"a.x": {"a.y"}, "a.y": set()}) == set()


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    tree = ast.parse("from . import b\ndef f():\n    from a.c import d\n    import a.e\n")
    names = set(imported_names(tree, "a.x", is_package=False))
    assert {"a.b", "a.c.d", "a.e"} <= names
    assert resolve("a.c.d", ["a", "a.c"]) == "a.c"
    assert len(import_graph()) > 100  # every app's modules were read


def test_no_import_cycle_between_modules():
    cycles = find_cycles(import_graph())
    assert cycles - KNOWN_CYCLES == set(), "import cycles: " + "; ".join(
        " <-> ".join(cycle) for cycle in sorted(cycles - KNOWN_CYCLES)
    )
    assert KNOWN_CYCLES - cycles == set(), "fixed, drop from KNOWN_CYCLES"


def test_no_two_apps_import_each_other():
    mutual = mutual_apps(app_edges(import_graph()))
    new = {pair: imports for pair, imports in mutual.items() if pair not in KNOWN_MUTUAL_APPS}
    assert new == {}, "apps importing each other:\n" + "\n".join(
        f"{a} <-> {b}: {', '.join(imports)}" for (a, b), imports in new.items()
    )
    assert KNOWN_MUTUAL_APPS - set(mutual) == set(), "fixed, drop from KNOWN_MUTUAL_APPS"


def test_only_migrations_import_from_migrations():
    found = {
        (module, target)
        for module, targets in import_graph().items()
        if not is_migration(module)
        for target in targets
        if is_migration(target)
    }
    assert found - KNOWN_MIGRATION_IMPORTS == set()
    assert KNOWN_MIGRATION_IMPORTS - found == set(), "fixed, drop from KNOWN_MIGRATION_IMPORTS"
