from django.contrib import admin

from hansa.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "company", "prefix", "created_at", "last_used_at", "revoked_at"]
    search_fields = ["user__email", "company__name", "prefix"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    raw_id_fields = ["user", "company"]
