from django.urls import path

from reviews import feeds, views

app_name = "reviews"

urlpatterns = [
    path("", views.home, name="home"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("films/", views.film_list, name="film_list"),
    path("films/<slug:slug>/", views.film_detail, name="film_detail"),
    path("films/<slug:slug>/feed/", feeds.FilmFeed(), name="film_feed"),
    path("films/<slug:slug>/feed/atom/", feeds.FilmAtomFeed(), name="film_feed_atom"),
    path("series/<slug:slug>/", views.series_detail, name="series_detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("critics/<slug:slug>/", views.author_detail, name="author_detail"),
    path("critics/<slug:slug>/feed/", feeds.AuthorFeed(), name="author_feed"),
    path("critics/<slug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    path("themes/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("themes/<slug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("themes/<slug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag_feed_atom"),
]
