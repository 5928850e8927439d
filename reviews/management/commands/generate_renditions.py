"""Build the WebP and JPEG/PNG renditions of stored images (after a restore or a size change)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from PIL.Image import DecompressionBombError

from reviews import images
from reviews.models import Image


class Command(BaseCommand):
    help = (
        "(Re)build every image's renditions here and now (the upload path leaves them to the "
        "worker) and mark them ready. With --missing, only images with a rendition missing "
        "(e.g. after loaddata or a change to FILMSITE_RENDITION_WIDTHS); complete ones are "
        "only marked ready."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Skip images whose renditions all exist already.",
        )

    def handle(self, *args: Any, missing: bool, **options: Any) -> None:
        built = skipped = 0
        failed = []
        for image in Image.objects.exclude(file="").order_by("pk").iterator():
            if missing and not images.renditions_missing(image):
                if not image.renditions_ready_at:
                    images.renditions_mark_ready(image)
                skipped += 1
                continue
            try:
                names = images.renditions_build(image)
            # A missing or unreadable original (e.g. a restore without its media) stops only itself.
            except (OSError, ValueError, SyntaxError, DecompressionBombError) as exc:
                failed.append(image.pk)
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {exc}")
                continue
            built += 1
            if options["verbosity"] > 1:
                self.stdout.write(f"Image {image.pk}: {len(names)} files")
        self.stdout.write(
            f"Built renditions for {built} image(s); {skipped} already complete, "
            f"{len(failed)} failed."
        )
        if failed:
            raise CommandError(f"Could not build renditions for image(s) {failed}.")
