from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "hansa.verification"
    label = "verification"
    verbose_name = "Supplier verification"
