from django.urls import path

from hansa.messenger import views

app_name = "messenger"

urlpatterns: list = [
    path("messenger/", views.messenger_home, name="home"),
    path("messenger/start/", views.conversation_start, name="start"),
    path("messenger/contacts/", views.contacts, name="contacts"),
    path("messenger/<int:pk>/", views.conversation_view, name="conversation"),
    path("messenger/<int:pk>/send/", views.message_send, name="send"),
    path("messenger/<int:pk>/read/", views.conversation_read, name="read"),
    path("messenger/<int:pk>/poll/", views.conversation_poll, name="poll"),
    path("messenger/files/<int:pk>/", views.attachment_file, name="file"),
]
