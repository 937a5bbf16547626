"""Content edited through the ORM or admin changes the questions, with no code change."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from quizzes.content import load_content
from quizzes.generation import QuizSettings, all_question_keys, generate_quiz, questions_for_item
from quizzes.models import Decoy, Department, Source, TimelineEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(
        title_tr="Ofisin kurumsal yapısı",
        title_en="The office's structure",
        publisher="9lib.net",
        is_published=True,
    )


def make_department(source, **extra):
    fields = {
        "slug": "veri-yonetisimi",
        "name_tr": "Veri Yönetişimi Dairesi Başkanlığı",
        "name_en": "Department of Data Governance",
        "focus_tr": "Kamu verisinin yönetimi",
        "focus_en": "Managing public data",
        "listing": Department.Listing.OFFICIAL_2019,
        "confidence": "medium",
        "source": source,
        "is_published": True,
    }
    fields.update(extra)
    return Department.objects.create(**fields)


def prompts(questions, language):
    return [q["prompt"][language] for q in questions]


def test_a_new_department_produces_questions(source):
    make_department(source)
    questions = questions_for_item(load_content(), "department:veri-yonetisimi")
    assert "tf_dept:veri-yonetisimi" in [q["key"] for q in questions]
    assert any("Veri Yönetişimi Dairesi Başkanlığı" in p for p in prompts(questions, "tr"))
    assert any("Department of Data Governance" in p for p in prompts(questions, "en"))
    assert all(q["source"]["publisher"] == "9lib.net" for q in questions)


def test_editing_a_department_changes_its_questions(source):
    department = make_department(source)
    department.name_en = "Department of Public Data"
    department.save()
    questions = questions_for_item(load_content(), "department:veri-yonetisimi")
    english = " ".join(prompts(questions, "en"))
    assert "Department of Public Data" in english
    assert "Department of Data Governance" not in english


def test_a_draft_department_produces_no_questions(source):
    make_department(source, is_published=False)
    assert questions_for_item(load_content(), "department:veri-yonetisimi") == []


def test_a_department_resting_on_a_draft_source_produces_no_questions(source):
    source.is_published = False
    source.save()
    make_department(source)
    assert questions_for_item(load_content(), "department:veri-yonetisimi") == []


def test_new_decoys_become_distractors(source):
    make_department(source)
    for slug, tr, en in [
        ("tarim", "Tarım Dairesi Başkanlığı", "Department of Agriculture"),
        ("turizm", "Turizm Dairesi Başkanlığı", "Department of Tourism"),
    ]:
        Decoy.objects.create(slug=slug, kind="department", text_tr=tr, text_en=en, is_published=True)
    (question,) = [
        q for q in questions_for_item(load_content(), "department:veri-yonetisimi") if q["template"] == "dept_is"
    ]
    assert sorted(o["key"] for o in question["options"]) == [
        "decoy:tarim",
        "decoy:turizm",
        "department:veri-yonetisimi",
    ]
    assert question["answer"] == "department:veri-yonetisimi"


def test_new_events_make_a_timeline_quiz(source):
    import datetime

    for number, (slug, date, tr, en) in enumerate(
        [
            ("kurulus", datetime.date(2018, 7, 10), "Ofis kuruldu", "The office is set up"),
            ("strateji", datetime.date(2021, 8, 24), "Strateji açıklandı", "The strategy is launched"),
            ("kapanis", datetime.date(2025, 3, 1), "Ofis kapatıldı", "The office is closed"),
        ]
    ):
        TimelineEvent.objects.create(
            slug=slug,
            date=date,
            precision="day" if number < 2 else "month",
            title_tr=tr,
            title_en=en,
            description_tr=tr,
            description_en=en,
            confidence="high",
            source=source,
            is_published=True,
        )
    content = load_content()
    assert "event_year:kurulus" in all_question_keys(content)["timeline"]
    questions = generate_quiz(content, QuizSettings("timeline", 10), seed=3)
    assert len(questions) == 10
    assert {q["topic"] for q in questions} == {"timeline"}


def test_the_admin_change_page_previews_the_questions_in_both_languages(client, source):
    department = make_department(source)
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a-Good-test-passw0rd")
    client.force_login(admin)
    response = client.get(f"/en/admin/quizzes/department/{department.pk}/change/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    (question,) = [
        q for q in questions_for_item(load_content(), "department:veri-yonetisimi") if q["template"] == "tf_dept"
    ]
    assert "tf_dept:veri-yonetisimi" in page
    assert question["prompt"]["tr"] in page
    assert question["prompt"]["en"] in page


def test_editors_see_and_set_the_basis_of_a_fact(client, source):
    department = make_department(source, basis="editorial")
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a-Good-test-passw0rd")
    client.force_login(admin)
    listing = client.get("/en/admin/quizzes/department/?basis__exact=editorial").content.decode()
    assert "Department of Data Governance" in listing and "editorial: our own explanation" in listing
    page = client.get(f"/en/admin/quizzes/department/{department.pk}/change/").content.decode()
    assert 'name="basis"' in page and 'name="locator"' in page
    # Sourced without saying where in the source: refused with a message, nothing changes.
    form = {
        "slug": department.slug,
        "name_tr": department.name_tr,
        "name_en": department.name_en,
        "focus_tr": department.focus_tr,
        "focus_en": department.focus_en,
        "listing": department.listing,
        "confidence": department.confidence,
        "source": source.pk,
        "order": 0,
        "basis": "sourced",
        "locator": "",
        "is_published": "on",
    }
    response = client.post(f"/en/admin/quizzes/department/{department.pk}/change/", form)
    assert response.status_code == 200 and "Say where in the source it is stated." in response.content.decode()
    department.refresh_from_db()
    assert department.basis == "editorial"
    form["locator"] = "Section 2.1, the organisation chart"
    response = client.post(f"/en/admin/quizzes/department/{department.pk}/change/", form)
    assert response.status_code == 302
    department.refresh_from_db()
    assert (department.basis, department.locator) == ("sourced", "Section 2.1, the organisation chart")


def test_a_sourced_event_cannot_cite_a_source_published_before_it(source):
    import datetime

    from django.core.exceptions import ValidationError

    source.published_on = datetime.date(2018, 7, 10)
    source.save()
    event = TimelineEvent(
        slug="kapanis",
        date=datetime.date(2025, 3, 1),
        precision="month",
        title_tr="Kapanış",
        title_en="Closure",
        description_tr="Kapandı.",
        description_en="Closed.",
        confidence="high",
        source=source,
        basis="sourced",
        locator="paragraph 3",
    )
    with translation.override("en"):  # the messages checked are the English ones
        with pytest.raises(ValidationError, match="published before the event"):
            event.full_clean()
        event.date = datetime.date(2025, 3, 12)  # a month-precision date with a made-up day
        with pytest.raises(ValidationError, match="Unknown parts"):
            event.full_clean()
