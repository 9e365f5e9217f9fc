from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hansa.api"
    label = "api"
    verbose_name = "API"
