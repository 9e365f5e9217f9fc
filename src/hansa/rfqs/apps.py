from django.apps import AppConfig


class RfqsConfig(AppConfig):
    name = "hansa.rfqs"
    label = "rfqs"
    verbose_name = "RFQs and quotations"
