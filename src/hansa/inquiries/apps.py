from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "hansa.inquiries"
    label = "inquiries"
    verbose_name = "Inquiries"
