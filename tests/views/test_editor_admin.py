"""The editor's side: the admin's question preview collapsed, a header link to the admin, "view on site"."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from quizzes.content import load_content
from quizzes.generation import questions_for_item
from quizzes.models import Department, Duty, GlossaryTerm, Source, TimelineEvent
from tests.factories import as_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a-Good-test-passw0rd")
    return as_user(client, admin)


@pytest.fixture
def department():
    source = Source.objects.create(title_tr="Yapı", title_en="Structure", publisher="9lib.net", is_published=True)
    return Department.objects.create(
        slug="veri-yonetisimi",
        name_tr="Veri Yönetişimi Dairesi Başkanlığı",
        name_en="Department of Data Governance",
        focus_tr="Kamu verisinin yönetimi",
        focus_en="Managing public data",
        listing=Department.Listing.OFFICIAL_2019,
        confidence="medium",
        source=source,
        is_published=True,
    )


def test_the_question_preview_is_collapsed_with_its_count(admin_client, department):
    page = html.unescape(admin_client.get(f"/en/admin/quizzes/department/{department.pk}/change/").content.decode())
    count = len(questions_for_item(load_content(), "department:veri-yonetisimi"))
    assert count > 1
    assert '<details class="question-preview-box">' in page
    assert f"<summary>This item makes {count} questions: show them</summary>" in page
    assert '<details class="question-preview-box" open' not in page


def test_the_change_page_has_view_on_site_at_the_items_anchor(admin_client, department):
    page = admin_client.get(f"/en/admin/quizzes/department/{department.pk}/change/").content.decode()
    (link,) = re.findall(r'<a href="([^"]+)" class="viewsitelink">', page)
    response = admin_client.get(link)
    assert response["Location"].endswith("/en/departments/#department-veri-yonetisimi")


@pytest.mark.parametrize(
    ("model", "fields", "url"),
    [
        (Duty, {"slug": "veri-politikasi", "text_tr": "a", "text_en": "a"}, "/en/duties/#duty-veri-politikasi"),
        (GlossaryTerm, {"slug": "kararname", "term": "Kararname"}, "/en/glossary/#term-kararname"),
    ],
)
def test_content_items_link_to_their_learning_page(model, fields, url):
    with translation.override("en"):  # an English page's link (the admin's "view on site" in English)
        assert model(**fields).get_absolute_url() == url


def test_a_timeline_event_links_to_its_anchor():
    with translation.override("en"):
        assert TimelineEvent(slug="kurulus").get_absolute_url() == "/en/timeline/#event-kurulus"
    assert TimelineEvent(slug="kurulus").get_absolute_url() == "/tr/timeline/#event-kurulus"


def test_staff_see_a_link_to_the_admin_in_the_header(client, editor):
    page = as_user(client, editor).get("/en/").content.decode()
    header = page.split("</header>", 1)[0]
    assert '<a href="/en/admin/">Site admin</a>' in header


def test_learners_see_no_admin_link(client, student):
    page = as_user(client, student).get("/en/").content.decode()
    assert "/admin/" not in page.split("</header>", 1)[0]
