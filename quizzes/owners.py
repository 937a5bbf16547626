"""Who an attempt belongs to: an account, or a guest's browser.

``owner_for`` is the one seam where a request becomes an owner; below the views,
services and models take the owner, never the request.
"""

import secrets
from dataclasses import dataclass

from .models import Attempt, owner_key


@dataclass(frozen=True)
class Owner:
    """An account (``user``) or a visitor practising without one (``guest_key``, kept in the session)."""

    user: object = None  # the AUTH_USER_MODEL instance
    guest_key: str | None = None

    @property
    def key(self):
        """The owner as one string, as review cards store it ("u:<id>", "g:<guest key>"; None for neither)."""
        return owner_key(self.user.pk if self.user is not None else None, self.guest_key)


def owner_for(request, *, create=True):
    """The owner asking; a guest gets a key in the session unless ``create`` is false (reading only)."""
    if request.user.is_authenticated:
        return Owner(user=request.user)
    if create and not request.session.get("guest_key"):
        request.session["guest_key"] = secrets.token_urlsafe(24)
    return Owner(guest_key=request.session.get("guest_key"))


def attempts_owned_by(owner):
    if owner.user is not None:
        return Attempt.objects.filter(user=owner.user)
    if not owner.guest_key:
        return Attempt.objects.none()
    return Attempt.objects.filter(user__isnull=True, guest_key=owner.guest_key)


def attempts_of(request):
    """The attempts of whoever is asking (a visitor without a guest key has none)."""
    return attempts_owned_by(owner_for(request, create=False))
