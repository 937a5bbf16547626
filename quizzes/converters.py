"""Path converters: a URL segment that cannot be an id never reaches the database.

A NUL byte or other junk in an id made PostgreSQL raise (a 500); a strict pattern
turns it into the 404 any unknown id gets.
"""

from django.urls import register_converter


class PublicIdConverter:
    """An attempt's public id: ``secrets.token_urlsafe(16)``, 22 URL-safe characters."""

    regex = r"[A-Za-z0-9_-]{22}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PublicIdConverter, "public_id")
