from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "hansa.compare"
    label = "compare"
    verbose_name = "Comparison basket"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from hansa.compare.signals import merge_session_basket

        # Django's signal: allauth's login and every other login path send it.
        user_logged_in.connect(merge_session_basket, dispatch_uid="compare_merge_on_login")
