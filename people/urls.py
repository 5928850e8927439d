from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path(
        "films/<slug:film_slug>/characters/<slug:slug>/",
        views.character_detail,
        name="character_detail",
    ),
]
