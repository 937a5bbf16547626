"""The house rules of the code's layout, checked so that they hold as the code grows (README, "How the code is laid
out"): one idea per module, views that never lean on each other, pure cores that never reach the database."""

import ast
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


@pytest.mark.parametrize("path", list(python_modules("quizzes", "live", "ddo_learn", "tests", "bench")), ids=relative)
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
