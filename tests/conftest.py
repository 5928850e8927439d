import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from editorial.roles import CONTRIBUTOR, EDITOR
from tests import factories as f


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):
    """Uploads go to a temporary folder; static URLs need no collectstatic manifest."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _cold_content_type_cache():
    """Django caches content types per process: clear it so query counts don't depend on order."""
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives tests: start each one empty."""
    cache.clear()


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
