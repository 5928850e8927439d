"""The site's own views, beside the apps': a health check and the admin's guarded shortcut."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from editorial.services import can_preview_article
from reviews.models import Article


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers and container healthchecks: the app is up and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    """The admin's "View on site" (/admin/r/<type>/<id>/), only for objects the user may view.

    Django's own shortcut redirects any signed-in staff member to any object's address: another
    critic's draft, or an article scheduled for later, whose address is not yet public.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type and content_type.model_class()
    model_admin = model and admin.site._registry.get(model)
    if model_admin is None:
        raise Http404("No such page.")
    # Articles by their own rule (a contributor's admin lists only their own, but may view any
    # live article); everything else as its admin's change or view page would have it.
    objects = model._default_manager if model is Article else model_admin.get_queryset(request)
    try:
        obj = objects.filter(pk=object_id).first()
    except (ValueError, ValidationError) as exc:  # an id that is not one
        raise Http404("No such page.") from exc
    if isinstance(obj, Article):
        allowed = obj.is_live or can_preview_article(request.user, obj)
    else:
        allowed = obj is not None and model_admin.has_view_permission(request, obj)
    if not allowed:
        raise Http404("No such page.")
    return shortcut(request, content_type_id, object_id)
