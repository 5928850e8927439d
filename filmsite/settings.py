"""filmsite settings, read from the environment (twelve-factor).

Every setting that differs between a laptop, CI and production comes from an environment
variable; nothing secret lives in git. With DJANGO_DEBUG off (the default) the site refuses to
start without a real DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS.
"""

import hashlib
import tempfile
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# A development key exists only for DEBUG; production must bring its own.
_DEV_SECRET_KEY = "django-insecure-development-only-never-use-this-key-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])


def _is_weak_secret(key: str) -> bool:
    """Django's own deploy check: short, repetitive or 'django-insecure-' keys are weak."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")


if DEBUG:
    SECRET_KEY = SECRET_KEY or _DEV_SECRET_KEY
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
else:
    if _is_weak_secret(SECRET_KEY):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when "
            'DJANGO_DEBUG is off. Generate one with: python -c "import secrets; '
            'print(secrets.token_urlsafe(64))"'
        )
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list the site's host names (comma-separated, no '*') "
            "when DJANGO_DEBUG is off."
        )

CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts.apps.StaffAdminConfig",  # django.contrib.admin with two-factor sign-in (accounts/)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "django_tasks",
    "django_tasks_db",  # the database task backend: its table and the db_worker command
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",  # authenticator apps (TOTP)
    "django_otp.plugins.otp_static",  # one-time backup codes
    "accounts",
    "reviews",
    "sitesearch",  # full-text search: one interface, a backend per database engine
    "people",
    "editorial",
    "importer",  # critics' texts to films, people and articles: parse, resolve, save
    "filmsite",  # the page cache's invalidation signals (filmsite/apps.py)
    "fakes",  # invented content: load_demo and generate_corpus (no models)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page is served without touching the session or the database.
    "filmsite.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified() for the admin site
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "filmsite.middleware.SecurityHeadersMiddleware",
    "editorial.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "filmsite.urls"
WSGI_APPLICATION = "filmsite.wsgi.application"

TEMPLATES = [
    # Reader pages: Jinja2 (filmsite/templating.py explains why). Asked first, it only knows
    # templates/jinja2/, so everything else (the admin, sitemaps, robots.txt) falls through to
    # Django's engine below.
    {
        "NAME": "jinja2",
        "BACKEND": "filmsite.templating.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "filmsite.templating.environment",
            "context_processors": ["filmsite.context_processors.site"],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "filmsite.context_processors.site",
            ],
        },
    },
]


def _connection_handling(database: dict) -> dict:
    """Persistent, checked connections on PostgreSQL; WAL and IMMEDIATE writes on SQLite."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
        database["CONN_HEALTH_CHECKS"] = True
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers carry on while an editor saves; IMMEDIATE avoids "database is locked"
        # when two writers upgrade read transactions at once; the timeout (sqlite3's busy
        # timeout, 5 s by default) lets a save wait out another writer instead of failing.
        database.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": env.int("FILMSITE_SQLITE_TIMEOUT_SECONDS", default=20),
            }
        )
    return database


