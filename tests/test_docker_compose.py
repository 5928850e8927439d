"""docker-compose.yml can't run here (no Docker engine), so its wiring is checked as data."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def settings_variables() -> set[str]:
    """Every environment variable name that filmsite/settings.py reads through django-environ."""
    source = (ROOT / "filmsite" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z0-9_]+)"', source))


def interpolate_defaults(value: str) -> str:
    """Resolve ${NAME:-default} the way compose does when NAME is unset."""
    return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)


def test_services_are_postgres16_redis_the_app_and_its_worker(compose):
    services = compose["services"]
    assert set(services) == {"db", "redis", "web", "worker"}
    assert services["db"]["image"] == "postgres:16"
    assert services["redis"]["image"].startswith("redis:")
    assert "gunicorn filmsite.wsgi" in services["web"]["command"]


def test_every_service_has_a_healthcheck_and_web_waits_for_healthy_dependencies(compose):
    services = compose["services"]
    assert all("healthcheck" in service for service in services.values())
    assert services["web"]["depends_on"] == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_the_worker_runs_the_database_task_backend_as_web_queues_to_it(compose):
    """Renditions are queued by web (reviews/tasks.py) and made only by this service."""
    web, worker = compose["services"]["web"], compose["services"]["worker"]
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"]
    assert "--reload" not in worker["command"]  # a reloader would leave orphans on stop
    assert worker["environment"] == web["environment"]  # the same database, storage, settings
    environ = {name: interpolate_defaults(str(value)) for name, value in web["environment"].items()}
    environ.update(
        PATH=os.environ["PATH"],
        DJANGO_SETTINGS_MODULE="filmsite.settings",
        DJANGO_SECRET_KEY="k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP",
    )
    code = "from django.conf import settings as s; print(s.TASKS['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend"  # web queues, never runs
    assert worker["volumes"] == web["volumes"]  # it reads originals and writes renditions there
    assert worker["depends_on"] == {"web": {"condition": "service_healthy"}}  # after migrate
    assert worker["restart"] == "unless-stopped"


def test_database_lives_on_a_named_volume(compose):
    volume = compose["services"]["db"]["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]


def test_app_variables_are_ones_the_settings_read(compose):
    read = settings_variables()
    assert {"DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOWED_HOSTS"} <= read
    given = set(compose["services"]["web"]["environment"])
    assert given - read == set(), "compose sets variables the settings never read"


def test_database_url_matches_the_db_service(compose):
    web_env = compose["services"]["web"]["environment"]
    db_env = compose["services"]["db"]["environment"]
    url = urlsplit(interpolate_defaults(web_env["DATABASE_URL"]))
    assert url.scheme == "postgres" and url.hostname == "db" and url.port == 5432
    assert url.username == db_env["POSTGRES_USER"]
    assert url.password == interpolate_defaults(db_env["POSTGRES_PASSWORD"])
    assert url.path.lstrip("/") == db_env["POSTGRES_DB"]
    assert urlsplit(web_env["REDIS_URL"]).hostname == "redis"


def test_secret_key_is_required_not_defaulted(compose):
    secret = compose["services"]["web"]["environment"]["DJANGO_SECRET_KEY"]
    assert secret.startswith("${DJANGO_SECRET_KEY:?")


def test_the_page_benchmark_tunes_postgresql_as_compose_runs_it(compose):
    from bench.pages import POSTGRES_OPTIONS

    command = compose["services"]["db"]["command"]
    settings = [command[i + 1] for i, word in enumerate(command) if word == "-c"]
    assert settings == re.findall(r"-c (\S+)", POSTGRES_OPTIONS) == ["random_page_cost=1.1"]
