"""Responsive images: ``{% load renditions %}``.

``{% picture image sizes="(max-width: 40rem) 100vw, 40rem" class="poster" loading="lazy" %}``
renders a ``<picture>`` with a WebP source and a JPEG/PNG ``<img>`` fallback; ``alt`` comes from
``image.alt_text`` unless given (``alt=""`` for a decorative copy). ``{% thumbnail_url image %}``
gives the square thumbnail's URL, for feeds and ``og:image``. Both compute URLs from the
rendition names alone: no queries, no storage access while rendering. Until the background task
has made an image's renditions (``image.renditions_ready_at``, a column of the row the page
already loaded) both give the original instead, so a page never links a rendition that 404s.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from reviews import images
from reviews.models import Image

register = template.Library()

PICTURE_ATTRIBUTES = {"class", "id", "loading", "decoding", "fetchpriority"}


@register.simple_tag
def picture(image: Image | None, sizes: str = "100vw", **attributes: str) -> SafeString:
    """A ``<picture>`` for an image; the original in an ``<img>`` until its renditions exist."""
    unknown = set(attributes) - PICTURE_ATTRIBUTES - {"alt"}
    if unknown:
        raise template.TemplateSyntaxError(
            f"picture does not accept {', '.join(sorted(unknown))}; "
            f"use sizes, alt or {', '.join(sorted(PICTURE_ATTRIBUTES))}."
        )
    if not image or not image.file:
        return SafeString("")
    alt = attributes.pop("alt", image.alt_text)
    attributes = {"loading": "lazy", "decoding": "async", **attributes}
    extra = format_html_join("", ' {}="{}"', sorted(attributes.items()))
    renditions = images.planned_renditions(image) if image.renditions_ready_at else []
    if not renditions:
        return _original_img(image, alt, extra)
    original = image.file.name

    def srcset(attribute: str) -> str:
        return ", ".join(
            f"{images.media_url(getattr(r, attribute), original)} {r.width}w" for r in renditions
        )

    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}></picture>',
        srcset("webp_name"),
        sizes,
        images.media_url(renditions[-1].fallback_name, original),
        srcset("fallback_name"),
        sizes,
        image.width,
        image.height,
        alt,
        extra,
    )


def _original_img(image: Image, alt: str, extra: SafeString) -> SafeString:
    """The uploaded file itself, in an ``<img>``: what readers get until renditions exist."""
    size = (
        format_html(' width="{}" height="{}"', image.width, image.height)
        if image.width and image.height
        else ""
    )
    return format_html('<img src="{}" alt="{}"{}{}>', image.file.url, alt, size, extra)


@register.simple_tag
def thumbnail_url(image: Image | None) -> str:
    """The square thumbnail (JPEG or PNG) of an image, or "" without one."""
    return images.thumbnail_url(image)
