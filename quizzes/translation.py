"""Which content fields exist in Turkish and English (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Decoy,
    Department,
    Duty,
    GlossaryTerm,
    Organisation,
    Quiz,
    Source,
    TimelineEvent,
)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "summary")


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("name", "focus", "note")


@register(Duty)
class DutyTranslation(TranslationOptions):
    fields = ("text",)


@register(TimelineEvent)
class TimelineEventTranslation(TranslationOptions):
    fields = ("title", "description", "legal_reference")


@register(Decoy)
class DecoyTranslation(TranslationOptions):
    fields = ("text",)


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "definition")


@register(Quiz)
class QuizTranslation(TranslationOptions):
    fields = ("title", "description")
