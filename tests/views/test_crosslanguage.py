"""Turkish ⇄ English practice: the catalogue's form, starting it, taking it, its result and its item statistics."""

import re

from quizzes.models import Answer, Attempt
from quizzes.reports.items import item_groups
from tests.quiz_factories import save_url

START = "/en/quizzes/start/"


def start(client, direction, length=8, language="en"):
    return client.post(f"/{language}/quizzes/start/", {"xl-direction": direction, "xl-length": length})


def test_the_catalogue_offers_it_in_both_languages(client, content):
    en = client.get("/en/quizzes/").content.decode()
    assert "Turkish ⇄ English practice" in en and "Turkish → English" in en and "English → Turkish" in en
    tr = client.get("/tr/quizzes/").content.decode()
    assert "Türkçe ⇄ İngilizce alıştırma" in tr and "Türkçe → İngilizce" in tr and "İngilizce → Türkçe" in tr


def test_the_catalogue_costs_no_extra_query(client, content, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the session, the quizzes, the unfinished attempts (guest: none)
        assert client.get("/en/quizzes/").status_code == 200


def test_turkish_to_english_starts_a_practice_of_that_direction(client, content):
    response = start(client, "xlang_tr_en")
    attempt = Attempt.objects.get()
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    assert attempt.topic == "xlang_tr_en" and attempt.get_topic_display() == "Turkish → English"
    assert len(attempt.questions) == 8
    assert all(q["shown"] == {"prompt": "tr", "options": "en"} for q in attempt.questions)
    # Terms, official names, departments and bodies: four kinds, at most two of each.
    kinds = [q["template"] for q in attempt.questions]
    assert {k.split("_")[1] for k in kinds} == {"term", "name", "dept", "org"}
    assert max(kinds.count(k) for k in kinds) <= 2


def test_english_to_turkish_starts_the_other_direction(logged_in, content):
    start(logged_in, "xlang_en_tr", length=5, language="tr")
    attempt = Attempt.objects.get()
    assert attempt.topic == "xlang_en_tr" and len(attempt.questions) == 5
    assert all(q["shown"] == {"prompt": "en", "options": "tr"} and "_en_tr:" in q["key"] for q in attempt.questions)


def test_a_bad_direction_or_length_is_refused_with_a_message_and_starts_nothing(client, content):
    for data in ({"xl-direction": "xlang_fr_en", "xl-length": 8}, {"xl-direction": "xlang_tr_en", "xl-length": 99}):
        response = client.post(START, data)
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
    assert not Attempt.objects.exists()


def test_on_the_english_page_the_turkish_prompt_comes_with_english_options(client, content):
    start(client, "xlang_tr_en")
    attempt = Attempt.objects.get()
    html = client.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    q = attempt.questions[0]
    prompt = re.search(r'<p class="prompt" id="question-1-prompt" lang="tr">([^<]*)</p>', html)
    assert prompt and q["prompt"]["tr"].replace("“", "").split("”")[0] in prompt.group(1).replace("&ldquo;", "")
    assert '<ul class="choices" lang="en">' in html
    for option in q["options"]:
        assert option["text"]["en"] in html


def test_the_result_shows_the_answers_in_the_options_language_and_the_statistics_count_the_page_language(
    client, logged_in, content
):
    start(logged_in, "xlang_tr_en")
    start(logged_in, "xlang_en_tr", language="tr")
    tr_en, en_tr = Attempt.objects.order_by("started_at")
    logged_in.post(save_url(tr_en, "en"), {"action": "submit", **{f"q-{i}": "0" for i in range(8)}})
    logged_in.post(save_url(en_tr, "tr"), {"action": "submit", **{f"q-{i}": "0" for i in range(8)}})
    html = logged_in.get(f"/en/attempts/{tr_en.public_id}/result/").content.decode()
    q = tr_en.questions[0]
    right = next(o for o in q["options"] if o["key"] == q["answer"])
    assert f'<span lang="en">{right["text"]["en"]}</span>' in html.replace("&#x27;", "'")
    assert '<span lang="tr">' in html  # the prompt, in Turkish on the English page
    # Each direction is an item of its own, counted under the language of the page it was answered on.
    rows = item_groups(Answer.objects.filter(attempt__in=[tr_en, en_tr]))
    by_key = {}
    for row in rows:
        n_tr, n_en = by_key.get(row["question_key"], (0, 0))
        by_key[row["question_key"]] = (n_tr + row["n_tr"], n_en + row["n_en"])
    assert {n for k, n in by_key.items() if "_tr_en:" in k} == {(0, 1)}
    assert {n for k, n in by_key.items() if "_en_tr:" in k} == {(1, 0)}


def test_my_progress_names_the_practice_by_its_direction(logged_in, content):
    start(logged_in, "xlang_tr_en")
    attempt = Attempt.objects.get()
    logged_in.post(save_url(attempt, "en"), {"action": "submit", **{f"q-{i}": "0" for i in range(8)}})
    html = logged_in.get("/en/progress/").content.decode()
    assert "Turkish → English" in html and "xlang_tr_en" not in html
    # Practising the questions missed rebuilds them from their keys, still cross-language.
    response = logged_in.post("/en/progress/practise/")
    assert response.status_code == 302
    practice = Attempt.objects.exclude(pk=attempt.pk).get()
    assert practice.questions and all("shown" in q for q in practice.questions)
