"""The permission matrix: every admin URL and every public surface, for every role.

Admin URLs are enumerated from the admin's URL resolver, so a new model or a new custom admin URL
is covered (or makes the classification test fail) without editing this file's loops. Public
surfaces are checked with a marker word that each unpublished article carries in its title,
standfirst and body: readers must never see it.
"""

from datetime import timedelta

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult, get_date_max
from reversion.models import Version
from taggit.models import Tag

from editorial.models import PreviewLink, StatusChange
from editorial.preview import preview_link_create, preview_link_url
from editorial.roles import CONTRIBUTOR, EDITOR
from editorial.services import redirect_record
from reviews.models import Article
from tests import factories as f
from tests.helpers import article_form_data

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "contributor", "editor", "superuser")
ACTIONS = ("changelist", "add", "change", "delete", "history")

# --- the admin ----------------------------------------------------------------------------------

# What each role gets from a model's changelist, add, change, delete and history pages (GET), one
# letter each: O 200; V 200 but read-only (a POST is refused with 403); F 403; G "doesn't exist"
# (302 to the admin index: the object is outside what the role may see). Anonymous visitors are
# sent to the login page from every one of them. Columns: contributor, editor, superuser.
MODEL_MATRIX = {
    "auth.group": ("FFFFF", "FFFFF", "OOOOO"),
    "auth.user": ("FFFFF", "FFFFF", "OOOOO"),
    "taggit.tag": ("FFFFF", "OOOOO", "OOOOO"),
    # Login records: superusers only; axes shows every field read-only, so a save changes nothing.
    "axes.accessattempt": ("FFFFF", "FFFFF", "OFOOO"),
    "axes.accesslog": ("FFFFF", "FFFFF", "OFOOO"),
    "axes.accessfailurelog": ("FFFFF", "FFFFF", "OFOOO"),
    "people.person": ("OFVFO", "OOOOO", "OOOOO"),
    "people.character": ("OFVFO", "OOOOO", "OOOOO"),
    "people.credit": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.image": ("OOVFO", "OOOOO", "OOOOO"),
    "reviews.genre": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.country": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.language": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.filmseries": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.film": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.author": ("OFVFO", "OOOOO", "OOOOO"),
    "reviews.article": ("OOOOO", "OOOOO", "OOOOO"),  # the contributor's own draft
    "editorial.statuschange": ("FFFFF", "OFVFO", "OFVFO"),  # a record: nobody edits it
    "editorial.redirect": ("FFFFF", "OFOOO", "OFOOO"),  # recorded on renames, never added
    "admin.logentry": ("FFFFF", "OFVFO", "OFVFO"),
    "editorial.previewlink": ("FFFFF", "OOOFO", "OOOOO"),
    # Two-factor devices (django-otp): superusers remove a lost phone's; staff use their own page.
    "otp_totp.totpdevice": ("FFFFF", "FFFFF", "OOOOO"),
    "otp_static.staticdevice": ("FFFFF", "FFFFF", "OOOOO"),
    # The background task queue (django-tasks' database backend): superusers read it, nobody edits.
    "django_tasks_database.dbtaskresult": ("FFFFF", "FFFFF", "OFVFO"),
}
# Articles that are not the contributor's own draft: another critic's draft (hidden from them
# entirely) and their own published article (theirs to read, the editors' to change).
ARTICLE_VARIANTS = {
    "other": ("OOGGG", "OOOOO", "OOOOO"),
    "own_published": ("OOVFO", "OOOOO", "OOOOO"),
}

