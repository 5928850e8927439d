"""The search page: articles ranked by the engine, with the films and people that match."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from filmsite.pagination import paginate, redirect_unreachable_pages
from sitesearch import api as search_engine

SEARCH_SIDE_RESULTS = 8  # films and people beside the article results


@require_GET
@redirect_unreachable_pages
def search(request: HttpRequest) -> HttpResponse:
    query = search_engine.clean_query(request.GET.get("q", ""))
    results = search_engine.articles(query)  # ranked and bounded: no COUNT over every match
    context = {
        "query": query,
        "page": paginate(request, results),
        "more_results": results.is_truncated,
        "films": search_engine.films(query)[:SEARCH_SIDE_RESULTS],
        "people": search_engine.people(query)[:SEARCH_SIDE_RESULTS],
    }
    return render(request, "sitesearch/search.html", context)
