from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self) -> None:
        from editorial import signals  # noqa: F401  (connects the slug-redirect recorder)