# Every other admin URL, by name, for anonymous, contributor, editor, superuser. Each entry is
# (method, outcome per role); L is the login redirect, N 404, M 405, R a 302 elsewhere (index,
# changelist or the change page), B a 400 (a form with errors).
CUSTOM_MATRIX = {
    "index": ("GET", "LOOO"),
    "login": ("GET", "ORRR"),  # the signed-in go on to the index
    "logout": ("GET", "RMMM"),  # logging out is a POST, so a link cannot log anyone out
    "password_change": ("GET", "LOOO"),
    "password_change_done": ("GET", "LOOO"),
    "autocomplete": ("GET", "LOOO"),
    "jsi18n": ("GET", "LOOO"),
    "view_on_site": ("GET", "LRRR"),
    "app_list": ("GET", "LOOO"),
    "catch_all": ("GET", "LNNN"),
    "object_redirect": ("GET", "LRRR"),
    "auth_user_password_change": ("GET", "LFFO"),
    "taggit_tag_merge_tags": ("GET", "LFOO"),  # taggit checked no permission (filmsite/admin.py)
    # Reversion's history, recover and recover list, on the versioned models.
    "people_person_revision": ("GET", "LOOO"),
    "people_person_recover": ("GET", "LFOO"),
    "people_person_recoverlist": ("GET", "LFOO"),
    "reviews_film_revision": ("GET", "LOOO"),
    "reviews_film_recover": ("GET", "LFOO"),
    "reviews_film_recoverlist": ("GET", "LFOO"),
    "reviews_article_revision": ("GET", "LOOO"),
    "reviews_article_recover": ("GET", "LFOO"),
    "reviews_article_recoverlist": ("GET", "LFOO"),
    # filmsite's own article views (editorial/article_admin.py, importer/admin.py).
    "reviews_article_import": ("GET", "LOOO"),
    "reviews_article_autosave": ("GET", "LOOO"),
    "reviews_article_preview_new": ("POST", "LBBB"),
    "reviews_article_preview": ("POST", "LOOO"),
    "reviews_article_revision_preview": ("GET", "LOOO"),
    "reviews_article_revision_compare": ("GET", "LOOO"),
    "reviews_article_revision_restore": ("POST", "LRRR"),
    # Each staff member's own two-factor page (accounts/views.py), and django-otp's pages that
    # show a device's key: superusers only, as for the devices themselves.
    "two_factor": ("GET", "LOOO"),
    "otp_totp_totpdevice_config": ("GET", "LFFO"),
    "otp_totp_totpdevice_qrcode": ("GET", "LFFO"),
}
# The same views on another critic's draft, for the contributor: refused, whatever the method.
OTHERS_DRAFT_REFUSALS = {
    "reviews_article_revision": ("GET", "N"),
    "reviews_article_revision_post": ("POST", "N"),
    "reviews_article_autosave": ("GET", "F"),
    "reviews_article_autosave_post": ("POST", "F"),
    "reviews_article_preview": ("POST", "N"),
    "reviews_article_revision_preview": ("GET", "N"),
    "reviews_article_revision_compare": ("GET", "N"),
    "reviews_article_revision_restore": ("POST", "N"),
}


