"""AidTracker settings: one file, every knob that differs between a laptop and
production read from the environment.

With DEBUG off the app refuses to start unless SECRET_KEY and ALLOWED_HOSTS are
set explicitly. Without DATABASE_URL it uses a SQLite file beside manage.py.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    """Read a boolean from the environment; anything but True/False is an error."""
    value = os.environ.get(name, str(default))
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")
    return value == "True"


def envint(name, default):
    """Read a whole number of zero or more from the environment; anything else is an error."""
    value = os.environ.get(name, str(default))
    if not (value.isascii() and value.isdigit()):
        raise ImproperlyConfigured(f"{name} must be a whole number (0 or more), not {value!r}")
    return int(value)


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is False")
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is False")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "axes",
    "pledges",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # SECURE_CSP on every response, static files' too (above WhiteNoise)
    "aidtracker.csp.content_security_policy_middleware",
    # compressed, hashed static files served by the app server itself, with far-future cache headers
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # public pages and exports read from the replica when REPLICA_DATABASE_URL is set
    "aidtracker.routers.public_reads_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # public pages answer GET and HEAD only: a 405 for anything else, before the CSRF check
    "aidtracker.public_requests.ReadOnlyPublicPagesMiddleware",
    # their SQL stops after PUBLIC_STATEMENT_TIMEOUT seconds: a 503 page rather than a worker held
    "aidtracker.public_requests.StatementTimeoutMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # who made a change, for the history of the record
    "simple_history.middleware.HistoryRequestMiddleware",
    # ?preview=1: staff see drafts on the public pages
    "pledges.review.preview_middleware",
    # last, as django-axes requires: locks out repeated failed logins
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Password guessing: after 5 failed logins for one username from one address, that pair is locked out
# for an hour; the same username from elsewhere still logs in, so nobody can lock an editor out by
# guessing their password. `manage.py axes_reset` unlocks early.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "aidtracker.client_address.client_address"
# How many proxies in front of the app append to X-Forwarded-For: the client's address is read from that
# header only when this says how far to trust it (aidtracker/client_address.py); 0 reads REMOTE_ADDR.
TRUSTED_PROXIES = envint("TRUSTED_PROXIES", 0)

# History is a record of what happened: no reverting to an old version from the admin, which would
# bypass review. Corrections are new changes.
SIMPLE_HISTORY_REVERT_DISABLED = True

ROOT_URLCONF = "aidtracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pledges.figures.reads.synthetic_data",
                "pledges.review.preview_context",
            ],
        },
    },
]

WSGI_APPLICATION = "aidtracker.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
# SQLite rebuilds a table for most schema changes; the project's backend keeps the triggers through it
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "aidtracker.sqlite_backend"
    # tests in memory, as Django's own SQLite backend does by default: said outright because pytest-django
    # (which gives each xdist worker its own test database) recognises only the stock engine's name
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
# A PostgreSQL read replica for the public pages and exports (aidtracker/routers.py); writes, the
# admin and the summaries' upkeep stay on the primary.
if os.environ.get("REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["REPLICA_DATABASE_URL"], conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60"))
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["aidtracker.routers.ReplicaRouter"]

# A public page's or export's SQL statement stops after this many seconds (0: never), and the visitor
# gets a 503 page that says so (aidtracker/public_requests.py). The admin and commands have no limit.
PUBLIC_STATEMENT_TIMEOUT = float(os.environ.get("PUBLIC_STATEMENT_TIMEOUT", "5"))

# Redis when REDIS_URL is set (shared by every app server), memory of each process otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    }
else:
    # the summaries' reads and the public pages (pledges/figures/cache.py): a few thousand entries of a few kB
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}}
# editors' sessions are read from the cache, written through to the database
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# ISO dates in the admin's inputs, British English dates in text (aidtracker/formats/en_GB/formats.py)
FORMAT_MODULE_PATH = ["aidtracker.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# `manage.py collectstatic` writes each file under a content-hashed name, gzipped and brotli'd;
# WhiteNoise serves them. Tests render pages without collecting: tests/conftest.py uses plain storage.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# HTTPS=True when the site is served over HTTPS (directly, or behind a proxy that terminates TLS
# and sets X-Forwarded-Proto: then also TRUST_X_FORWARDED_PROTO=True): redirects plain HTTP and
# sends HSTS. Off by default so a laptop and the test client speak plain HTTP.
HTTPS = envbool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", HTTPS)
if envbool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (aidtracker/csp.py): scripts, styles, images and fonts from this site only; no
# inline script or style attribute anywhere, no plugins, no framing, forms post to this site only.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Scripts never read the session or CSRF cookies (forms carry the token), nor do other sites send them.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
