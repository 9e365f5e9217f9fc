"""Order drafts in the back office (read mostly)."""

from __future__ import annotations

from django.contrib import admin

from hansa.orders.models import OrderDraft, OrderLine


class LineInline(admin.TabularInline):
    model = OrderLine
    extra = 0


@admin.register(OrderDraft)
class OrderDraftAdmin(admin.ModelAdmin):
    list_display = ["pk", "buyer_company", "supplier_company", "currency", "status", "created_at"]
    raw_id_fields = ["buyer_company", "supplier_company", "source_quote", "port", "created_by"]
    inlines = [LineInline]
