from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "hansa.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from hansa.core.operator_roles import sync_operator_groups

        post_migrate.connect(sync_operator_groups, dispatch_uid="hansa.sync_operator_groups")
