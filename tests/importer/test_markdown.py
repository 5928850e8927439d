"""Markdown with YAML front matter: front matter always wins over detection."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from importer.parse.document import parse_text
from importer.parse.records import CreditRecord, ImageSlot, ImportTextError
from importer.save import article_import_bytes
from reviews.models import Article, Film
from tests.importer.helpers import messages, parse_sample

ESSAY = "essay_front_matter.md"


def test_front_matter_film_beats_the_film_named_most():
    # The body names Harbour Lights (2014) first and most often.
    parsed = parse_sample(ESSAY)
    assert (parsed.film.title, parsed.film.year) == ("The Salt Road", 2019)
    assert [(m.title, m.year) for m in parsed.mentions] == [("Harbour Lights", 2014)]


def test_front_matter_fields_fill_the_article():
    article = parse_sample(ESSAY).article
    assert article.kind == "essay"
    assert article.title == "Why The Salt Road Belongs to Its Landscape"
    assert article.author == "Priya Nandakumar"
    assert article.tags == ("landscape", "borders", "slow cinema")
    assert article.status == "review"
    assert article.published_at == date(2024, 3, 1)
    assert article.standfirst == "Mara Okafor's thriller is really a film about weather."
    assert article.slug == "salt-road-landscape"


def test_front_matter_film_data_and_cast():
    parsed = parse_sample(ESSAY)
    assert parsed.film.runtime_minutes == 110 and parsed.film.genres == ("Crime", "Drama")
    assert set(parsed.credits) == {
        CreditRecord("Ines Vale", "actor", "Ada"),
        CreditRecord("Dario Benn", "actor", "Tomas"),
    }


def test_front_matter_kind_drops_a_detected_rating_with_warning():
    parsed = parse_sample(ESSAY)  # the body says "Rating: 3/5" but the kind is essay
    assert parsed.article.rating is None
    assert any("only reviews have a rating" in message for message in messages(parsed))


def test_h1_that_differs_from_the_front_matter_title_is_a_section_heading():
    sections = parse_sample(ESSAY).sections
    assert sections[0].heading == "Harbour Lights (2014), revisited"
    assert [s.heading for s in sections[1:]] == ["The flats", "What the weather means"]


def test_markdown_image_becomes_image_slot():
    sections = parse_sample(ESSAY).sections
    assert sections[1].image == ImageSlot("Salt flats at noon", "A still from The Salt Road (2019)")
    assert "![" not in sections[1].body


def test_markdown_headings_and_h1_title_without_front_matter():
    parsed = parse_sample("review_markdown_headings.md")
    assert parsed.article.title == "Cold Harbour (2020) review"
    assert [(s.heading, s.kind) for s in parsed.sections] == [
        (None, "intro"),
        ("The performances", "analysis"),
        ("Verdict", "verdict"),
    ]


def test_front_matter_rating_beats_the_text():
    text = "---\nfilm: The Salt Road (2019)\nrating: 4.5\n---\nA thriller. 3/5\n"
    assert parse_text(text).article.rating == Decimal("4.5")


def test_front_matter_film_title_and_separate_year():
    text = "---\nfilm: The Salt Road\nyear: 2019\n---\nThe Salt Road (2017) is not it.\n"
    parsed = parse_text(text)
    assert (parsed.film.title, parsed.film.year) == ("The Salt Road", 2019)


def test_front_matter_naive_time_read_as_utc_with_warning():
    text = "---\nfilm: The Salt Road (2019)\npublished: 2024-03-01 09:30:00\n---\nA thriller.\n"
    parsed = parse_text(text)
    assert parsed.article.published_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
    assert any("time zone" in message for message in messages(parsed))


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("kind: podcast", "kind"),
        ("status: live", "status"),
        ("rating: 4.3", "rating"),
        ("rating: 7", "rating"),
        ("rating: yes", "rating"),
        ("year: 1066", "year"),
        ("year: soon", "year"),
        ("slug: Not A Slug", "slug"),
        ("runtime: forever", "runtime"),
        ("published: next Tuesday", "published"),
        ("title: no", "title"),
        ("tags: {a: 1}", "tags"),
        ("cast: 12", "cast"),
    ],
)
def test_invalid_front_matter_value_names_the_key(line, key):
    text = f"---\nfilm: The Salt Road (2019)\n{line}\n---\nA thriller.\n"
    with pytest.raises(ImportTextError, match=f"'{key}'"):
        parse_text(text)


def test_broken_yaml_is_an_error_with_a_line():
    with pytest.raises(ImportTextError, match="not valid YAML") as error:
        parse_text("---\nfilm: The Salt Road (2019)\ntags: [a, b\n---\nA thriller.\n")
    assert error.value.line is not None


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(ImportTextError, match="no closing"):
        parse_text("---\nfilm: The Salt Road (2019)\nA thriller.\n")


def test_unknown_front_matter_key_warns():
    parsed = parse_text("---\nfilm: The Salt Road (2019)\nmood: grey\n---\nA thriller.\n")
    assert "front matter key 'mood' is not used" in messages(parsed)


def test_rating_in_front_matter_of_an_essay_is_dropped_with_a_warning_not_an_error():
    parsed = parse_text("---\nfilm: The Salt Road (2019)\nkind: essay\nrating: 4\n---\nText.\n")
    assert (parsed.article.kind, parsed.article.rating) == ("essay", None)
    assert any("'rating' 4.0 dropped" in message for message in messages(parsed))
    # control: without a stated kind the same rating makes the piece a review and is kept
    review = parse_text("---\nfilm: The Salt Road (2019)\nrating: 4\n---\nText.\n")
    assert (review.article.kind, review.article.rating) == ("review", Decimal("4.0"))


def test_overlong_markdown_heading_is_shortened_with_warning():
    parsed = parse_text(f"# Cold Harbour (2020) review\n\n## {'Storm ' * 60}\n\nRough seas.\n")
    assert len(parsed.sections[0].heading) == 200
    assert any("shortened" in message for message in messages(parsed))


# --- the section length cap (issue 8, point 5) -------------------------------------------------

LONG_SECTION = "---\nfilm: The Salt Road (2019)\n---\nA thriller.\n\n## The flats\n\n" + (
    "Salt. " * 60
)


@pytest.mark.django_db
def test_section_over_the_length_cap_is_a_clear_error_and_nothing_is_saved(settings):
    settings.FILMSITE_MAX_SECTION_CHARS = 200
    with pytest.raises(ImportTextError, match=r"section 2 \(The flats\): body: .*at most") as error:
        article_import_bytes(data=LONG_SECTION.encode(), max_bytes=2 * 1024 * 1024)
    assert "200 characters at most (it has 359)" in str(error.value)
    assert not Article.objects.exists() and not Film.objects.exists()


@pytest.mark.django_db
def test_section_within_the_length_cap_imports(settings):
    settings.FILMSITE_MAX_SECTION_CHARS = 359
    article_import_bytes(data=LONG_SECTION.encode(), max_bytes=2 * 1024 * 1024)
    assert Article.objects.get().sections.get(heading="The flats").body.startswith("Salt. Salt.")
