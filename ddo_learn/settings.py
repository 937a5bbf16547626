"""Settings for DDO Learn, read from the environment with safe local defaults.

One module serves development, tests and production: production sets
DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and REDIS_URL (and, behind a
reverse proxy, TRUSTED_PROXY_COUNT; for password reset, EMAIL_HOST...).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
# `make classroom` (deploy/classroom.py): production settings on a laptop serving its class over the
# school's Wi-Fi, plain http on the local network, the embedded SQLite and no Redis.
CLASSROOM = env_bool("CLASSROOM", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-change-me"  # noqa: S105 (local development only)

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# `make classroom` (deploy/classroom.py) serves a class from a laptop: its LAN address(es) join the allowed hosts
# (and the live game's join link uses the first when the teacher opened the projector as localhost).
CLASSROOM_ADDRESSES = [a for a in os.environ.get("CLASSROOM_ADDRESSES", "").split(",") if a]
for _address in CLASSROOM_ADDRESSES:
    ALLOWED_HOSTS.append(_address)
    CSRF_TRUSTED_ORIGINS.append(f"http://{_address}:{os.environ.get('CLASSROOM_PORT', '8000')}")

INSTALLED_APPS = [
    # daphne first: its runserver serves ASGI, so `make run` serves the live game's sockets too.
    "daphne",
    # modeltranslation must come before admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "channels",
    "quizzes",
    "lti",
    "live",
]

MIDDLEWARE = [
    # First, so that it sees every cookie of the response before it keeps a page for visitors.
    "quizzes.page_cache.VisitorPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "quizzes.middleware.StrictPathMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages opened from an LTI launch may be framed by that platform, and only by it, with their cookies
    # partitioned to it (lti/framing.py): its response runs after the session's, CSRF's and XFO's.
    "lti.framing.LtiFramingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "quizzes.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "quizzes.middleware.LoginLockoutMiddleware",
    # Last, so that it sees the request as the login views do (axes' lockout flag).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ddo_learn.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "quizzes.context_processors.language_switch",
                "quizzes.context_processors.vocabulary",
                "quizzes.context_processors.account_links",
            ],
        },
    },
]

WSGI_APPLICATION = "ddo_learn.wsgi.application"
# The live game's sockets (live/): daphne processes behind nginx's /ws/ location in production.
ASGI_APPLICATION = "ddo_learn.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A connection kept across requests is checked before reuse: after a database restart
        # each worker reconnects instead of serving one 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A write transaction takes the lock when it begins and waits up to 20 s for it (no "database is
    # locked" when an autosave and a submit meet, or a classroom of 40 submits at once: `make classroom`);
    # WAL lets pages read while one request writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is hashed.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the signed-in user from the shared cache (quizzes/user_cache.py).
    "quizzes.user_cache.CachedUserBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "quizzes:progress"
LOGOUT_REDIRECT_URL = "quizzes:home"

# Interface languages (gettext) and content languages (modeltranslation).
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "tr"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("tr",)
LOCALE_PATHS = [BASE_DIR / "locale"]
FIXTURE_DIRS = [BASE_DIR / "fixtures"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# STATIC_ROOT from the environment: tests/test_classroom_live.py collects into a folder of its own.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The default cache holds counters (rate limits, join-code throttle) that every worker and every
# instance must share: Redis in production (quizzes/checks.py refuses DEBUG=0 without it).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Every cache key starts with this deployment's prefix: two sites (staging and production, two
# schools) on one Redis never read each other's sessions, users, pages or counters.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "ddo-learn")


def redis_url_for_worker(url, worker):
    """Each test starts by emptying the cache (FLUSHDB, tests/conftest.py): under pytest-xdist, worker
    gwN uses Redis database (the given one + N), so that parallel workers never empty each other's."""
    if not url or not worker:
        return url
    parts, offset = urlsplit(url), int(worker.removeprefix("gw"))
    if parts.scheme == "unix":  # unix:///run/redis.sock?db=N
        query = dict(parse_qsl(parts.query))
        query["db"] = str(int(query.get("db", 0)) + offset)
        return f"{url.partition('?')[0]}?{urlencode(query)}"  # urlunsplit would drop the empty host's //
    return urlunsplit(parts._replace(path=f"/{int(parts.path.strip('/') or 0) + offset}"))


REDIS_URL = redis_url_for_worker(REDIS_URL, os.environ.get("PYTEST_XDIST_WORKER"))
CACHES = {
    "default": {"BACKEND": "ddo_learn.cache.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    # A laptop's gunicorn workers share files in a folder of their own.
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CLASSROOM_CACHE_DIR", str(BASE_DIR / ".classroom-cache")),
    }
    if CLASSROOM
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rendered HTML of {% cache %} blocks (a quiz's questions, a result, the menu), kept apart from
    # the throttle counters in "default" so that many fragments never push a counter out.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
for _cache in CACHES.values():
    _cache["KEY_PREFIX"] = CACHE_KEY_PREFIX

# The live game (live/): its channel layer and game state. With Redis, every ASGI process serving a
# game shares both, so one game can be served by several processes (and survive one's death).
# The layer is channels-redis's Pub/Sub one: a message to a game's group is published once and each
# process passes it to its own sockets in memory. (channels-redis's list layer stores a copy per
# socket in Redis, each fetched by a round trip of its own: 1,000 round trips when 25 games open a
# question at once, the broadcast's whole cost in bench/bench_live.py.) A game keeps nothing in the
# layer that must survive: its state and answers are in the store (live/store/), and a phone that
# missed a broadcast finds out from its next ping. Without Redis (`make run`, `make classroom`) one
# process serves every socket with the in-memory layer.
LIVE_REDIS_URL = os.environ.get("LIVE_REDIS_URL", REDIS_URL)
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "CONFIG": {"hosts": [{"address": LIVE_REDIS_URL}], "prefix": f"{CACHE_KEY_PREFIX}:asgi"},
    }
    if LIVE_REDIS_URL
    else {"BACKEND": "channels.layers.InMemoryChannelLayer", "CONFIG": {"capacity": 200, "expiry": 60}}
}

