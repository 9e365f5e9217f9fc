from django.contrib import admin

from hansa.companies.models import (
    Certification,
    Company,
    CompanyName,
    ContactPerson,
    Invitation,
    MainMarket,
    Membership,
)


class NameInline(admin.TabularInline):
    model = CompanyName
    extra = 0


class MarketInline(admin.TabularInline):
    model = MainMarket
    extra = 0


class CertificationInline(admin.TabularInline):
    model = Certification
    extra = 0


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fk_name = "company"
    raw_id_fields = ["user", "deactivated_by"]
    readonly_fields = ["joined_at", "deactivated_at"]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "country",
        "verification_status",
        "star_rating",
        "is_active",
        "created_at",
    ]
    list_filter = ["kind", "verification_status", "star_rating", "is_active", "country"]
    search_fields = ["name", "slug", "names__name"]
    readonly_fields = [
        "verification_status",
        "star_rating",
        "verified_at",
        "created_at",
        "updated_at",
    ]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["nearest_port"]
    inlines = [NameInline, MarketInline, CertificationInline, ContactInline, MembershipInline]
    list_per_page = 50


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "company", "role", "is_active", "joined_at"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__email", "company__name"]
    raw_id_fields = ["user", "company", "deactivated_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "company",
        "role",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    search_fields = ["email", "company__name"]
    readonly_fields = ["token_hash"]
    raw_id_fields = ["company", "invited_by", "accepted_by"]
