"""The content fixture inserts exactly the rows ``loaddata`` writes (tests/content_rows.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from quizzes.models import Source
from tests import content_rows
from tests.saved_rows import fingerprint


def _empty():
    for model in reversed(content_rows.fixture_models()):
        model._base_manager.all().delete()


FILE = str(Path(settings.BASE_DIR) / "fixtures" / "content.json")


@pytest.mark.parametrize("fixtures", [content_rows.FIXTURES, (FILE,)], ids=["by-name", "by-path"])
@pytest.mark.parametrize("language", ["tr", "en", None])
def test_the_kept_rows_are_the_rows_loaddata_writes(db, language, fixtures):
    with translation.override(language):
        call_command("loaddata", *fixtures, verbosity=0)
        by_loaddata = fingerprint()
        _empty()
        content_rows.load_content(fixtures)  # the first in this process and language runs loaddata, keeps the rows
        _empty()
        content_rows.load_content(fixtures)  # so this one inserts the kept rows
        assert content_rows._kept[(fixtures, translation.get_language())]
        assert fingerprint() == by_loaddata
    assert Source.objects.count() == 17


def test_a_row_added_after_the_content_gets_the_next_id(content):
    highest = Source.objects.order_by("-pk").values_list("pk", flat=True).first()
    copy = Source.objects.get(pk=highest)
    copy.pk = None
    copy.url = "https://example.org/another"
    copy.save()
    assert copy.pk == highest + 1
