from django.urls import path

from editorial.admin_views import preview_link_view

app_name = "editorial"

urlpatterns = [
    path("preview/<str:token>/", preview_link_view, name="preview_link"),
]
