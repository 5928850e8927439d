"""Site-wide admin pages that belong to no app of ours: the background task queue, tags and
sign-in attempts (filmsite is last in INSTALLED_APPS, so the packages' own admins are
registered by then and can be replaced)."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from filmsite.admin_utils import FastChangeList

# One row per queued task (each image upload queues its renditions): a growing table, so its
# changelist gets our large-table defaults (no COUNT(*) of the whole table).
admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin, FastChangeList):
    pass


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin, FastChangeList):
    """django-taggit's tag admin, whose "merge tags" page checked no permission at all."""

    def merge_tags_view(self, request: HttpRequest):
        if not self.has_change_permission(request):
            raise PermissionDenied
        return super().merge_tags_view(request)


# django-axes' records grow with every login attempt: its changelists get our large-table
# defaults (no COUNT(*) of the whole table, estimated totals on PostgreSQL).
admin.site.unregister([AccessAttempt, AccessLog, AccessFailureLog])


@admin.register(AccessAttempt)
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin, FastChangeList):
    pass


@admin.register(AccessLog)
class AccessLogAdmin(axes_admin.AccessLogAdmin, FastChangeList):
    pass


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(axes_admin.AccessFailureLogAdmin, FastChangeList):
    pass
