"""Who is signed in, read from the shared cache instead of the database on every request.

Django's ModelBackend reads the signed-in user's row on every request, and the header asks
whether they teach (a groups query). This backend keeps the user, teacher flag included, in the
default cache (Redis in production, shared by every worker and instance) for a minute, and
forgets it the moment the user's row or groups change anywhere (a save, a password change, a
login's last_login, a deletion, a group added or removed): the next request reads the database.
Session checks are Django's own: a changed password still signs out every other session.

An update that sends no signal (``QuerySet.update()`` on users) is seen within TIMEOUT seconds.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .roles import is_teacher

TIMEOUT = 60
PATH = "quizzes.user_cache.CachedUserBackend"


def _key(user_id):
    return f"ddo:user:{user_id}"


class CachedUserBackend(ModelBackend):
    def get_user(self, user_id):
        user = cache.get(_key(user_id))
        if user is None:
            user = super().get_user(user_id)
            if user is None:
                return None
            is_teacher(user)  # kept with the user: the header asks on every page
            cache.set(_key(user_id), user, TIMEOUT)
        return user if self.user_can_authenticate(user) else None


def forget(*user_ids):
    """Drop these users from the cache now and again when the transaction commits (a request that
    read the old row in between cannot keep it)."""
    keys = [_key(user_id) for user_id in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


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
