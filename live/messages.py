"""The words a socket's refusals are said in (in the player's language), one per protocol or rule code."""

from django.utils.translation import gettext_lazy as _

ERRORS = {
    "not_text": _("Send text messages only."),
    "too_large": _("That message is too large."),
    "not_json": _("That message could not be read."),
    "no_type": _("That message has no type."),
    "unknown_type": _("That message type is not known."),
    "bad_fields": _("That message has missing or wrong fields."),
    "bad_language": _("Choose Turkish or English."),
    "too_many": _("Too many messages: slow down."),
    "name_empty": _("Choose a nickname."),
    "name_long": _("That nickname is too long (20 characters at most)."),
    "name_markup": _("A nickname may not contain < > & quotes, slashes or braces."),
    "name_taken": _("Someone in this game already has that nickname: choose another."),
    "already_joined": _("You have joined this game already."),
    "not_joined": _("Join the game first."),
    "unknown_token": _("This game does not know you: join again."),
    "game_over": _("This game is over."),
    "not_open": _("That question is not open."),
    "not_yet": _("You joined during this question: you play from the next one."),
    "bad_option": _("That is not one of this question's answers."),
    "paused": _("The game is paused."),
    "too_late": _("Time is up for this question."),
    "second_answer": _("You have answered this question already."),
    "already_started": _("The game has started already."),
    "cannot_next": _("There is no next step now."),
    "cannot_skip": _("Only an open question can be skipped."),
    "cannot_pause": _("Only an open question can be paused."),
    "cannot_resume": _("The game is not paused."),
}
