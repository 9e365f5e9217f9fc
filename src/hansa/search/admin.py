from django.contrib import admin

from hansa.search.models import IndexConsumer, QueryLog, Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ("term", "alternatives", "is_active", "updated_at")
    list_filter = ("is_active",)
    search_fields = ("term",)


@admin.register(IndexConsumer)
class IndexConsumerAdmin(admin.ModelAdmin):
    list_display = ("name", "host", "cursor", "documents", "updated_at")
    readonly_fields = ("name", "host", "cursor", "documents", "updated_at")

    def has_add_permission(self, request):
        return False


@admin.register(QueryLog)
class QueryLogAdmin(admin.ModelAdmin):
    list_display = ("query", "language", "result_count", "at")
    list_filter = ("language",)
    search_fields = ("query",)
    readonly_fields = ("query", "language", "filters", "result_count", "clicked_positions", "at")
    date_hierarchy = "at"
