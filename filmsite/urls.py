from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from filmsite.views import healthz

admin.site.site_header = f"{settings.FILMSITE_NAME} editors"
admin.site.site_title = f"{settings.FILMSITE_NAME} admin"
admin.site.index_title = "Films, people and articles"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("people.urls")),
    path("", include("reviews.urls")),
]

if settings.DEBUG:  # in production a web server or object storage serves uploads
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
