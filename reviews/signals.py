"""Image files are sanitised on save; their renditions are queued for a worker after commit.

Why signals, against the house rule of "no logic in signals": an Image's file reaches the model
by many roads (the admin form, ``FieldFile.save()``, the demo loader, factories, future
importers), and a service would guard only the callers that remember to use it. The guarantee
"only re-encoded pixels are stored" has to hold at the one place all of them pass, the model's
save, before ``FileField.pre_save`` writes the file. The work itself lives in ``reviews.images``;
these receivers only decide when it applies. Fixture loads (``raw``) are left alone: they restore
files that were sanitised when first saved (run ``generate_renditions --missing`` afterwards).

Sanitising stays in the save (only re-encoded pixels may reach storage); renditions, which cost
several resizes and encodes, are a background task (``reviews.tasks``). A new file clears
``renditions_ready_at`` in the same save, so pages show the new original until the task is done.
"""

from typing import Any

from django.core.files.storage import Storage
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_save
from django.dispatch import Signal

from reviews import images, tasks
from reviews.models import Image

_SAVED_NAME = "_filmsite_saved_file_name"
_CHANGED = "_filmsite_file_changed"

# Sent by rerender_sections after it rewrote sections' HTML with bulk_update, which sends no
# post_save: whoever keeps a copy of that HTML (the search index) refreshes it. Receivers
# return a line for the command's report.
sections_rerendered = Signal()


def connect_signals() -> None:
    post_init.connect(remember_file_name, sender=Image, dispatch_uid="image_remember_file")
    pre_save.connect(sanitise_new_file, sender=Image, dispatch_uid="image_sanitise")
    post_save.connect(schedule_renditions, sender=Image, dispatch_uid="image_renditions")
    post_delete.connect(schedule_rendition_cleanup, sender=Image, dispatch_uid="image_cleanup")


def remember_file_name(sender: type[Image], instance: Image, **kwargs: Any) -> None:
    """Note the file name as loaded, without touching a deferred field."""
    value = instance.__dict__.get("file")
    setattr(instance, _SAVED_NAME, getattr(value, "name", value))


def sanitise_new_file(
    sender: type[Image], instance: Image, raw: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    """Replace a new or changed file by its re-encoding, before the field writes it to storage.

    A file already written (``image.file.save(name, content, save=False)``, or a name set by
    hand) is re-encoded too, and the raw copy is deleted once the save commits, unless another
    image still points at it.
    """
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    current = instance.file
    if not current:
        return
    already_stored = current._committed
    if already_stored and not (
        instance._state.adding or current.name != getattr(instance, _SAVED_NAME, None)
    ):
        return
    raw_name, storage = current.name, current.storage
    try:
        clean = images.upload_sanitise(current)
    finally:
        current.close()
    instance.file = clean
    instance.width, instance.height = instance.file.width, instance.file.height
    instance.renditions_ready_at = None  # the old file's renditions are not this one's
    setattr(instance, _CHANGED, True)
    if already_stored:
        transaction.on_commit(
            lambda: _delete_unreferenced(raw_name, storage), using=kwargs.get("using"), robust=True
        )


def schedule_renditions(
    sender: type[Image], instance: Image, raw: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    """Queue the renditions once the new file is committed (and only if the save is)."""
    setattr(instance, _SAVED_NAME, instance.file.name)
    if raw or not getattr(instance, _CHANGED, False):
        return
    setattr(instance, _CHANGED, False)
    pk, name = instance.pk, instance.file.name
    if update_fields is not None and "renditions_ready_at" not in update_fields:
        # save(update_fields=["file"]) wrote the file but not the cleared readiness.
        Image.objects.filter(pk=pk).update(renditions_ready_at=None)
    transaction.on_commit(
        lambda: tasks.make_renditions.enqueue(pk, name), using=kwargs.get("using"), robust=True
    )


def schedule_rendition_cleanup(sender: type[Image], instance: Image, **kwargs: Any) -> None:
    pk = instance.pk
    transaction.on_commit(
        lambda: images.delete_renditions(pk), using=kwargs.get("using"), robust=True
    )


def _delete_unreferenced(name: str, storage: Storage) -> None:
    if not Image.objects.filter(file=name).exists():
        storage.delete(name)
