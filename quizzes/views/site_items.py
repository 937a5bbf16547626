"""The editors' site-wide item statistics: weak questions and weak translations across all learners."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..reports.site_items import site_items, with_prompts
from ..roles import EDITORS

PER_PAGE = 50


def _is_editor(user):
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


@staff_member_required
@require_GET
def item_statistics(request):
    """Staff who are editors (or superusers); other staff get 403, anyone else the admin's login."""
    if not _is_editor(request.user):
        raise PermissionDenied
    items, thresholds = site_items()
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    with_prompts(page.object_list)
    return render(
        request,
        "quizzes/editors/item_statistics.html",
        {
            "page": page,
            "total": len(items),
            "flagged": sum(1 for i in items if i.flags or i.language_gap_large),
            "thresholds": thresholds,
        },
    )