# SQLite by default (a file beside manage.py); PostgreSQL in production via DATABASE_URL.
DATABASES = {
    "default": _connection_handling(
        env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
if test_name := env.str("DJANGO_TEST_DATABASE_NAME", default=""):
    # Lets two test runs share one PostgreSQL server without dropping each other's database.
    DATABASES["default"]["TEST"] = {"NAME": test_name}
if env.str("DATABASE_REPLICA_URL", default=""):
    # A streaming replica of the primary: readers' page views read from it (filmsite/routers.py);
    # writes, the admin, previews and management commands use the primary. In tests it is the
    # primary's own test database (MIRROR). Unset, no router or middleware is installed.
    DATABASES["replica"] = _connection_handling(env.db("DATABASE_REPLICA_URL"))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["filmsite.routers.PrimaryReplicaRouter"]
    # How long a client that wrote keeps reading from the primary: longer than the replica lag.
    DATABASE_REPLICA_PIN_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=10)
    # Right after WhiteNoise (static files need no database): every later middleware's queries
    # follow the request's choice.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "filmsite.routers.ReplicaReadsMiddleware",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "filmsite",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous page cache (filmsite/cache.py; README "Caching"): whole reader pages for readers
# without a session, emptied on every change to public content. 0 seconds turns it off.
FILMSITE_PAGE_CACHE_SECONDS = env.int("FILMSITE_PAGE_CACHE_SECONDS", default=300)
# What browsers and CDNs are told (Cache-Control max-age and s-maxage). Our cache is emptied on
# every save; theirs are not, so a CDN may show a page this long after it changed.
FILMSITE_BROWSER_MAX_AGE = env.int("FILMSITE_BROWSER_MAX_AGE", default=0)
FILMSITE_CDN_MAX_AGE = env.int("FILMSITE_CDN_MAX_AGE", default=60)
# Without Redis each process has its own cache: they share the generation through this file.
FILMSITE_PAGE_CACHE_GENERATION_FILE = env.path(
    "FILMSITE_PAGE_CACHE_GENERATION_FILE",
    default=Path(tempfile.gettempdir())
    / f"filmsite-pages-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]}",
)

# django-axes first: it refuses a locked-out username+IP before any password is checked.
AUTHENTICATION_BACKENDS = [
    "filmsite.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = env.str("DJANGO_STATIC_URL", default="/static/")
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("DJANGO_MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# The app serves MEDIA_URL itself, images only and hardened (filmsite/media.py). Turn it off when
# nginx, a bucket or a CDN serves the uploads (see the README's "Media files").
FILMSITE_SERVE_MEDIA = env.bool("FILMSITE_SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed files with content hashes in their names: cacheable forever by a CDN.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if S3_BUCKET := env.str("FILMSITE_S3_BUCKET", default=""):
    # Uploads in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) through django-storages,
    # so several app hosts share them. boto3 reads the credentials itself, from
    # AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the host's role: they never pass through here.
    S3_ENDPOINT_URL = env.str("FILMSITE_S3_ENDPOINT_URL", default="")  # not AWS: R2, MinIO
    S3_CUSTOM_DOMAIN = env.str("FILMSITE_S3_CUSTOM_DOMAIN", default="")  # a CDN in front
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": env.str("FILMSITE_S3_REGION", default="") or None,
            "custom_domain": S3_CUSTOM_DOMAIN or None,
            # Public media on plain URLs a CDN can cache: the bucket's policy grants reading, so
            # no per-object ACL (refused by buckets that disable ACLs) and no expiring signatures.
            "default_acl": None,
            "querystring_auth": False,
            # Uploads get random names and renditions are deleted before they are rewritten:
            # a clash is never meant to replace another object.
            "file_overwrite": False,
        },
    }
    # Where the URLs the storage builds start (botocore uses path-style URLs for a custom
    # endpoint), so the CSP's img-src below allows exactly that origin.
    if S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{S3_CUSTOM_DOMAIN}/"
    elif S3_ENDPOINT_URL:
        MEDIA_URL = f"{S3_ENDPOINT_URL.rstrip('/')}/{S3_BUCKET}/"
    else:
        MEDIA_URL = f"https://{S3_BUCKET}.s3.amazonaws.com/"

# Uploads: Pillow refuses images above this many pixels (decompression bombs).
FILMSITE_MAX_IMAGE_BYTES = env.int("FILMSITE_MAX_IMAGE_BYTES", default=10 * 1024 * 1024)
FILMSITE_MAX_IMAGE_PIXELS = env.int("FILMSITE_MAX_IMAGE_PIXELS", default=40_000_000)
# Responsive renditions (WebP + JPEG/PNG) at these widths, never wider than the original, and a
# square thumbnail this many pixels a side. After changing them run `generate_renditions`.
FILMSITE_RENDITION_WIDTHS = env.list(
    "FILMSITE_RENDITION_WIDTHS", cast=int, default=[320, 640, 960, 1280]
)
FILMSITE_THUMBNAIL_SIZE = env.int("FILMSITE_THUMBNAIL_SIZE", default=320)
# Per editor: uploads beyond this many in a minute are refused with a form error (reviews/forms.py).
FILMSITE_IMAGE_UPLOADS_PER_MINUTE = env.int("FILMSITE_IMAGE_UPLOADS_PER_MINUTE", default=10)

# Background work (image renditions, reviews/tasks.py) goes through django-tasks: by default into
# the database, where `manage.py db_worker` (started by `make demo` and docker-compose.yml) picks
# it up. FILMSITE_TASKS_IMMEDIATE runs each task inside the call that enqueues it instead: the
# tests do, and so can a site with no worker, at the price of renditions made in the request.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env.bool("FILMSITE_TASKS_IMMEDIATE", default=False)
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}
FILMSITE_NAME = env.str("FILMSITE_NAME", default="filmsite")
# The largest text file import_texts and the admin's "Import text" page accept.
FILMSITE_IMPORT_MAX_BYTES = env.int("FILMSITE_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
# The longest text (a section body, a bio, a standfirst) an editor or an import may save: a
# generous cap on what one save renders as Markdown. A review runs to a few thousand characters.
FILMSITE_MAX_SECTION_CHARS = env.int("FILMSITE_MAX_SECTION_CHARS", default=100_000)

TAGGIT_CASE_INSENSITIVE = True

# Security. Off in DEBUG so runserver works over plain HTTP; on (and checked by
# `check --deploy`) everywhere else. Behind a TLS-terminating proxy set
# DJANGO_SECURE_PROXY_SSL_HEADER=true.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Django's request limits, stated so tests pin them: more fields, files or non-file bytes than
# this and the request gets a 400 before any view runs. (Uploaded files are limited separately,
# by FILMSITE_MAX_IMAGE_BYTES and FILMSITE_IMPORT_MAX_BYTES.)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MiB

# Login throttling (django-axes): after 5 wrong passwords for one username from one IP address,
# that pair is locked out for the cool-off time; other users and other addresses are unaffected,
# so an attacker cannot lock an editor out from elsewhere.
AXES_FAILURE_LIMIT = env.int("FILMSITE_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("FILMSITE_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind N reverse proxies (nginx, a load balancer, a CDN) every request comes from the nearest
# proxy's address: set FILMSITE_PROXY_COUNT=N and the throttle reads the client's address from
# X-Forwarded-For as those proxies wrote it (filmsite/proxies.py). 0 trusts REMOTE_ADDR only.
FILMSITE_PROXY_COUNT = env.int("FILMSITE_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "filmsite.proxies.client_ip_address"
# A guesser spread over many addresses never trips the per-address limit above, so failures
# are also counted per account across all addresses: past this many within the cool-off time,
# the account's sign-ins are refused until it ends (filmsite/auth.py).
FILMSITE_ACCOUNT_FAILURE_LIMIT = env.int("FILMSITE_ACCOUNT_FAILURE_LIMIT", default=20)

# Two-factor sign-in for staff (accounts/): anyone who has set up an authenticator app must give
# its code. With this on, superusers must set one up before the admin lets them do anything else.
# On by default in production (DEBUG off); `make demo` and the tests run with DEBUG on or set it.
FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS = env.bool(
    "FILMSITE_REQUIRE_2FA_FOR_SUPERUSERS", default=not DEBUG
)
OTP_TOTP_ISSUER = FILMSITE_NAME


def _origin(url: str) -> list[str]:
    """A CDN or bucket prefix as a CSP source; nothing to add for a same-origin path."""
    return [url] if url.startswith(("https://", "http://")) else []


# Content-Security-Policy and Permissions-Policy, sent by filmsite.middleware on every response.
# Scripts only from our own static files (never the media origin: uploads are other people's
# files), so no inline scripts or on* handlers anywhere. The JSON-LD <script
# type="application/ld+json"> blocks are data that browsers never execute, so CSP leaves them be.
# Inline style attributes stay allowed: the admin's templates use a few, and CSS runs no code.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", *_origin(STATIC_URL)],
    "style-src": ["'self'", "'unsafe-inline'", *_origin(STATIC_URL)],
    "img-src": ["'self'", *_origin(STATIC_URL), *_origin(MEDIA_URL)],
    "font-src": ["'self'", *_origin(STATIC_URL)],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
        "microphone", "payment", "usb", "interest-cohort", "browsing-topics",
    )
}  # fmt: skip

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
