"""Admin for the port table; ports are reference data that operators correct by hand."""

from __future__ import annotations

from django.contrib import admin

from hansa.trade.models import Port


@admin.register(Port)
class PortAdmin(admin.ModelAdmin):
    list_display = ("locode", "name", "name_zh", "country", "kind", "is_major", "is_active")
    list_filter = ("kind", "country", "is_major", "is_active")
    search_fields = ("locode", "name", "name_zh")
    list_editable = ("is_major", "is_active")
    ordering = ("country", "name")
