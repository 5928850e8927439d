import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Uploads go to a temporary folder; static URLs need no collectstatic manifest."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _cold_content_type_cache():
    """Django caches content types per process: clear it so query counts don't depend on order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives tests: start each one empty."""
    cache.clear()
