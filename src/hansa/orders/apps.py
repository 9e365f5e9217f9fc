from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "hansa.orders"
    label = "orders"
    verbose_name = "Orders"
