from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "hansa.catalog"
    label = "catalog"
    verbose_name = "Catalog"
