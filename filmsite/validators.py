"""Validators for text, uploaded images and external links."""

import unicodedata
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from filmsite.textclean import CONTROL_CHARACTERS

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# C0 control characters but tab and newline (forms turn a carriage return into a newline first),
# the two noncharacters and lone surrogates (filmsite/textclean.py): no page can show them, XML
# cannot hold them (one made every dumpdata backup fail), PostgreSQL refuses NUL.
CONTROL_NAMES = {
    "\x00": "null",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
}


def validate_no_control_characters(value: object) -> None:
    """Refuse text holding a control character, naming it and where it is."""
    if not isinstance(value, str) or not (match := CONTROL_CHARACTERS.search(value)):
        return
    char = match[0]
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(char, "control character")
    if "\ud800" <= char <= "\udfff":
        name = "lone surrogate"
    count = len(CONTROL_CHARACTERS.findall(value))
    raise ValidationError(
        "This text holds %(count)s invisible control character(s) that cannot be shown or "
        "stored, the first (U+%(code)04X, %(name)s) at character %(position)s: remove it, or "
        "retype the text around it.",
        code="control_character",
        params={
            "count": count,
            "code": ord(char),
            "name": name.lower(),
            "position": f"{match.start() + 1:,}",
        },
    )


def _read_image(file: File, *, decode: bool) -> tuple[str | None, int, int]:
    """The image's format and size, read (and decoded, if asked) from the file's start.

    The file is left where it was; what Pillow cannot read is refused as a ValidationError.
    """
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
    return image_format, width, height


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
    image_format, width, height = _read_image(file, decode=decode)
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
        return ("filmsite.validators.HostValidator", (self.domain, self.label), {})


imdb_url = HostValidator("imdb.com", "IMDb")
letterboxd_url = HostValidator("letterboxd.com", "Letterboxd")
wikipedia_url = HostValidator("wikipedia.org", "Wikipedia")
rotten_tomatoes_url = HostValidator("rottentomatoes.com", "Rotten Tomatoes")
