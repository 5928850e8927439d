from django.db import models


class HttpsURLField(models.URLField):
    """A URLField whose forms add https:// (Django 6's default) when an editor leaves it out."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
