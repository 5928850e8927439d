"""Security headers on public pages and in the admin, and no inline script anywhere (point 6)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(csp: str) -> dict[str, list[str]]:
    parts = (part.split() for part in csp.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


@pytest.fixture
def pages(client, admin_user):
    """A public article page and the admin's article form, as an editor would open them."""
    article = f.ArticleFactory(title="Headers everywhere")
    f.SectionFactory(article=article, order=1)
    public = client.get(article.get_absolute_url())
    client.force_login(admin_user)
    admin = client.get(reverse("admin:reviews_article_change", args=[article.pk]))
    assert public.status_code == admin.status_code == 200
    return {"public": public, "admin": admin}


@pytest.mark.parametrize("page", ["public", "admin"])
def test_every_security_header_is_sent(pages, page, settings):
    response = pages[page]
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no host
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_hsts_is_sent_over_https(client, db):
    """HSTS only means something on HTTPS: Django sends it there and nowhere else."""
    secure = client.get(reverse("reviews:home"), secure=True)
    plain = client.get(reverse("reviews:home"))
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in plain


def test_media_origin_may_serve_images_but_never_scripts():
    from django.conf import settings

    csp = settings.CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert all("media" not in source for source in csp["script-src"])


class ScriptAudit(HTMLParser):
    """Collects what a script-src 'self' policy would block: inline code and handlers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self._in_inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and (
                value or ""
            ).strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self.scripts.append(attributes)
            data_only = attributes.get("type") in {"application/ld+json", "application/json"}
            self._in_inline = not attributes.get("src") and not data_only

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline = False

    def handle_data(self, data: str) -> None:
        if self._in_inline and data.strip():
            self.problems.append(f"inline script: {data.strip()[:60]}")


def audit(html: str) -> ScriptAudit:
    parser = ScriptAudit()
    parser.feed(html)
    return parser


def test_the_audit_catches_inline_code():
    """A positive control for the checks below."""
    found = audit('<script>alert(1)</script><a onclick="x()">a</a><a href="javascript:x()">b</a>')
    assert len(found.problems) == 3
    assert audit('<script src="/static/js/spoilers.js" defer></script>').problems == []


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*.html"))
)
def test_templates_have_no_inline_scripts_or_handlers(path):
    source = (ROOT / path).read_text()
    assert audit(source).problems == []
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", source)
    assert inline == []


def test_rendered_pages_run_only_our_own_script_files(client, pages, admin_user):
    """The reader's pages and the admin's busiest forms, as rendered, with a CSP of 'self'."""
    film = f.FilmFactory(title="Audit film")
    person = f.PersonFactory()
    client.force_login(admin_user)
    urls = [
        reverse("reviews:home"),
        film.get_absolute_url(),
        person.get_absolute_url(),
        reverse("sitesearch:search") + "?q=harbour",
        reverse("admin:index"),
        reverse("admin:reviews_article_add"),  # sections inline, autosave, prepopulated slug
        reverse("admin:reviews_film_change", args=[film.pk]),  # credits inline, autocomplete
        reverse("admin:reviews_article_changelist"),
        reverse("admin:reviews_article_import"),
    ]
    rendered = {"article": pages["public"], "article form": pages["admin"]}
    rendered |= {url: client.get(url) for url in urls}
    sources = set()
    for name, response in rendered.items():
        assert response.status_code == 200, name
        found = audit(response.content.decode())
        assert found.problems == [], name
        sources |= {s.get("src") for s in found.scripts if s.get("src")}
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources
    assert any("autosave.js" in src for src in sources)  # the controls saw real scripts
    assert any("spoilers.js" in src for src in sources)
    assert any("autocomplete" in src for src in sources)
    assert any("prepopulate" in src for src in sources)


def test_json_ld_is_data_the_csp_does_not_execute(client):
    """JSON-LD is a non-script type: browsers never run it, so script-src need not allow it."""
    article = f.ArticleFactory(title="Structured")
    found = audit(client.get(article.get_absolute_url()).content.decode())
    json_ld = [s for s in found.scripts if s.get("type") == "application/ld+json"]
    assert json_ld and all(not s.get("src") for s in json_ld)
    assert found.problems == []
