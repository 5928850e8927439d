"""Keep the search index in step with saves of articles and sections, and with migrations."""

from django.db.models.signals import post_delete, post_migrate, post_save

from reviews.models import Article, Section
from reviews.signals import sections_rerendered
from sitesearch import api


def _article_saved(sender, instance: Article, raw: bool = False, **kwargs) -> None:
    if not raw:
        api.article_changed(instance.pk)


def _article_deleted(sender, instance: Article, **kwargs) -> None:
    api.unindex_article(instance.pk)


def _section_changed(sender, instance: Section, raw: bool = False, **kwargs) -> None:
    if not raw:
        api.article_changed(instance.article_id)


def _sections_rerendered(sender, **kwargs) -> str:
    return f"Search index rebuilt for {api.rebuild()} article(s)."


def connect_signals() -> None:
    """Called once from SearchConfig.ready()."""
    post_save.connect(_article_saved, sender=Article, dispatch_uid="search_article_saved")
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid="search_article_deleted")
    post_save.connect(_section_changed, sender=Section, dispatch_uid="search_section_saved")
    post_delete.connect(_section_changed, sender=Section, dispatch_uid="search_section_deleted")
    sections_rerendered.connect(_sections_rerendered, dispatch_uid="search_sections_rerendered")
    post_migrate.connect(api.repair_trigram_triggers, dispatch_uid="search_repair_trigram_triggers")
