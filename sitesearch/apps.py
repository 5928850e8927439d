from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "sitesearch"
    verbose_name = "Search"

    def ready(self) -> None:
        from sitesearch import signals  # the receivers import models: only once apps are ready

        signals.connect_signals()
