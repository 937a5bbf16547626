"""Templates on the office's duties: which were (not) its duties, and which passed on in 2025.

Duties the source says passed to the Cyber Security Presidency in 2025 were
the office's duties until then, so they count as its duties ("was one of its
duties", past tense) and also feed ``duty_passed``.
"""

from ..question_types import SINGLE, TRUE_FALSE
from ..values import Text, is_sourced
from .real_or_decoy import Kind, decoy_among_real, false_of_decoy, real_among_decoys, true_of_real
from .registry import decoys_of, one_each, template
from .wording import OFFICE_OF, SUCCESSOR, according, bare, uncapitalise

DUTY = Kind(
    name="duty",
    field="duties",
    plural=Text("görevlerinden", "duties"),
    text=lambda d: d.text,
    lead=lambda d: according(d.confidence != "source_only", is_sourced(d)),
    statement=lambda quoted: Text(
        f"şu iş {OFFICE_OF.tr} görevlerinden biriydi: {quoted.tr}. Doğru mu, yanlış mı?",
        f"this was one of {OFFICE_OF.en} duties: {quoted.en}. True or false?",
    ),
)


def _note(duty):
    if duty.holder == "transferred":
        return Text(f" Bu görev 2025'te {SUCCESSOR.tr}na geçti.", f" This duty passed to {SUCCESSOR.en} in 2025.")
    return Text("", "")


def _one_of_explanation(d):
    note = _note(d)
    return Text(
        f"Ofisin görevlerinden biri: {bare(d.text.tr)}.{note.tr} Diğer seçenekler Ofisin hiç üstlenmediği işlerdir.",
        f"One of the office's duties: {bare(d.text.en)}.{note.en} The other options are tasks it never held.",
    )


@template("duty_is", SINGLE, "duties", "easy", ["duty"], one_each("duties"))
def _duty_is(t, ix, slugs, rng):
    return real_among_decoys(t, ix, slugs, rng, DUTY, _one_of_explanation)


@template("duty_is_not", SINGLE, "duties", "medium", ["decoy"], decoys_of("duty"))
def _duty_is_not(t, ix, slugs, rng):
    return decoy_among_real(
        t,
        ix,
        slugs,
        rng,
        DUTY,
        lambda decoy: Text(
            f"Ofis şu görevi hiç üstlenmedi: {bare(decoy.text.tr)}. Diğerleri Ofisin görevleriydi.",
            f"The office never held this duty: {bare(decoy.text.en)}. The others were its duties.",
        ),
    )


def _passed_prompt(kind, duty):
    return Text(
        f"Kaynağa göre {OFFICE_OF.tr} aşağıdaki görevlerinden hangisi 2025'te {SUCCESSOR.tr}na geçti?",
        f"According to the source, which of these duties of the office passed to {SUCCESSOR.en} in 2025?",
    )


@template(
    "duty_passed",
    SINGLE,
    "duties",
    "hard",
    ["duty"],
    lambda ix: [(d.key,) for d in ix.content.duties if d.holder == "transferred"],
)
def _duty_passed(t, ix, slugs, rng):
    # Only decoys compete: the office's other duties also went with its closure, so they are not safe wrong answers.
    return real_among_decoys(
        t,
        ix,
        slugs,
        rng,
        DUTY,
        lambda d: Text(
            f"Bu görev 2025'te {SUCCESSOR.tr}na geçti: {bare(d.text.tr)}. "
            "Diğer seçenekler Ofisin hiç üstlenmediği işlerdir.",
            f"This duty passed to {SUCCESSOR.en} in 2025: {bare(d.text.en)}. "
            "The other options are tasks the office never held.",
        ),
        prompt=_passed_prompt,
        accept=lambda d: d.holder == "transferred",
    )


@template("tf_duty", TRUE_FALSE, "duties", "easy", ["duty"], one_each("duties"))
def _tf_duty(t, ix, slugs, rng):
    return true_of_real(
        t,
        ix,
        slugs,
        rng,
        DUTY,
        lambda d: Text(
            f"Doğru: {uncapitalise(DUTY.lead(d).tr, 'tr')}bu, Ofisin görevlerinden biriydi.{_note(d).tr}",
            f"True: {uncapitalise(DUTY.lead(d).en, 'en')}this was one of the office's duties.{_note(d).en}",
        ),
    )


@template("tf_decoy_duty", TRUE_FALSE, "duties", "easy", ["decoy"], decoys_of("duty"))
def _tf_decoy_duty(t, ix, slugs, rng):
    return false_of_decoy(
        t,
        ix,
        slugs,
        rng,
        DUTY,
        lambda decoy: Text(
            "Yanlış: Ofis böyle bir görevi hiç üstlenmedi.", "False: the office never held such a duty."
        ),
    )
