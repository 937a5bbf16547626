"""Export questions to another platform: a named quiz, a topic's whole bank, an assignment.

A form page per thing (format, languages, multilang syntax, variants); the same address with the
form's answers downloads the file. Teachers and editors export quizzes and topics; an assignment
only its class's teacher. Downloads are GETs that write nothing; a bad choice is a 400 with the
form and its message.
"""

import re
import unicodedata
from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..export_forms import MAX_BANK_VARIANTS, MAX_VARIANTS, ExportForm
from ..generation import TOPICS
from ..interchange import FORMATS, Export
from ..models import Assignment, Classroom, Quiz, topic_label
from ..reports.questions import assignment_questions, bank_questions, quiz_questions
from ..roles import exporter_required, teacher_required

UNSAFE_IN_FILENAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
LANGUAGE_SUFFIX = {"tr": "tr", "en": "en", "both": "tr+en"}
# For browsers that read only the plain filename: Turkish letters as their nearest ASCII.
ASCII_LETTERS = str.maketrans("ıİşŞğĞçÇöÖüÜâÂîÎûÛ–—", "iIsSgGcCoOuUaAiIuU--")


def filename(title, fmt, language):
    """``<title> (tr+en).<ext>``: the title's own letters (Turkish included), nothing a file system refuses."""
    safe = UNSAFE_IN_FILENAMES.sub("-", title).strip(" .-") or "questions"
    return f"{safe[:120]} ({LANGUAGE_SUFFIX[language]}).{FORMATS[fmt].extension}"


def attachment(name):
    """A Content-Disposition for ``name``: RFC 5987's UTF-8 ``filename*`` and an ASCII ``filename`` beside it."""
    fallback = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS)).encode("ascii", "ignore").decode()
    fallback = fallback.replace("\\", "-").replace('"', "-")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _export_page(request, *, title, heading, select, max_variants=MAX_VARIANTS, with_variants=True, extra=None):
    """The form (no query string), the download (a valid one), or the form with its errors (400)."""
    form = ExportForm(request.GET or None, max_variants=max_variants, with_variants=with_variants)
    context = {"form": form, "heading": heading, "title": title, "max_variants": max_variants, **(extra or {})}
    if not form.is_bound:
        return render(request, "quizzes/interchange/form.html", context)
    if not form.is_valid():
        return render(request, "quizzes/interchange/form.html", context, status=400)
    data = form.cleaned_data
    entries, version = select(data.get("variants", 1))
    if not entries:
        context["empty"] = True
        return render(request, "quizzes/interchange/form.html", context, status=400)
    export = Export(title, entries, data["language"], data["syntax"], version)
    response = HttpResponse(FORMATS[data["format"]].write(export), content_type=FORMATS[data["format"]].content_type)
    response["Content-Disposition"] = attachment(filename(title, data["format"], data["language"]))
    return response


@exporter_required
@require_GET
def index(request):
    """What can be exported: every named quiz and every topic's bank."""
    topics = [{"code": code, "label": topic_label(code)} for code in TOPICS]
    return render(
        request, "quizzes/interchange/index.html", {"named_quizzes": list(Quiz.objects.published()), "topics": topics}
    )


@exporter_required
@require_GET
def quiz(request, slug):
    named = get_object_or_404(Quiz.objects.published(), slug=slug)
    settings = {"topic": named.topic, "length": named.length, "difficulty": named.difficulty}
    return _export_page(
        request,
        title=named.title,
        heading=_("Export questions: %(name)s") % {"name": named.title},
        select=lambda variants: quiz_questions(settings, variants),
    )


@exporter_required
@require_GET
def topic(request, topic):
    if topic not in TOPICS:
        raise Http404
    label = str(topic_label(topic))
    return _export_page(
        request,
        title=label,
        heading=_("Export the question bank: %(topic)s") % {"topic": label},
        select=lambda variants: bank_questions(topic, variants),
        max_variants=MAX_BANK_VARIANTS,
        extra={"bank": True},
    )


@teacher_required
@require_GET
def assignment(request, pk, assignment_pk):
    """An assignment's questions; only its class's teacher (anyone else: 404, so ids are not confirmed)."""
    assignments = Assignment.objects.select_related("classroom")
    taught = Classroom.objects.taught_by(request.user)  # owner or co-teacher; anyone else: 404
    found = get_object_or_404(assignments, pk=assignment_pk, classroom_id=pk, classroom__in=taught)
    return _export_page(
        request,
        title=found.title,
        heading=_("Export questions: %(name)s") % {"name": found.title},
        select=lambda variants: assignment_questions(found, variants),
        with_variants=not found.same_questions,
        extra={"assignment": found, "shared": found.same_questions},
    )
