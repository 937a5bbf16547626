"""Who is signed in, read from the shared cache instead of the database on every request.

Django's ModelBackend reads the signed-in user's row on every request, and the header asks
whether they teach (a groups query). This backend keeps the user, teacher flag included, in the
default cache (Redis in production, shared by every worker and instance) for a minute, and
forgets it the moment the user's row or groups change anywhere (a save, a password change, a
login's last_login, a deletion, a group added or removed): the next request reads the database.
Session checks are Django's own: a changed password still signs out every other session.

An update that sends no signal (``QuerySet.update()`` on users) is seen within TIMEOUT seconds.

A request that read the row just before a change commits may store it just after: each user's
entry carries the user's version, read before the row, and a change gives the user a new version
on commit, so such an entry is never used (quizzes/cache_versions.py, docs/CACHING.md).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import cache_versions
from .roles import is_teacher

TIMEOUT = 60
PATH = "quizzes.user_cache.CachedUserBackend"


def _keys(user_id):
    return f"ddo:user:{user_id}", f"ddo:user-version:{user_id}"


class CachedUserBackend(ModelBackend):
    def get_user(self, user_id):
        entry_key, version_key = _keys(user_id)
        found = cache.get_many([entry_key, version_key])  # one round trip
        version = cache_versions.read(version_key, found.get(version_key))
        entry = found.get(entry_key)
        if entry is not None and entry[0] == version:
            user = entry[1]
        else:
            user = super().get_user(user_id)  # read after the version (quizzes/cache_versions.py)
            if user is None:
                return None
            is_teacher(user)  # kept with the user: the header asks on every page
            cache.set(entry_key, (version, user), TIMEOUT)
        return user if self.user_can_authenticate(user) else None


def forget(*user_ids):
    """New versions for these users, now and when the transaction commits: a user stored under an
    older one is never read again, even if a request that read the old row stores it after the commit."""
    cache_versions.renew(*[_keys(user_id)[1] for user_id in user_ids])


def _user_changed(sender, instance, **kwargs):
    forget(instance.pk)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # user.groups.add(...), .remove(...), .clear()
        if action.startswith("post_"):
            forget(instance.pk)
    elif action == "pre_clear":  # group.user_set.clear(): who is in it, before they are not
        forget(*instance.user_set.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):  # group.user_set.add(users...)
        forget(*pk_set)


def connect():
    User = get_user_model()
    post_save.connect(_user_changed, sender=User, dispatch_uid="quizzes.user_cache.save")
    post_delete.connect(_user_changed, sender=User, dispatch_uid="quizzes.user_cache.delete")
    m2m_changed.connect(_groups_changed, sender=User.groups.through, dispatch_uid="quizzes.user_cache.groups")
