"""Renditions are a background task: uploads return at once, pages never link what is not made."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage

from reviews import images
from reviews.models import Image
from tests import factories as f
from tests.reviews.test_images import opened, picture_bytes
from tests.reviews.test_uploads import png_claiming

ROOT = Path(__file__).resolve().parent.parent.parent
DATABASE_BACKEND = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


def media_links(html: str) -> list[str]:
    """Every /media/ file a page links (src and each srcset candidate), without ?v=."""
    return [url.split("?")[0] for url in re.findall(r"/media/[^\s\"',]+", html)]


def assert_every_link_exists(html: str) -> None:
    links = media_links(html)
    assert links, "the page links no image at all"
    missing = [url for url in links if not default_storage.exists(url.removeprefix("/media/"))]
    assert missing == []


def upload(client, data: bytes, name: str = "still.png", **fields):
    form = {"kind": "still", "alt_text": "Ada on the pier", **fields}
    if data is not None:
        form["file"] = SimpleUploadedFile(name, data)
    return client.post(reverse("admin:reviews_image_add"), form)


# The request path makes none; the worker makes them all


@pytest.mark.django_db(transaction=True)
def test_an_upload_returns_before_any_rendition_exists_and_the_worker_makes_them(
    admin_client, client, settings
):
    """Real commits, the database backend and its db_worker, as `make demo` and compose run."""
    settings.TASKS = DATABASE_BACKEND
    response = upload(admin_client, picture_bytes((1000, 500), "JPEG"), "pier.jpg")
    assert response.status_code == 302
    image = Image.objects.get()
    film = f.FilmFactory(poster=image)
    assert default_storage.exists(image.file.name)  # validated and stored at once
    assert image.renditions_ready_at is None
    assert not default_storage.exists(f"renditions/{image.pk}")
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "reviews.tasks.make_renditions"

    before = client.get(film.get_absolute_url()).content.decode()
    assert f'<img src="{image.file.url}" alt="Ada on the pier" width="1000" height="500"' in before
    assert "/media/renditions/" not in before and "<picture>" not in before
    assert_every_link_exists(before)

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL and queued.return_value == 10
    image.refresh_from_db()
    assert image.renditions_ready_at is not None
    assert opened(f"renditions/{image.pk}/1000.webp").size == (1000, 500)
    after = client.get(film.get_absolute_url()).content.decode()  # a new page-cache generation
    assert "<picture>" in after and f"/media/renditions/{image.pk}/1000.webp" in after
    assert_every_link_exists(after)


@pytest.mark.django_db
def test_pages_link_the_original_until_the_task_has_run(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = f.ImageFactory(file__width=800, file__height=400, file__format="JPEG")
    film = f.FilmFactory(poster=image)
    pending = client.get(film.get_absolute_url()).content.decode()
    assert f'<img src="{image.file.url}"' in pending and 'width="800" height="400"' in pending
    assert "renditions/" not in pending
    assert_every_link_exists(pending)

    for callback in callbacks:  # the commit: the task is queued (and run at once in tests)
        callback()
    ready = client.get(film.get_absolute_url()).content.decode()
    assert f"/media/renditions/{image.pk}/320.webp" in ready  # positive control
    assert f"/media/renditions/{image.pk}/800.jpg" in ready
    assert_every_link_exists(ready)


@pytest.mark.django_db
def test_a_new_file_shows_its_original_until_its_own_renditions_are_made(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        image = f.ImageFactory(file__width=800, file__height=400)
    image.refresh_from_db()
    assert image.renditions_ready_at is not None
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.file = SimpleUploadedFile("second.png", picture_bytes((500, 250)))
        image.save()
    image.refresh_from_db()
    assert image.renditions_ready_at is None  # the first file's renditions are not this one's
    for callback in callbacks:
        callback()
    image.refresh_from_db()
    assert image.renditions_ready_at is not None
    assert opened(f"renditions/{image.pk}/500.webp").size == (500, 250)
    _, files = default_storage.listdir(f"renditions/{image.pk}")
    assert "640.png" not in files and "800.png" not in files  # the first file's sizes are gone


@pytest.mark.django_db
def test_a_task_for_a_replaced_or_deleted_file_does_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as first:
        replaced = f.ImageFactory(file__width=800, file__height=400)
        deleted = f.ImageFactory(file__width=800, file__height=400)
    with django_capture_on_commit_callbacks(execute=False) as second:
        replaced.file = SimpleUploadedFile("second.png", picture_bytes((500, 250)))
        replaced.save()
    deleted_pk = deleted.pk
    Image.objects.filter(pk=deleted_pk).delete()
    for callback in first:  # the two stale tasks
        callback()
    assert not default_storage.exists(f"renditions/{deleted_pk}")
    assert not default_storage.exists(f"renditions/{replaced.pk}")
    for callback in second:  # positive control: the replacing save's own task
        callback()
    assert opened(f"renditions/{replaced.pk}/500.webp").size == (500, 250)


# Sizes beyond WebP's limits


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((100, 20_000), [(81, 16_200)]),  # 16,383 tall at most: 81 wide keeps the ratio
        ((20_000, 100), [(320, 2), (640, 3), (960, 5), (1280, 6)]),  # wide: widths are capped
        ((100, 16_000), [(100, 16_000)]),  # positive control: within the limit, untouched
    ],
)
def test_very_tall_or_wide_images_get_renditions_webp_can_hold(
    client, django_capture_on_commit_callbacks, size, expected
):
    with django_capture_on_commit_callbacks(execute=True):
        image = Image(alt_text="A scroll", file=SimpleUploadedFile("s.png", picture_bytes(size)))
        image.full_clean()
        image.save()
    image.refresh_from_db()
    assert image.renditions_ready_at is not None
    renditions = images.planned_renditions(image)
    assert [(r.width, r.height) for r in renditions] == expected
    for rendition in renditions:
        webp = opened(rendition.webp_name)
        assert webp.format == "WEBP" and webp.size == (rendition.width, rendition.height)
        assert opened(rendition.fallback_name).size == webp.size
    thumbnail = opened(f"renditions/{image.pk}/thumb.webp")
    assert thumbnail.size == (min(size),) * 2
    film = f.FilmFactory(poster=image)
    page = client.get(film.get_absolute_url()).content.decode()
    assert "<picture>" in page
    assert_every_link_exists(page)


# Queries: readiness is a column of the row the page already reads


@pytest.mark.django_db
def test_the_page_reads_readiness_in_the_query_that_loads_the_image(
    client, django_capture_on_commit_callbacks
):
    pending = f.FilmFactory(poster=f.ImageFactory())
    with django_capture_on_commit_callbacks(execute=True):
        ready = f.FilmFactory(poster=f.ImageFactory())
    counts = {}
    for name, film in {"pending": pending, "ready": ready}.items():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(film.get_absolute_url()).content.decode()
        counts[name] = len(queries)
        readers = [q["sql"] for q in queries if "renditions_ready_at" in q["sql"]]
        # Read with the image's own row (its file), never by a query of its own.
        assert readers and all('"reviews_image"."file"' in sql for sql in readers)
        assert all('FROM "reviews_image"' not in sql for sql in readers)
        assert ("<picture>" in html) == (name == "ready")
    assert counts["pending"] == counts["ready"]


# Bounded memory


STEP = """
import json, sys
import django
django.setup()
from django.core.files.storage import InMemoryStorage
from reviews import images
from reviews.models import Image

