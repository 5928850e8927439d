from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("films/", views.film_list, name="film_list"),
    path("films/<slug:slug>/", views.film_detail, name="film_detail"),
    path("series/<slug:slug>/", views.series_detail, name="series_detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("critics/<slug:slug>/", views.author_detail, name="author_detail"),
    path("themes/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("search/", views.search, name="search"),
]
