from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "hansa.companies"
    label = "companies"
    verbose_name = "Companies"
