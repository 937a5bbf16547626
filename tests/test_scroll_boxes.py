"""Every data table's scroll box is one pattern: reachable by keyboard and named (issue 11).

A box that scrolls sideways must take the focus (``tabindex="0"``) so that a keyboard user can scroll
it, and a focusable box needs a role and a name: ``role="region" aria-labelledby="<its heading>"``.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BOX = re.compile(r"<div\b[^>]*\bclass=\"table-scroll\"[^>]*>")


def test_every_table_scroll_box_is_focusable_and_named():
    boxes = [(path, tag) for path in TEMPLATES.rglob("*.html") for tag in BOX.findall(path.read_text())]
    assert boxes
    for path, tag in boxes:
        assert 'tabindex="0"' in tag and 'role="region"' in tag and "aria-labelledby=" in tag, (path, tag)


def test_every_heading_that_names_a_box_exists_in_its_template():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        for tag in BOX.findall(text):
            label = re.search(r'aria-labelledby="([^"]+)"', tag).group(1)
            assert f'id="{label}"' in text, (path, label)
