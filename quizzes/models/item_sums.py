"""Site-wide item statistics: per question key and delivery language, the sums Moodle's statistics need.

Kept in step at submit time (record_attempt, one statement inside the submit
transaction) so the editors' report reads a few thousand rows, never the
answers; ``manage.py rebuild_item_statistics`` recomputes them from the answers.

Counted: each learner's first answer to each question, in a submitted quiz or
assignment. A question met again (another self-practice quiz, an assignment's
second attempt) is answered from memory and would look easier than it is, so
only the first meeting counts, as Moodle's default "first attempt" intends.
Practice of missed questions and review quizzes are left out (they draw the
questions a learner has answered before). A learner is an account, or a guest
key until the guest signs up (then claim_guest_answers keeps the first of the
two). x is an answer's mark, y the rest of its attempt's score (score − mark).
"""

from django.db import connection, models
from django.db.models import Case, Count, F, Min, Q, Sum, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from .attempts import Answer, Attempt
from .vocabulary import PRACTICE

SUMS = ("n", "sum_x", "sum_x2", "sum_y", "sum_y2", "sum_xy")


def answer_sums():
    """The SUMS as aggregates over answers, for a GROUP BY: x = the mark, y = the rest of the attempt's score."""
    rest = F("attempt__score") - F("mark")
    return {
        "n": Count("id"),
        "sum_x": Sum("mark"),
        "sum_x2": Sum(F("mark") * F("mark")),
        "sum_y": Sum(rest),
        "sum_y2": Sum(rest * rest),
        "sum_xy": Sum(F("mark") * rest),
    }


class ItemStatistic(models.Model):
    question_key = models.CharField(_("question key"), max_length=255)
    # The language the question was answered in ("" when left unanswered).
    language = models.CharField(_("language"), max_length=5, blank=True)
    topic = models.CharField(_("topic"), max_length=20, blank=True)
    # The question's frozen prompt {"tr", "en"}, from the first attempt counted.
    prompt = models.JSONField(null=True, blank=True)
    n = models.PositiveIntegerField(default=0)
    sum_x = models.FloatField(default=0)
    sum_x2 = models.FloatField(default=0)
    sum_y = models.FloatField(default=0)
    sum_y2 = models.FloatField(default=0)
    sum_xy = models.FloatField(default=0)

    class Meta:
        verbose_name = _("item statistic")
        verbose_name_plural = _("item statistics")
        constraints = [
            models.UniqueConstraint(fields=["question_key", "language"], name="one_statistic_per_key_and_language")
        ]

    def __str__(self):
        return f"{self.question_key} [{self.language or '-'}]: {self.n}"


def counts(attempt):
    """Whether an attempt's answers may count in the site-wide statistics (those new to its learner do)."""
    return attempt.topic != PRACTICE and attempt.submitted_at is not None


def _graded_answers():
    """The graded answers of submitted quizzes and assignments: the answers that may count."""
    return Answer.objects.filter(attempt__submitted_at__isnull=False, mark__isnull=False).exclude(
        attempt__topic=PRACTICE
    )


def _answers_of(user_id, guest_key):
    """Q for the answers of one learner: an account, or a guest key not yet claimed (no learner: nothing)."""
    if user_id is not None:
        return Q(attempt__user_id=user_id)
    if guest_key:
        return Q(attempt__user__isnull=True, attempt__guest_key=guest_key)
    return Q(pk__in=[])


def _groups_of(attempt, answers):
    """{(key, language): [topic, prompt, n, Σx, Σx², Σy, Σy², Σxy]} of one attempt's graded answers."""
    groups = {}
    score = attempt.score or 0.0
    for answer in answers:
        if answer.mark is None:
            continue
        x = float(answer.mark)
        y = score - x
        question = attempt.questions[answer.position] if answer.position < len(attempt.questions) else {}
        group = groups.setdefault(
            (answer.question_key, answer.language), [answer.topic, question.get("prompt"), 0, 0.0, 0.0, 0.0, 0.0, 0.0]
        )
        for i, value in enumerate((1, x, x * x, y, y * y, x * y), start=2):
            group[i] += value
    return groups


def _upsert(groups):
    """Add the groups to the stored sums: one INSERT … ON CONFLICT DO UPDATE (PostgreSQL and SQLite)."""
    if not groups:
        return
    quote = connection.ops.quote_name
    table = quote(ItemStatistic._meta.db_table)
    columns = ["question_key", "language", "topic", "prompt", *SUMS]
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(groups))
    prompt_field = ItemStatistic._meta.get_field("prompt")
    values = []
    for (key, language), (topic, prompt, *sums) in sorted(groups.items()):  # sorted: no deadlock between submits
        values += [key, language, topic, prompt_field.get_db_prep_value(prompt, connection), *sums]
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in SUMS)
    # Only quoted names and %s placeholders are formatted in; every value goes as a parameter.
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) VALUES {placeholders} "  # noqa: S608
        f"ON CONFLICT ({quote('question_key')}, {quote('language')}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)


