"""Record a permanent redirect whenever a public page's address changes.

Slugs change from the admin, the importer and the shell alike, so the recorder listens to
saves rather than living in any one of them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from reversion.signals import post_revision_commit
from taggit.models import Tag

from editorial.revisions import revision_tags_record
from editorial.services import page_is_public, redirect_record, redirect_release
from filmsite.links import page_url
from people.models import Character, Person
from reviews.models import Article, Author, Film, FilmSeries

ADDRESSED = (Article, Author, Film, FilmSeries, Person, Character, Tag)

Address = tuple[type[Model], int]


def _addresses(instance: Model) -> dict[Address, tuple[Model, str]]:
    """The object's URL, plus a film's characters' URLs (they contain the film's slug)."""
    urls = {(type(instance), instance.pk): (instance, page_url(instance))}
    if isinstance(instance, Film):
        for character in instance.characters.all():
            character.film = instance
            urls[(Character, character.pk)] = (character, character.get_absolute_url())
    return urls


@receiver(pre_save)
def remember_old_addresses(sender, instance, raw=False, **kwargs) -> None:
    # A row being added has no old address: no query for it (an import creates dozens).
    if raw or sender not in ADDRESSED or instance.pk is None or instance._state.adding:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    # Only an address readers could open is worth keeping: a draft's old slug leads nowhere,
    # and keeping it would let a draft take over another page's old address.
    if old is not None and page_is_public(old):
        instance._old_addresses = {key: url for key, (_, url) in _addresses(old).items()}


@receiver(post_save)
def record_redirects(sender, instance, raw=False, **kwargs) -> None:
    old = instance.__dict__.pop("_old_addresses", None)
    if raw or sender not in ADDRESSED:
        return
    if sender is Article and instance.is_live:
        redirect_release(page=instance)  # its address is a live page's again
    for key, (obj, new_url) in _addresses(instance).items() if old else ():
        old_url = old.get(key)
        if old_url and old_url != new_url:
            redirect_record(old_path=old_url, target=obj)


@receiver(post_revision_commit)
def keep_article_tags(sender, revision, versions, **kwargs) -> None:
    """reversion serialises no taggit links: keep each revised article's tags beside it."""
    article_type = ContentType.objects.get_for_model(Article)
    article_ids = [int(v.object_id) for v in versions if v.content_type_id == article_type.pk]
    revision_tags_record(revision=revision, article_ids=article_ids)
