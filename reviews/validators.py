"""Validators for uploaded images and external links."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def validate_image_upload(file: File, *, decode: bool = True) -> None:
    """Refuse files that are too large, not images, or decompression bombs, with a clear reason.

    ``decode=False`` skips decoding the pixels, for a caller that decodes them next anyway and
    refuses what fails (reviews.images.upload_sanitise): a 40-megapixel PNG takes half a second.
    """
    max_bytes = settings.FILMSITE_MAX_IMAGE_BYTES
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="image_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with PILImage.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()  # structure and checksums, without decoding
        if decode and width * height <= settings.FILMSITE_MAX_IMAGE_PIXELS:
            # verify() does not decode JPEG data: a truncated file passes it. Decode it here,
            # so the upload is refused with a message rather than failing later in save().
            file.seek(0)
            with PILImage.open(file) as image:
                image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            "This file is not an image we can read (JPEG, PNG, WebP or GIF).", code="not_an_image"
        ) from exc
    except PILImage.DecompressionBombError as exc:
        raise ValidationError(
            "This image's dimensions are too large to process safely.", code="image_bomb"
        ) from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted; use JPEG, PNG, WebP or GIF.",
            code="image_format",
            params={"format": image_format},
        )
    if width * height > settings.FILMSITE_MAX_IMAGE_PIXELS:
        raise ValidationError(
            "This image is %(width)s×%(height)s pixels; at most %(limit)s pixels are accepted.",
            code="image_too_many_pixels",
            params={"width": width, "height": height, "limit": settings.FILMSITE_MAX_IMAGE_PIXELS},
        )


class HostValidator:
    """Accept only http(s) URLs on one site (and its subdomains), e.g. imdb.com."""

    def __init__(self, domain: str, label: str) -> None:
        self.domain = domain
        self.label = label

    def __call__(self, value: str) -> None:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        if parts.scheme not in {"http", "https"} or not (
            host == self.domain or host.endswith("." + self.domain)
        ):
            raise ValidationError(
                "Enter a link to %(label)s (%(domain)s).",
                code="wrong_host",
                params={"label": self.label, "domain": self.domain},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HostValidator) and (self.domain, self.label) == (
            other.domain,
            other.label,
        )

    def deconstruct(self) -> tuple[str, tuple[str, str], dict]:
        return ("reviews.validators.HostValidator", (self.domain, self.label), {})


imdb_url = HostValidator("imdb.com", "IMDb")
letterboxd_url = HostValidator("letterboxd.com", "Letterboxd")
wikipedia_url = HostValidator("wikipedia.org", "Wikipedia")
rotten_tomatoes_url = HostValidator("rottentomatoes.com", "Rotten Tomatoes")
