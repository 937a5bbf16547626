"""Issue 18 on the pages: the basis follows the text everywhere, each source is dated, the founding date is cited."""

import re

import pytest

from quizzes.content import load_content
from quizzes.generation import generate_from_keys
from quizzes.models import Source
from quizzes.owners import Owner
from quizzes.services.attempts import _create_attempt
from quizzes.views.printing import paper_answer
from tests.quiz_factories import save_url

LANGUAGES = ("tr", "en")
EDITORIAL = {"tr": "Editoryal: kaynaktan alıntı değil, bizim açıklamamız.", "en": "Editorial: our own explanation"}
KEYS = [
    "dept_focus:siber-guvenlik",
    "order_four:cbk-48-gorev-ve-teskilat+yapay-zeka-genelgesi-2021-18+ulusal-yapay-zeka-stratejisi+cbk-177-siber-guvenlik-baskanligi",
    "org_founded:ddo",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_page_shows_the_same_basis_as_the_learning_pages(client, student, content, language):
    """Finding 7: a focus marked editorial on /departments/ was "Source: Mynet Haber" on the result page."""
    client.force_login(student)
    questions = generate_from_keys(load_content(), KEYS, 0)
    assert [q["key"] for q in questions] == KEYS
    attempt = _create_attempt(Owner(user=student), questions, topic="mixed", difficulty="any", length=3, seed=0)
    client.post(save_url(attempt, language), {"action": "submit", "submit_anyway": "1"})
    html = client.get(f"/{language}/attempts/{attempt.public_id}/result/").content.decode()
    focus, order, founded = (html[html.index(f'id="question-{n}"') :] for n in (1, 2, 3))
    focus, order = focus[: focus.index('id="question-2"')], order[: order.index('id="question-3"')]
    assert EDITORIAL[language] in focus and "Mynet" not in focus
    for publisher in ("Samanyolu Haber", "Moroğlu Arseven", "ATSO Vizyon", "LANT (lanturkey.com)"):
        assert publisher in order  # finding 8: each dated statement's own source
    assert "Digital Age" in founded and "Mynet" not in founded  # finding 6


def test_the_paper_key_shows_the_same_basis(content):
    focus, order, founded = generate_from_keys(load_content(), KEYS, 0)
    assert paper_answer(focus, 1, "en")["basis"] == "editorial" and paper_answer(focus, 1, "en")["sources"] == []
    assert len(paper_answer(order, 2, "en")["sources"]) == 4
    assert [s["publisher"] for s in paper_answer(founded, 3, "en")["sources"]] == ["Digital Age"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_cites_the_founding_date_to_the_source_that_states_it(client, content, language):
    """Finding 6: "Established 10 July 2018" was cited to Mynet Haber, which gives no date."""
    html = client.get(f"/{language}/").content.decode()
    established = html[html.index("<dd>", html.index("Established" if language == "en" else "Kuruluş")) :]
    established = established[: established.index("</dd>")]
    assert "Digital Age" in established and "Mynet" not in established


@pytest.mark.parametrize(
    ("language", "published", "accessed"), [("en", "published", "accessed"), ("tr", "yayımlandı", "erişildi")]
)
def test_every_source_says_when_and_which_date_it_is(client, content, language, published, accessed):
    """Finding 9: ten of seventeen sources had no date on /sources/."""
    html = client.get(f"/{language}/sources/").content.decode()
    sources = Source.objects.filter(is_published=True)
    assert sources.count() == 17
    for source in sources:
        start = html.index(f'id="source-{source.pk}"')
        when = re.findall(r"<time [^>]*>([^<]*)</time>", html[start : html.index("</li>", start)])
        assert len(when) == 1 and (published in when[0]) != (accessed in when[0]), source.publisher
    samanyolu = html[html.index(f'id="source-{sources.get(publisher="Samanyolu Haber").pk}"') :]
    assert re.search(r'<time datetime="2019-10">', samanyolu[: samanyolu.index("</li>")])