def admin_url_names() -> list[tuple[str, str]]:
    """(name, route) of every URL the admin site serves, unnamed ones by their shape."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield pattern.name, prefix + str(pattern.pattern)

    named = []
    for name, route in walk(admin.site.get_urls()):
        if name is None:
            name = "catch_all" if route == "(?P<url>.*)$" else "object_redirect"
            assert name == "catch_all" or route.endswith("<path:object_id>/"), route
        named.append((name, route))
    return named


def registered_labels() -> set[str]:
    return {model._meta.label_lower for model in admin.site._registry}


def model_action_label(name: str) -> str | None:
    """'otp_totp.totpdevice' for 'otp_totp_totpdevice_change': app labels may hold underscores."""
    for label in registered_labels():
        prefix = label.replace(".", "_") + "_"
        if name.startswith(prefix) and name.removeprefix(prefix) in ACTIONS:
            return label
    return None


def test_every_admin_url_is_classified():
    """A new admin URL fails here until the matrix says who may open it."""
    unclassified = []
    for name, route in admin_url_names():
        label = model_action_label(name)
        if label:
            if label not in MODEL_MATRIX:
                unclassified.append(name)
        elif name not in CUSTOM_MATRIX:
            unclassified.append(f"{name} ({route})")
    assert unclassified == []
    assert set(MODEL_MATRIX) == registered_labels()


@pytest.fixture
def people(contributor, editor, admin_user, make_user):
    rival = make_user("rhea", CONTRIBUTOR, first_name="Rhea", last_name="Stone")
    f.AuthorFactory(name="Rhea Stone", user=rival)
    return {"contributor": contributor, "editor": editor, "superuser": admin_user, "rival": rival}


def versioned(obj: models.Model, user) -> Version:
    """Save obj in a revision and return that version."""
    with reversion.create_revision():
        reversion.set_user(user)
        obj.save()
    return Version.objects.get_for_object(obj).first()


@pytest.fixture
def objects(people) -> dict[str, models.Model]:
    """One object of every registered model (and the article variants)."""
    contributor, rival, superuser = people["contributor"], people["rival"], people["superuser"]
    film = f.FilmFactory(series=f.FilmSeriesFactory(), series_order=1, tags=["tides"])
    own = f.ArticleFactory(
        title="Own draft", author=contributor.author, status="draft", published_at=None
    )
    f.SectionFactory(article=own, order=1)
    other = f.ArticleFactory(
        title="Rhea's draft", author=rival.author, status="draft", published_at=None
    )
    f.SectionFactory(article=other, order=1)
    credit = f.ActorCreditFactory(film=film)
    article_type = ContentType.objects.get_for_model(Article)
    objects = {
        "auth.group": Group.objects.get(name=EDITOR),
        "auth.user": rival,
        "taggit.tag": Tag.objects.get(name="tides"),
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x",
            ip_address="192.0.2.1",
            failures_since_start=1,
            attempt_time=timezone.now(),
        ),
        "axes.accesslog": AccessLog.objects.create(
            username="x", ip_address="192.0.2.1", attempt_time=timezone.now()
        ),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="192.0.2.1", attempt_time=timezone.now()
        ),
        "people.person": credit.person,
        "people.character": credit.character,
        "people.credit": credit,
        "reviews.image": f.ImageFactory(),
        "reviews.genre": f.GenreFactory(),
        "reviews.country": f.CountryFactory(),
        "reviews.language": f.LanguageFactory(),
        "reviews.filmseries": film.series,
        "reviews.film": film,
        "reviews.author": rival.author,
        "reviews.article": own,
        "editorial.statuschange": StatusChange.objects.create(
            article=other, from_status="", to_status="draft", changed_by=rival
        ),
        "editorial.redirect": redirect_record(old_path="/films/old-name/", target=film),
        "admin.logentry": LogEntry.objects.create(
            user=superuser,
            content_type=article_type,
            object_id=str(other.pk),
            object_repr=str(other),
            action_flag=ADDITION,
        ),
        "editorial.previewlink": preview_link_create(article=other, by=people["editor"]),
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=rival, name="Phone"),
        "otp_static.staticdevice": StaticDevice.objects.create(user=rival, name="Backup codes"),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="reviews.tasks.make_renditions",
            backend_name="default",
            run_after=get_date_max(),  # the backend's "no run_after"
        ),
        "other": other,
        "own_published": f.ArticleFactory(title="Own published", author=contributor.author),
    }
    assert set(MODEL_MATRIX) <= set(objects)
    return objects


def model_url(label: str, action: str, obj: models.Model) -> str:
    opts = obj._meta
    args = [] if action in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=args)


def outcome(response) -> str:
    """One letter for a response (see the matrices above)."""
    code = response.status_code
    if code == 302:
        return "L" if response["Location"].startswith(reverse("admin:login")) else "R"
    letters = {200: "O", 400: "B", 403: "F", 404: "N", 405: "M"}
    return letters.get(code, str(code))


def client_for(role: str, people) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


def snapshot(obj: models.Model) -> dict:
    fresh = type(obj)._base_manager.filter(pk=obj.pk).first()
    return fresh and model_to_dict(fresh)


@pytest.mark.parametrize("role", ROLES)
def test_every_model_admin_page_answers_each_role_as_the_matrix_says(role, people, objects):
    client = client_for(role, people)
    cells, wrong = 0, []
    rows = {**MODEL_MATRIX, **ARTICLE_VARIANTS}
    for label, expected_by_role in rows.items():
        obj = objects[label]
        for action, want in zip(ACTIONS, expected_by_role[ROLES.index(role) - 1], strict=True):
            url = model_url(label, action, obj)
            got = outcome(client.get(url))
            if role == "anonymous":
                want = "L"
            elif want == "V":
                want = "O"
            elif want == "G":
                want = "R"
            if got != want:
                wrong.append(f"{label} {action}: {got}, expected {want}")
            cells += 1
    assert not wrong, "\n".join(wrong)
    assert cells == len(rows) * len(ACTIONS)


@pytest.mark.parametrize("role", ROLES)
def test_refused_writes_change_nothing(role, people, objects):
    """POSTs to add, change and delete pages a role may not use leave every row as it was."""
    client = client_for(role, people)
    rows = {**MODEL_MATRIX, **ARTICLE_VARIANTS}
    posted, wrong = 0, []
    for label, expected_by_role in rows.items():
        obj = objects[label]
        wants = dict(
            zip(
                ACTIONS,
                "LLLLL" if role == "anonymous" else expected_by_role[ROLES.index(role) - 1],
                strict=True,
            )
        )
        for action in ("add", "change", "delete"):
            if wants[action] not in "LFGV":
                continue
            before_count, before = type(obj)._base_manager.count(), snapshot(obj)
            data = (
                {"post": "yes"}
                if action == "delete"
                else {
                    "title": "Vandalised",
                    "name": "Vandalised",
                    "username": "vandal",
                    "is_superuser": "on",
                }
            )
            got = outcome(client.post(model_url(label, action, obj), data))
            want = {"L": "L", "G": "R"}.get(wants[action], "F")
            unchanged = type(obj)._base_manager.count() == before_count and snapshot(obj) == before
            if (got, unchanged) != (want, True):
                wrong.append(
                    f"POST {label} {action}: {got}, expected {want}; unchanged {unchanged}"
                )
            posted += 1
    assert not wrong, "\n".join(wrong)
    assert posted > 0


@pytest.fixture
def custom_urls(people, objects) -> dict[str, tuple[str, dict]]:
    """Each custom admin URL name -> (url, POST data) on the contributor's own draft."""
    own, film, person = (
        objects["reviews.article"],
        objects["reviews.film"],
        objects["people.person"],
    )
    totp_device = objects["otp_totp.totpdevice"]
    own_version = versioned(own, people["contributor"])
    own.title = "Own draft, retitled"
    newer = versioned(own, people["contributor"])
    film_version, person_version = (
        versioned(film, people["editor"]),
        versioned(person, people["editor"]),
    )
    deleted = {}
    for key, obj in {
        "article": f.ArticleFactory(
            author=people["contributor"].author, status="draft", published_at=None
        ),
        "film": f.FilmFactory(),
        "person": f.PersonFactory(),
    }.items():
        versioned(obj, people["editor"])
        deleted[key] = Version.objects.get_for_object(obj).first()
        obj.delete()
    return {
        "index": (reverse("admin:index"), {}),
        "login": (reverse("admin:login"), {}),
        "logout": (reverse("admin:logout"), {}),
        "password_change": (reverse("admin:password_change"), {}),
        "password_change_done": (reverse("admin:password_change_done"), {}),
        "autocomplete": (
            reverse("admin:autocomplete")
            + "?app_label=reviews&model_name=article&field_name=films&term=Lantern",
            {},
        ),
        "jsi18n": (reverse("admin:jsi18n"), {}),
        "view_on_site": (
            reverse(
                "admin:view_on_site", args=[ContentType.objects.get_for_model(film).pk, film.pk]
            ),
            {},
        ),
        "app_list": (reverse("admin:app_list", args=["reviews"]), {}),
        "catch_all": ("/admin/no-such-page/", {}),
        "object_redirect": (f"/admin/reviews/film/{film.pk}/", {}),
        "auth_user_password_change": (
            reverse("admin:auth_user_password_change", args=[people["rival"].pk]),
            {},
        ),
        "taggit_tag_merge_tags": (reverse("admin:taggit_tag_merge_tags"), {}),
        "people_person_revision": (
            reverse("admin:people_person_revision", args=[person.pk, person_version.pk]),
            {},
        ),
        "people_person_recover": (
            reverse("admin:people_person_recover", args=[deleted["person"].pk]),
            {},
        ),
        "people_person_recoverlist": (reverse("admin:people_person_recoverlist"), {}),
        "reviews_film_revision": (
            reverse("admin:reviews_film_revision", args=[film.pk, film_version.pk]),
            {},
        ),
        "reviews_film_recover": (
            reverse("admin:reviews_film_recover", args=[deleted["film"].pk]),
            {},
        ),
        "reviews_film_recoverlist": (reverse("admin:reviews_film_recoverlist"), {}),
        "reviews_article_revision": (
            reverse("admin:reviews_article_revision", args=[own.pk, own_version.pk]),
            {},
        ),
        "reviews_article_recover": (
            reverse("admin:reviews_article_recover", args=[deleted["article"].pk]),
            {},
        ),
        "reviews_article_recoverlist": (reverse("admin:reviews_article_recoverlist"), {}),
        "reviews_article_import": (reverse("admin:reviews_article_import"), {}),
        "two_factor": (reverse("admin:two_factor"), {}),
        "otp_totp_totpdevice_config": (
            reverse("admin:otp_totp_totpdevice_config", args=[totp_device.pk]),
            {},
        ),
        "otp_totp_totpdevice_qrcode": (
            reverse("admin:otp_totp_totpdevice_qrcode", args=[totp_device.pk]),
            {},
        ),
        "reviews_article_autosave": (
            reverse("admin:reviews_article_autosave") + f"?key=article-{own.pk}",
            {},
        ),
        "reviews_article_preview_new": (reverse("admin:reviews_article_preview_new"), {}),
        "reviews_article_preview": (
            reverse("admin:reviews_article_preview", args=[own.pk]),
            article_form_data(own),
        ),
        "reviews_article_revision_preview": (
            reverse("admin:reviews_article_revision_preview", args=[own.pk, own_version.pk]),
            {},
        ),
        "reviews_article_revision_compare": (
            reverse("admin:reviews_article_revision_compare", args=[own.pk])
            + f"?old={own_version.pk}&new={newer.pk}",
            {},
        ),
        "reviews_article_revision_restore": (
            reverse("admin:reviews_article_revision_restore", args=[own.pk, own_version.pk]),
            {},
        ),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_custom_admin_url_answers_each_role_as_the_matrix_says(role, people, custom_urls):
    assert set(custom_urls) == set(CUSTOM_MATRIX)
    wrong = []
    for name, (method, wants) in CUSTOM_MATRIX.items():
        client = client_for(role, people)  # fresh: a restore or logout must not affect the next
        url, data = custom_urls[name]
        response = client.post(url, data) if method == "POST" else client.get(url)
        got, want = outcome(response), wants[ROLES.index(role)]
        if got != want:
            wrong.append(f"{method} {name}: {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


def test_a_contributor_reaches_nothing_of_another_critics_draft(people, objects):
    """Every article view, read or write, on Rhea's draft: refused, and the draft unchanged."""
    other = objects["other"]
    version = versioned(other, people["rival"])
    other.title = "Rhea's draft, second version"
    newer = versioned(other, people["rival"])
    before = snapshot(other)
    urls = {
        "reviews_article_revision": reverse(
            "admin:reviews_article_revision", args=[other.pk, version.pk]
        ),
        "reviews_article_autosave": reverse("admin:reviews_article_autosave")
        + f"?key=article-{other.pk}",
        "reviews_article_preview": reverse("admin:reviews_article_preview", args=[other.pk]),
        "reviews_article_revision_preview": reverse(
            "admin:reviews_article_revision_preview", args=[other.pk, version.pk]
        ),
        "reviews_article_revision_compare": reverse(
            "admin:reviews_article_revision_compare", args=[other.pk]
        )
        + f"?old={version.pk}&new={newer.pk}",
        "reviews_article_revision_restore": reverse(
            "admin:reviews_article_revision_restore", args=[other.pk, version.pk]
        ),
    }
    client = client_for("contributor", people)
    wrong = []
    for name, (method, want) in OTHERS_DRAFT_REFUSALS.items():
        url = urls[name.removesuffix("_post")]
        if method == "POST" and name == "reviews_article_autosave_post":
            response = client.post(
                url.split("?")[0],
                {"key": f"article-{other.pk}", "base_token": "", "data": {}},
                content_type="application/json",
            )
        elif method == "POST":
            response = client.post(url, {"title": "Vandalised", "status": "draft"})
        else:
            response = client.get(url)
        if outcome(response) != want:
            wrong.append(f"{method} {name}: {outcome(response)}, expected {want}")
    assert not wrong, "\n".join(wrong)
    assert snapshot(other) == before
    assert (
        other.title not in client.get(reverse("admin:reviews_article_changelist")).content.decode()
    )


def test_a_contributor_cannot_revert_another_critics_published_article(people):
    """reversion kept a revert when the change form redirected: the article's queryset hid it."""
    article = f.ArticleFactory(title="As first published", author=people["rival"].author)
    first = versioned(article, people["editor"])
    article.title = "As corrected"
    versioned(article, people["editor"])
    url = reverse("admin:reviews_article_revision", args=[article.pk, first.pk])
    assert client_for("contributor", people).post(url, {}).status_code == 404
    article.refresh_from_db()
    assert article.title == "As corrected"
    # The control: the editor opens the same revision, shown as it was, and nothing is kept.
    page = client_for("editor", people).get(url)
    assert page.status_code == 200 and "As first published" in page.content.decode()
    article.refresh_from_db()
    assert article.title == "As corrected"


def test_only_editors_recover_deleted_articles(people):
    article = f.ArticleFactory(title="Taken down for legal reasons", author=people["rival"].author)
    version = versioned(article, people["editor"])
    article.delete()
    contributor = client_for("contributor", people)
    url = reverse("admin:reviews_article_recover", args=[version.pk])
    assert contributor.post(url, {}).status_code == 403
    assert not Article.objects.filter(title=article.title).exists()
    listing = contributor.get(reverse("admin:reviews_article_recoverlist"))
    assert listing.status_code == 403 and article.title not in listing.content.decode()
    editor_list = client_for("editor", people).get(reverse("admin:reviews_article_recoverlist"))
    assert article.title in editor_list.content.decode()  # the control


def test_a_contributor_cannot_merge_or_create_tags(people):
    url = reverse("admin:taggit_tag_merge_tags")
    response = client_for("contributor", people).post(url, {"new_tag_name": "contributor-made"})
    assert response.status_code == 403
    assert not Tag.objects.filter(name="contributor-made").exists()
    assert client_for("editor", people).get(url).status_code == 200  # the control


# --- privilege escalation ---------------------------------------------------------------------


def user_form(user, **changes) -> dict:
    """The user change form's fields as the admin posts them, with changes."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [g.pk for g in user.groups.all()],
        "user_permissions": [],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "00:00:00",
    }
    return data | changes


def escalation_posts(user) -> list[tuple[str, dict]]:
    every_permission = list(Permission.objects.values_list("pk", flat=True))
    groups = list(Group.objects.values_list("pk", flat=True))
    editors = Group.objects.get(name=EDITOR)
    change_self = reverse("admin:auth_user_change", args=[user.pk])
    return [
        (change_self, user_form(user, is_superuser="on")),
        (change_self, user_form(user, groups=groups)),
        (change_self, user_form(user, user_permissions=every_permission)),
        (
            reverse("admin:auth_user_add"),
            {
                "username": "sock",
                "password1": "x-Long-pass-9",
                "password2": "x-Long-pass-9",
                "usable_password": "true",
            },
        ),
        (
            reverse("admin:auth_group_change", args=[editors.pk]),
            {"name": EDITOR, "permissions": every_permission},
        ),
        (reverse("admin:auth_group_add"), {"name": "Mine", "permissions": every_permission}),
        (
            reverse("admin:auth_user_password_change", args=[user.pk]),
            {"password1": "x-Long-pass-9", "password2": "x-Long-pass-9"},
        ),
    ]


def rights(user) -> tuple:
    user.refresh_from_db()
    return (
        user.is_staff,
        user.is_superuser,
        sorted(user.groups.values_list("name", flat=True)),
        sorted(user.user_permissions.values_list("codename", flat=True)),
        user.password,
    )


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_no_one_but_a_superuser_grants_rights(role, people):
    """Contributors and editors posting to the user and group forms: 403, and nothing changes."""
    user = people[role]
    client = client_for(role, people)
    before_user, before_groups = (
        rights(user),
        {g.name: sorted(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()},
    )
    user_count = type(user).objects.count()
    for url, data in escalation_posts(user):
        assert (url, client.post(url, data).status_code) == (url, 403)
    assert rights(user) == before_user
    assert type(user).objects.count() == user_count
    assert {
        g.name: sorted(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()
    } == before_groups


def test_a_superuser_can_grant_rights(people):
    """The control for the test above: the same form works for the one role it is for."""
    rival = people["rival"]
    client = client_for("superuser", people)
    url = reverse("admin:auth_user_change", args=[rival.pk])
    response = client.post(url, user_form(rival, groups=[Group.objects.get(name=EDITOR).pk]))
    assert response.status_code == 302
    assert EDITOR in rival.groups.values_list("name", flat=True)


# --- the public site ----------------------------------------------------------------------------

# Unpublished states: each article carries its own marker word in title, standfirst and body.
STATES = {
    "draft": {"status": "draft", "published_at": None},
    "review": {"status": "review", "published_at": None},
    "scheduled": {"status": "published", "published_at": "future"},
    "unpublished": {"status": "unpublished", "published_at": None},
}
CONTROL = "Brightwaterlive"  # the published article's marker: the positive control everywhere


@pytest.fixture
def site(people):
    """A film, its director and a character, a critic and a theme, with one live article and one
    unpublished article per state, each with a spoiler section about the character."""
    credit = f.ActorCreditFactory(film=f.FilmFactory(title="The Tidewater Lamp"))
    film, character = credit.film, credit.character
    author = people["rival"].author
    f.CreditFactory(film=film)  # a director, for the person page

    def article(marker: str, **state) -> Article:
        if state.get("published_at") == "future":
            state["published_at"] = timezone.now() + timedelta(days=3)
        made = f.ArticleFactory(
            title=f"{marker} at the lighthouse",
            standfirst=f"The {marker} standfirst.",
            author=author,
            films=[film],
            tags=["tides"],
            **state,
        )
        f.SectionFactory(article=made, order=1, body=f"An opening about {marker}.")
        f.SectionFactory(
            article=made,
            order=2,
            is_spoiler=True,
            character=character,
            heading=f"{marker} ending",
            body=f"The keeper was {marker} all along.",
        )
        return made

    live = article(CONTROL)
    neighbour = f.ArticleFactory(title="Another live piece", films=[film], tags=["tides"])
    hidden = {state: article(f"Zorblax{state}", **values) for state, values in STATES.items()}
    return {
        "film": film,
        "character": character,
        "author": author,
        "live": live,
        "neighbour": neighbour,
        "hidden": hidden,
        "person": credit.person,
    }


def public_surfaces(site) -> dict[str, str]:
    """Every public page that lists, quotes or describes articles."""
    film, author = site["film"], site["author"]
    character = site["character"]
    surfaces = {
        "home": reverse("reviews:home"),
        "film list": reverse("reviews:film_list"),
        "film page (lists, JSON-LD)": film.get_absolute_url(),
        "critic page (JSON-LD)": author.get_absolute_url(),
        "theme page (JSON-LD)": reverse("reviews:tag_detail", args=["tides"]),
        "person page": site["person"].get_absolute_url(),
        "character page": character.get_absolute_url(),
        "related teasers": site["neighbour"].get_absolute_url(),
        "search": reverse("sitesearch:search") + "?q=Zorblax",
        "search by film": reverse("sitesearch:search") + "?q=Tidewater",
        "search by title words": reverse("sitesearch:search") + "?q=lighthouse",
        "sitemap index": reverse("sitemap"),
        "robots.txt": reverse("robots_txt"),
    }
    for name in ("feed", "feed_atom"):
        surfaces[name] = reverse(f"reviews:{name}")
    for name, arg in (
        ("film_feed", film.slug),
        ("author_feed", author.slug),
        ("tag_feed", "tides"),
    ):
        surfaces[name] = reverse(f"reviews:{name}", args=[arg])
        surfaces[f"{name}_atom"] = reverse(f"reviews:{name}_atom", args=[arg])
    from filmsite.urls import SITEMAPS

    for section in SITEMAPS:
        surfaces[f"sitemap {section}"] = reverse("sitemap_section", args=[section])
    return surfaces


def section_texts(article: Article) -> list[str]:
    """Distinctive phrases of the article's sections, opening and spoiler alike."""
    return [
        phrase
        for section in article.sections.all()
        for phrase in section.body.split(".")
        if "Zorblax" in phrase
    ] + [
        section.heading
        for section in article.sections.all()
        if section.heading and "Zorblax" in section.heading
    ]


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


# Pages where the live control article is expected to show (the others list no articles).
CONTROL_SHOWN = {
    "home", "film page (lists, JSON-LD)", "critic page (JSON-LD)", "theme page (JSON-LD)",
    "person page", "character page", "related teasers",
    "search by title words", "feed", "feed_atom", "film_feed", "film_feed_atom",
    "author_feed", "author_feed_atom", "tag_feed", "tag_feed_atom",
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_articles_appear_on_no_public_surface(role, people, site):
    """Readers and staff alike: lists, feeds, sitemaps, search and JSON-LD show only live work."""
    client = client_for(role, people)
    hidden = [
        text
        for article in site["hidden"].values()
        for text in (article.title, article.slug, article.standfirst, *section_texts(article))
    ]
    leaks, cells = [], 0
    surfaces = public_surfaces(site)
    for name, url in surfaces.items():
        response = client.get(url)
        assert (name, response.status_code) == (name, 200)
        text = body(response)
        leaks += [f"{name}: {leak}" for leak in hidden if leak in text]
        if name in CONTROL_SHOWN and CONTROL not in text:
            leaks.append(f"{name}: the live article is missing, so the check proves nothing")
        if name == "search by film" and site["film"].title not in text:
            leaks.append("search by film: the film's side result is missing")
        if name == "sitemap articles" and site["live"].slug not in text:
            leaks.append("sitemap articles: the live article is missing")
        cells += 1
    assert leaks == []
    # 8 pages, 3 searches, 8 feeds, robots.txt, the sitemap index and its 8 sections
    assert cells == len(surfaces) == 29


@pytest.mark.parametrize("state", STATES)
def test_an_unpublished_article_page_is_for_its_editors_and_author_only(state, people, site):
    article = site["hidden"][state]
    url = article.get_absolute_url()
    answers = {role: client_for(role, people).get(url) for role in ("anonymous", "contributor")}
    for role, response in answers.items():  # cora is not its author
        assert (role, response.status_code) == (role, 404)
        assert "Zorblax" not in body(response)
    for role in ("editor", "superuser", "rival"):
        response = client_for(role, people).get(url)
        assert (role, response.status_code) == (role, 200)
        page = body(response)
        assert f"Zorblax{state}" in page and "readers cannot see this article yet" in page
    # What staff saw was not kept for readers (a page cache must key on more than the URL).
    assert client_for("anonymous", people).get(url).status_code == 404


@pytest.mark.parametrize("state", STATES)
def test_preview_links_show_the_article_only_with_a_live_token(state, people, site, client):
    from editorial.preview import preview_link_revoke

    article = site["hidden"][state]
    link = preview_link_create(article=article, by=people["editor"])
    url = preview_link_url(link)
    token = url.rstrip("/").rsplit("/", 1)[1]
    live = client.get(url)
    assert live.status_code == 200 and f"Zorblax{state}" in body(live)  # the intended way in
    tampered = url.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    refused = {
        "no token": "/preview/",
        "not a token": "/preview/not-a-token/",
        "tampered": tampered,
        "a token cut short": url.replace(token, token[: len(token) // 2]),
    }
    for name, other in refused.items():
        response = client.get(other)
        assert (name, response.status_code) == (name, 404)
        assert "Zorblax" not in body(response)
    PreviewLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - timedelta(days=8),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    assert client.get(url).status_code == 404  # expired
    PreviewLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + timedelta(days=1))
    assert client.get(url).status_code == 200
    preview_link_revoke(link=link)
    assert client.get(url).status_code == 404  # revoked
