"""The two content languages, and Turkish-aware text helpers.

Python's ``str.upper``/``str.lower`` and plain ``sorted`` get Turkish wrong
(``"i".upper()`` is ``"I"``, not ``"İ"``; ``"Ç"`` sorts after ``"Z"``), so
anything that cases or orders Turkish text goes through here.
"""

import unicodedata

CONTENT_LANGUAGES = ("tr", "en")

TURKISH_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
_RANK = {ch: i for i, ch in enumerate(TURKISH_ALPHABET)}
# Letters outside the Turkish alphabet (q, w, x, â, î, û ...) sort next to their base letter.
_EXTRA = {"q": "p", "w": "v", "x": "v", "â": "a", "î": "i", "û": "u", "ê": "e"}


def turkish_lower(text):
    return text.replace("I", "ı").replace("İ", "i").lower()


def turkish_upper(text):
    return text.replace("i", "İ").replace("ı", "I").upper()


def _letter_key(ch):
    """One character's place: digits of any script (2, ², ①, ٣) by value, then the Turkish
    alphabet, each extra letter right after its base letter. Every other character comes first,
    by code point. The second number tells characters of one place apart, so that only texts
    that differ in case or surrounding spaces have equal keys."""
    if ch in _RANK:
        return (_RANK[ch], 0)
    if ch in _EXTRA:
        return (_RANK[_EXTRA[ch]], ord(ch))
    digit = unicodedata.digit(ch, None)  # int() reads only decimal digits: int("²") raises
    if digit is not None:
        return (-10 + digit, ord(ch))
    return (-20, ord(ch))


def turkish_sort_key(text):
    """A key that orders strings as a Turkish dictionary does: C < Ç < D, I < İ, S < Ş."""
    return tuple(_letter_key(ch) for ch in turkish_lower(text.strip()))


def sort_key_for(language):
    if language == "tr":
        return turkish_sort_key
    return lambda text: text.strip().casefold()
