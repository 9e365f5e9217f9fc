from django.urls import path

from hansa.inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("inquiries/new/", views.new, name="new"),
    path("workspace/inquiries/", views.inbox, name="inbox"),
    path("workspace/inquiries/sent/", views.sent, name="sent"),
    path("workspace/inquiries/blocked/", views.blocklist, name="blocklist"),
    path("workspace/inquiries/blocked/<int:pk>/remove/", views.block_remove, name="block_remove"),
    path("workspace/inquiries/<int:pk>/", views.detail, name="detail"),
    path("workspace/inquiries/<int:pk>/reply/", views.reply, name="reply"),
    path("workspace/inquiries/<int:pk>/<slug:name>/", views.action, name="action"),
    path(
        "workspace/inquiries/<int:pk>/files/<int:attachment_pk>/",
        views.attachment,
        name="attachment",
    ),
    path("ops/inquiries/spam/", views.spam_queue, name="spam_queue"),
    path("ops/inquiries/spam/<int:pk>/", views.spam_decide, name="spam_decide"),
]
