"""The demo publication loads completely, twice in a row, and every page of it renders."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from fakes.demo.load import TEXTS
from people.models import Credit, Person
from reviews.models import Article, Film, Image, Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(capsys):
    call_command("load_demo", password="demo-pass-123")
    return capsys.readouterr().out


def test_demo_has_the_promised_content(demo):
    assert Film.objects.count() >= 3
    assert Film.objects.filter(series__isnull=False).count() >= 2
    assert Person.objects.count() >= 8
    assert Article.objects.count() >= 6
    assert set(Article.objects.values_list("kind", flat=True)) == set(Article.Kind.values)
    assert Section.objects.filter(is_spoiler=True).exists()
    assert Credit.objects.filter(role="actor", character__isnull=False).exists()
    assert Image.objects.filter(kind="poster").count() == Film.objects.count()
    assert Article.objects.published().count() < Article.objects.count()  # a draft, a scheduled


def test_demo_articles_are_its_texts_imported(demo):
    texts = {path.stem: path.read_text(encoding="utf-8") for path in TEXTS.glob("*.md")}
    articles = Article.objects.all()
    assert len(texts) == len(articles) == 11
    for article in articles:
        assert article.source_text == texts[article.slug] and article.source_fingerprint


@pytest.mark.parametrize(("username", "role"), [("editor", "Editor"), ("critic", "Contributor")])
def test_demo_prints_working_logins_for_each_role(demo, username, role):
    assert f"{role} login: http://127.0.0.1:8000/admin/  user '{username}'" in demo
    assert "password 'demo-pass-123'" in demo
    user = authenticate(username=username, password="demo-pass-123")
    assert user is not None and user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [role]
    assert user.author.articles.exists()  # writes as one of the demo critics


def test_loading_twice_creates_nothing_new(demo, capsys):
    counts = (Film.objects.count(), Person.objects.count(), Article.objects.count())
    call_command("load_demo", password="demo-pass-123")
    assert "already loaded" in capsys.readouterr().out
    assert counts == (Film.objects.count(), Person.objects.count(), Article.objects.count())


def test_reset_reloads_the_same_content(demo):
    articles = set(Article.objects.values_list("slug", flat=True))
    call_command("load_demo", password="demo-pass-123", reset=True)
    assert set(Article.objects.values_list("slug", flat=True)) == articles


def test_every_demo_page_renders(demo, client):
    urls = [
        obj.get_absolute_url()
        for model in (Film, Person, Article.objects.published().model)
        for obj in model.objects.all()
        if not isinstance(obj, Article) or obj.is_live
    ]
    urls += [c.character.get_absolute_url() for c in Credit.objects.filter(character__isnull=False)]
    assert len(urls) > 20
    for url in urls:
        assert client.get(url).status_code == 200, url
