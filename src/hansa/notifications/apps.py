from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hansa.notifications"
    label = "notifications"
    verbose_name = "Notifications"
