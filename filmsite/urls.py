import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from filmsite.media import serve_media
from filmsite.views import healthz, view_on_site
from people import sitemaps as people_sitemaps
from reviews import sitemaps as reviews_sitemaps
from reviews.views import robots_txt

admin.site.site_header = f"{settings.FILMSITE_NAME} editors"
admin.site.site_title = f"{settings.FILMSITE_NAME} admin"
admin.site.index_title = "Films, people and articles"

SITEMAPS = {
    **reviews_sitemaps.CATALOGUE,
    **people_sitemaps.SITEMAPS,
    **reviews_sitemaps.WRITERS_AND_THEMES,
}

urlpatterns = [
    # Before the admin's own "view on site" at this address, which checks no object permission.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin_view_on_site",
    ),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("editorial.urls")),
    path("", include("people.urls")),
    path("", include("reviews.urls")),
    path("", include("sitesearch.urls")),
]

if not urlsplit(settings.MEDIA_URL).netloc:  # a CDN or bucket URL: uploads are served there
    # Answers only while FILMSITE_SERVE_MEDIA is on (filmsite/media.py).
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media, name="media"))
