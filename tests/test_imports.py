"""The app's modules import each other one way: no module reaches itself again through its imports.

Every `import` and `from … import` of a pledges module counts, at module level or inside a function: a
function-level import only postpones a circle to the first call, it does not remove it.
"""

import ast
from pathlib import Path

import pledges

APP = Path(pledges.__file__).parent


def _modules():
    """{dotted name: path} of every module of the app but its migrations."""
    modules = {}
    for path in APP.rglob("*.py"):
        if "migrations" in path.relative_to(APP).parts:
            continue
        parts = ("pledges", *path.relative_to(APP).with_suffix("").parts)
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imported(name, path, modules, node):
    """The app's modules an import statement of module `name` (at `path`) imports."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in modules}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    base = (f"{package}.{node.module}" if node.module else package) if node.level else node.module
    found = {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules}
    if base in modules and len(found) < len(node.names):  # names defined in the module itself
        found.add(base)
    return found


def import_graph():
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        statements = (
            node for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Import | ast.ImportFrom)
        )
        graph[name] = set().union(*(_imported(name, path, modules, node) for node in statements)) - {name}
    return graph


def circles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm), as frozensets."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while not group or module not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            if len(group) > 1:
                found.append(frozenset(group))

    for module in graph:
        if module not in index:
            visit(module)
    return set(found)


def test_no_module_of_the_app_imports_itself_back():
    assert circles(import_graph()) == set()


def test_the_figures_depend_on_the_record_and_not_the_other_way():
    graph = import_graph()
    figures = {name for name in graph if name.startswith("pledges.figures.")}
    # the app's models import the figures' tables so that Django registers them, and nothing else of the package
    assert graph["pledges.models"] & figures == {"pledges.figures.models", "pledges.figures.cache"}
    assert not graph["pledges.querysets"] & figures
    assert not (graph["pledges.figures.models"] | graph["pledges.figures.cache"]) - figures


def test_imports_inside_functions_count_and_circles_of_any_length_are_found():
    assert "pledges.importers.folding" in import_graph()["pledges.models"]  # imported in SystemAlias.save()
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset({"a", "b", "c"})}
    assert circles({"a": {"b"}, "b": set()}) == set()
