"""The live game is an app beside quizzes: it uses quizzes' services and selectors, quizzes never imports it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quizzes_never_imports_live():
    leaning = []
    for path in sorted((ROOT / "quizzes").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            leaning += [f"{path.relative_to(ROOT)}: {n}" for n in names if n == "live" or n.startswith("live.")]
    assert leaning == []


def test_the_live_engine_and_store_import_no_view_or_consumer():
    for name in ("engine.py", "scoring.py", "protocol.py", "store/memory.py", "store/redis.py"):
        for node in ast.walk(ast.parse((ROOT / "live" / name).read_text())):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not {"views", "consumers"} & {module, *module.split("."), *(a.name for a in node.names)}, name
