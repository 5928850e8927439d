"""The site's URLs plus uploaded media, which only DEBUG serves, so screenshots show images."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from filmsite.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)  # per-test MEDIA_ROOT


urlpatterns = [*site_urlpatterns, re_path(r"^media/(?P<path>.*)$", media)]
