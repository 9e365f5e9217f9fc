from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from hansa.verification.models import (
    VerificationApplication,
    VerificationDecision,
    VerificationDocument,
)


class DocumentInline(admin.TabularInline):
    model = VerificationDocument
    extra = 0
    readonly_fields = [
        "kind",
        "original_name",
        "content_type",
        "size",
        "uploaded_by",
        "uploaded_at",
    ]
    exclude = ["file"]
    can_delete = False


@admin.register(VerificationApplication)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["company", "status", "submitted_at", "decided_at", "review_link"]
    list_filter = ["status"]
    search_fields = ["company__name"]
    readonly_fields = [
        "company",
        "status",
        "created_by",
        "created_at",
        "submitted_at",
        "decided_at",
        "note",
    ]
    inlines = [DocumentInline]

    @admin.display(description="Review")
    def review_link(self, obj: VerificationApplication) -> str:
        if obj.status != "submitted":
            return "—"
        return format_html('<a href="{}">Review</a>', reverse("verification:review", args=[obj.pk]))

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(VerificationDecision)
class DecisionAdmin(admin.ModelAdmin):
    """Append-only: decisions are made in the review page and never edited or deleted."""

    list_display = ["company", "action", "stars", "decided_by", "decided_at"]
    list_filter = ["action", "stars"]
    search_fields = ["company__name", "decided_by__email"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
