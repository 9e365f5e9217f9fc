"""Back office for listings: products to look up (decisions are taken on the review pages), the
prohibited words and goods list the automatic checks use, and the append-only review trail."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from hansa.catalog import detectors
from hansa.catalog.listing_services import REVIEW_PERMISSION
from hansa.catalog.models import Product, ProhibitedTerm, ReviewEvent


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    """Read-mostly: a listing changes through its supplier and the review page, never here."""

    list_display = [
        "id",
        "title",
        "company",
        "category",
        "status",
        "quality_score",
        "submitted_at",
        "review_link",
    ]
    list_filter = ["status", "is_demo", "ready_to_ship"]
    search_fields = ["title", "slug", "company__name"]
    list_select_related = ["company", "category"]
    date_hierarchy = "created_at"
    ordering = ["-updated_at"]
    actions = ["recompute_problems"]
    exclude = ["published"]
    readonly_fields = [
        "published_at",
        "submitted_at",
        "quality_score",
        "quality_report",
        "problems",
        "auto_flags",
        "rejection_reasons",
        "review_link",
    ]

    @admin.display(description="Review page")
    def review_link(self, obj: Product) -> str:
        url = reverse("catalog:listing_review", args=[obj.pk])
        return format_html('<a href="{}">Review</a>', url)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not request.user.has_perm(REVIEW_PERMISSION):
            actions.pop("recompute_problems", None)
        return actions

    @admin.action(description="Recompute problems and quality score")
    def recompute_problems(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        model = detectors.classifier()
        found = 0
        for product in queryset.select_related("category", "company").prefetch_related(
            "images", "translations", "tiers", "category__attributes"
        ):
            found += bool(
                {k: v for k, v in detectors.detect_problems(product, model=model).items() if v}
            )
        self.message_user(
            request,
            f"Checked {queryset.count()} listings; {found} have problems.",
            messages.SUCCESS,
        )


@admin.register(ProhibitedTerm)
class ProhibitedTermAdmin(admin.ModelAdmin):
    """The operator's list of words and goods a listing may not mention (checked at submission)."""

    list_display = ["term", "kind", "is_active", "note"]
    list_editable = ["kind", "is_active", "note"]
    list_filter = ["kind", "is_active"]
    search_fields = ["term", "note"]
    list_per_page = 200


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    """The listing trail is append-only: it is written by the listing services, never here."""

    list_display = ["at", "product", "action", "from_status", "to_status", "by"]
    list_filter = ["action", "to_status"]
    search_fields = ["product__title", "by__email"]
    list_select_related = ["product", "by"]
    date_hierarchy = "at"
    readonly_fields = ["product", "action", "from_status", "to_status", "reasons", "by", "at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
