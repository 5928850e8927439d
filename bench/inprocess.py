"""Django for the in-process benchmarks (search.py, profile_page.py), set up as production runs.

DEBUG off (no SQL log, cached templates) and the test client's host allowed. Call setup_django()
before importing anything that needs settings; render pages under override_settings(
STORAGES=PLAIN_STORAGES), which needs no collectstatic manifest.
"""

import os
import secrets

PLAIN_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def setup_django(**environ: str) -> None:
    """django.setup() with production-like settings; `environ` sets further variables."""
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(64))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmsite.settings")
    os.environ.update(environ)

    import django

    django.setup()
