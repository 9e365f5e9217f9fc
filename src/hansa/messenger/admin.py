from django.contrib import admin

from hansa.messenger.models import ChatAttachment, Conversation, Message, Presence


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    fields = ("author", "body", "created_at")
    readonly_fields = ("author", "body", "created_at")
    show_change_link = True


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("id", "buyer", "buyer_company", "supplier", "rep", "last_message_at")
    list_select_related = ("buyer", "buyer_company", "supplier", "rep")
    search_fields = ("buyer__email", "rep__email", "supplier__name", "buyer_company__name")
    raw_id_fields = ("buyer", "buyer_company", "supplier", "rep", "product")
    inlines = [MessageInline]


class AttachmentInline(admin.TabularInline):
    model = ChatAttachment
    extra = 0
    fields = ("name", "content_type", "size", "sha256")
    readonly_fields = fields


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "author", "created_at")
    search_fields = ("body", "author__email")
    raw_id_fields = ("conversation", "author")
    inlines = [AttachmentInline]


@admin.register(Presence)
class PresenceAdmin(admin.ModelAdmin):
    list_display = ("user", "last_seen", "sockets")
    raw_id_fields = ("user",)
