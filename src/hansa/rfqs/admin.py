"""RFQs and quotations in the back office: read mostly; decisions go through the review pages."""

from __future__ import annotations

from django.contrib import admin

from hansa.rfqs.models import Quote, Rfq, RfqMatch


@admin.register(Rfq)
class RfqAdmin(admin.ModelAdmin):
    list_display = ["product_name", "buyer_company", "status", "quote_count", "created_at"]
    list_filter = ["status", "sourcing_type"]
    search_fields = ["product_name", "buyer_company__name"]
    raw_id_fields = ["buyer_company", "created_by", "category", "destination_port", "reviewed_by"]
    readonly_fields = ["quote_count", "flags", "fingerprint", "created_at", "updated_at"]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["rfq", "supplier", "status", "unit_price", "currency", "created_at"]
    list_filter = ["status"]
    search_fields = ["rfq__product_name", "supplier__name"]
    raw_id_fields = ["rfq", "supplier", "created_by", "port"]
    readonly_fields = ["original", "created_at", "updated_at"]


@admin.register(RfqMatch)
class RfqMatchAdmin(admin.ModelAdmin):
    list_display = ["rfq", "supplier", "score", "created_at"]
    raw_id_fields = ["rfq", "supplier"]
