"""Site-wide item statistics: kept in step at submit time, equal to a rebuild from the answers."""

import math

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.models import Attempt, ItemStatistic, item_sums
from quizzes.models.item_sums import SUMS
from quizzes.services.attempts import claim_guest_attempts, submit_attempt
from tests.factories import make_attempt, make_student, question

pytestmark = pytest.mark.django_db

KEYS = [f"q:{i}" for i in range(5)]
QUESTIONS = {key: question(key) for key in KEYS}


def stored():
    """{(key, language): (n, Σx, Σx², Σy, Σy², Σxy), topic, prompt} as the table holds them now."""
    return {
        (s.question_key, s.language): (tuple(getattr(s, name) for name in SUMS), s.topic, s.prompt)
        for s in ItemStatistic.objects.all()
    }


def assert_same(incremental, rebuilt):
    assert incremental.keys() == rebuilt.keys()
    for group, (sums, topic, prompt) in incremental.items():
        other_sums, other_topic, other_prompt = rebuilt[group]
        assert sums[0] == other_sums[0]  # counts exactly
        for a, b in zip(sums[1:], other_sums[1:], strict=True):
            assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), (group, sums, other_sums)
        assert (topic, prompt) == (other_topic, other_prompt)


def open_attempt(student, keys, choices, languages, *, number=1, topic="mixed", guest_key=""):
    attempt = make_attempt(
        student,
        None,
        choices,
        questions=[QUESTIONS[k] for k in keys],
        submitted_at=None,
        number=number,
        guest_key=guest_key,
    )
    attempt.answers.update(language="")
    for answer, language in zip(attempt.answers.order_by("position"), languages, strict=True):
        if answer.response is not None:
            answer.language = language
            answer.save(update_fields=["language"])
    if topic != "mixed":
        Attempt.objects.filter(pk=attempt.pk).update(topic=topic)
        attempt.refresh_from_db()
    return attempt


def test_a_submitted_first_attempt_adds_to_the_sums_of_its_keys_and_languages():
    ayse = make_student("ayse")
    attempt = open_attempt(ayse, ["q:0", "q:1", "q:2"], ["a", "b", None], ["tr", "en", "tr"])
    assert submit_attempt(attempt)
    figures = stored()
    # score 1: q:0 right (x=1, y=0), q:1 wrong in English (x=0, y=1), q:2 left blank (language "").
    assert figures[("q:0", "tr")][0] == (1, 1.0, 1.0, 0.0, 0.0, 0.0)
    assert figures[("q:1", "en")][0] == (1, 0.0, 0.0, 1.0, 1.0, 0.0)
    assert figures[("q:2", "")][0] == (1, 0.0, 0.0, 1.0, 1.0, 0.0)
    assert figures[("q:0", "tr")][2] == {"tr": "Soru q:0?", "en": "Question q:0?"}
    assert not submit_attempt(attempt)  # submitting twice records once
    assert stored() == figures


def test_practice_of_missed_questions_is_not_counted():
    ayse = make_student("ayse")
    submit_attempt(open_attempt(ayse, ["q:1"], ["a"], ["tr"], topic="practice"))
    assert not ItemStatistic.objects.exists()
    assert item_sums.rebuild() == 0


def test_a_learner_counts_once_per_question_however_often_they_practise_it():
    # The page says "first attempts": a question a learner meets again (a new self-practice quiz, a
    # second attempt) is answered from memory, and would make it look easier than it is.
    ayse, bora = make_student("ayse"), make_student("bora")
    submit_attempt(open_attempt(ayse, ["q:0", "q:1"], ["b", "a"], ["tr", "tr"]))  # q:0 wrong, first time
    submit_attempt(open_attempt(ayse, ["q:0", "q:2"], ["a", "a"], ["tr", "tr"]))  # q:0 again: right, remembered
    submit_attempt(open_attempt(ayse, ["q:0"], ["a"], ["en"], number=2))  # and again, in an assignment's 2nd try
    submit_attempt(open_attempt(bora, ["q:0"], ["a"], ["tr"]))  # another learner's first answer counts
    figures = stored()
    assert figures[("q:0", "tr")][0][:2] == (2, 1.0)  # ayse's first (wrong) and bora's (right)
    assert ("q:0", "en") not in figures
    assert figures[("q:2", "tr")][0][0] == 1  # new to ayse in her second quiz: counted
    item_sums.rebuild()
    assert stored() == figures


