import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import override_settings

from editorial.roles import CONTRIBUTOR, EDITOR
from filmsite import cache as page_cache
from tests import factories as f
from tests.helpers import rename, signed_in

# Tests hash with MD5: production's PBKDF2 costs 0.2 s a user, and every staff fixture makes one.
# tests/test_settings.py proves that production still hashes with a slow, strong hasher.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """For the whole run, so users made in module- or session-wide fixtures are cheap too."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Uploads go to a temporary folder; static URLs need no collectstatic manifest; the page
    cache's generation file is this test's own, whatever other test runs do at the same time."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILMSITE_PAGE_CACHE_GENERATION_FILE = tmp_path / "page-generation"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _cold_content_type_cache():
    """Django caches content types per process: clear it so query counts don't depend on order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _empty_cache(_isolated_files):
    """The local-memory cache outlives tests: start each one empty, in a new page-cache
    generation.

    That generation starts knowing that nothing is scheduled (true of the empty
    test database), so a page's first render costs the view's own queries and no more; the
    lookup a new generation makes in production is pinned in tests/test_page_cache.py.
    """
    cache.clear()
    page_cache.invalidate_pages()
    page_cache.note_next_publication(page_cache.current_generation(), None)


@pytest.fixture
def make_user(django_user_model):
    """make_user("cora", "Contributor") -> a staff user in that editorial group."""

    def make(username: str, group: str | None = None, **extra):
        user = django_user_model.objects.create_user(
            username, password="pw-for-tests", is_staff=True, **extra
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def contributor(make_user):
    user = make_user("cora", CONTRIBUTOR, first_name="Cora", last_name="Quill")
    f.AuthorFactory(name="Cora Quill", user=user)
    return user


@pytest.fixture
def editor(make_user):
    return make_user("eddie", EDITOR, first_name="Eddie", last_name="Marsh")


@pytest.fixture
def renamed_review(editor):
    """A published review an editor moved from /articles/old-name/ to /articles/new-name/."""
    review = f.ArticleFactory(title="The Salt Road", slug="old-name")
    rename(signed_in(editor), review, "new-name")
    review.refresh_from_db()
    return review
