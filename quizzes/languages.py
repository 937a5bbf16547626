"""The two content languages, and Turkish-aware text helpers.

Python's ``str.upper``/``str.lower`` and plain ``sorted`` get Turkish wrong
(``"i".upper()`` is ``"I"``, not ``"İ"``; ``"Ç"`` sorts after ``"Z"``), so
anything that cases or orders Turkish text goes through here.
"""

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
    if ch in _RANK:
        return (_RANK[ch], 0)
    if ch in _EXTRA:
        return (_RANK[_EXTRA[ch]], 1)
    if ch.isdigit():
        return (-10 + int(ch), 0)
    return (-20, ord(ch))


def turkish_sort_key(text):
    """A key that orders strings as a Turkish dictionary does: C < Ç < D, I < İ, S < Ş."""
    return tuple(_letter_key(ch) for ch in turkish_lower(text.strip()))


def sort_key_for(language):
    if language == "tr":
        return turkish_sort_key
    return lambda text: text.strip().casefold()
