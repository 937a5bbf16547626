"""Site-wide item statistics for editors: every question key over all learners, per delivery language.

Reads the running sums of models/item_sums.py (one query over a few rows per
question key), never the answers. The formulas and flags are those of a
class's item analysis (item_formulas.py, settings.ITEM_FLAGS).
"""

from dataclasses import dataclass

from .. import item_formulas
from ..models import ItemStatistic
from ..models.item_sums import SUMS
from .items import item_thresholds

LANGUAGES = ("tr", "en")


@dataclass
class LanguageFigures:
    language: str
    n: int
    facility: float | None
    discrimination: float | None


@dataclass
class SiteItem:
    key: str
    topic: str
    prompt: dict | None
    n: int
    facility: float | None
    discrimination: float | None
    flags: list
    trusted: bool
    languages: list  # LanguageFigures for tr, en
    language_gap: float | None  # facility en − tr, in points
    language_gap_large: bool


def _add(total, sums):
    for name, value in zip(SUMS, sums, strict=True):
        total[name] = total.get(name, 0) + value


def with_prompts(items):
    """Fill in the frozen prompts of these items only (one query): a page's, not the whole table's."""
    prompts = {}
    keys = [item.key for item in items]
    for key, prompt in ItemStatistic.objects.filter(question_key__in=keys, prompt__isnull=False).values_list(
        "question_key", "prompt"
    ):
        prompts.setdefault(key, prompt)
    for item in items:
        item.prompt = prompts.get(item.key)
    return items


def site_items():
    """Every question key with its figures, flagged ones with enough answers first (one query).

    The prompts are left out (``prompt`` None): with_prompts reads them for the items shown.
    """
    thresholds = item_thresholds()
    by_key = {}
    for key, language, topic, *sums in ItemStatistic.objects.order_by("question_key", "language").values_list(
        "question_key", "language", "topic", *SUMS
    ):
        entry = by_key.setdefault(key, {"topic": topic, "prompt": None, "all": {}, "by": {}})
        _add(entry["all"], sums)
        _add(entry["by"].setdefault(language, {}), sums)
    items = []
    min_count = thresholds["min_trusted_count"]
    for key, entry in by_key.items():
        moments = item_formulas.moments_from_sums(entry["all"])
        facility = item_formulas.facility_index(moments)
        discrimination = item_formulas.discrimination_index(moments)
        languages = []
        for language in LANGUAGES:
            part = item_formulas.moments_from_sums(entry["by"].get(language, {}))
            languages.append(
                LanguageFigures(
                    language,
                    part.n,
                    item_formulas.facility_index(part),
                    item_formulas.discrimination_index(part),
                )
            )
        tr, en = languages
        gap = item_formulas.language_gap(tr.facility, en.facility)
        items.append(
            SiteItem(
                key=key,
                topic=entry["topic"],
                prompt=entry["prompt"],
                n=moments.n,
                facility=facility,
                discrimination=discrimination,
                flags=list(item_formulas.flag_item(facility, discrimination, moments.n, thresholds)),
                trusted=moments.n >= min_count,
                languages=languages,
                language_gap=gap,
                language_gap_large=item_formulas.language_gap_is_large(gap, tr.n, en.n, thresholds),
            )
        )
    items.sort(key=lambda i: (not ((i.flags or i.language_gap_large) and i.trusted), not i.flags, i.key))
    return items, thresholds
