import datetime

from django import template
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()

_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}


@register.filter
def precise_date(event):
    """An event's date to the precision it is known: never a day we do not know."""
    return formats.date_format(event.date, _FORMATS.get(event.precision, "Y"))


@register.filter
def in_language(text, language=None):
    """Pick the current (or given) language from a frozen {"tr": ..., "en": ...} text."""
    if not isinstance(text, dict):
        return text or ""
    language = language or get_language()
    return text.get(language) or text.get("tr") or ""


@register.filter
def percent(value, decimals=0):
    """A percentage as the page's language writes it: "%40,5" in Turkish, "40.5%" in English."""
    number = floatformat(value, decimals)
    return f"%{number}" if get_language() == "tr" else f"{number}%"


@register.filter
def iso_date(value):
    """A date frozen in an attempt as "YYYY-MM-DD", written out in the page's language (25 Aralık 2025)."""
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
    except (TypeError, ValueError):
        return value
