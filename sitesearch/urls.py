from django.urls import path

from sitesearch import views

app_name = "sitesearch"

urlpatterns = [
    path("search/", views.search, name="search"),
]
