"""Settings come from the environment, and an unsafe production configuration refuses to start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"
PRODUCTION = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "films.example.org"}
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "db = s.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'conn_max_age': db.get('CONN_MAX_AGE'), 'health': db.get('CONN_HEALTH_CHECKS'), "
    "'cache': s.CACHES['default']['BACKEND'], 'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, "
    "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'secure_cookies': s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE, "
    "'static': s.STORAGES['staticfiles']['BACKEND']}))"
)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run Python in a fresh process whose environment holds only what the test gives it."""
    base = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "filmsite.settings"}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def show(env: dict[str, str]) -> dict:
    result = run(["-c", SHOW], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_start():
    values = show(PRODUCTION)
    assert values["debug"] is False
    assert values["hosts"] == ["films.example.org"]
    assert values["ssl_redirect"] is True and values["secure_cookies"] is True
    assert values["hsts"] == 31_536_000
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "films.example.org"}, "DJANGO_SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_SECRET_KEY": "short"}, "DJANGO_SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_SECRET_KEY": "django-insecure-" + "x1y2z3" * 10}, "SECRET_KEY"),
        ({**PRODUCTION, "DJANGO_SECRET_KEY": "a" * 60}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": GOOD_KEY}, "DJANGO_ALLOWED_HOSTS"),
        ({**PRODUCTION, "DJANGO_ALLOWED_HOSTS": "*"}, "DJANGO_ALLOWED_HOSTS"),
    ],
    ids=["no-key", "short-key", "insecure-prefix", "repetitive-key", "no-hosts", "any-host"],
)
def test_unsafe_production_configuration_refuses_to_start(env, message):
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_debug_runs_without_secrets_for_local_development():
    values = show({"DJANGO_DEBUG": "true"})
    assert values["debug"] is True
    assert "127.0.0.1" in values["hosts"]
    assert values["ssl_redirect"] is False


def test_check_deploy_is_clean_but_for_the_opt_in_hsts_preload():
    result = run(["manage.py", "check", "--deploy"], PRODUCTION)
    assert result.returncode == 0, result.stderr
    warnings = {
        line.split(")")[0].split("(")[-1]
        for line in result.stderr.splitlines()
        if "(security." in line
    }
    assert warnings == {"security.W021"}  # explained in the README
    preload = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        {**PRODUCTION, "DJANGO_SECURE_HSTS_PRELOAD": "true"},
    )
    assert preload.returncode == 0, preload.stderr
    assert "no issues" in preload.stdout


def test_sqlite_is_the_default_database():
    values = show(PRODUCTION)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "db.sqlite3")


def test_database_url_selects_postgresql_with_persistent_checked_connections():
    values = show({**PRODUCTION, "DATABASE_URL": "postgres://u:p@db.internal:5432/films"})
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "films"
    assert values["conn_max_age"] == 60 and values["health"] is True


def test_redis_url_selects_the_redis_cache():
    assert show(PRODUCTION)["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    with_redis = show({**PRODUCTION, "REDIS_URL": "redis://cache.internal:6379/1"})
    assert with_redis["cache"] == "django.core.cache.backends.redis.RedisCache"


# Slow by design: each guess at a stolen hash costs an attacker what it costs us.
STRONG_HASHERS = {"argon2", "bcrypt_sha256", "pbkdf2_sha256", "scrypt"}
HASH_A_PASSWORD = (
    "import django; django.setup(); from django.conf import settings; "
    "from django.contrib.auth import get_user_model; from django.contrib.auth.hashers import "
    "get_hasher; user = get_user_model()(username='ed'); user.set_password('pw'); "
    "print(settings.PASSWORD_HASHERS[0], get_hasher().algorithm, user.password)"
)


def test_production_hashes_passwords_with_a_slow_strong_hasher(django_user_model, db):
    result = run(["-c", HASH_A_PASSWORD], PRODUCTION)
    assert result.returncode == 0, result.stderr
    hasher_path, algorithm, password = result.stdout.split()
    assert algorithm in STRONG_HASHERS, hasher_path
    assert password.startswith(f"{algorithm}$")
    if algorithm == "pbkdf2_sha256":
        assert int(password.split("$")[1]) >= 1_000_000  # Django 5.2's iterations
    # Positive control: the tests' own users are hashed fast (tests/conftest.py), so the check
    # above reads production's settings, not the test run's.
    user = django_user_model.objects.create_user("ed", password="pw")
    assert user.password.startswith("md5$") and user.check_password("pw")


@pytest.mark.django_db
def test_migrations_are_in_sync_with_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_collectstatic_writes_compressed_hashed_files(tmp_path):
    result = run(
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        {**PRODUCTION, "DJANGO_STATIC_ROOT": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    names = {p.name for p in (tmp_path / "css").iterdir()}
    hashed = [n for n in names if n.startswith("site.") and n.endswith(".css") and n != "site.css"]
    assert hashed, names
    assert f"{hashed[0]}.gz" in names
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert manifest["paths"]["css/site.css"] == f"css/{hashed[0]}"
