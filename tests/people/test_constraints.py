"""Every database constraint on people, characters and credits refuses what it guards."""

import pytest
from django.core.exceptions import ValidationError

from people.models import Credit, Person
from tests.factories import (
    ActorCreditFactory,
    CharacterFactory,
    CreditFactory,
    FilmFactory,
    PersonFactory,
)
from tests.helpers import refused

pytestmark = pytest.mark.django_db


def test_person_name_required():
    PersonFactory(name="Ines Vale")
    refused(lambda: Person.objects.create(name="", slug="nobody"), "person_name_required")


def test_person_slug_unique():
    PersonFactory(slug="ines-vale")
    refused(lambda: PersonFactory(slug="ines-vale"))


def test_sort_name_defaults_to_last_name_first():
    assert PersonFactory(name="Agnès Dumont Vale", sort_name="").sort_name == "Vale, Agnès Dumont"
    assert PersonFactory(name="Prince", sort_name="").sort_name == "Prince"


def test_character_slug_unique_per_film():
    character = CharacterFactory(slug="ada")
    CharacterFactory(slug="ada")  # another film's Ada is another character
    refused(lambda: CharacterFactory(film=character.film, slug="ada"))


def test_credit_unique_per_film_person_role_without_character():
    credit = CreditFactory(role=Credit.Role.DIRECTOR)
    CreditFactory(film=credit.film, person=credit.person, role=Credit.Role.WRITER)
    refused(lambda: CreditFactory(film=credit.film, person=credit.person, role="director"))


def test_credit_unique_per_film_person_role_character():
    credit = ActorCreditFactory()
    # The same actor may play a second character in the same film.
    ActorCreditFactory(film=credit.film, person=credit.person)
    refused(
        lambda: ActorCreditFactory(
            film=credit.film, person=credit.person, character=credit.character
        )
    )


def test_credit_role_valid():
    CreditFactory(role=Credit.Role.COMPOSER)
    refused(lambda: CreditFactory(role="caterer"), "credit_role_valid")


def test_only_actors_play_characters():
    character = CharacterFactory()
    ActorCreditFactory(film=character.film, character=character)
    refused(
        lambda: CreditFactory(film=character.film, role="director", character=character),
        "credit_character_only_for_actors",
    )


def test_credit_character_must_belong_to_the_film():
    character = CharacterFactory()
    credit = Credit(
        film=FilmFactory(), person=PersonFactory(), role=Credit.Role.ACTOR, character=character
    )
    with pytest.raises(ValidationError, match="another film"):
        credit.full_clean()
    credit.film = character.film
    credit.full_clean()


def test_sort_name_of_a_longest_name_still_fits():
    name = "A" * 99 + " " + "B" * 100  # 200 characters, the most a name may have
    person = PersonFactory(name=name, slug="longest", sort_name="")
    person.refresh_from_db()
    assert person.sort_name.startswith("B" * 100 + ", A") and len(person.sort_name) == 200
