"""The site's URLs under /elsewhere/, for tests of cached URL patterns (tests/test_links.py)."""

from django.urls import include, path

urlpatterns = [path("elsewhere/", include("filmsite.urls"))]
