"""Person and character pages: filmography by role, writing about their films, analysis."""

import json
import re

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_filmography_is_grouped_by_role_with_characters_and_years(client):
    person = f.PersonFactory(name="Teodoro Vaz")
    old, new = f.FilmFactory(title="Old one", year=1971), f.FilmFactory(title="New one", year=1988)
    f.CreditFactory(person=person, film=old)
    f.CreditFactory(person=person, film=new)
    f.ActorCreditFactory(
        person=person, film=new, character=f.CharacterFactory(film=new, name="The ferryman")
    )
    response = client.get(person.get_absolute_url())
    groups = [(g.label, [line.title for line in g.items]) for g in response.context["filmography"]]
    assert groups == [("Director", ["New one", "Old one"]), ("Actor", ["New one"])]
    html = response.content.decode()
    assert re.search(
        r'<span class="year">1988</span> <a[^>]*>New one</a> <span class="as">as '
        r"<a[^>]*>The ferryman</a>",
        html,
    )


def test_person_page_lists_published_writing_about_their_films(client):
    person = f.PersonFactory()
    film = f.FilmFactory()
    f.CreditFactory(person=person, film=film)
    f.ArticleFactory(title="About their film", films=[film])
    f.ArticleFactory(title="A draft about it", films=[film], status="draft", published_at=None)
    f.ArticleFactory(title="About something else")
    html = client.get(person.get_absolute_url()).content.decode()
    assert "About their film" in html
    assert "A draft about it" not in html and "About something else" not in html


def test_person_page_has_person_json_ld(client):
    person = f.PersonFactory(name="Leonor Bastos", bio="Portuguese actor.", birth_year=1950)
    html = client.get(person.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert data["@type"] == "Person" and data["name"] == "Leonor Bastos"
    assert data["birthDate"] == "1950" and data["description"] == "Portuguese actor."


def test_character_page_names_the_film_its_players_and_analysis(client):
    character = f.CharacterFactory(name="Inês Calado")
    f.ActorCreditFactory(
        film=character.film, character=character, person=f.PersonFactory(name="Leonor Bastos")
    )
    article = f.ArticleFactory(title="The notebook", films=[character.film])
    f.SectionFactory(article=article, character=character, body="She writes at night.")
    draft = f.ArticleFactory(status="draft", published_at=None, films=[character.film])
    f.SectionFactory(article=draft, character=character, body="Unpublished thoughts.")
    html = client.get(character.get_absolute_url()).content.decode()
    assert f'<a href="{character.film.get_absolute_url()}"><cite>' in html
    assert re.search(r"played by <a[^>]*>Leonor Bastos</a>", html)
    assert "The notebook" in html and "She writes at night." in html
    assert "Unpublished thoughts." not in html
