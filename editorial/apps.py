from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self) -> None:
        from editorial import signals  # noqa: F401  (connects the slug-redirect recorder)
        from editorial.services import can_preview_article
        from reviews.views import allow_previews

        # An article's page before it is live: for editors and the critic who wrote it.
        allow_previews(can_preview_article)
