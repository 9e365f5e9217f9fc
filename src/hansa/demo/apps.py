from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hansa.demo"
    label = "demo"
    verbose_name = "Demo market"
