from __future__ import annotations

from django.contrib import admin

from hansa.inquiries.models import (
    BlockEntry,
    Inquiry,
    InquiryAttachment,
    InquiryMessage,
    InquiryPolicy,
    InquiryStar,
    ResponseStats,
    SpamReport,
)


@admin.register(InquiryPolicy)
class InquiryPolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "redistribution_enabled", "redistribution_delay_hours"]

    def has_add_permission(self, request: object) -> bool:
        return not InquiryPolicy.objects.exists()

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


class MessageInline(admin.TabularInline):
    model = InquiryMessage
    extra = 0
    fields = ["side", "author", "body", "is_auto_reply", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ["pk", "subject", "buyer_company", "supplier_company", "status", "created_at"]
    list_filter = ["status", "flagged"]
    search_fields = ["subject", "buyer_company__name", "supplier_company__name"]
    raw_id_fields = [
        "buyer_company",
        "buyer",
        "supplier_company",
        "assignee",
        "product",
        "redistributed_from",
    ]
    inlines = [MessageInline]


@admin.register(InquiryMessage)
class InquiryMessageAdmin(admin.ModelAdmin):
    list_display = ["pk", "inquiry", "side", "is_auto_reply", "created_at"]
    raw_id_fields = ["inquiry", "author"]


@admin.register(InquiryAttachment)
class InquiryAttachmentAdmin(admin.ModelAdmin):
    list_display = ["name", "content_type", "size", "created_at"]
    raw_id_fields = ["message"]


@admin.register(InquiryStar)
class InquiryStarAdmin(admin.ModelAdmin):
    raw_id_fields = ["inquiry", "member"]


@admin.register(BlockEntry)
class BlockEntryAdmin(admin.ModelAdmin):
    list_display = ["supplier", "kind", "user", "domain", "country", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["supplier", "user", "created_by"]


@admin.register(SpamReport)
class SpamReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "inquiry", "source", "status", "created_at", "reviewed_at"]
    list_filter = ["status", "source"]
    raw_id_fields = ["inquiry", "reported_by", "reviewed_by"]


@admin.register(ResponseStats)
class ResponseStatsAdmin(admin.ModelAdmin):
    list_display = ["company", "rate", "average_reply_seconds", "counted", "computed_at"]
    raw_id_fields = ["company"]
