from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hansa.accounts"
    label = "accounts"
    verbose_name = "Accounts"
