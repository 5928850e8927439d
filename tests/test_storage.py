"""Media on object storage: settings pick S3 from the environment, code uses the storage API only.

No S3 is reachable here, and a mocked boto would only test the mock. So the settings tests
build the real S3Storage in a fresh process and ask it for URLs (which needs no network), and
the image tests run again against Django's InMemoryStorage: a storage with no file system
behind it, where any code path that assumed MEDIA_ROOT would fail or leave files there.
"""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from reviews.models import Film
from tests import factories as f
from tests.reviews.test_images import *  # noqa: F403  (its tests and the save_image fixture)
from tests.reviews.test_uploads import *  # noqa: F403
from tests.test_settings import PRODUCTION, run

pytestmark = pytest.mark.django_db
IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "from django.core.files.storage import storages; "
    "csp = s.CONTENT_SECURITY_POLICY; "
    "print(json.dumps({'backend': s.STORAGES['default']['BACKEND'], "
    "'options': s.STORAGES['default'].get('OPTIONS', {}), 'media_url': s.MEDIA_URL, "
    "'url': storages['default'].url('images/2025/01/still.jpg'), "
    "'img_src': csp['img-src'], 'script_src': csp['script-src'], "
    "'static': s.STORAGES['staticfiles']['BACKEND']}))"
)


def show(env: dict[str, str]) -> dict:
    result = run(["-c", SHOW], {**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(autouse=True)
def _media_in_memory(request, settings, _isolated_files):
    """The image tests imported above run with uploads in memory and must leave MEDIA_ROOT be."""
    if request.function.__module__ == __name__:
        yield
        return
    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY}
    yield
    assert not Path(settings.MEDIA_ROOT).exists(), "an image code path wrote to MEDIA_ROOT"


def test_the_file_system_is_the_default_and_writes_under_media_root(settings, save_image):
    """The positive control for the in-memory runs: here an upload does land in MEDIA_ROOT."""
    values = show({})
    assert values["backend"] == "django.core.files.storage.FileSystemStorage"
    assert values["media_url"] == "/media/" and values["url"] == "/media/images/2025/01/still.jpg"
    image = save_image(picture_bytes())  # noqa: F405
    assert (Path(settings.MEDIA_ROOT) / image.file.name).is_file()
    assert (Path(settings.MEDIA_ROOT) / f"renditions/{image.pk}/thumb.png").is_file()


def test_a_bucket_selects_s3_with_public_unsigned_never_overwritten_objects():
    values = show({"FILMSITE_S3_BUCKET": "film-media", "FILMSITE_S3_REGION": "eu-west-1"})
    assert values["backend"] == "storages.backends.s3.S3Storage"
    assert values["options"] == {
        "bucket_name": "film-media",
        "endpoint_url": None,
        "region_name": "eu-west-1",
        "custom_domain": None,
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    # No signature in the URL, and MEDIA_URL (hence the CSP) is where the storage's URLs point.
    assert values["url"] == "https://film-media.s3.amazonaws.com/images/2025/01/still.jpg"
    assert values["url"].startswith(values["media_url"])
    assert values["media_url"] in values["img_src"]
    assert values["media_url"] not in values["script_src"]  # uploads never run as scripts


def test_an_s3_compatible_endpoint_gets_path_style_urls_in_the_csp():
    values = show(
        {"FILMSITE_S3_BUCKET": "film-media", "FILMSITE_S3_ENDPOINT_URL": "http://minio:9000"}
    )
    assert values["options"]["endpoint_url"] == "http://minio:9000"
    assert values["url"] == "http://minio:9000/film-media/images/2025/01/still.jpg"
    assert values["media_url"] == "http://minio:9000/film-media/"
    assert values["media_url"] in values["img_src"]


def test_a_cdn_domain_in_front_of_the_bucket_becomes_media_url_and_an_img_src():
    values = show(
        {
            "FILMSITE_S3_BUCKET": "film-media",
            "FILMSITE_S3_CUSTOM_DOMAIN": "media.films.example.org",
            "DJANGO_MEDIA_URL": "/ignored-with-a-bucket/",
        }
    )
    assert values["options"]["custom_domain"] == "media.films.example.org"
    assert values["url"] == "https://media.films.example.org/images/2025/01/still.jpg"
    assert values["media_url"] == "https://media.films.example.org/"
    assert values["img_src"] == ["'self'", "https://media.films.example.org/"]


def test_static_files_on_a_cdn_keep_hashed_names_and_enter_the_csp(tmp_path):
    cdn = {
        "DJANGO_STATIC_URL": "https://static.films.example.org/",
        "DJANGO_STATIC_ROOT": str(tmp_path),
    }
    collected = run(["manage.py", "collectstatic", "--noinput", "-v0"], {**PRODUCTION, **cdn})
    assert collected.returncode == 0, collected.stderr
    script = (
        "import django; django.setup(); from django.templatetags.static import static; "
        "print(static('css/site.css'))"
    )
    result = run(["-c", script], {**PRODUCTION, **cdn})
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith("https://static.films.example.org/css/site.") and url != (
        "https://static.films.example.org/css/site.css"
    )  # a content hash in the name: the CDN may cache it forever
    values = show(cdn)
    assert "https://static.films.example.org/" in values["script_src"]
    assert "https://static.films.example.org/" in values["img_src"]
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


needs_pg_client = pytest.mark.skipif(
    connection.vendor == "postgresql" and shutil.which("pg_dump") is None,
    reason="pg_dump is not installed (Debian: postgresql-client-15)",
)


@needs_pg_client
@pytest.mark.django_db(transaction=True)  # a backup is taken outside any transaction
def test_backup_refuses_media_it_cannot_archive(settings, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)  # positive control: MEDIA_ROOT on disk
    assert archive.is_file()

    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY}
    elsewhere = tmp_path / "from-a-bucket.tar.gz"
    with pytest.raises(CommandError, match="InMemoryStorage, not in MEDIA_ROOT.*versioning"):
        call_command("backup", str(elsewhere), verbosity=0)
    assert not elsewhere.exists()


def test_backup_inside_a_transaction_is_refused_at_once(tmp_path):
    """SQLite's backup API waits for ever on a lock its own open transaction holds."""
    archive = tmp_path / "backup.tar.gz"
    with pytest.raises(CommandError, match="inside a database transaction"):
        call_command("backup", str(archive), verbosity=0)  # this test runs in a transaction
    assert not archive.exists()  # the transactional test above is the positive control


def test_restore_refuses_before_touching_anything(settings, tmp_path):
    f.FilmFactory(title="Still here")
    missing = str(tmp_path / "no-such-archive.tar.gz")
    # Positive control: with MEDIA_ROOT, restore goes on to its next check (a test runs inside
    # a transaction, which restore refuses).
    with pytest.raises(CommandError, match="inside a transaction"):
        call_command("restore", missing, verbosity=0)

    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY}
    with pytest.raises(CommandError, match="InMemoryStorage, not in MEDIA_ROOT"):
        call_command("restore", missing, "--force", verbosity=0)
    assert Film.objects.filter(title="Still here").exists()
