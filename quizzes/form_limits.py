"""Text fields with a length limit say it, and the server checks it with a clear message.

No ``maxlength`` attribute: a browser given one cuts a longer paste without a word, and the
shortened text would be saved as if it had been typed so. The help text says the limit instead.
"""

from django.utils.translation import gettext, ngettext


def say_length_limits(form, *names):
    """For each named field of ``form`` (with a ``max_length``): the limit in its help text, checked on the server."""
    for name in names:
        field = form.fields[name]
        limit = field.max_length
        field.widget.attrs.pop("maxlength", None)
        said = ngettext("At most %(limit)d character.", "At most %(limit)d characters.", limit) % {"limit": limit}
        field.help_text = f"{field.help_text} {said}" if field.help_text else said
        # MaxLengthValidator fills in limit_value and show_value.
        field.error_messages["max_length"] = gettext(
            "Too long: at most %(limit_value)d characters, and this has %(show_value)d. Shorten it; nothing was saved."
        )
