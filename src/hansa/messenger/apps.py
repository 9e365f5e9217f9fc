from django.apps import AppConfig


class MessengerConfig(AppConfig):
    name = "hansa.messenger"
    label = "messenger"
    verbose_name = "Trade messenger"
