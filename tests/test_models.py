"""The models' shared rules: one vocabulary, one "published", clear validation messages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from quizzes import generation, grading, question_types
from quizzes.content import load_content
from quizzes.models import (
    SINGLE_CHOICE_TYPES,
    Department,
    Difficulty,
    GlossaryTerm,
    Organisation,
    QuestionType,
    Source,
    TimelineEvent,
    Topic,
    score_percent,
)


def test_the_choices_are_the_pure_modules_values():
    assert tuple(QuestionType.values) == question_types.QUESTION_TYPES
    assert set(SINGLE_CHOICE_TYPES) <= set(QuestionType.values)
    assert SINGLE_CHOICE_TYPES is grading.SINGLE_CHOICE_TYPES is question_types.SINGLE_CHOICE_TYPES
    assert tuple(Topic.values) == generation.TOPICS
    assert tuple(Difficulty.values) == generation.DIFFICULTIES


def test_the_percentage_is_exact_and_none_without_a_score():
    assert score_percent(2, 3) == pytest.approx(66.6667, abs=1e-3)
    assert score_percent(None, 3) is None
    assert score_percent(1, 0) is None


@pytest.mark.parametrize(
    ("language", "value", "shown"),
    [("tr", 50, "%50"), ("en", 50, "50%"), ("tr", 32.5, "%33"), ("en", None, "—"), ("tr", None, "—")],
)
def test_the_percent_filter(language, value, shown):
    with translation.override(language):
        assert Template("{% load ddo %}{{ value|percent }}").render(Context({"value": value})) == shown


@pytest.mark.django_db
def test_a_published_item_missing_a_language_names_the_label_and_the_language():
    source = Source.objects.create(title_tr="Kaynak", title_en="Source", publisher="x", is_published=True)
    department = Department(
        slug="veri", name_tr="Veri Dairesi", name_en="", focus_tr="Veri", focus_en="Data",
        confidence="high", source=source, is_published=True,
    )  # fmt: skip
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        department.full_clean()
    messages = " ".join(str(m) for m in raised.value.message_dict["name_en"])
    assert "“Name [en]” is empty" in messages
    assert "name_en" not in messages
    with translation.override("tr"), pytest.raises(ValidationError) as raised:
        department.full_clean()
    assert "“Ad [en]” boş" in " ".join(str(m) for m in raised.value.message_dict["name_en"])


@pytest.mark.django_db
def test_published_means_with_a_published_source_where_there_is_one():
    draft = Source.objects.create(title_tr="Taslak", title_en="Draft", publisher="x", is_published=False)
    GlossaryTerm.objects.create(slug="taslak-kaynakli", term_tr="a", term_en="a", definition_tr="a",
                                definition_en="a", source=draft, is_published=True)  # fmt: skip
    GlossaryTerm.objects.create(slug="kaynaksiz", term_tr="b", term_en="b", definition_tr="b",
                                definition_en="b", is_published=True)  # fmt: skip
    assert [t.slug for t in GlossaryTerm.objects.published()] == ["kaynaksiz"]
    assert [t.term.tr for t in load_content().terms] == ["b"]


@pytest.mark.django_db
def test_the_publish_action_names_the_missing_label_and_language(client, editor):
    source = Source.objects.create(title_tr="Kaynak", title_en="", publisher="x")
    client.force_login(editor)
    response = client.post(
        "/en/admin/quizzes/source/",
        {"action": "publish", "_selected_action": [source.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "fill in Title [en] first" in page
    assert "title_en" not in page.split('<ul class="messagelist">')[1].split("</ul>")[0]


@pytest.mark.django_db
def test_the_quiz_admin_shows_every_field_in_both_languages(client, editor):
    client.force_login(editor)
    page = client.get("/en/admin/quizzes/quiz/add/").content.decode()
    for name in ("title_tr", "title_en", "description_tr", "description_en", "topic", "length", "difficulty"):
        assert f'name="{name}"' in page
    assert page.index('name="title_tr"') < page.index('name="topic"')


@pytest.mark.django_db
def test_a_published_source_needs_a_publication_or_an_access_date_never_both():
    """Issue 18, finding 9: ten of seventeen sources had no date at all."""
    source = Source(title_tr="Kaynak", title_en="Source", publisher="x", url="", is_published=True)
    with translation.override("en"):  # the message is translated when read: read it in English
        with pytest.raises(ValidationError) as raised:
            source.full_clean()
        assert "publication date" in " ".join(raised.value.message_dict["published_on"])
    source.accessed_on = datetime.date(2026, 11, 25)
    source.full_clean()
    source.published_on = datetime.date(2019, 10, 1)
    with pytest.raises(ValidationError) as raised:
        source.full_clean()
    assert "accessed_on" in raised.value.message_dict
    source.accessed_on, source.published_on, source.published_precision = None, datetime.date(2019, 10, 5), "month"
    with pytest.raises(ValidationError) as raised:
        source.full_clean()  # a month's date written with a day nobody knows
    assert "published_on" in raised.value.message_dict
    source.published_on = datetime.date(2019, 10, 1)
    source.full_clean()


@pytest.mark.django_db
def test_a_founding_source_says_where_and_an_event_never_follows_a_later_one():
    source = Source.objects.create(title_tr="K", title_en="S", publisher="x", published_on=datetime.date(2018, 7, 10))
    office = Organisation(slug="ddo", name_tr="Ofis", name_en="Office", short_name_tr="DDO", short_name_en="DTO",
                          summary_tr="a", summary_en="a", source=source, basis="editorial",
                          founded_on=datetime.date(2018, 7, 10), founding_source=source)  # fmt: skip
    with pytest.raises(ValidationError) as raised:
        office.full_clean()
    assert "founding_locator" in raised.value.message_dict
    office.founding_locator = "The passage on Decree No. 1"
    office.full_clean()
    later = TimelineEvent.objects.create(slug="sonra", date=datetime.date(2019, 1, 1), precision="year", title_tr="b",
                                         title_en="b", description_tr="b", description_en="b", confidence="high",
                                         source=source, basis="editorial")  # fmt: skip
    event = TimelineEvent(slug="once", date=datetime.date(2018, 1, 1), precision="year", title_tr="a", title_en="a",
                          description_tr="a", description_en="a", confidence="high", source=source,
                          basis="editorial", follows=later)  # fmt: skip
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    assert "follows" in raised.value.message_dict
