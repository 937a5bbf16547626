"""The house rules of the code's layout, checked so that they hold as the code grows (README, "How the code is laid
out"): one idea per module, views that never lean on each other, pure cores that never reach the database."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


def python_modules(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imported_modules(path):
    """Each module ``path`` imports, with relative imports resolved to quizzes.*/ddo_learn.* names."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def relative(path):
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize(
    "path", list(python_modules("quizzes", "lti", "live", "ddo_learn", "tests", "bench")), ids=relative
)
def test_no_module_holds_more_than_one_idea(path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by idea (modules or a package)"


@pytest.mark.parametrize("path", list((ROOT / "quizzes" / "views").glob("*.py")), ids=lambda p: p.name)
def test_a_view_module_never_imports_another_view_module(path):
    views = {p.stem for p in (ROOT / "quizzes" / "views").glob("*.py")} - {"__init__"}
    own = path.stem
    leaning = {
        name
        for name in imported_modules(path)
        for view in views - {own}
        if name == f"quizzes.views.{view}" or name.startswith(f"quizzes.views.{view}.")
    }
    if own == "__init__":
        leaning = {name for name in leaning if not name.startswith("quizzes.views.errors")}
    assert not leaning, f"{path.name} imports {sorted(leaning)}: shared request helpers belong outside views/"


def test_the_layers_never_import_upwards():
    # content -> generation -> attempts -> classes -> reports -> views: a lower layer never imports a higher one.
    lower_to_higher = {
        "quizzes/generation": ("quizzes.services", "quizzes.reports", "quizzes.views", "quizzes.models"),
        "quizzes/services": ("quizzes.reports", "quizzes.views"),
        "quizzes/reports": ("quizzes.services", "quizzes.views"),
        "quizzes/models": ("quizzes.services", "quizzes.reports", "quizzes.views"),
    }
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for folder, forbidden in lower_to_higher.items()
        for path in python_modules(folder)
        for name in imported_modules(path)
        if name.startswith(forbidden)
    ]
    assert not wrong, wrong


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_cycles(paths):
    """Groups of modules that import each other, directly or round a loop (Tarjan's strongly connected parts)."""
    modules = {module_name(path): path for path in paths}
    graph = {name: {n for n in imported_modules(path) if n in modules and n != name} for name, path in modules.items()}
    order, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(name):
        order[name] = low[name] = len(order)
        stack.append(name)
        on_stack.add(name)
        for other in graph[name]:
            if other not in order:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], order[other])
        if low[name] == order[name]:
            group = set()
            while name not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in graph:
        if name not in order:
            visit(name)
    return cycles


def test_no_module_of_the_app_imports_itself_round_a_loop():
    # An import cycle works until someone moves a line; then the app fails to start. Imports inside
    # functions count too: they are the usual way such a loop is hidden.
    assert import_cycles(python_modules("quizzes", "ddo_learn")) == []


def test_the_cycle_check_finds_a_loop(tmp_path, monkeypatch):
    package = tmp_path / "quizzes"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from . import b\n")
    (package / "b.py").write_text("from .a import thing\n")
    (package / "c.py").write_text("from . import a\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert import_cycles(sorted(package.glob("*.py"))) == [["quizzes.a", "quizzes.b"]]


QUESTION_TYPE_NAMES = {"single", "truefalse", "ordering", "matching", "year"}


def _spelt_question_types(path):
    """Where a module compares a question's type with a literal, or registers a template with one."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            typed = any(
                (isinstance(s, ast.Subscript) and isinstance(s.slice, ast.Constant) and s.slice.value == "type")
                or (isinstance(s, ast.Name) and s.id == "kind")
                for s in sides
            )
            literal = any(isinstance(s, ast.Constant) and s.value in QUESTION_TYPE_NAMES for s in sides)
            if typed and literal:
                found.append(node.lineno)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "template" and len(node.args) > 1:
            if isinstance(node.args[1], ast.Constant) and node.args[1].value in QUESTION_TYPE_NAMES:
                found.append(node.lineno)
    return found


def test_question_types_are_named_from_one_vocabulary_never_spelt():
    # quizzes.question_types (pure) and models.QuestionType (its choices) are the one place that spells them.
    spelt = {
        relative(path): lines
        for path in python_modules("quizzes")
        if path.name != "question_types.py" and (lines := _spelt_question_types(path))
    }
    templates = {
        relative(path): "type =="
        for path in sorted((ROOT / "templates").rglob("*.html"))
        if any(f'type == "{name}"' in path.read_text() for name in QUESTION_TYPE_NAMES)
    }
    assert spelt == {} and templates == {}
