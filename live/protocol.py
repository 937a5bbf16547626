"""The live game's messages: a strict schema for what a socket may send, checked before anything changes.

Pure: text in, a ``Message`` or a ``ProtocolError`` (with a code the consumer turns into words in the
player's language) out. Every field is checked for its type and size; an unknown type or field, a
frame over ``MAX_FRAME`` bytes or text that is not a JSON object is refused whole.
"""

import json
import re
import unicodedata
from dataclasses import dataclass

MAX_FRAME = 1024  # bytes: the largest legitimate message (a join with a long name) is far smaller
NAME_MAX = 20
TOKEN_MAX = 64
OPTION_MAX = 255
LANGUAGES = ("tr", "en")

# The fields each message type takes (all required), with their Python type.
PLAYER_MESSAGES = {
    "join": {"name": str, "lang": str},
    "resume": {"token": str, "lang": str},
    "answer": {"question": int, "option": str},
    "language": {"lang": str},
    "ping": {},
    "sync": {},
}
HOST_MESSAGES = {action: {} for action in ("start", "next", "pause", "resume", "skip", "end", "ping", "sync")}


class ProtocolError(Exception):
    """A message refused before it touched the game; ``code`` names why (the consumer says it in words)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Message:
    type: str
    fields: dict

    def __getitem__(self, name):
        return self.fields[name]


def parse(text, schema):
    """The message in ``text`` if it fits ``schema`` (PLAYER_MESSAGES or HOST_MESSAGES), else ProtocolError."""
    if text is None:
        raise ProtocolError("not_text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FRAME:
        raise ProtocolError("too_large")
    try:
        data = json.loads(text)
    except ValueError:
        raise ProtocolError("not_json") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError("no_type")
    kind = data.pop("type")
    if kind not in schema:
        raise ProtocolError("unknown_type")
    fields = schema[kind]
    if set(data) != set(fields):
        raise ProtocolError("bad_fields")
    for name, expected in fields.items():
        value = data[name]
        # bool is an int in Python: a question number of true is refused.
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ProtocolError("bad_fields")
    if "lang" in data and data["lang"] not in LANGUAGES:
        raise ProtocolError("bad_language")
    if len(data.get("token", "")) > TOKEN_MAX or len(data.get("option", "")) > OPTION_MAX:
        raise ProtocolError("bad_fields")
    if not 0 <= data.get("question", 0) < 1000:
        raise ProtocolError("bad_fields")
    return Message(kind, data)


_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[<>&\"'`{}\\/]")


def clean_name(name):
    """A guest's nickname as shown to everyone: spaces folded, 1 to NAME_MAX characters, no markup.

    Raises ProtocolError ``name_empty``, ``name_long`` or ``name_markup``. Names are escaped wherever
    they are shown as well; refusing markup keeps them readable in exports and on the projector.
    """
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if not name:
        raise ProtocolError("name_empty")
    if len(name) > NAME_MAX:
        raise ProtocolError("name_long")
    if _MARKUP.search(name) or any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ProtocolError("name_markup")
    return name


def name_key(name):
    """The form two nicknames are compared in: "Ayşe", "AYŞE" and "ayşe " are one name (Turkish İ/ı kept apart)."""
    return name.replace("I", "ı").replace("İ", "i").lower()
