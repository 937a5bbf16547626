"""Screenshots of every page, at phone (375 px) and desktop (1280 px) width, in Turkish and English.

    .venv/bin/python bench/screenshots.py [--out screenshots]

Serves the demo content from a throwaway SQLite database and drives Debian's
Chromium (/usr/bin/chromium) through Playwright. Writes
``<out>/<width>/<language>-<page>.png`` and prints each path.
"""

import argparse
import subprocess
import sys
from pathlib import Path

from demo_site import demo_database, serving

ROOT = Path(__file__).resolve().parent.parent
PORT = 8766
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
LANGUAGES = ("tr", "en")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--port", type=int, default=PORT, help="a free port on loopback")
    args = parser.parse_args()
    out = Path(args.out)
    with demo_database("ddo-screenshots-", DJANGO_SETTINGS_MODULE="ddo_learn.settings") as env:
        sessions, pages = prepare()
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{args.port}"]
        with serving(
            command, env, f"http://127.0.0.1:{args.port}/tr/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        ):
            shoot(out, sessions, pages, args.port)


def prepare():
    """Sessions for the demo student and teacher, and the pages each of them sees."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from quizzes.models import Classroom
    from quizzes.owners import Owner
    from quizzes.services import attempts as services
    from quizzes.services.problems import report_problem

    users = get_user_model().objects
    sessions = {}
    for username in ("ayse", "teacher", "editor"):
        client = Client()
        client.force_login(users.get(username=username))
        sessions[username] = client.cookies["sessionid"].value
    ayse = users.get(username="ayse")
    taking = services.start_attempt(Owner(user=ayse), topic="mixed", length=10, seed=7)
    done = services.start_attempt(Owner(user=ayse), topic="mixed", length=10, seed=8)
    responses = {i: q["answer"] for i, q in enumerate(done.questions) if i % 3}
    services.save_answers(done, responses, "tr")
    services.submit_attempt(done)
    report_problem(done, 0, Owner(user=ayse), reason="unclear", text="Soru açık değil.", language="tr")
    for seed in range(1, 50):  # a hard departments quiz with a matching question: the widest quiz page
        matching = services.start_attempt(
            Owner(user=ayse), topic="departments", length=10, difficulty="hard", seed=seed
        )
        if any(q["type"] == "matching" for q in matching.questions):
            break
    classroom = Classroom.objects.filter(teacher__username="teacher").first()
    pages = [
        (None, "overview", ""),
        (None, "departments", "departments/"),
        (None, "duties", "duties/"),
        (None, "timeline", "timeline/"),
        (None, "glossary", "glossary/"),
        (None, "sources", "sources/"),
        (None, "catalogue", "quizzes/"),
        (None, "login", "accounts/login/"),
        (None, "signup", "accounts/signup/"),
        (None, "password-reset", "accounts/password_reset/"),
        ("ayse", "quiz", f"attempts/{taking.public_id}/"),
        ("ayse", "quiz-hard-matching", f"attempts/{matching.public_id}/"),
        ("ayse", "result", f"attempts/{done.public_id}/result/"),
        ("ayse", "progress", "progress/"),
        ("ayse", "review", "review/"),
        ("ayse", "flashcards", "review/flashcards/"),
        ("ayse", "my-classes", "classes/"),
    ]
    if classroom is not None:
        base = f"teach/classes/{classroom.pk}/"
        pages += [
            ("teacher", "teacher-home", "teach/"),
            ("teacher", "teacher-class", base),
            ("teacher", "report-class", f"{base}report/"),
            ("teacher", "report-student", f"{base}students/{ayse.pk}/"),
            ("teacher", "report-topics", f"{base}topics/"),
            ("teacher", "report-items", f"{base}items/"),
            ("teacher", "teacher-projector", f"{base}projector/"),
            ("teacher", "teacher-delete-class", f"{base}delete/"),
            ("teacher", "teacher-remove-student", f"{base}students/{ayse.pk}/remove/"),
            ("ayse", "join-link", f"classes/join/{classroom.join_code}/"),
            ("ayse", "leave-class", f"classes/{classroom.pk}/leave/"),
        ]
        first = classroom.assignments.order_by("pk").first()
        if first is not None:
            pages.append(("teacher", "teacher-extensions", f"{base}assignments/{first.pk}/extensions/"))
            pages.append(("teacher", "print-assignment", f"{base}assignments/{first.pk}/print/"))
    pages += [
        ("teacher", "print-form", "quizzes/print/"),
        ("editor", "item-statistics", "editors/item-statistics/"),
        ("editor", "admin-index", "admin/"),
        ("editor", "admin-departments", "admin/quizzes/department/"),
        ("editor", "admin-department", "admin/quizzes/department/1/change/"),
        ("editor", "admin-problem-reports", "admin/quizzes/problemreport/"),
    ]
    return sessions, pages


def shoot(out, sessions, pages, port):
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for width_name, (width, height) in WIDTHS.items():
            for who in (None, *sessions):
                context = browser.new_context(viewport={"width": width, "height": height})
                if who:
                    context.add_cookies([{"name": "sessionid", "value": sessions[who], "url": base}])
                page = context.new_page()
                for user, name, path in pages:
                    if user != who:
                        continue
                    for language in LANGUAGES:
                        page.goto(f"{base}/{language}/{path}")
                        target = out / width_name / f"{language}-{name}.png"
                        target.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(target), full_page=True)
                        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
