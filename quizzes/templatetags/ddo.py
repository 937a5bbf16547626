import datetime

from django import template
from django.template.defaultfilters import floatformat
from django.templatetags.cache import CacheNode
from django.utils import formats
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import models
from ..presentation import text_in
from ..reports import presentation

register = template.Library()

_FORMATS = {"day": "j F Y", "month": "F Y", "year": "Y"}
NO_FIGURE = "—"


@register.filter
def precise_date(event):
    """An event's date to the precision it is known: never a day we do not know."""
    return formats.date_format(event.date, _FORMATS.get(event.precision, "Y"))


@register.filter
def in_language(text, language=None):
    """Pick the current (or given) language from a frozen {"tr": ..., "en": ...} text."""
    return text_in(text, language or get_language())


@register.filter
def percent(value, decimals=0):
    """A percentage as the page's language writes it: "%40,5" in Turkish, "40.5%" in English; "—" for none."""
    if value is None or value == "":
        return NO_FIGURE
    number = floatformat(value, decimals or 0)
    return f"%{number}" if get_language() == "tr" else f"{number}%"


@register.filter
def iso_date(value):
    """A date frozen in an attempt as "YYYY-MM-DD", written out in the page's language (25 Aralık 2025)."""
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "j F Y")
    except (TypeError, ValueError):
        return value


@register.filter
def source_date(source):
    """When a source speaks from, saying which date it is: "published October 2019", "accessed 25 November 2026".

    Takes a Source row or a source frozen in a question (ISO strings); the
    publication date is written only as precisely as it is known.
    """

    def field(name):
        value = source.get(name) if isinstance(source, dict) else getattr(source, name, None)
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return value

    published, accessed = field("published_on"), field("accessed_on")
    if published:
        precision = source.get("published_precision") if isinstance(source, dict) else source.published_precision
        when = formats.date_format(published, _FORMATS.get(precision or "day", "j F Y"))
        return _("published %(date)s") % {"date": when}
    if accessed:
        return _("accessed %(date)s") % {"date": formats.date_format(accessed, "j F Y")}
    return ""


@register.filter
def question_text(prompt):
    """A frozen question prompt in the page's language."""
    return presentation.question_text(prompt, get_language())


register.filter("topic_label", models.topic_label)

# The reports' display words and links, as filters of the same names.
for _name in ("status_label", "status_badge", "flag_label", "item_kind_label", "item_admin_url"):
    register.filter(_name, getattr(presentation, _name))


# --- A fragment cache for fragments with forms ------------------------------------------------

# What {% csrf_token %} writes while such a fragment is rendered for the cache.
CSRF_PLACEHOLDER = "csrf-token-of-the-request"


class CsrfFreeCacheNode(CacheNode):
    """Django's {% cache %}, for a fragment with forms in it.

    The fragment is rendered with a placeholder where each {% csrf_token %} goes, cached so, and
    given the request's own token on every page: no visitor's token is stored, or ever shown to
    another, and the fragment is shared by everyone it is the same for (not cached per browser).
    """

    def render(self, context):
        token = context.get("csrf_token")
        with context.push(csrf_token=CSRF_PLACEHOLDER):
            html = super().render(context)
        # No token (a template rendered without a request): an empty value, never the placeholder.
        return html.replace(CSRF_PLACEHOLDER, escape(str(token)) if token else "")


@register.tag("cache_with_csrf")
def cache_with_csrf(parser, token):
    """{% cache_with_csrf timeout name vary_on... [using="cache"] %}…{% endcache_with_csrf %}: as {% cache %}."""
    nodelist = parser.parse(("endcache_with_csrf",))
    parser.delete_first_token()
    bits = token.split_contents()
    using = parser.compile_filter(bits.pop().removeprefix("using=")) if bits[-1].startswith("using=") else None
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a timeout and a fragment name")
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return CsrfFreeCacheNode(nodelist, parser.compile_filter(bits[1]), bits[2], vary_on, using)
