"""Paper tests: an assignment or a generated quiz as a printable sheet, with its answer key on a page of its own.

The sheet is an ordinary page; static/css/print.css lays it out on paper (no PDF
library). Only teachers print: a sheet carries its answer key, so an assignment
prints only for its class's teachers, and a generated quiz only for a teacher.
Learners print their own pages (quiz, result, learning pages) with the browser.
"""

import secrets

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ..content import load_content
from ..form_limits import say_length_limits
from ..forms import StartQuizForm
from ..generation import QuizSettings, generate_quiz
from ..models import Assignment, Classroom, QuestionType, Quiz
from ..presentation import citation_in, describe, text_in
from ..roles import teacher_required

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_SEED = 2**31 - 1
MAX_SHEETS = 5


def parse_seeds(value):
    """Seeds typed as numbers separated by spaces or commas; ValidationError when one is not a seed."""
    words = (value or "").replace(",", " ").split()
    if len(words) > MAX_SHEETS:
        raise forms.ValidationError(_("Print at most %(count)d versions at once.") % {"count": MAX_SHEETS})
    seeds = []
    for word in words:
        if not word.isascii() or not word.isdigit() or int(word) > MAX_SEED:
            raise forms.ValidationError(_("A version is a whole number from 0 to %(max)d.") % {"max": MAX_SEED})
        if int(word) not in seeds:
            seeds.append(int(word))
    return seeds


class SeedsField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Versions"),
            required=False,
            max_length=80,
            help_text=_("Numbers separated by spaces: each number prints its own questions, the same every time."),
            **kwargs,
        )

    def clean(self, value):
        return parse_seeds(super().clean(value))


class PrintQuizForm(StartQuizForm):
    seeds = SeedsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_length_limits(self, "seeds")


class PrintVersionsForm(forms.Form):
    seeds = SeedsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        say_length_limits(self, "seeds")


def paper_question(question, number, language):
    """One question as a paper test shows it: options lettered, ordering items to number, matching in columns."""
    options = [{"letter": LETTERS[i], "text": text_in(o["text"], language)} for i, o in enumerate(question["options"])]
    targets = [
        {"letter": LETTERS[i], "text": text_in(t["text"], language)}
        for i, t in enumerate(question.get("targets") or [])
    ]
    if question["type"] == QuestionType.MATCHING:
        # Items on the left are numbered; the descriptions on the right carry the letters.
        options = [{"number": i + 1, "text": o["text"]} for i, o in enumerate(options)]
    return {
        "number": number,
        "type": question["type"],
        "prompt": text_in(question["prompt"], language),
        "options": options,
        "targets": targets,
    }


def paper_answer(question, number, language):
    """The key to one question: letters (or the order of letters, or number–letter pairs) and the answer as text."""
    answer = question["answer"]
    letter = {o["key"]: LETTERS[i] for i, o in enumerate(question["options"])}
    if question["type"] == QuestionType.ORDERING:
        code = ", ".join(letter[key] for key in answer)
    elif question["type"] == QuestionType.MATCHING:
        # Pairs in the order the test numbers the items: 1–C, 2–A ...
        answer = {o["key"]: answer[o["key"]] for o in question["options"] if o["key"] in answer}
        numbered = {o["key"]: i + 1 for i, o in enumerate(question["options"])}
        target_letter = {t["key"]: LETTERS[i] for i, t in enumerate(question["targets"])}
        code = ", ".join(f"{numbered[left]}–{target_letter[right]}" for left, right in answer.items())
    else:
        code = letter[answer]
    return {
        "number": number,
        "type": question["type"],
        "code": code,
        "text": describe(question, answer, language),
        "explanation": text_in(question["explanation"], language),
        **citation_in(question, language),
    }


def sheets_for(settings, seeds):
    """A sheet (its seed, questions and key, in the page's language) per seed; none for a seed that draws nothing."""
    language = get_language()
    content = load_content()
    sheets = []
    for seed in seeds:
        questions = generate_quiz(content, settings, seed)
        if questions:
            sheets.append(
                {
                    "seed": seed,
                    "questions": [paper_question(q, i + 1, language) for i, q in enumerate(questions)],
                    "key": [paper_answer(q, i + 1, language) for i, q in enumerate(questions)],
                }
            )
    return sheets


@teacher_required
@require_GET
def assignment(request, pk, assignment_pk):
    """An assignment's paper test: attempt 1's draw when everyone shares questions, else one sheet per version."""
    assignments = Assignment.objects.select_related("classroom")
    taught = Classroom.objects.taught_by(request.user)  # owner or co-teacher; anyone else: 404
    assignment = get_object_or_404(assignments, pk=assignment_pk, classroom_id=pk, classroom__in=taught)
    form = None
    if assignment.same_questions:
        seeds = [assignment.seed_for(1)]
    else:
        form = PrintVersionsForm(request.GET or {"seeds": "1"})
        if not form.is_valid():
            return render(request, "quizzes/print/sheet.html", {"assignment": assignment, "form": form}, status=400)
        seeds = form.cleaned_data["seeds"] or [1]
    settings = QuizSettings(topic=assignment.topic, length=assignment.length, difficulty=assignment.difficulty)
    return render(
        request,
        "quizzes/print/sheet.html",
        {
            "assignment": assignment,
            "title": assignment.title,
            "class_name": assignment.classroom.name,
            "summary": {
                "length": assignment.length,
                "topic": assignment.get_topic_display(),
                "difficulty": assignment.get_difficulty_display(),
            },
            "form": form,
            "sheets": sheets_for(settings, seeds),
        },
    )


@teacher_required
@require_GET
def quiz(request):
    """A generated quiz on paper: a named quiz (``?quiz=<slug>``) or topic, length and difficulty; and versions."""
    named = list(Quiz.objects.published())
    slug = request.GET.get("quiz")
    chosen = next((q for q in named if q.slug == slug), None)
    if slug and chosen is None:
        context = {"form": PrintQuizForm(), "named_quizzes": named, "not_found": True}
        return render(request, "quizzes/print/choose.html", context, status=404)
    if chosen:
        fixed = {"topic": chosen.topic, "length": chosen.length, "difficulty": chosen.difficulty}
        form = PrintQuizForm({**request.GET.dict(), **fixed})
    else:
        form = PrintQuizForm(request.GET or None)
    context = {"form": form, "named_quizzes": named}
    if not form.is_bound or not form.is_valid():
        return render(request, "quizzes/print/choose.html", context, status=400 if form.is_bound else 200)
    data = form.cleaned_data
    settings = QuizSettings(topic=data["topic"], length=data["length"], difficulty=data["difficulty"])
    if not data["seeds"]:
        # A new version gets its number in the address, so reloading or printing again gives the same sheet.
        query = request.GET.copy()
        query["seeds"] = str(secrets.randbits(31))
        return redirect(f"{request.path}?{query.urlencode()}")
    sheets = sheets_for(settings, data["seeds"])
    topic = dict(form.fields["topic"].choices)[data["topic"]]
    if not sheets:
        return render(request, "quizzes/print/choose.html", {**context, "empty": True}, status=400)
    return render(
        request,
        "quizzes/print/sheet.html",
        {
            "title": chosen.title if chosen else topic,
            "summary": {
                "length": data["length"],
                "topic": topic,
                "difficulty": dict(form.fields["difficulty"].choices)[data["difficulty"]],
            },
            "quiz": chosen,
            "sheets": sheets,
        },
    )
