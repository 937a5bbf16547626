"""Deep linking: the teacher picks quizzes in the platform's activity chooser; we answer with a signed
list of ``ltiResourceLink`` items, each with a line item so it gets its own gradebook column."""

import secrets
import time

from django.core.cache import cache

from quizzes.models import QUIZ_TOPIC_CHOICES, Quiz

from . import claims as c
from . import keys
from .services import CUSTOM_DIFFICULTY, CUSTOM_LENGTH, CUSTOM_QUIZ, CUSTOM_TOPIC

REQUEST_SECONDS = 3600  # a teacher may take a while to choose
SCORE_MAXIMUM = 100


def remember_request(platform, payload, user):
    """Keep what the response needs, under a fresh unguessable key; returns the key."""
    settings = payload[c.DL_SETTINGS]
    key = secrets.token_urlsafe(24)
    cache.set(
        f"lti:deep-link:{key}",
        {
            "platform": platform.pk,
            "user": user.pk,
            "deployment_id": payload[c.DEPLOYMENT_ID],
            "return_url": settings["deep_link_return_url"],
            "data": settings.get("data"),
            "accept_multiple": settings.get("accept_multiple", True),
        },
        REQUEST_SECONDS,
    )
    return key


def request_for(key, user):
    record = cache.get(f"lti:deep-link:{key}")
    return record if record and record["user"] == user.pk else None


def forget_request(key):
    cache.delete(f"lti:deep-link:{key}")


def choosable_quizzes():
    return Quiz.objects.published().order_by("title")


def content_item(quiz, launch_url):
    return {
        "type": "ltiResourceLink",
        "title": quiz.title,
        "text": quiz.description,
        "url": launch_url,
        "custom": {CUSTOM_QUIZ: quiz.slug},
        "lineItem": {"scoreMaximum": SCORE_MAXIMUM, "label": quiz.title, "resourceId": quiz.slug},
    }


def settings_item(settings, launch_url):
    """A quiz of the teacher's own settings (topic, length, difficulty) as a link with its gradebook column."""
    title = settings["title"] or str(dict(QUIZ_TOPIC_CHOICES)[settings["topic"]])
    return {
        "type": "ltiResourceLink",
        "title": title,
        "url": launch_url,
        "custom": {
            CUSTOM_TOPIC: settings["topic"],
            CUSTOM_LENGTH: str(settings["length"]),
            CUSTOM_DIFFICULTY: settings["difficulty"],
        },
        "lineItem": {"scoreMaximum": SCORE_MAXIMUM, "label": title},
    }


def response_jwt(platform, record, items):
    now = int(time.time())
    claims = {
        "iss": platform.client_id,
        "aud": platform.issuer,
        "iat": now,
        "exp": now + 600,
        "nonce": secrets.token_urlsafe(16),
        c.DEPLOYMENT_ID: record["deployment_id"],
        c.MESSAGE_TYPE: c.DEEP_LINKING_RESPONSE,
        c.VERSION: c.LTI_VERSION,
        c.DL_CONTENT_ITEMS: items,
    }
    if record.get("data") is not None:
        claims[c.DL_DATA] = record["data"]
    return keys.sign(claims)
