"""The editors' admin: Turkish and English side by side (modeltranslation tabs),
drafts and publishing, and a preview of the questions each item produces."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import page_cache
from .models import (
    Assignment,
    Classroom,
    Decoy,
    Department,
    Duty,
    GlossaryTerm,
    Organisation,
    ProblemReport,
    Quiz,
    Source,
    TimelineEvent,
)
from .presentation import text_in
from .roles import TEACHERS
from .services.problems import resolve


class PublishableAdmin(TabbedTranslationAdmin):
    """Shared behaviour: a published flag in lists, publish/unpublish actions that
    refuse an item with a language left empty, and the question preview."""

    list_filter = ("is_published",)
    actions = ("publish", "unpublish")
    preview_questions = True
    save_on_top = True
    # A source's address typed without a scheme is https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    class Media:  # css/admin.css is on every admin page (templates/admin/base_site.html)
        # Listed after modeltranslation's tabs script so that Django's media merge keeps this order.
        js = ("modeltranslation/js/tabbed_translation_fields.js", "js/admin_tabs.js")

    def get_changelist_formset(self, request, **kwargs):
        """The list's editable boxes (order) have no <label>: each is named "<field>: <item>"."""
        formset = super().get_changelist_formset(request, **kwargs)
        editable = self.list_editable

        class LabelledForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name in editable:
                    field = self.fields[name]
                    field.widget.attrs["aria-label"] = f"{field.label}: {self.instance}"

        formset.form = LabelledForm
        return formset

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.preview_questions:
            fields.append("question_preview")
        return fields

    @admin.action(description=_("Publish selected items"))
    def publish(self, request, queryset):
        published = 0
        for obj in queryset:
            missing = obj.missing_translations()
            if missing:
                self.message_user(
                    request,
                    _("“%(item)s” was not published: fill in %(fields)s first.")
                    % {"item": obj, "fields": ", ".join(obj.translated_label(name) for name in missing)},
                    messages.ERROR,
                )
                continue
            obj.is_published = True
            obj.save(update_fields=["is_published", "updated_at"])
            published += 1
        if published:
            self.message_user(
                request,
                ngettext("%(count)d item published.", "%(count)d items published.", published) % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=_("Return selected items to draft"))
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False)
        page_cache.bump()  # update() sends no signal
        self.message_user(
            request,
            ngettext("%(count)d item is a draft now.", "%(count)d items are drafts now.", count) % {"count": count},
        )

    @admin.display(description=_("Questions this item produces"))
    def question_preview(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the item to preview its questions.")
        from .content import load_content
        from .generation import questions_for_item
        from .values import item_ref

        questions = questions_for_item(load_content(preview=obj), item_ref(obj))
        return render_to_string("admin/quizzes/question_preview.html", {"questions": questions})


@admin.register(Source)
class SourceAdmin(PublishableAdmin):
    list_display = ("publisher", "title", "published_on", "published_precision", "accessed_on", "is_published")
    search_fields = ("title_tr", "title_en", "publisher", "url")
    ordering = ("publisher",)
    preview_questions = False


@admin.register(Organisation)
class OrganisationAdmin(PublishableAdmin):
    list_display = ("name", "short_name", "founded_on", "closed_on", "basis", "is_published")
    list_filter = ("is_published", "basis")
    search_fields = ("name_tr", "name_en", "short_name_tr", "short_name_en", "summary_tr", "summary_en")
    prepopulated_fields = {"slug": ("name_en",)}
    list_select_related = ("source",)
    autocomplete_fields = ("source", "founding_source")


@admin.register(Department)
class DepartmentAdmin(PublishableAdmin):
    list_display = ("name", "listing", "basis", "confidence", "order", "is_published")
    list_filter = ("is_published", "listing", "basis", "confidence")
    list_editable = ("order",)
    search_fields = ("name_tr", "name_en", "focus_tr", "focus_en")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("source",)


@admin.register(Duty)
class DutyAdmin(PublishableAdmin):
    list_display = ("text", "holder", "basis", "confidence", "order", "is_published")
    list_filter = ("is_published", "holder", "basis", "confidence")
    list_editable = ("order",)
    search_fields = ("text_tr", "text_en")
    autocomplete_fields = ("source",)


@admin.register(TimelineEvent)
class TimelineEventAdmin(PublishableAdmin):
    list_display = ("date", "precision", "title", "decree_number", "basis", "confidence", "is_published")
    list_filter = ("is_published", "precision", "basis", "confidence")
    search_fields = ("title_tr", "title_en", "description_tr", "description_en", "legal_reference_tr", "gazette_number")
    date_hierarchy = "date"
    ordering = ("date",)
    autocomplete_fields = ("source", "follows")


@admin.register(Decoy)
class DecoyAdmin(PublishableAdmin):
    list_display = ("text", "kind", "is_published")
    list_filter = ("is_published", "kind")
    search_fields = ("text_tr", "text_en", "editor_note")


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(PublishableAdmin):
    list_display = ("term_tr", "term_en", "basis", "is_published")
    list_filter = ("is_published", "basis")
    search_fields = ("term_tr", "term_en", "definition_tr", "definition_en")
    ordering = ("term_tr",)
    autocomplete_fields = ("source",)


@admin.register(Quiz)
class QuizAdmin(PublishableAdmin):
    # The quiz settings (an abstract model's fields) would otherwise come first.
    fields = ("is_published", "slug", "title", "description", "topic", "length", "difficulty", "time_limit")
    list_display = ("title", "topic", "length", "difficulty", "time_limit", "is_published")
    list_filter = ("is_published", "topic", "difficulty")
    search_fields = ("title_tr", "title_en")
    preview_questions = False


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ("name", "teacher", "join_code", "created_at")
    search_fields = ("name", "join_code", "teacher__username", "co_teachers__username")
    list_select_related = ("teacher",)
    # The owner (teacher) and the teachers beside them; every teacher page finds a class by either.
    autocomplete_fields = ("teacher", "co_teachers")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "co_teachers":  # members of the Teachers group only (anyone else: not a valid choice)
            kwargs["queryset"] = get_user_model().objects.filter(groups__name=TEACHERS)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.co_teachers.remove(form.instance.teacher_id)  # the owner is never their own co-teacher


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("title", "classroom", "topic", "opens_at", "due_at")
    list_select_related = ("classroom",)
    search_fields = ("title", "classroom__name")


def item_change_urls(refs):
    """{item ref: its admin change page} for content refs ("department:<slug>", ...), in one query (a UNION)."""
    from django.apps import apps
    from django.db.models import CharField, Value
    from django.urls import reverse

    from .reports.presentation import ADMIN_CHANGELISTS

    slugs = {}
    for ref in refs:
        kind, _sep, slug = ref.partition(":")
        if kind in ADMIN_CHANGELISTS and slug:
            slugs.setdefault(kind, set()).add(slug)
    model_names = {
        kind: ADMIN_CHANGELISTS[kind].removeprefix("admin:quizzes_").removesuffix("_changelist") for kind in slugs
    }
    parts = [
        apps.get_model("quizzes", model_names[kind])
        .objects.filter(slug__in=wanted)
        .values_list(Value(kind, output_field=CharField()), "slug", "pk")
        .order_by()
        for kind, wanted in slugs.items()
    ]
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {
        f"{kind}:{slug}": reverse(f"admin:quizzes_{model_names[kind]}_change", args=[pk]) for kind, slug, pk in rows
    }


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """The editors' queue of learners' reports: open ones to check, then fixed or rejected."""

    list_display = ("question_key", "status", "reason", "language", "content_items", "created_at")
    list_filter = ("status", "reason", "language")
    search_fields = ("question_key", "text")
    actions = ("mark_fixed", "mark_rejected", "mark_open")
    # What the learner sent is theirs; editors only set the status.
    readonly_fields = (
        "question_key",
        "question",
        "content_items",
        "language",
        "reason",
        "text",
        "reporter",
        "created_at",
        "resolved_at",
    )
    fields = ("status", *readonly_fields)
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False  # learners write reports, from their result page

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        urls = item_change_urls(ref for report in changelist.result_list for ref in report.item_refs)
        for report in changelist.result_list:
            report.item_urls = urls
        return changelist

    @admin.display(description=_("content items"))
    def content_items(self, obj):
        urls = getattr(obj, "item_urls", None)
        if urls is None:
            urls = item_change_urls(obj.item_refs)
        links = [(urls.get(ref), ref) for ref in obj.item_refs]
        if not links:
            return "—"
        return format_html_join(
            ", ", "{}", ((format_html('<a href="{}">{}</a>', url, ref) if url else ref,) for url, ref in links)
        )

    @admin.display(description=_("question as read"))
    def question(self, obj):
        """The frozen prompt, in the language the learner read it (while the attempt is kept)."""
        questions = obj.attempt.questions if obj.attempt_id else []
        if not 0 <= obj.position < len(questions):
            return "—"
        return text_in(questions[obj.position].get("prompt"), obj.language)

    @admin.display(description=_("reported by"))
    def reporter(self, obj):
        if obj.user_id:
            return obj.user.get_username()
        return _("a guest") if obj.guest_key else "—"

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.resolved_at = None if obj.status == ProblemReport.Status.OPEN else timezone.now()
        super().save_model(request, obj, form, change)

    def _mark(self, request, queryset, status):
        count = resolve(queryset, status)
        label = ProblemReport.Status(status).label
        self.message_user(
            request,
            ngettext("%(count)d report marked %(status)s.", "%(count)d reports marked %(status)s.", count)
            % {"count": count, "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected reports fixed"), permissions=["change"])
    def mark_fixed(self, request, queryset):
        self._mark(request, queryset, ProblemReport.Status.FIXED)

    @admin.action(description=_("Mark selected reports rejected"), permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._mark(request, queryset, ProblemReport.Status.REJECTED)

    @admin.action(description=_("Mark selected reports open again"), permissions=["change"])
    def mark_open(self, request, queryset):
        self._mark(request, queryset, ProblemReport.Status.OPEN)