def test_a_guest_who_signs_up_counts_once_per_question():
    ayse = make_student("ayse")
    submit_attempt(open_attempt(None, ["q:0", "q:1"], ["b", "a"], ["tr", "tr"], guest_key="guest-1"))
    submit_attempt(open_attempt(ayse, ["q:0"], ["a"], ["tr"]))  # ayse's own first answer to q:0...
    assert stored()[("q:0", "tr")][0][0] == 2
    claim_guest_attempts(ayse, "guest-1")  # ...but as a guest she had answered it first
    figures = stored()
    assert figures[("q:0", "tr")][0][:2] == (1, 0.0)
    item_sums.rebuild()
    assert_same(figures, stored())


def test_submitting_runs_two_more_queries_whatever_the_number_of_questions(django_assert_num_queries):
    ayse = make_student("ayse")
    short = open_attempt(ayse, KEYS[:2], ["a", "b"], ["tr", "tr"], topic="practice")  # not counted: no query
    long = open_attempt(ayse, KEYS, ["a", "b", "a", "c", "a"], ["tr", "en", "tr", "en", "tr"])
    with django_assert_num_queries(9):  # the submit, and three for the spaced-review cards
        submit_attempt(short)
    with django_assert_num_queries(11):  # the same, the keys the learner answered before, one INSERT … ON CONFLICT
        submit_attempt(long)


def test_the_command_rebuilds_the_sums_from_the_answers():
    ayse, bora = make_student("ayse"), make_student("bora")
    for student, choices in ((ayse, ["a", "b", "a"]), (bora, ["a", "a", None])):
        submit_attempt(open_attempt(student, KEYS[:3], choices, ["tr", "en", "en"]))
    incremental = stored()
    ItemStatistic.objects.update(n=0, sum_x=0)  # drifted, or lost
    call_command("rebuild_item_statistics", verbosity=0)
    assert stored() == incremental


LEARNERS = [("h0", ""), ("h1", ""), ("h2", ""), (None, "guest-a"), (None, "guest-b")]
attempt_plans = st.lists(
    st.one_of(
        st.tuples(
            st.integers(0, len(LEARNERS) - 1),  # which learner: three accounts, two guests
            st.sampled_from([1, 1, 1, 2]),  # attempt number
            st.booleans(),  # practice?
            st.lists(  # (question, choice, language): learners meet the same questions again
                st.tuples(
                    st.sampled_from(KEYS[:3]), st.sampled_from([None, "a", "b", "c"]), st.sampled_from(["tr", "en"])
                ),
                min_size=1,
                max_size=3,
                unique_by=lambda answer: answer[0],
            ),
        ),
        st.tuples(st.just("claim"), st.integers(3, 4), st.integers(0, 2)),  # a guest signs up as an account
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=attempt_plans)
def test_incremental_and_rebuilt_figures_are_equal(plans):
    Attempt.objects.all().delete()
    ItemStatistic.objects.all().delete()
    students = [make_student(name) if not _exists(name) else _get(name) for name, _guest in LEARNERS[:3]]
    for plan in plans:
        if plan[0] == "claim":
            _claim, guest, student = plan
            claim_guest_attempts(students[student], LEARNERS[guest][1])
            continue
        who, number, practice, answers = plan
        name, guest_key = LEARNERS[who]
        attempt = open_attempt(
            students[who] if name else None,
            [key for key, _choice, _language in answers],
            [choice for _key, choice, _language in answers],
            [language for _key, _choice, language in answers],
            number=number,
            topic="practice" if practice else "mixed",
            guest_key=guest_key,
        )
        submit_attempt(attempt)
    incremental = stored()
    item_sums.rebuild()
    assert_same(incremental, stored())


def _exists(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username).exists()


def _get(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
