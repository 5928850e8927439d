"""Uploads are checked by Pillow; links must point at the site they claim to."""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from filmsite import validators
from reviews.models import Image


def png_bytes(width: int = 30, height: int = 20, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, format=fmt)
    return buffer.getvalue()


def upload(data: bytes, name: str = "still.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


def test_a_real_image_is_accepted():
    validators.validate_image_upload(upload(png_bytes()))


def test_text_named_like_an_image_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_image_upload(upload(b"<html><script>x</script></html>", "evil.jpg"))
    assert excinfo.value.code == "not_an_image"


def test_too_many_bytes_is_refused_with_the_limit(settings):
    settings.FILMSITE_MAX_IMAGE_BYTES = 100
    with pytest.raises(ValidationError, match="at most 100") as excinfo:
        validators.validate_image_upload(upload(png_bytes(200, 200)))
    assert excinfo.value.code == "image_too_large"


def test_too_many_pixels_is_refused(settings):
    settings.FILMSITE_MAX_IMAGE_PIXELS = 500
    validators.validate_image_upload(upload(png_bytes(20, 20)))  # 400 pixels: fine
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_image_upload(upload(png_bytes(30, 20)))
    assert excinfo.value.code == "image_too_many_pixels"


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose (valid, checksummed) header claims a huge size."""
    data = png_bytes(1, 1)
    ihdr = b"IHDR" + width.to_bytes(4, "big") + height.to_bytes(4, "big") + data[24:29]
    return data[:12] + ihdr + zlib.crc32(ihdr).to_bytes(4, "big") + data[33:]


def test_decompression_bomb_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_image_upload(upload(png_claiming(200_000, 200_000)))
    assert excinfo.value.code == "image_bomb"


def test_formats_outside_the_allowlist_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_image_upload(upload(png_bytes(fmt="BMP"), "still.bmp"))
    assert excinfo.value.code == "image_format"


@pytest.mark.django_db
def test_admin_refuses_a_non_image_and_keeps_what_the_editor_typed(admin_client):
    response = admin_client.post(
        reverse("admin:reviews_image_add"),
        {
            "file": upload(b"not an image at all", "poster.jpg"),
            "kind": "poster",
            "alt_text": "The lighthouse keeper at her window",
            "caption": "Night two",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Upload a valid image" in body or "not an image we can read" in body
    assert 'value="The lighthouse keeper at her window"' in body
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_admin_accepts_an_image_and_records_its_size(admin_client):
    response = admin_client.post(
        reverse("admin:reviews_image_add"),
        {"file": upload(png_bytes(30, 20)), "kind": "still", "alt_text": "Ada on the pier"},
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (30, 20)
    assert image.file.name.startswith("images/") and image.file.name.endswith(".png")
    assert "still" not in image.file.name  # uploads get random names


@pytest.mark.parametrize(
    ("validator", "good", "bad"),
    [
        (
            validators.imdb_url,
            "https://www.imdb.com/title/tt0000001/",
            "https://imdb.com.evil.org/",
        ),
        (validators.letterboxd_url, "https://letterboxd.com/film/x/", "https://example.org/x"),
        (validators.wikipedia_url, "https://en.wikipedia.org/wiki/X", "javascript:alert(1)"),
        (
            validators.rotten_tomatoes_url,
            "https://www.rottentomatoes.com/m/x",
            "ftp://rottentomatoes.com/",
        ),
    ],
)
def test_external_links_must_point_at_their_site(validator, good, bad):
    validator(good)
    with pytest.raises(ValidationError):
        validator(bad)


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((64, 64), 80).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def test_a_truncated_jpeg_is_refused_with_a_message():
    whole = jpeg_bytes()
    validators.validate_image_upload(upload(whole, "still.jpg"))  # the whole file is fine
    with pytest.raises(ValidationError) as excinfo:
        validators.validate_image_upload(upload(whole[: len(whole) // 2], "still.jpg"))
    assert excinfo.value.code == "not_an_image"


@pytest.mark.django_db
def test_admin_refuses_a_truncated_jpeg_without_an_error_page(admin_client):
    data = jpeg_bytes()
    response = admin_client.post(
        reverse("admin:reviews_image_add"),
        {"file": upload(data[: len(data) // 2], "cut.jpg"), "kind": "still", "alt_text": "Cut"},
    )
    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_huge_bomb_gets_the_validators_message_not_a_crash():
    image = Image(alt_text="Pier", file=upload(png_claiming(200_000, 200_000)))
    assert image.width is None  # Django could not read the size, and said nothing
    with pytest.raises(ValidationError) as excinfo:
        image.full_clean()
    assert excinfo.value.error_dict["file"][0].code == "image_bomb"
