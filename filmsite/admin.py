"""Site-wide admin pages that belong to no app of ours: the background task queue."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from filmsite.admin_utils import FastChangeList

# One row per queued task (each image upload queues its renditions): a growing table, so its
# changelist gets our large-table defaults (no COUNT(*) of the whole table).
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin, FastChangeList):
    pass
