from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Course, OutgoingScore, Platform, ToolKey


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "issuer", "client_id", "is_active")
    search_fields = ("name", "issuer", "client_id")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # LTI is HTTPS only
    fieldsets = (
        (None, {"fields": ("name", "is_active")}),
        (
            _("What the platform told you"),
            {"fields": ("issuer", "client_id", "deployment_ids", "auth_login_url", "auth_token_url", "key_set_url")},
        ),
        (_("Framing"), {"fields": ("frame_origins",)}),
    )


@admin.register(ToolKey)
class ToolKeyAdmin(admin.ModelAdmin):
    # Keys are made by `manage.py rotate_lti_keys`; the private half is never shown.
    list_display = ("kid", "created_at")
    fields = ("kid", "created_at")
    readonly_fields = ("kid", "created_at")

    def has_add_permission(self, request):
        return False


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title", "platform", "context_id", "classroom")
    list_select_related = ("platform", "classroom")
    readonly_fields = ("platform", "context_id", "classroom", "memberships_url", "lineitems_url")

    def has_add_permission(self, request):
        return False  # a course comes from a launch


@admin.register(OutgoingScore)
class OutgoingScoreAdmin(admin.ModelAdmin):
    list_display = ("attempt", "resource_link", "status", "tries", "timestamp", "last_error")
    list_filter = ("status",)
    list_select_related = ("attempt", "resource_link")
    readonly_fields = [f.name for f in OutgoingScore._meta.fields]

    def has_add_permission(self, request):
        return False  # a score comes from a submit
