"""Turkish ⇄ English practice on a phone, in both page languages: the prompt in one language, the options in
the other, whatever the page's language; axe finds nothing serious on the catalogue, the quiz or the result."""

import pytest

from quizzes.models import Attempt
from tests.browser.conftest import serious_violations

pytestmark = pytest.mark.browser

JOURNEYS = [
    # page language, the direction as that page labels it, the direction, the start and submit buttons
    ("en", "Turkish → English", "xlang_tr_en", "Start the practice", "Submit and see my result"),
    ("tr", "İngilizce → Türkçe", "xlang_en_tr", "Alıştırmaya başla", "Gönder ve sonucumu gör"),
]


@pytest.mark.parametrize(("language", "label", "direction", "start", "submit"), JOURNEYS)
def test_a_learner_practises_turkish_and_english_on_a_phone(page, site, language, label, direction, start, submit):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site}/{language}/quizzes/")
    assert serious_violations(page) == []
    page.select_option("#id_xl-direction", label=label)
    page.select_option("#id_xl-length", "5")
    page.get_by_role("button", name=start).click()
    page.wait_for_url("**/attempts/**")
    attempt = Attempt.objects.get()
    asked, answered = ("tr", "en") if direction == "xlang_tr_en" else ("en", "tr")
    assert attempt.topic == direction
    first = attempt.questions[0]
    prompt = page.locator("#question-1-prompt")
    assert prompt.get_attribute("lang") == asked and prompt.inner_text() == first["prompt"][asked]
    choices = page.locator("#question-1 ul.choices")
    assert choices.get_attribute("lang") == answered
    assert choices.locator("label").all_inner_texts() == [o["text"][answered] for o in first["options"]]
    # Nothing runs off a phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(page) == []
    for position in range(len(attempt.questions)):
        page.locator(f"input[name=q-{position}]").first.check()
    page.get_by_role("button", name=submit).click()
    page.wait_for_url("**/result/")
    assert page.locator(f"#question-1 .prompt span[lang={asked}]").inner_text() == first["prompt"][asked]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert serious_violations(page) == []
    assert set(Attempt.objects.get().answers.values_list("language", flat=True)) == {language}
