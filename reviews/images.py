"""Image processing with Pillow: sanitised originals and cached responsive renditions.

Every stored original is a re-encoding of the upload's pixels, never the uploaded bytes:
orientation applied, colours converted to sRGB, and nothing else kept (no EXIF or GPS, no XMP,
ICC profile, comments or text chunks, nothing appended after the image data), so a polyglot
(an image with HTML after it) loses its payload. Its extension comes from the format Pillow
detected, not from the uploaded name. JPEG, PNG and WebP keep their format; a GIF becomes a PNG
of its first frame (stills do not move, and a lossless PNG keeps that frame exactly).

Renditions live at deterministic names, ``renditions/<image pk>/<width>.<ext>`` and
``renditions/<image pk>/thumb.<ext>``, so templates compute their URLs from the image's width
and file name without touching the database or the storage. Each exists as WebP and as a
fallback: PNG when the original is a PNG (it may have alpha), JPEG otherwise. URLs carry
``?v=<token>`` from the original's (random, per upload) name, so a replaced file gets new URLs.
No side of a rendition is longer than WebP allows (16,383 pixels): a very tall or wide image's
renditions are narrower than the configured widths, with the same aspect ratio.

Renditions are made off the request path (``reviews.tasks``) in bounded memory: a JPEG is
decoded straight at 1/2, 1/4 or 1/8 of its size when that is still twice the largest rendition,
other formats are reduced once by an integer factor before resizing, and nothing is copied
whole. ``Image.renditions_ready_at`` says when they all exist; until then templates link the
original.

Serving: only .jpg, .png and .webp files are ever written under MEDIA_ROOT. Whatever serves it in
production (nginx, a bucket, a CDN) must send ``X-Content-Type-Options: nosniff`` and a
Content-Type from the extension, never ``text/html`` (see the README's "Media files" section).
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import time
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps

from filmsite.cache import invalidate_pages_on_commit
from filmsite.validators import validate_image_upload

if TYPE_CHECKING:
    from reviews.models import Image

logger = logging.getLogger(__name__)

# Pillow's format name -> (format we store, extension). GIF is stored as PNG (see above).
STORED_FORMATS = {
    "JPEG": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "GIF": ("PNG", "png"),
}
SAVE_OPTIONS = {
    # No optimize: libjpeg would hold the whole image's coefficients for a second pass (240 MB at
    # 40 megapixels, in the upload request) to save a few per cent of the file.
    "JPEG": {"quality": 90, "optimize": False},
    "PNG": {"optimize": False},
    "WEBP": {"quality": 90, "method": 4},
}
RENDITION_OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {},
    "WEBP": {"quality": 80, "method": 4},
}
EXTENSION_FORMATS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}
THUMBNAIL = "thumb"
# Faces and poster titles sit high in the frame: crop thumbnails a little above centre.
THUMBNAIL_CENTERING = (0.5, 0.35)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
WEBP_MAX_SIDE = 16_383  # the longest side a WebP image can have
# Each rendition is resized from an image at least this many times its size: Pillow's own
# measure for a reduction that looks the same as one made from the full original.
REDUCING_GAP = 2.0

# Pillow refuses (DecompressionBombError) images over twice this many pixels wherever it opens
# them, and warns over it; the upload validator refuses anything over it with a clear message.
PILImage.MAX_IMAGE_PIXELS = settings.FILMSITE_MAX_IMAGE_PIXELS


@dataclass(frozen=True)
class Rendition:
    """One size of an image, stored twice: as WebP and in a fallback format."""

    label: str  # the width in pixels, or "thumb"
    width: int
    height: int
    webp_name: str
    fallback_name: str


# Sanitising uploads


def upload_sanitise(file: File) -> ContentFile:
    """Re-encode an upload's first frame, upright and without metadata, named by its real format.

    Raises ValidationError (the validator's clear messages) for anything that is not an image we
    accept, so even a save that skipped ``full_clean()`` cannot store one.
    """
    validate_image_upload(file, decode=False)  # decoded below, once
    file.seek(0)
    try:
        with PILImage.open(file) as source:
            stored_format, extension = STORED_FORMATS[source.format]
            source.seek(0)
            source.load()
            # Cleaned while the upload is open; closing it frees its pixels before encoding.
            image = _clean_pixels(_upright(source), stored_format)
    except PILImage.DecompressionBombError as exc:
        raise ValidationError(
            "This image's dimensions are too large to process safely.", code="image_bomb"
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:  # e.g. truncated data that verify() passed
        raise ValidationError(
            "This file is not an image we can read (JPEG, PNG, WebP or GIF).", code="not_an_image"
        ) from exc
    buffer = io.BytesIO()
    image.save(buffer, format=stored_format, **SAVE_OPTIONS[stored_format])
    stem = PurePath(file.name or "image").stem or "image"
    return ContentFile(buffer.getvalue(), name=f"{stem}.{extension}")


def _upright(image: PILImage.Image) -> PILImage.Image:
    """Apply the EXIF orientation in place; a malformed EXIF block leaves the image as it is.

    In place: an upright upload costs no second full-size bitmap (a 40-megapixel RGB image is
    120 MB decoded), a rotated one only while it turns.
    """
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # Pillow raises assorted errors on broken EXIF; orientation is best effort
        logger.warning("Ignoring unreadable EXIF orientation", exc_info=True)
    return image


def _clean_pixels(image: PILImage.Image, stored_format: str) -> PILImage.Image:
    """sRGB pixels in a mode the format stores, with every piece of metadata dropped."""
    has_alpha = image.has_transparency_data
    icc = image.info.get("icc_profile")
    if icc and image.mode in {"RGB", "RGBA", "CMYK"}:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
            image = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=out_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            logger.warning("Ignoring an unusable ICC profile", exc_info=True)
    if image.mode.startswith("I"):  # 16-bit greyscale: scale, don't clip, down to 8 bits
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if stored_format == "JPEG":
        mode = "L" if image.mode in {"1", "L"} else "RGB"
    elif has_alpha:
        mode = "RGBA"
    elif image.mode in {"1", "L"}:
        mode = "L"
    else:
        mode = "RGB"
    clean = image.convert(mode)  # always a new image, never the opened file with its metadata
    clean.info = {}  # Pillow writes some info keys (ICC, comments, transparency) back out
    return clean


# Renditions: names and sizes (pure: no database, no storage)


def rendition_widths(width: int | None) -> list[int]:
    """The configured widths below the original's, then the original's own, capped: no upscaling."""
    if not width:
        return []
    configured = sorted(set(settings.FILMSITE_RENDITION_WIDTHS))
    widths = [w for w in configured if w < width]
    top = min(width, configured[-1]) if configured else width
    return widths if top in widths else [*widths, top]


def rendition_size(width: int, height: int, target_width: int) -> tuple[int, int]:
    """A rendition about ``target_width`` wide with the original's aspect ratio, no side over
    WebP's limit: a 100 × 20,000 original gives 81 × 16,200, not a WebP that cannot exist."""
    w = min(target_width, WEBP_MAX_SIDE)
    h = max(1, round(height * w / width))
    if h > WEBP_MAX_SIDE:
        w = max(1, math.floor(width * WEBP_MAX_SIDE / height))
        h = min(WEBP_MAX_SIDE, max(1, round(height * w / width)))
    return w, h


def fallback_extension(original_name: str) -> str:
    """PNG originals (which may have alpha) fall back to PNG; every other photo to JPEG."""
    return "png" if PurePath(original_name).suffix.lower() == ".png" else "jpg"


def rendition_name(pk: int, label: str | int, extension: str) -> str:
    return f"renditions/{pk}/{label}.{extension}"


def planned_renditions(image: Image) -> list[Rendition]:
    """The responsive renditions an image has (or will have), smallest first."""
    if not (image.pk and image.file and image.width and image.height):
        return []
    fallback = fallback_extension(image.file.name)
    sizes = {}  # by actual width: capping can make two configured widths one
    for target in rendition_widths(image.width):
        w, h = rendition_size(image.width, image.height, target)
        sizes[w] = h
    return [
        Rendition(
            label=str(w),
            width=w,
            height=h,
            webp_name=rendition_name(image.pk, w, "webp"),
            fallback_name=rendition_name(image.pk, w, fallback),
        )
        for w, h in sorted(sizes.items())
    ]


def planned_thumbnail(image: Image) -> Rendition | None:
    """A square crop, at most FILMSITE_THUMBNAIL_SIZE a side and never larger than the image."""
    if not (image.pk and image.file and image.width and image.height):
        return None
    side = min(settings.FILMSITE_THUMBNAIL_SIZE, image.width, image.height, WEBP_MAX_SIDE)
    fallback = fallback_extension(image.file.name)
    return Rendition(
        label=THUMBNAIL,
        width=side,
        height=side,
        webp_name=rendition_name(image.pk, THUMBNAIL, "webp"),
        fallback_name=rendition_name(image.pk, THUMBNAIL, fallback),
    )


def all_renditions(image: Image) -> list[Rendition]:
    thumbnail = planned_thumbnail(image)
    return planned_renditions(image) + ([thumbnail] if thumbnail else [])


def version_token(original_name: str) -> str:
    """Changes whenever the original file does (uploads get random names), for cache busting."""
    return hashlib.blake2s(original_name.encode(), digest_size=4).hexdigest()


def media_url(name: str, original_name: str, storage: Storage | None = None) -> str:
    """The storage's URL for a rendition (no I/O for file system or public bucket storages)."""
    url = (storage or default_storage).url(name)
    return f"{url}{'&' if '?' in url else '?'}v={version_token(original_name)}"


def thumbnail_url(image: Image | None) -> str:
    """The thumbnail's fallback (JPEG/PNG, which every consumer reads), or the original until the
    renditions are made: for feeds and og:image."""
    if not image or not image.file:
        return ""
    thumbnail = planned_thumbnail(image)
    if thumbnail is None or not image.renditions_ready_at:
        return image.file.url
    return media_url(thumbnail.fallback_name, image.file.name)


# Renditions: generating (reads the original, writes the storage; run by reviews.tasks)


def renditions_build(image: Image, storage: Storage | None = None) -> list[str]:
    """Make every rendition of the image's current file and record that they are ready."""
    written = generate_renditions(image, storage)
    renditions_mark_ready(image)
    return written


def renditions_mark_ready(image: Image) -> bool:
    """Record that the renditions of the image's file exist; False if the file changed since."""
    marked = (
        type(image)
        .objects.filter(pk=image.pk, file=image.file.name)
        .update(renditions_ready_at=timezone.now())
    )
    if marked:
        invalidate_pages_on_commit()  # cached pages still link the original
    return bool(marked)


def generate_renditions(image: Image, storage: Storage | None = None) -> list[str]:
    """(Re)build every rendition of an image from its stored original; returns the names written.

    Files are replaced one by one and those of older sizes removed at the end, so a page that
    links the current renditions never meets a gap while they are rebuilt.
    """
    storage = storage or default_storage
    planned = all_renditions(image)
    written = []
    if planned:
        with image.file.open("rb"), PILImage.open(image.file) as original:
            source = _decoded_for(original, planned)
            if source is not original:
                original.close()  # frees the full-size pixels before any resizing
            for rendition in planned:
                resized = _resized(source, rendition)
                for name in (rendition.webp_name, rendition.fallback_name):
                    written.append(_save_rendition(resized, name, storage))
    delete_renditions(image.pk, storage, keep=set(written))
    return written


def _decoded_for(original: PILImage.Image, planned: list[Rendition]) -> PILImage.Image:
    """The original's pixels at the smallest size every rendition can still be made from well.

    Each rendition needs a source REDUCING_GAP times its width (a thumbnail: its side from the
    original's shorter side). JPEG decodes at that reduced size directly (draft), so its full
    bitmap never exists; other formats decode whole and are reduced once by an integer factor.
    """
    width, height = original.size
    shrink = min(
        (min(width, height) if r.label == THUMBNAIL else width) / (r.width * REDUCING_GAP)
        for r in planned
    )
    if shrink >= 2 and original.format == "JPEG":
        original.draft(None, (math.ceil(width / shrink), math.ceil(height / shrink)))
    original.load()
    factor = math.floor(shrink * original.width / width)
    source = original.reduce(factor) if factor >= 2 else original
    if source.mode not in {"RGB", "RGBA", "L", "LA"}:  # sanitised originals never are
        source = source.convert("RGBA" if source.has_transparency_data else "RGB")
    return source


def _resized(source: PILImage.Image, rendition: Rendition) -> PILImage.Image:
    size = (rendition.width, rendition.height)
    if rendition.label == THUMBNAIL:
        return ImageOps.fit(
            source, size, PILImage.Resampling.LANCZOS, centering=THUMBNAIL_CENTERING
        )
    return source.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)


