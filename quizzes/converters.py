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


class RowIdConverter:
    """A primary key: at most 18 digits, so it always fits the database's 64-bit integer.

    Django's ``int`` takes any number of digits; a huge one overflowed SQLite (a 500).
    """

    regex = r"[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(PublicIdConverter, "public_id")
register_converter(RowIdConverter, "id")
