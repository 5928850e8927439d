from django.apps import AppConfig


class FakesConfig(AppConfig):
    """Invented content: the demo publication and the benchmark archive, with their commands."""

    name = "fakes"
    verbose_name = "Demo and benchmark content"
