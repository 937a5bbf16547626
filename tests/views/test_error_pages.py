"""403 and 404 pages in the site's layout (menu, who is signed in, language switch, footer); else the bare page."""

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


def _database_down(execute, sql, params, many, context):
    raise OperationalError("the database is down")


def assert_in_the_layout(html, language):
    assert '<nav aria-label="' in html  # the main menu
    assert 'class="site-footer"' in html
    other = "en" if language == "tr" else "tr"
    assert f'hreflang="{other}"' in html  # the language switch


@pytest.mark.parametrize(("language", "words"), [("en", "Page not found"), ("tr", "Sayfa bulunamadı")])
def test_a_404_for_a_signed_in_user_is_in_the_sites_layout(client, student, language, words):
    client.force_login(student)
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert words in html
    assert_in_the_layout(html, language)
    assert "ogrenci" in html.split('<div class="account">')[1].split("</div>")[0]  # signed in as
    assert "private" in response["Cache-Control"]  # it names the user: no shared cache keeps it


def test_a_404_for_a_guest_offers_log_in(client, db):
    html = client.get("/en/no-such-page/").content.decode()
    assert_in_the_layout(html, "en")
    assert 'href="/en/accounts/login/?next=/en/no-such-page/"' in html
    # The language switch goes to the same address in the other language (a page that is not found there too).
    assert 'href="/tr/no-such-page/" hreflang="tr"' in html


@pytest.mark.parametrize(("language", "words"), [("en", "Not allowed"), ("tr", "İzin yok")])
def test_a_403_is_in_the_sites_layout(client, student, language, words):
    client.force_login(student)
    response = client.get(f"/{language}/teach/")
    assert response.status_code == 403
    html = response.content.decode()
    assert words in html
    assert_in_the_layout(html, language)


def test_with_the_database_down_a_404_falls_back_to_the_bare_page(client, student):
    client.force_login(student)
    client.get("/en/")
    with connection.execute_wrapper(_database_down):
        response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="site-footer"' not in html
