"""Line items (LTI AGS): the gradebook column of a link the platform launched without one.

A platform may launch a resource link with no ``lineitem`` in its AGS claim (a link made in the
platform rather than by our deep linking) while offering its ``lineitems`` service and the
``lineitem`` scope. The link then gets its column here: the platform's line items are searched
for one of this link with our tag (a column an earlier try made, whose answer was lost), and a new
one is posted only if there is none. One worker at a time makes it: a conditional UPDATE claims the
link's row, as the grade outbox claims a score (lti/grades.py). Those tasks call ``obtain``.
"""

import datetime
from urllib.parse import urlencode

from . import claims as c
from . import http, tokens
from .models import ResourceLink

LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json"
CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json"
TAG = "ddo-learn"  # marks the columns DDO Learn made, so a search finds ours and not another tool's
MAX_URL = ResourceLink._meta.get_field("lineitem_url").max_length
CLAIM = datetime.timedelta(minutes=2)  # longer than the token, search and post calls' timeouts together


class Busy(Exception):
    """Another worker is making this link's line item right now."""


def creation_url(ags):
    """The line items service to make the link's column with, from the launch's AGS claim; "" if none is needed
    (the platform named the line item) or allowed (no service, or no ``lineitem`` scope)."""
    if ags.get("lineitem") or not ags.get("lineitems") or c.SCOPE_LINEITEM not in (ags.get("scope") or []):
        return ""
    return str(ags["lineitems"])


def with_query(url, **params):
    """``url`` with ``params`` added to its query string (the platform's own parameters kept as given)."""
    path, sep, query = url.partition("?")
    return f"{path}?{query}{'&' if query else ''}{urlencode(params)}"


def _json(response):
    try:
        return response.json()
    except ValueError:
        raise http.PlatformUnreachable(f"{response.status_code}: {response.text[:300]}", "not_json") from None


def _usable(url):
    return isinstance(url, str) and url.startswith(("https://", "http://")) and len(url) <= MAX_URL


def _find_or_make(link, token):
    auth = {"Authorization": f"Bearer {token}"}
    found = _json(
        http.call(
            "GET",
            with_query(link.lineitems_url, resource_link_id=link.resource_link_id, tag=TAG),
            headers={**auth, "Accept": CONTAINER_TYPE},
        )
    )
    for item in found if isinstance(found, list) else []:
        # A platform may ignore the filters: check them here too.
        ours = isinstance(item, dict) and item.get("resourceLinkId") == link.resource_link_id and item.get("tag") == TAG
        if ours and _usable(item.get("id")):
            return item["id"]
    made = _json(
        http.call(
            "POST",
            link.lineitems_url,
            json={
                "scoreMaximum": link.score_maximum,
                "label": link.assignment.title,
                "resourceLinkId": link.resource_link_id,
                "tag": TAG,
            },
            headers={**auth, "Content-Type": LINEITEM_TYPE, "Accept": LINEITEM_TYPE},
        )
    )
    url = made.get("id") if isinstance(made, dict) else None
    if not _usable(url):
        raise http.PlatformRefused(200, str(made)[:300], "no_lineitem")
    return url


def obtain(link, now):
    """The link's line item URL, made on the platform if it has none yet.

    Raises Busy (another worker is making it), http.PlatformUnreachable or http.PlatformRefused; a
    failure is kept on the link (``lineitem_error``, ``lineitem_problem``) for the teacher's LTI page.
    """
    if link.lineitem_url:
        return link.lineitem_url
    if not link.lineitems_url:
        raise http.PlatformRefused(0, "", "cannot_make")
    free = ResourceLink.objects.filter(pk=link.pk, lineitem_url="").exclude(lineitem_claimed_until__gt=now)
    if free.update(lineitem_claimed_until=now + CLAIM) != 1:
        link.lineitem_url = ResourceLink.objects.filter(pk=link.pk).values_list("lineitem_url", flat=True).first()
        if link.lineitem_url:
            return link.lineitem_url
        raise Busy
    platform = link.course.platform
    try:
        url = _find_or_make(link, tokens.access_token(platform, c.SCOPE_LINEITEM))
    except (http.PlatformUnreachable, http.PlatformRefused) as error:
        if getattr(error, "status", None) == 401:
            tokens.forget(platform, c.SCOPE_LINEITEM)  # an expired token: a new one next time
        ResourceLink.objects.filter(pk=link.pk).update(
            lineitem_claimed_until=None, lineitem_error=str(error)[:500], lineitem_problem=error.problem
        )
        raise
    ResourceLink.objects.filter(pk=link.pk).update(
        lineitem_url=url, lineitem_claimed_until=None, lineitem_error="", lineitem_problem=""
    )
    link.lineitem_url, link.lineitem_error, link.lineitem_problem = url, "", ""
    return url
