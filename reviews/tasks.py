"""Background tasks (django-tasks): work too slow or too hungry for a request.

Run by ``manage.py db_worker`` (``make demo`` and docker-compose.yml start one); with
FILMSITE_TASKS_IMMEDIATE (the tests) each runs inside the call that enqueues it.
"""

from django_tasks import task

from reviews import images
from reviews.models import Image


@task()
def make_renditions(image_id: int, file_name: str) -> int:
    """Make the renditions of one uploaded file and mark the image ready; returns files written.

    Keyed by the file name as well as the image: if the file was replaced (or the image deleted)
    before the worker got here, the save that did it queued its own task, and this one stops.
    """
    image = Image.objects.filter(pk=image_id, file=file_name).first()
    if image is None:
        return 0
    written = images.generate_renditions(image)
    if not images.renditions_mark_ready(image) and not Image.objects.filter(pk=image_id).exists():
        images.delete_renditions(image_id)  # deleted while this ran: leave no orphans behind
    return len(written)
