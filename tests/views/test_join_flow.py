"""Join links never lose the class: every sign-in and sign-up path keeps it and names it; an archived class says so."""

import pytest
from django.utils import timezone

from quizzes.models import Membership
from quizzes.services import classes
from tests.factories import as_user

pytestmark = pytest.mark.django_db


def link(classroom, language="en"):
    return f"/{language}/classes/join/{classroom.join_code}/"


def header_links(html):
    account = html.split('<div class="account">')[1].split("</div>")[0]
    return [part.split('"')[0] for part in account.split('href="')[1:]]


@pytest.mark.parametrize("page", ["login", "signup"])
def test_the_headers_log_in_and_sign_up_links_keep_the_join_target(client, classroom, page):
    html = client.get(f"/en/accounts/{page}/?next={link(classroom)}").content.decode()
    target = link(classroom)
    assert header_links(html) == [f"/en/accounts/login/?next={target}", f"/en/accounts/signup/?next={target}"]


def test_on_other_pages_the_header_brings_you_back_to_the_page(client, db):
    html = client.get("/en/glossary/").content.decode()
    assert header_links(html) == ["/en/accounts/login/?next=/en/glossary/", "/en/accounts/signup/?next=/en/glossary/"]


def test_the_header_never_carries_a_next_to_another_site(client, db):
    html = client.get("/en/accounts/login/?next=https://evil.example/").content.decode()
    assert header_links(html) == ["/en/accounts/login/", "/en/accounts/signup/"]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "You are about to join “9-A Dijital Dönüşüm”"),
        ("tr", "“9-A Dijital Dönüşüm” sınıfına katılmak üzeresiniz"),
    ],
)
@pytest.mark.parametrize("page", ["login", "signup"])
def test_the_login_and_sign_up_pages_name_the_class_about_to_be_joined(client, classroom, page, language, words):
    html = client.get(f"/{language}/accounts/{page}/?next={link(classroom, language)}").content.decode()
    assert words in html


def test_a_next_that_is_no_join_link_names_no_class(client, classroom):
    html = client.get("/en/accounts/login/?next=/en/glossary/").content.decode()
    assert "You are about to join" not in html


def test_the_sign_up_page_has_a_plain_title_and_the_log_in_link_in_its_body(client, classroom):
    html = client.get(f"/en/accounts/signup/?next={link(classroom)}").content.decode()
    assert "<title>Sign up · DDO Learn</title>" in html
    main = html.split('<main id="main"')[1]
    assert f'<a href="/en/accounts/login/?next={link(classroom)}">Log in</a>' in main
    assert "Already have an account?" in main


def test_the_sign_up_page_links_to_log_in_without_a_next_too(client, db):
    main = client.get("/en/accounts/signup/").content.decode().split('<main id="main"')[1]
    assert '<a href="/en/accounts/login/">Log in</a>' in main


# --- An archived class's right code ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "“9-A Dijital Dönüşüm” is archived"), ("tr", "“9-A Dijital Dönüşüm” arşivlenmiş")],
)
def test_an_archived_classs_code_says_so_and_is_not_a_wrong_code(client, student, classroom, language, words):
    classroom.archived_at = timezone.now()
    classroom.save()
    as_user(client, student)
    for _ in range(classes.WRONG_CODES_ALLOWED + 2):
        response = client.post(f"/{language}/classes/join/", {"code": classroom.join_code})
        assert response.status_code == 400
        assert words in response.content.decode()
    assert classes.wrong_code_wait(student) == 0
    assert not Membership.objects.exists()


def test_an_archived_classs_join_link_says_so(client, student, classroom):
    classroom.archived_at = timezone.now()
    classroom.save()
    response = as_user(client, student).get(link(classroom))
    assert response.status_code == 410
    assert "“9-A Dijital Dönüşüm” is archived" in response.content.decode()
    assert classes.wrong_code_wait(student) == 0


def test_naming_join_links_classes_to_visitors_is_bounded_per_address(client, classroom, monkeypatch):
    # Signed out, no account's wrong-code allowance counts these lookups: the address's does.
    from quizzes import return_to

    monkeypatch.setattr(return_to, "PREVIEW_RATE", "2/h")
    url = f"/en/accounts/login/?next={link(classroom)}"
    assert all("You are about to join" in client.get(url).content.decode() for _ in range(2))
    response = client.get(url)
    assert response.status_code == 200 and "You are about to join" not in response.content.decode()


def test_a_password_reset_on_the_way_keeps_the_join_target(client, student, classroom, settings, mailoutbox):
    import re

    settings.EMAIL_CONFIGURED = True
    student.email = "ogrenci@example.com"
    student.save()
    target = link(classroom)
    html = client.get(f"/en/accounts/login/?next={target}").content.decode()
    assert f'href="/en/accounts/password_reset/?next={target}"' in html
    html = client.get(f"/en/accounts/password_reset/?next={target}").content.decode()
    assert f'name="next" value="{target}"' in html
    response = client.post("/en/accounts/password_reset/", {"email": student.email, "next": target}, follow=True)
    assert header_links(response.content.decode())[0] == f"/en/accounts/login/?next={target}"
    confirm = re.search(r"https?://[^/\s]+(/\S+/reset/\S+/)", mailoutbox[0].body).group(1)
    form_page = client.get(confirm, follow=True).redirect_chain[-1][0]
    done = client.post(form_page, {"new_password1": "yeni-uzun-parola-42", "new_password2": "yeni-uzun-parola-42"})
    html = client.get(done["Location"]).content.decode()
    assert f'href="/en/accounts/login/?next={target}">Log in with your new password' in html


def test_a_page_answering_a_post_is_not_where_the_header_brings_you_back(client, db):
    response = client.post("/en/quizzes/start/", {"topic": "nonsense"})
    assert response.status_code == 400
    assert header_links(response.content.decode()) == ["/en/accounts/login/", "/en/accounts/signup/"]
