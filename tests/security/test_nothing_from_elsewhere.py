"""Nothing loaded from another site (issue 8, finding 10): every script, style, image and frame on
every rendered page, learning pages and admin alike, comes from this site. Links to sources
(<a href>) are not loads and may point anywhere."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib import admin
from django.urls import reverse

from quizzes.models import Attempt

LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("embed", "src")}


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in LOADS and value:
                self.urls.append(value)
            if name == "srcset" and value:
                self.urls.extend(part.split()[0] for part in value.split(","))


def outside_loads(html):
    parser = _Loads()
    parser.feed(html)
    return [url for url in parser.urls if urlsplit(url).netloc or url.startswith("//")]


def assert_only_local(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert outside_loads(response.content.decode()) == [], url


def test_the_scanner_sees_an_outside_script():
    assert outside_loads('<script src="//ajax.googleapis.com/x.js"></script><a href="https://a.b/">ok</a>') == [
        "//ajax.googleapis.com/x.js"
    ]


def test_learning_and_quiz_pages_load_nothing_from_elsewhere(client, content):
    pages = ["", "departments/", "duties/", "timeline/", "glossary/", "sources/", "quizzes/", "progress/"]
    client.post("/en/quizzes/start/", {"topic": "mixed", "length": 10, "difficulty": "any"})
    attempt = Attempt.objects.get()
    pages += [f"attempts/{attempt.public_id}/", "accounts/login/", "accounts/signup/", "accounts/password_reset/"]
    for language in ("tr", "en"):
        assert_only_local(client, [f"/{language}/{page}" for page in pages])


def test_every_admin_list_and_change_page_loads_nothing_from_elsewhere(client, content, editor, admin_user):
    client.force_login(admin_user)
    urls = ["/en/admin/", "/tr/admin/"]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        if model_admin.has_add_permission(type("R", (), {"user": admin_user})()):
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        first = model._default_manager.first()
        if first is not None:
            urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
    assert_only_local(client, urls)


def test_class_and_teaching_pages_load_nothing_from_elsewhere(client, content, teacher, student):
    from quizzes.models import Classroom

    classroom = Classroom.objects.create(name="9-A", teacher=teacher)
    client.force_login(student)
    assert_only_local(client, ["/tr/classes/", "/en/progress/"])
    client.force_login(teacher)
    pages = ["teach/", f"teach/classes/{classroom.pk}/", f"teach/classes/{classroom.pk}/report/"]
    pages += [f"teach/classes/{classroom.pk}/topics/", f"teach/classes/{classroom.pk}/items/"]
    for language in ("tr", "en"):
        assert_only_local(client, [f"/{language}/{page}" for page in pages])