storage = InMemoryStorage()
Image._meta.get_field("file").storage = storage
image = Image(pk=1, alt_text="x", width=WIDTH, height=HEIGHT)
image.file.name = storage.save(NAME, open(PATH, "rb"))

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

open("/proc/self/clear_refs", "w").write("5")  # restart the peak (VmHWM) here
before = status("VmRSS")
images.generate_renditions(image, storage)
print(json.dumps(status("VmHWM") - before))
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's VmHWM")
@pytest.mark.parametrize(("fmt", "most"), [("JPEG", 0.75), ("PNG", 1.6)])
def test_renditions_need_less_memory_than_the_old_whole_copies(tmp_path, fmt, most):
    """A 6,000² original decodes to 144 MB (Pillow keeps RGB in 4 bytes a pixel). Loading it
    whole and copying it, as renditions once did, peaked at 2.3 times that; now a JPEG decodes
    at half size and a PNG is held once, plus a quarter-size reduction."""
    side, extension = 6000, fmt.lower().replace("jpeg", "jpg")
    path = tmp_path / f"big.{extension}"
    picture = PILImage.new("RGB", (side, side), "navy")
    picture.paste("red", (0, 0, side // 2, side))
    picture.save(path, format=fmt)
    code = STEP.replace("WIDTH", str(side)).replace("HEIGHT", str(side))
    code = code.replace("NAME", repr(f"images/big.{extension}")).replace("PATH", repr(str(path)))
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "filmsite.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    decoded = side * side * 4
    peak = json.loads(result.stdout.strip().splitlines()[-1])
    assert peak < most * decoded


# Upload limits


@pytest.mark.django_db
def test_uploads_per_minute_are_limited_per_editor_with_a_reason(
    admin_client, client, django_user_model, settings
):
    settings.FILMSITE_IMAGE_UPLOADS_PER_MINUTE = 2
    assert upload(admin_client, picture_bytes()).status_code == 302
    assert upload(admin_client, picture_bytes()).status_code == 302
    refused = upload(admin_client, picture_bytes(), alt_text="The third still, kept as typed")
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "You have uploaded 2 images in the last minute" in page
    assert re.search(r"save in \d+ seconds", page)
    assert 'value="The third still, kept as typed"' in page  # what was typed is not lost
    assert Image.objects.count() == 2

    first = Image.objects.order_by("pk").first()
    change = reverse("admin:reviews_image_change", args=[first.pk])
    edited = admin_client.post(change, {"kind": "still", "alt_text": "Renamed", "file": ""})
    assert edited.status_code == 302  # a change without a new file is not an upload
    other = django_user_model.objects.create_superuser("other", "o@example.org", "pw-for-tests")
    client.force_login(other)
    assert upload(client, picture_bytes()).status_code == 302  # another editor's own minute
    assert Image.objects.count() == 3


@pytest.mark.django_db
def test_the_admin_names_the_pixel_limit(admin_client, settings):
    settings.FILMSITE_MAX_IMAGE_PIXELS = 10_000
    assert upload(admin_client, picture_bytes((100, 100))).status_code == 302
    response = upload(admin_client, picture_bytes((200, 100)))
    assert response.status_code == 200
    assert "This image is 200×100 pixels; at most 10000 pixels are accepted." in (
        response.content.decode()
    )
    assert Image.objects.count() == 1


def test_pillow_refuses_bombs_at_the_sites_own_limit(settings):
    """Wherever Pillow opens a file (the worker too), past twice the site's limit, not its own
    default of 179 megapixels."""
    limit = settings.FILMSITE_MAX_IMAGE_PIXELS
    assert limit == PILImage.MAX_IMAGE_PIXELS
    side = int((2 * limit) ** 0.5)
    PILImage.open(io.BytesIO(png_claiming(side, side))).close()  # positive control: at 2×
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(png_claiming(side + 2, side + 2)))


# Failures and upgrades


@pytest.mark.django_db
def test_a_failed_task_leaves_the_image_showing_its_original(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        broken, fine = f.ImageFactory(), f.ImageFactory()
    with default_storage.open(broken.file.name, "wb") as original:
        original.write(b"truncated, not a PNG any more")  # e.g. storage trouble after the save
    for callback in callbacks:
        callback()
    broken.refresh_from_db()
    fine.refresh_from_db()
    assert fine.renditions_ready_at is not None  # positive control
    assert broken.renditions_ready_at is None
    assert not default_storage.exists(f"renditions/{broken.pk}")
    page = client.get(f.FilmFactory(poster=broken).get_absolute_url()).content.decode()
    assert f'<img src="{broken.file.url}"' in page and "renditions/" not in page


@pytest.mark.django_db
def test_generate_renditions_missing_marks_images_whose_renditions_exist(
    django_capture_on_commit_callbacks, capsys
):
    """After upgrading, images made before the worker have renditions but no readiness yet."""
    with django_capture_on_commit_callbacks(execute=True):
        complete, incomplete = f.ImageFactory(), f.ImageFactory()
    Image.objects.update(renditions_ready_at=None)
    default_storage.delete(f"renditions/{incomplete.pk}/thumb.png")
    call_command("generate_renditions", missing=True)
    assert "Built renditions for 1 image(s); 1 already complete, 0 failed." in (
        capsys.readouterr().out
    )
    complete.refresh_from_db()
    incomplete.refresh_from_db()
    assert complete.renditions_ready_at is not None  # checked, not rebuilt, and marked
    assert incomplete.renditions_ready_at is not None  # rebuilt, then marked
    assert default_storage.exists(f"renditions/{incomplete.pk}/thumb.png")


@pytest.mark.django_db
@pytest.mark.parametrize("update_fields", [None, ["file", "width", "height"]])
def test_a_file_saved_with_update_fields_is_not_ready_either(
    django_capture_on_commit_callbacks, update_fields
):
    with django_capture_on_commit_callbacks(execute=True):
        image = f.ImageFactory()
    image.refresh_from_db()
    assert image.renditions_ready_at is not None  # positive control
    with django_capture_on_commit_callbacks(execute=False):
        image.file = SimpleUploadedFile("second.png", picture_bytes((500, 250)))
        image.save(update_fields=update_fields)
    assert Image.objects.get(pk=image.pk).renditions_ready_at is None
