"""The pure cores import nothing of Django, nor the module that loads content through the ORM.

Each check runs in a fresh interpreter: in the test process Django is already
loaded, so only a clean ``sys.modules`` shows what a module pulls in.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = [
    "quizzes.values",
    "quizzes.generation",
    "quizzes.grading",
    "quizzes.question_types",
    "quizzes.presentation",
    "quizzes.item_formulas",
    "quizzes.languages",
    "quizzes.charts",
    "quizzes.spaced",
    "quizzes.flashcards",
    "quizzes.timing",
    "quizzes.missed",
    "quizzes.interchange",
    "lti.claims",
    "live.scoring",
    "live.protocol",
]
# Every module of the generation package, the topic modules and helpers included.
PURE += sorted(f"quizzes.generation.{path.stem}" for path in (ROOT / "quizzes" / "generation").glob("[!_]*.py"))
# Every export writer (one module per format) and what they share.
PURE += sorted(f"quizzes.interchange.{path.stem}" for path in (ROOT / "quizzes" / "interchange").glob("[!_]*.py"))

IMPORTED = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(sys.modules)))
"""


def modules_loaded_by(module):
    # This interpreter and a module name from PURE: nothing untrusted reaches the command line.
    found = subprocess.run(  # noqa: S603
        [sys.executable, "-c", IMPORTED, module], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(found.stdout)


@pytest.mark.parametrize("module", PURE)
def test_pure_module_imports_no_django(module):
    loaded = modules_loaded_by(module)
    assert module in loaded
    assert [m for m in loaded if m == "django" or m.startswith("django.")] == []
    # quizzes.content is the ORM seam: pure code takes its types from quizzes.values.
    assert "quizzes.content" not in loaded
    assert "quizzes.models" not in loaded


def test_every_export_writer_is_checked():
    assert {"moodle_xml", "gift", "qti", "common"} <= {
        m.rsplit(".", 1)[1] for m in PURE if m.startswith("quizzes.interchange.")
    }


def test_every_generation_module_is_checked():
    assert {"departments", "duties", "timeline", "glossary", "registry", "draw", "wording"} <= {
        m.rsplit(".", 1)[1] for m in PURE if m.startswith("quizzes.generation.")
    }
