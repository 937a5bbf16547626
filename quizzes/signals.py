"""What quizzes announces to the apps beside it (lti/ listens; quizzes never imports them)."""

from django.dispatch import Signal

# Sent inside the submit's transaction, after the attempt's score is written, with ``attempt``:
# a receiver that writes rows (the LTI grade outbox) commits or rolls back with the submit.
attempt_submitted = Signal()