# Sessions: with a shared cache (Redis), read from the cache and written through to the database,
# so a signed-in request costs no session query and a Redis restart signs nobody out.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Anonymous learning pages (quizzes/page_cache.py): how long a process trusts the content version it
# last read before asking the shared cache again; an editor's change reaches other instances at
# most this late (the instance that saved it, at once). 0: ask on every request.
CONTENT_VERSION_SECONDS = float(os.environ.get("CONTENT_VERSION_SECONDS", "0"))

# Requests larger than this are refused with 400 before a view sees them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

# The client's address: REMOTE_ADDR, or, behind N reverse proxies that each append to
# X-Forwarded-For, the address the outermost trusted proxy saw (quizzes/client_ip.py).
# A header a client sends itself is never believed with the default of 0.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Logins (django-axes): failures are stored in the database, which every worker and instance
# shares; a username is locked on one address only, so one pupil's typos never lock out the
# classroom, and a locked-out request is refused before any password check
# (quizzes.middleware.LoginLockoutMiddleware).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
# Wider, against password spraying (a few passwords on every account): failed logins from one
# address across usernames, counted from the same shared rows over the same cool-off, before every
# login from that address is paused. A class of 40 behind one school address who each mistype
# twice is 80 (tests/security/test_password_spraying.py).
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "100"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "quizzes.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "quizzes.views.accounts.locked_out"
AXES_VERBOSE = False

# Rate limits (django-ratelimit, on the default cache): per user, session or address, and a
# wider limit per address (quizzes/ratelimits.py).
RATELIMIT_IP_META_KEY = "quizzes.client_ip.client_ip"
RATELIMIT_VIEW = "quizzes.views.errors.rate_limited"
RATE_LIMITS = {
    "start": os.environ.get("RATE_LIMIT_START", "100/m"),
    "practise": os.environ.get("RATE_LIMIT_PRACTISE", "100/m"),
    "signup": os.environ.get("RATE_LIMIT_SIGNUP", "20/m"),
    "password_reset": os.environ.get("RATE_LIMIT_PASSWORD_RESET", "5/15m"),
    "report_problem": os.environ.get("RATE_LIMIT_REPORT_PROBLEM", "20/h"),
}
RATE_LIMITS_PER_ADDRESS = {
    "start": "1000/m",
    "practise": "1000/m",
    "signup": "200/h",
    "password_reset": "50/h",
    "report_problem": "200/h",
}

# Content-Security-Policy (django-csp): everything from this site, nothing inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# `make classroom` serves pages with gunicorn on CLASSROOM_PORT and the live game's sockets with one daphne
# process on LIVE_SOCKET_PORT (deploy/classroom.py): the pages then open their sockets on that port, which
# the CSP must allow. Elsewhere sockets are on the page's own origin ('self': `make run`, nginx's /ws/).
LIVE_SOCKET_PORT = os.environ.get("LIVE_SOCKET_PORT", "")
if LIVE_SOCKET_PORT:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] += [
        f"ws://{host}:{LIVE_SOCKET_PORT}" for host in ALLOWED_HOSTS if host and not host.startswith(("[", "."))
    ]

# modeltranslation's tabbed admin: jQuery UI from this site (static/vendor/), not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# Email: SMTP when EMAIL_HOST is set; the console in development; otherwise none, and the
# password-reset page says so instead of claiming an email was sent.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
EMAIL_CONFIGURED = bool(EMAIL_HOST) or DEBUG
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "DDO Learn <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (django-tasks, the backport of Django 6.0's tasks): its database backend keeps the
# queue in the app's own database (SQLite on a laptop, PostgreSQL in production), so a task enqueued
# in a transaction commits or rolls back with it, and `manage.py run_worker` runs it (README, "The
# worker"). Closing a timed attempt at its deadline is the first task (quizzes/services/deadlines.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How often the worker sweeps for expired attempts whose own closing task was lost (a safety net).
DEADLINE_SWEEP_SECONDS = int(os.environ.get("DEADLINE_SWEEP_SECONDS", "300"))

# Item-analysis flags (STATISTICS.md); percentages.
ITEM_FLAGS = {
    "too_easy_above": 90,
    "too_hard_below": 20,
    "weak_discrimination_below": 20,
    "min_trusted_count": 10,
    # Facility in English minus facility in Turkish, in points: a translation that gives the answer away or hides it.
    "language_gap_above": 20,
}

if not DEBUG:
    # A classroom laptop has no certificate: plain http on the local network.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not CLASSROOM)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = not CLASSROOM
    CSRF_COOKIE_SECURE = not CLASSROOM
    SECURE_HSTS_SECONDS = 0 if CLASSROOM else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
