"""Stored images are re-encoded (upright, no metadata, nothing appended) and have renditions."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.urls import reverse
from PIL import ExifTags, ImageCms
from PIL import Image as PILImage

from reviews.models import Image
from tests.reviews.test_uploads import png_claiming

pytestmark = pytest.mark.django_db

HTML = b"<html><script>alert(1)</script></html>"


def picture_bytes(
    size: tuple[int, int] = (30, 20), fmt: str = "PNG", mode: str = "RGB", **options
) -> bytes:
    """Left half red, right half blue (so a rotation shows), saved with any Pillow options."""
    image = PILImage.new(mode, size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def spy_exif(orientation: int | None = None) -> PILImage.Exif:
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 0.0)
    return exif


def stored(name: str) -> bytes:
    with default_storage.open(name) as f:
        return f.read()


def opened(name: str) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(stored(name)))
    image.load()
    return image


@pytest.fixture
def save_image(django_capture_on_commit_callbacks):
    """Upload like the admin does (full_clean, then save) and run the after-commit work (the
    renditions task, run at once in tests), then read the row the task marked ready."""

    def save(data: bytes, name: str = "upload.png", **fields) -> Image:
        with django_capture_on_commit_callbacks(execute=True):
            fields = {"alt_text": "Ada on the pier", **fields}
            image = Image(file=SimpleUploadedFile(name, data), **fields)
            image.full_clean()
            image.save()
        image.refresh_from_db()
        return image

    return save


# The stored original


def test_exif_orientation_is_applied_and_dimensions_follow(save_image):
    upright = save_image(picture_bytes(fmt="JPEG", exif=spy_exif().tobytes()), "a.jpg")
    assert (upright.width, upright.height) == (30, 20)  # positive control: no orientation tag

    image = save_image(picture_bytes(fmt="JPEG", exif=spy_exif(orientation=6).tobytes()), "b.jpg")
    assert (image.width, image.height) == (20, 30)
    image.refresh_from_db()
    assert (image.width, image.height) == (20, 30)
    pixels = opened(image.file.name)
    assert pixels.size == (20, 30)
    # Orientation 6 means "turn 90° clockwise": the red left half is now on top.
    red, blue = pixels.getpixel((10, 3)), pixels.getpixel((10, 26))
    assert red[0] > 200 > red[2] and blue[2] > 200 > blue[0]


def test_exif_gps_icc_and_comments_are_stripped_from_the_original(save_image):
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    upload = picture_bytes(
        fmt="JPEG", exif=spy_exif().tobytes(), icc_profile=icc, comment=b"shot at 51N"
    )
    source = PILImage.open(io.BytesIO(upload))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # positive control: the upload has GPS
    assert "icc_profile" in source.info and b"SpyCam" in upload and b"shot at 51N" in upload

    data = stored(save_image(upload, "holiday.jpg").file.name)
    assert b"SpyCam" not in data and b"shot at 51N" not in data and b"Exif" not in data
    clean = PILImage.open(io.BytesIO(data))
    assert dict(clean.getexif()) == {}
    assert not {"icc_profile", "exif", "comment", "xmp"} & set(clean.info)


def test_renditions_carry_no_metadata(save_image):
    image = save_image(picture_bytes((700, 400), "JPEG", exif=spy_exif().tobytes()), "a.jpg")
    for name in (
        f"renditions/{image.pk}/{n}.{e}" for n in (320, 640, "thumb") for e in ("webp", "jpg")
    ):
        data = stored(name)
        assert b"SpyCam" not in data and b"Exif" not in data
        assert dict(PILImage.open(io.BytesIO(data)).getexif()) == {}


@pytest.mark.parametrize(
    ("upload", "name"),
    [
        (picture_bytes() + HTML, "appended.png"),
        (picture_bytes(fmt="JPEG") + HTML, "appended.jpg"),
        (picture_bytes(fmt="JPEG", comment=HTML), "comment.jpg"),
        (picture_bytes(fmt="GIF", comment=HTML) + HTML, "comment.gif"),
    ],
    ids=["png-tail", "jpeg-tail", "jpeg-comment", "gif-comment-and-tail"],
)
def test_html_in_a_polyglot_is_not_stored(save_image, upload, name):
    assert b"<script>" in upload  # positive control: the upload carries the payload
    image = save_image(upload, name)
    data = stored(image.file.name)
    assert b"<script" not in data and b"<html" not in data
    assert opened(image.file.name).size == (30, 20)


def test_a_png_tail_is_cut_at_the_end_of_the_image(save_image):
    data = stored(save_image(picture_bytes() + HTML, "x.png").file.name)
    assert data.endswith(b"IEND\xaeB`\x82")


@pytest.mark.parametrize(
    ("upload", "name", "extension", "fmt"),
    [
        (picture_bytes(fmt="PNG"), "still.jpg", ".png", "PNG"),
        (picture_bytes(fmt="JPEG"), "still.png", ".jpg", "JPEG"),
        (picture_bytes(fmt="JPEG"), "still.jpg", ".jpg", "JPEG"),
        (picture_bytes(fmt="WEBP"), "still.gif", ".webp", "WEBP"),
        (picture_bytes(fmt="GIF"), "still.gif", ".png", "PNG"),
    ],
)
def test_stored_extension_comes_from_the_detected_format(save_image, upload, name, extension, fmt):
    image = save_image(upload, name)
    assert image.file.name.startswith("images/") and image.file.name.endswith(extension)
    assert opened(image.file.name).format == fmt


def test_transparency_survives_in_png_and_webp(save_image):
    image = save_image(picture_bytes((400, 300), "PNG", mode="RGBA"))
    transparent = PILImage.new("RGBA", (400, 300), (0, 0, 0, 0))
    buffer = io.BytesIO()
    transparent.save(buffer, format="PNG")
    clear = save_image(buffer.getvalue(), "clear.png")

    assert opened(image.file.name).getpixel((10, 10))[3] == 255  # positive control: opaque
    assert opened(clear.file.name).getpixel((10, 10))[3] == 0
    assert opened(f"renditions/{clear.pk}/320.png").getpixel((10, 10))[3] == 0
    assert opened(f"renditions/{clear.pk}/320.webp").getpixel((10, 10))[3] == 0


# Refusals, whichever way the file arrives


@pytest.mark.parametrize(
    ("upload", "name"),
    [
        (HTML, "evil.jpg"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg"),
        (b"plain text, no picture", "notes.png"),
    ],
    ids=["html-named-jpg", "svg-script", "text"],
)
def test_full_clean_refuses_what_is_not_an_image_with_a_clear_message(upload, name):
    image = Image(alt_text="Nothing to see", file=SimpleUploadedFile(name, upload))
    with pytest.raises(ValidationError, match="not an image we can read") as excinfo:
        image.full_clean()
    assert [e.code for e in excinfo.value.error_dict["file"]] == ["not_an_image"]
    image.file = SimpleUploadedFile("fine.png", picture_bytes())
    image.full_clean()  # positive control: the same image with a real picture is valid


def test_full_clean_refuses_too_many_pixels_with_the_limit(settings):
    settings.FILMSITE_MAX_IMAGE_PIXELS = 10_000
    # Real pictures: a header that merely claims a size is a corrupt file, refused as such.
    Image(alt_text="x", file=SimpleUploadedFile("ok.png", picture_bytes((100, 100)))).full_clean()
    image = Image(alt_text="x", file=SimpleUploadedFile("big.png", picture_bytes((101, 100))))
    with pytest.raises(ValidationError, match="at most 10000 pixels"):
        image.full_clean()


def test_the_admin_refuses_a_decompression_bomb_and_stores_nothing(admin_client):
    data = {"kind": "still", "alt_text": "Pier"}
    response = admin_client.post(
        reverse("admin:reviews_image_add"),
        {**data, "file": SimpleUploadedFile("bomb.png", png_claiming(200_000, 200_000))},
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Image.objects.exists() and not default_storage.exists("images")
    response = admin_client.post(  # positive control
        reverse("admin:reviews_image_add"),
        {**data, "file": SimpleUploadedFile("fine.png", picture_bytes())},
    )
    assert response.status_code == 302 and Image.objects.count() == 1


def test_a_save_that_skips_full_clean_still_stores_no_html(save_image):
    with pytest.raises(ValidationError):
        Image(alt_text="x", file=SimpleUploadedFile("evil.jpg", HTML)).save()
    assert not Image.objects.exists()
    assert not default_storage.exists("images")
    save_image(picture_bytes())  # positive control
    assert Image.objects.count() == 1


def test_a_file_written_before_the_save_is_re_encoded_and_its_raw_copy_removed(
    django_capture_on_commit_callbacks,
):
    """The demo loader's path: FieldFile.save(save=False), full_clean(), save()."""
    image = Image(alt_text="A poster", kind=Image.Kind.POSTER)
    with django_capture_on_commit_callbacks(execute=True):
        image.file.save("poster.png", ContentFile(picture_bytes() + HTML), save=False)
        raw_name = image.file.name
        assert HTML in stored(raw_name)  # positive control: the raw upload reached storage
        image.full_clean()
        image.save()
    assert image.file.name != raw_name and image.file.name.endswith(".png")
    assert HTML not in stored(image.file.name)
    assert not default_storage.exists(raw_name)
    assert default_storage.exists(f"renditions/{image.pk}/thumb.webp")


