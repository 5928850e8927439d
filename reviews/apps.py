from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Films and articles"

    def ready(self) -> None:
        from reviews import search, signals

        search.connect_signals()
        signals.connect_signals()  # sanitised image files and their renditions
