"""A contributor's import is held to what the admin lets a contributor do.

The admin refuses a contributor who adds a film, a person or a credit, or who edits another
critic's article; an import through the admin's "Import text" page must not be a way around
that. The command line is trusted (it runs with the database's own rights) and is the control.
"""

import pytest

from editorial.models import StatusChange
from importer.parse.records import ImportTextError
from importer.save import article_import_bytes
from people.models import Character, Credit, Person
from reviews.models import Article, Film
from tests import factories as f
from tests.importer.helpers import SAMPLES

pytestmark = pytest.mark.django_db

GLASS_ORCHARD = (SAMPLES / "review_glass_orchard.txt").read_bytes()


def import_as(user, data: bytes = GLASS_ORCHARD):
    return article_import_bytes(data=data, max_bytes=1_000_000, by=user)


def catalogue_counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Film, Person, Credit, Character))


def test_a_contributor_cannot_add_a_film_through_an_import(contributor):
    with pytest.raises(ImportTextError, match="not on the site yet, and only editors add films"):
        import_as(contributor)
    assert catalogue_counts() == (0, 0, 0, 0)
    assert not Article.objects.exists()


def test_an_editor_adds_the_film_the_control(editor):
    result = import_as(editor)
    assert result.film.outcome == "created"
    assert Person.objects.filter(name="Noor Haddad").exists()


def test_a_contributor_reviews_a_film_already_on_the_site_without_touching_it(contributor):
    film = f.FilmFactory(title="The Glass Orchard", year=2021, runtime_minutes=None)
    before = catalogue_counts()
    result = import_as(contributor)
    article = Article.objects.get(pk=result.article.pk)
    assert list(article.films.all()) == [film]
    assert catalogue_counts() == before  # no people, credits or characters added
    film.refresh_from_db()
    assert film.runtime_minutes is None
    assert article.author.user == contributor
    assert article.status == Article.Status.DRAFT
    assert any("only editors add cast and crew" in str(w) for w in result.warnings)


def test_a_contributors_import_is_under_their_own_byline(contributor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    other = f.AuthorFactory(name="Someone Else")
    text = b"---\ntitle: Orchard notes\nauthor: Someone Else\nfilm: The Glass Orchard (2021)\n"
    text += b"---\n\nA short note on the orchard and the glass apples.\n"
    result = import_as(contributor, text)
    article = Article.objects.get(pk=result.article.pk)
    assert article.author != other and article.author.user == contributor
    assert any("your imports are under your own name" in str(w) for w in result.warnings)


def test_a_contributor_cannot_reimport_over_another_critics_article(contributor, editor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    first = import_as(editor)
    article = Article.objects.get(pk=first.article.pk)
    Article.objects.filter(pk=article.pk).update(source_text="An editor's copy.")
    with pytest.raises(ImportTextError, match="which you may not change"):
        article_import_bytes(
            data=GLASS_ORCHARD, max_bytes=1_000_000, by=contributor, overwrite=True
        )
    article.refresh_from_db()
    assert article.source_text == "An editor's copy."


# --- statuses: the same rules as the contributor's admin form, and the status log ---------------


def front_matter(status: str, published: str | None = None) -> bytes:
    text = f"---\ntitle: Orchard notes\nfilm: The Glass Orchard (2021)\nstatus: {status}\n"
    if published:
        text += f"published: {published}\n"
    return (text + "---\n\nA short note on the orchard and the glass apples.\n").encode()


@pytest.mark.parametrize("status", ["published", "unpublished"])
def test_a_contributor_cannot_set_an_editors_status_from_front_matter(contributor, status):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    result = import_as(contributor, front_matter(status, published="2024-03-01"))
    article = Article.objects.get(pk=result.article.pk)
    assert (article.status, article.published_at) == (Article.Status.DRAFT, None)
    warnings = " ".join(map(str, result.warnings))
    assert f"front matter status {status!r} not used" in warnings
    assert "'published' date not used" in warnings


def test_a_contributor_may_send_an_import_for_review_the_control(contributor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    result = import_as(contributor, front_matter("review"))
    assert Article.objects.get(pk=result.article.pk).status == Article.Status.REVIEW
    assert not any("not used" in str(w) for w in result.warnings)


@pytest.mark.parametrize("status", ["unpublished", "review"])
def test_an_editor_sets_any_status_and_date_from_front_matter(editor, status):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    result = import_as(editor, front_matter(status, published="2024-03-01"))
    article = Article.objects.get(pk=result.article.pk)
    assert article.status == status
    assert article.published_at is not None and article.published_at.year == 2024


def test_a_contributor_cannot_publish_an_import(contributor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    with pytest.raises(ImportTextError, match="only editors publish"):
        article_import_bytes(
            data=front_matter("draft"), max_bytes=1_000_000, by=contributor, publish=True
        )
    assert not Article.objects.exists()


def status_log(article: Article) -> list[tuple[str, str, str | None]]:
    return [
        (c.from_status, c.to_status, c.changed_by.username if c.changed_by else None)
        for c in StatusChange.objects.filter(article=article).order_by("id")
    ]


def test_every_import_that_sets_a_status_writes_the_status_log(contributor, editor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    by_contributor = import_as(contributor, front_matter("review"))
    assert status_log(Article.objects.get(pk=by_contributor.article.pk)) == [("", "review", "cora")]
    draft = import_as(editor, front_matter("draft").replace(b"Orchard notes", b"Second notes"))
    article = Article.objects.get(pk=draft.article.pk)
    assert status_log(article) == [("", "draft", "eddie")]
    # Importing the same text again with "publish" publishes the draft: one more entry.
    again = article_import_bytes(
        data=front_matter("draft").replace(b"Orchard notes", b"Second notes"),
        max_bytes=1_000_000,
        by=editor,
        publish=True,
    )
    assert again.article.outcome == "updated"
    assert status_log(article) == [("", "draft", "eddie"), ("draft", "published", "eddie")]


def test_the_command_line_import_writes_the_status_log_without_a_user():
    result = article_import_bytes(data=front_matter("unpublished"), max_bytes=1_000_000)
    assert status_log(Article.objects.get(pk=result.article.pk)) == [("", "unpublished", None)]


def test_a_dry_run_writes_no_status_log(editor):
    f.FilmFactory(title="The Glass Orchard", year=2021)
    article_import_bytes(data=front_matter("review"), max_bytes=1_000_000, by=editor, dry_run=True)
    assert not StatusChange.objects.exists()
    import_as(editor, front_matter("review"))  # the control
    assert StatusChange.objects.count() == 1