def test_an_admin_upload_is_stored_without_gps(admin_client, django_capture_on_commit_callbacks):
    upload = picture_bytes((40, 30), "JPEG", exif=spy_exif(orientation=6).tobytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:reviews_image_add"),
            {"file": SimpleUploadedFile("trip.jpg", upload), "kind": "still", "alt_text": "Pier"},
        )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (30, 40)
    assert b"SpyCam" not in stored(image.file.name)
    assert default_storage.exists(f"renditions/{image.pk}/thumb.jpg")


# Renditions


def test_renditions_exist_for_each_width_up_to_the_original(save_image):
    image = save_image(picture_bytes((1000, 500), "JPEG"), "wide.jpg")
    for width in (320, 640, 960, 1000):
        webp, jpeg = (opened(f"renditions/{image.pk}/{width}.{ext}") for ext in ("webp", "jpg"))
        assert (webp.format, jpeg.format) == ("WEBP", "JPEG")
        assert webp.size == jpeg.size == (width, width // 2)
    _, files = default_storage.listdir(f"renditions/{image.pk}")
    assert sorted(files) == sorted(
        f"{label}.{ext}" for label in (320, 640, 960, 1000, "thumb") for ext in ("webp", "jpg")
    )


def test_renditions_are_never_wider_than_the_original(save_image):
    big = save_image(picture_bytes((1600, 900), "JPEG"), "big.jpg")
    small = save_image(picture_bytes((200, 100)), "small.png")
    assert default_storage.exists(f"renditions/{big.pk}/1280.webp")  # capped at the largest
    assert not default_storage.exists(f"renditions/{big.pk}/1600.webp")
    _, files = default_storage.listdir(f"renditions/{small.pk}")
    assert sorted(files) == ["200.png", "200.webp", "thumb.png", "thumb.webp"]
    assert opened(f"renditions/{small.pk}/200.webp").size == (200, 100)
    assert opened(f"renditions/{small.pk}/thumb.png").size == (100, 100)


def test_the_thumbnail_is_a_square(save_image):
    image = save_image(picture_bytes((400, 600), "JPEG"), "poster.jpg")
    assert opened(f"renditions/{image.pk}/thumb.jpg").size == (320, 320)
    assert opened(f"renditions/{image.pk}/thumb.webp").size == (320, 320)


def test_renditions_are_rebuilt_when_the_file_changes(
    save_image, django_capture_on_commit_callbacks
):
    image = save_image(picture_bytes((1000, 500), "JPEG"), "first.jpg")
    first_url = Template("{% load renditions %}{% thumbnail_url image %}").render(
        Context({"image": image})
    )
    with django_capture_on_commit_callbacks(execute=True):
        image.file = SimpleUploadedFile("second.png", picture_bytes((500, 250)))
        image.save()
    _, files = default_storage.listdir(f"renditions/{image.pk}")
    assert sorted(files) == sorted(
        f"{n}.{ext}" for n in (320, 500, "thumb") for ext in ("webp", "png")
    )
    assert opened(f"renditions/{image.pk}/500.webp").size == (500, 250)
    second_url = Template("{% load renditions %}{% thumbnail_url image %}").render(
        Context({"image": image})
    )
    assert first_url != second_url  # a new version token: caches see new URLs


def test_renditions_are_not_rebuilt_when_only_the_text_changes(
    save_image, django_capture_on_commit_callbacks
):
    image = save_image(picture_bytes((400, 200), "JPEG"), "a.jpg")
    default_storage.delete(f"renditions/{image.pk}/320.webp")
    with django_capture_on_commit_callbacks(execute=True):
        image.alt_text = "Ada on the pier at night"
        image.save()
        reloaded = Image.objects.get(pk=image.pk)
        reloaded.caption = "Night two"
        reloaded.save()
    assert not default_storage.exists(f"renditions/{image.pk}/320.webp")  # cached, not rebuilt
    assert default_storage.exists(f"renditions/{image.pk}/320.jpg")


def test_renditions_wait_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = Image(alt_text="x", file=SimpleUploadedFile("a.png", picture_bytes((400, 200))))
        image.save()
    assert not default_storage.exists(f"renditions/{image.pk}")
    for callback in callbacks:
        callback()
    assert default_storage.exists(f"renditions/{image.pk}/320.webp")


def test_deleting_an_image_deletes_its_renditions(save_image, django_capture_on_commit_callbacks):
    image, kept = save_image(picture_bytes((400, 200))), save_image(picture_bytes((400, 200)))
    pk = image.pk
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not default_storage.exists(f"renditions/{pk}/320.webp")
    assert default_storage.exists(f"renditions/{kept.pk}/320.webp")


# Template tags


def render(source: str, **context) -> str:
    return Template("{% load renditions %}" + source).render(Context(context))


def test_picture_lists_every_rendition_with_its_width(save_image, django_assert_num_queries):
    image = save_image(picture_bytes((1000, 500), "JPEG"), "wide.jpg")
    with django_assert_num_queries(0):
        html = render(
            '{% picture image sizes="(max-width: 40rem) 100vw, 40rem" class="lead" %}', image=image
        )
    assert html.startswith('<picture><source type="image/webp" srcset="/media/renditions/')
    for width in (320, 640, 960, 1000):
        assert f"/media/renditions/{image.pk}/{width}.webp?v=" in html
        assert f"/media/renditions/{image.pk}/{width}.jpg?v=" in html
        assert f" {width}w" in html
    assert "1280" not in html
    assert 'sizes="(max-width: 40rem) 100vw, 40rem"' in html
    assert 'width="1000" height="500"' in html
    assert 'class="lead"' in html and 'loading="lazy"' in html
    assert f'src="/media/renditions/{image.pk}/1000.jpg?v=' in html
    assert html.endswith("></picture>")


def test_picture_escapes_the_alt_text(save_image):
    image = save_image(picture_bytes((400, 200)), alt_text='"><script>alert(1)</script>')
    html = render("{% picture image %}", image=image)
    assert "<script" not in html
    assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert render('{% picture image alt="" %}', image=image).count('alt=""') == 1


def test_picture_escapes_attributes(save_image):
    image = save_image(picture_bytes((400, 200)))
    html = render("{% picture image class=payload %}", image=image, payload='x" onload="evil()')
    assert 'class="x&quot; onload=&quot;evil()"' in html
    assert ' onload="' not in html


def test_picture_needs_no_stored_renditions_to_render(save_image):
    """URLs come from names alone: the tag never asks the storage what exists."""
    image = save_image(picture_bytes((400, 200)))
    html = render("{% picture image %}", image=image)
    default_storage.delete(f"renditions/{image.pk}/320.webp")
    assert render("{% picture image %}", image=image) == html


def test_picture_falls_back_to_the_original_without_known_dimensions(save_image):
    image = save_image(picture_bytes((400, 200)))
    assert "<picture>" in render("{% picture image %}", image=image)  # positive control
    image.width = image.height = None
    html = render("{% picture image %}", image=image)
    assert html.startswith(f'<img src="{image.file.url}" alt="Ada on the pier"')
    assert "<picture>" not in html and "width=" not in html


def test_picture_of_nothing_is_empty():
    assert render("{% picture image %}", image=None) == ""


def test_thumbnail_url_points_at_the_fallback_thumbnail(save_image):
    photo = save_image(picture_bytes((400, 600), "JPEG"), "poster.jpg")
    drawing = save_image(picture_bytes((400, 600)), "poster.png")
    assert render("{% thumbnail_url image %}", image=photo).startswith(
        f"/media/renditions/{photo.pk}/thumb.jpg?v="
    )
    assert render("{% thumbnail_url image %}", image=drawing).startswith(
        f"/media/renditions/{drawing.pk}/thumb.png?v="
    )
    assert render("{% thumbnail_url image %}", image=None) == ""


# The management command


def test_generate_renditions_rebuilds_them(save_image, capsys):
    image = save_image(picture_bytes((400, 200)))
    default_storage.delete(f"renditions/{image.pk}/320.webp")
    call_command("generate_renditions")
    assert default_storage.exists(f"renditions/{image.pk}/320.webp")
    assert "Built renditions for 1 image(s)" in capsys.readouterr().out


def test_generate_renditions_missing_skips_complete_images(save_image, capsys):
    complete, incomplete = save_image(picture_bytes((400, 200))), save_image(picture_bytes())
    default_storage.delete(f"renditions/{incomplete.pk}/thumb.png")
    call_command("generate_renditions", missing=True)
    assert default_storage.exists(f"renditions/{incomplete.pk}/thumb.png")
    assert "Built renditions for 1 image(s); 1 already complete, 0 failed." in (
        capsys.readouterr().out
    )
    assert default_storage.exists(f"renditions/{complete.pk}/320.webp")


def test_generate_renditions_reports_a_missing_original(save_image, capsys):
    lost, fine = save_image(picture_bytes((400, 200))), save_image(picture_bytes((400, 200)))
    default_storage.delete(lost.file.name)
    default_storage.delete(f"renditions/{fine.pk}/320.webp")
    with pytest.raises(CommandError, match=f"image\\(s\\) \\[{lost.pk}\\]"):
        call_command("generate_renditions")
    assert default_storage.exists(f"renditions/{fine.pk}/320.webp")  # the others still built
    assert lost.file.name in capsys.readouterr().err
