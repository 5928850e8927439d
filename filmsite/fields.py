"""Model fields with the small fixes our editors' forms need."""

from collections.abc import Callable, Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from PIL import Image as PILImage
from taggit.managers import TaggableManager

from filmsite.validators import validate_no_control_characters


class HttpsURLField(models.URLField):
    """A URLField whose forms add https:// (Django 6's default) when an editor leaves it out."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


def unix_newlines(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class _UnixNewlinesField(forms.CharField):
    def to_python(self, value):
        return unix_newlines(super().to_python(value))


def refuse_control_characters(models_: Iterable[type[models.Model]]) -> None:
    """Give every text field of these models validate_no_control_characters.

    Set here for whole apps, no text field a later change adds can forget it; forms and
    full_clean() then refuse the text with a message that names the character and its place.
    """
    for model in models_:
        for field in model._meta.local_fields:
            if isinstance(field, models.CharField | models.TextField) and (
                validate_no_control_characters not in field.validators
            ):
                # The field's validators (a cached list) rather than its `validators=` (which
                # migrations record): the check stays out of migrations.
                field.validators.append(validate_no_control_characters)
        for field in model._meta.private_fields + model._meta.local_many_to_many:
            if isinstance(field, TaggableManager) and "formfield" not in vars(field):
                field.formfield = _checked_tags(field.formfield)


def _checked_tags(formfield: Callable[..., forms.Field]) -> Callable[..., forms.Field]:
    """A themes form field that refuses what a theme's name may not hold, before taggit
    creates the tag (which it does without full_clean())."""

    def checked(**kwargs) -> forms.Field:
        field = formfield(**kwargs)
        field.validators = [*field.validators, validate_no_control_characters]
        return field

    return checked


def validate_prose_length(value: str) -> None:
    """At most FILMSITE_MAX_SECTION_CHARS characters, read when validating (tests override it)."""
    limit = settings.FILMSITE_MAX_SECTION_CHARS
    if len(value) > limit:
        raise ValidationError(
            "Keep this text to %(limit)s characters at most (it has %(length)s): "
            "split a longer text into several sections.",
            code="max_length",
            params={"limit": f"{limit:,}", "length": f"{len(value):,}"},
        )


class ProseField(models.TextField):
    """Text typed in a textarea, stored with \\n line endings, of a bounded length.

    Browsers send textareas with \\r\\n: without this, saving an untouched form reports every
    multi-line field as changed (in the history) and stores a different text. The length cap
    bounds the Markdown a save renders; as a default validator it stays out of migrations.
    """

    default_validators = [validate_prose_length]

    def to_python(self, value):
        return unix_newlines(super().to_python(value))  # full_clean() outside a form too

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": _UnixNewlinesField, **kwargs})


class SafeImageField(models.ImageField):
    """An ImageField that lets the validator, not a crash, refuse a decompression bomb.

    Django reads an image's size as soon as a file is assigned; for a bomb Pillow raises
    there, before any validator could say "too large to process safely".
    """

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except (PILImage.DecompressionBombError, OSError, ValueError):
            if self.width_field:
                setattr(instance, self.width_field, None)
            if self.height_field:
                setattr(instance, self.height_field, None)