def record_attempt(attempt, answers):
    """Add a just-submitted attempt's answers new to its learner to the site-wide sums (two queries; none if
    not counted): every other submitted attempt of theirs came before this one.

    Known limit: two attempts of one learner submitted at the same moment, sharing a question, do not
    see each other's uncommitted answers and can both count it; the rebuild counts it once.
    """
    if not counts(attempt):
        return
    keys = {a.question_key for a in answers}
    seen = set(
        _graded_answers()
        .filter(_answers_of(attempt.user_id, attempt.guest_key), question_key__in=keys)
        .exclude(attempt_id=attempt.pk)
        .values_list("question_key", flat=True)
    )
    _upsert(_groups_of(attempt, [a for a in answers if a.question_key not in seen]))


def counted_answers():
    """The answers the sums hold: each learner's first graded answer to each question key.

    First by submission time, then attempt id: the answers ranked 1 within their (learner, key), one
    sort of the graded answers. An attempt with neither account nor guest key is its own learner.
    """
    learner = [
        F("attempt__user_id"),
        Case(When(attempt__user__isnull=True, then=F("attempt__guest_key"))),
        Case(When(attempt__user__isnull=True, attempt__guest_key="", then=F("attempt_id"))),
    ]
    meeting = Window(
        RowNumber(),
        partition_by=[*learner, F("question_key")],
        order_by=[F("attempt__submitted_at").asc(), F("attempt_id").asc()],
    )
    firsts = _graded_answers().annotate(meeting=meeting).filter(meeting=1).values("pk")
    return Answer.objects.filter(pk__in=firsts)


def _first_answers(rows):
    """{(learner, key): (when, language, x, score)} of rows (key, language, mark, score, submitted_at, attempt
    id, user id): the learner's earliest answer to each key, in the order counted_answers uses."""
    firsts = {}
    for key, language, mark, score, submitted_at, attempt_id, user_id in rows:
        entry = ((submitted_at, attempt_id), language, float(mark), float(score or 0))
        if (user_id, key) not in firsts or entry < firsts[(user_id, key)]:
            firsts[(user_id, key)] = entry
    return firsts


def claim_guest_answers(user_id, guest_key):
    """Before a guest's attempts become an account's: where both answered a question, the later first
    answer is no longer the learner's first, and leaves the sums (a row left with no answer goes).

    Reads the two learners' graded answers (one query), then one UPDATE per question both answered.
    """
    if not guest_key:
        return
    rows = (
        _graded_answers()
        .filter(_answers_of(user_id, None) | _answers_of(None, guest_key))
        .values_list(
            "question_key",
            "language",
            "mark",
            "attempt__score",
            "attempt__submitted_at",
            "attempt_id",
            "attempt__user_id",
        )
    )
    by_key = {}
    for (_learner, key), entry in _first_answers(rows).items():
        by_key.setdefault(key, []).append(entry)
    touched = set()
    for key, pair in by_key.items():
        if len(pair) < 2:
            continue
        _when, language, x, score = max(pair)
        y = score - x
        ItemStatistic.objects.filter(question_key=key, language=language).update(
            n=F("n") - 1,
            sum_x=F("sum_x") - x,
            sum_x2=F("sum_x2") - x * x,
            sum_y=F("sum_y") - y,
            sum_y2=F("sum_y2") - y * y,
            sum_xy=F("sum_xy") - x * y,
        )
        touched.add(key)
    if touched:
        ItemStatistic.objects.filter(question_key__in=touched, n=0).delete()


def rebuild():
    """Recompute every row from the answers (one GROUP BY, one read of frozen prompts); the number of rows."""
    rows = list(
        counted_answers()
        .values("question_key", "language")
        .annotate(
            **answer_sums(),
            first_attempt=Min("attempt_id"),
            topic=Min("topic"),
        )
        .order_by()
    )
    prompts = {}
    for questions in Attempt.objects.filter(pk__in={r["first_attempt"] for r in rows}).values_list(
        "questions", flat=True
    ):
        for question in questions or []:
            prompts.setdefault(question.get("key"), question.get("prompt"))
    ItemStatistic.objects.all().delete()
    ItemStatistic.objects.bulk_create(
        (
            ItemStatistic(
                question_key=r["question_key"],
                language=r["language"],
                topic=r["topic"],
                prompt=prompts.get(r["question_key"]),
                **{name: r[name] or 0 for name in SUMS},
            )
            for r in rows
        ),
        batch_size=1000,
    )
    return len(rows)
