from django.apps import AppConfig

# Apps whose every text field refuses control characters (filmsite/validators.py).
CLEAN_TEXT_APPS = ("reviews", "people", "editorial", "importer", "taggit")


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Films and articles"

    def ready(self) -> None:
        from django.apps import apps

        from filmsite.fields import refuse_control_characters
        from reviews import signals

        for label in CLEAN_TEXT_APPS:
            if label in apps.app_configs:
                refuse_control_characters(apps.get_app_config(label).get_models())

        signals.connect_signals()  # sanitised image files and their renditions