def renditions_missing(image: Image, storage: Storage | None = None) -> bool:
    storage = storage or default_storage
    return any(
        not storage.exists(name)
        for rendition in all_renditions(image)
        for name in (rendition.webp_name, rendition.fallback_name)
    )


def delete_renditions(
    pk: int, storage: Storage | None = None, keep: set[str] = frozenset()
) -> None:
    """Delete an image's renditions, except the names in ``keep``."""
    storage = storage or default_storage
    folder = f"renditions/{pk}"
    try:
        _, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        if f"{folder}/{filename}" not in keep:
            storage.delete(f"{folder}/{filename}")


def _save_rendition(image: PILImage.Image, name: str, storage: Storage) -> str:
    image_format = EXTENSION_FORMATS[PurePath(name).suffix.lstrip(".")]
    if image_format == "JPEG" and image.mode not in {"L", "RGB"}:
        image = _flatten(image)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **RENDITION_OPTIONS[image_format])
    if storage.exists(name):  # e.g. a concurrent run: keep the deterministic name
        storage.delete(name)
    saved = storage.save(name, ContentFile(buffer.getvalue()))
    if saved != name:
        logger.warning("Rendition %s was stored as %s", name, saved)
    return saved


def _flatten(image: PILImage.Image) -> PILImage.Image:
    """JPEG has no alpha: composite on white, as the page behind most images is."""
    rgba = image.convert("RGBA")
    background = PILImage.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


# Uploads per editor


def upload_throttle(*, user_id: int | None) -> None:
    """Count an upload against its editor's last minute; past FILMSITE_IMAGE_UPLOADS_PER_MINUTE,
    refuse it (ValidationError) saying when to try again.

    Called before the image is decoded, so a flood costs a cache read each, not a decode. A
    sliding minute (the times of the accepted uploads), so the wait it gives is exact; refused
    attempts are not recorded and do not prolong it. Two uploads at the same instant may both
    pass at the limit: a brake on floods, not an exact quota.
    """
    limit = settings.FILMSITE_IMAGE_UPLOADS_PER_MINUTE
    key = f"filmsite:image-uploads:{user_id}"
    now = time.time()
    recent = [t for t in cache.get(key, []) if t > now - 60]
    if len(recent) >= limit:
        frees_up = recent[-limit] + 60 if limit > 0 else now + 60  # the upload that then expires
        raise ValidationError(
            "You have uploaded %(limit)s images in the last minute, the most we take at once. "
            "Choose the file again and save in %(wait)s seconds.",
            code="upload_rate_limited",
            params={"limit": limit, "wait": max(1, math.ceil(frees_up - now))},
        )
    cache.set(key, [*recent, now], timeout=60)
