"""Settings for bench_http.py: the product's settings plus one bare view to compare against."""

from ddo_learn.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
