"""Pure quiz generation: published content + settings + a seed in, questions out.

Nobody writes questions by hand. Each *template* turns one or a few
content items into a question; a question's key is ``<template>:<slugs>``
(several slugs joined by ``+``), which is enough to rebuild it from today's
content (``generate_from_keys``). The same content, settings and seed always
give the same questions: all randomness comes from one ``random.Random(seed)``
and every collection is walked in a fixed order.

Templates (type, topic, difficulty):

============== ========== =========== ========== ==========================================
template       type       topic       difficulty asks
============== ========== =========== ========== ==========================================
dept_focus     single     departments medium     which department focused on X
dept_of_focus  single     departments medium     what did department Y focus on
dept_is        single     departments easy       which of these was one of its departments
dept_is_not    single     departments easy       which of these was NOT (answer: a decoy)
tf_dept        truefalse  departments easy       "Y was one of its departments" (true)
tf_decoy_dept  truefalse  departments easy       "<decoy> was one of its departments" (false)
tf_focus       truefalse  departments medium     "Y focused on X" (true)
tf_focus_swap  truefalse  departments hard       "Y focused on <another's focus>" (false)
match_focus    matching   departments hard       match 3–4 departments to their focus
duty_is        single     duties      easy       which of these was one of its duties
duty_is_not    single     duties      medium     which of these was NOT (answer: a decoy)
duty_passed    single     duties      hard       which of these duties passed on in 2025
tf_duty        truefalse  duties      easy       "D was one of its duties" (true)
tf_decoy_duty  truefalse  duties      easy       "<decoy> was one of its duties" (false)
event_year     year       timeline    medium     in which year did event X happen
event_month    single     timeline    hard       in which month (month or day precision)
year_event     single     timeline    medium     what happened in year Y
first_of_two   single     timeline    medium     which of two events came first
order_four     ordering   timeline    hard       put four events in order
decree_number  single     timeline    hard       which decree number (event's title redacted)
tf_event_year  truefalse  timeline    easy       "X happened in <its year>" (true)
tf_wrong_year  truefalse  timeline    medium     "X happened in <another year>" (false)
successor      single     timeline    medium     which body took over the office's duties in 2025
org_founded    year       timeline    hard       in which year was organisation O founded
term_tr_en     single     glossary    easy       the English for a Turkish term
term_en_tr     single     glossary    medium     the Turkish for an English term
term_meaning   single     glossary    medium     which term a definition describes
tf_term        truefalse  glossary    easy       "the English for T is E" (true)
tf_term_swap   truefalse  glossary    medium     "the English for T is <another term's English>" (false)
xl_term_tr_en  single     xlang_tr_en easy       a Turkish term; its English among English terms
xl_name_tr_en  single     xlang_tr_en medium     an official Turkish name (decree, title); its English
xl_dept_tr_en  single     xlang_tr_en medium     a unit's Turkish name; its English among its list's
xl_org_tr_en   single     xlang_tr_en easy       a body's Turkish name; its English name
xl_*_en_tr     single     xlang_en_tr            the same four the other way: English asked, Turkish offered
============== ========== =========== ========== ==========================================

The ``xlang_*`` topics (crosslanguage.py) are cross-language practice: the
prompt in one language and the options in the other, whatever the page's
language (the question's ``shown`` says which). They are drawn only when a
quiz asks for one of them, never in "mixed", and ``all_question_keys`` and the
admin preview leave them out unless asked.

Where things are: one module per topic holds its templates (departments.py,
duties.py, timeline.py, glossary.py; real_or_decoy.py the builders departments
and duties share), registry.py the templates by name, draw.py which questions
a quiz asks, questions.py the question a template returns and its options,
wording.py how questions say things, index.py the content by slug,
chronology.py which of two events is known to come first, years.py the wrong
years a question offers or states (mostly years in which something else
happened). A question says what its explanation rests on ("basis": sourced,
editorial or mixed; "sources": every source it used). A new
template is a function in its topic's module with the ``@template`` decorator.

Truth: a decoy (a department or duty the office never had) only ever appears
as a wrong option or as a false statement, never as an answer that claims it
is true. Duties the source says passed to the Cyber Security Presidency in
2025 were the office's duties until then, so they count as its duties
("was one of its duties", past tense) and also feed ``duty_passed``. Facts of
"source only" confidence, and the five departments as the source lists them,
are asked "according to the source"; a true/false statement carries that in its
explanation, never in its prompt, since a decoy's false statement is worded the
same (a lead-in only true statements have would give the answer away).
``tests/test_generation_form.py`` checks that no wording gives an answer away. A template is skipped for an item when
the content lacks enough distinct distractors (a single-choice question needs
at least three options), or when the event's title would give the answer away
(its title contains the year asked about).
"""

from random import Random

from . import crosslanguage, departments, duties, glossary, timeline  # noqa: F401  (their templates join the registry)
from .draw import QuizSettings, generate_quiz
from .index import Index
from .registry import CROSS_LANGUAGE, DIFFICULTIES, TEMPLATES, TOPICS, candidates, parse

__all__ = [
    "CROSS_LANGUAGE",
    "DIFFICULTIES",
    "PREVIEW_SEED",
    "TEMPLATES",
    "TOPICS",
    "QuizSettings",
    "all_question_keys",
    "generate_from_keys",
    "generate_quiz",
    "item_refs",
    "questions_for_item",
]

PREVIEW_SEED = 0


def item_refs(question):
    """Every content item a question rests on (``department:<slug>`` ...), the main item first."""
    template, slugs = parse(question["key"])
    refs = template.refs(slugs) if template else []
    return list(dict.fromkeys([question["item"], *refs]))


def all_question_keys(content, topics=TOPICS):
    """Every question key the content produces, by topic (each checked by building it).

    The cross-language topics only when asked for: ``topics=(*TOPICS, *CROSS_LANGUAGE)``.
    """
    ix = Index(content)
    found = {topic: [] for topic in topics}
    for t, slugs in candidates(ix, [t for t in TEMPLATES.values() if t.topic in topics]):
        question = t.build(t, ix, slugs, Random(PREVIEW_SEED))
        if question is not None and question["key"] not in found[t.topic]:
            found[t.topic].append(question["key"])
    return found


def questions_for_item(content, item_ref):
    """Every question an item takes part in, built with a fixed seed (the admin preview)."""
    ix = Index(content)
    found = []
    for t, slugs in candidates(ix, [t for t in TEMPLATES.values() if t.topic in TOPICS]):
        if item_ref not in t.refs(slugs):
            continue
        question = t.build(t, ix, slugs, Random(PREVIEW_SEED))
        if question is not None and all(q["key"] != question["key"] for q in found):
            found.append(question)
    return found


def generate_from_keys(content, keys, seed):
    """The questions for ``keys`` rebuilt from today's content, in the given order.

    Keys whose items are gone (or no longer make a valid question) are skipped;
    options and their order come from ``seed``.
    """
    ix = Index(content)
    rng = Random(seed)
    found, seen = [], set()
    for key in keys:
        template, slugs = parse(key)
        if template is None or key in seen:
            continue
        seen.add(key)
        question = template.build(template, ix, slugs, rng)
        if question is not None:
            found.append(question)
    return found
