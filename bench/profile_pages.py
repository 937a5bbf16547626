"""Where a page's time goes: the pages of bench_http.py, each served many times in this process
through Django's WSGI handler (no gunicorn, no network) under cProfile, with the mean time per
request and the functions that took most of it.

    python bench/profile_pages.py [--requests 500] [--only progress] [--top 25]

Same production profile and database as bench_http.py (PostgreSQL ddo_bench_http, recreated;
Redis db 13, flushed).
"""

import argparse
import cProfile
import io
import pstats
import sys
import time

from bench_http import SETTINGS, prepare
from demo_site import manage, production_database


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--only", default="")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="a pstats sort key: cumulative, tottime...")
    parser.add_argument("--dump", default="", help="also save each page's profile as DUMP-<page>.prof (pstats)")
    args = parser.parse_args()
    with production_database("ddo_bench_http", "redis://127.0.0.1:6379/13", **SETTINGS) as env:
        manage(env, "collectstatic", "--noinput", "-v0")
        cookie, pages = prepare()
        from django.core.wsgi import get_wsgi_application
        from django.test.client import RequestFactory

        application = get_wsgi_application()
        for name, path, signed_in, _, _ in pages:
            if args.only and args.only not in name:
                continue
            environ = RequestFactory()._base_environ(PATH_INFO=path, HTTP_HOST="127.0.0.1")
            if signed_in:
                environ["HTTP_COOKIE"] = cookie
            profile(name, application, environ, args)


def profile(name, application, environ, args):
    def serve():
        status = []
        body = application(dict(environ), lambda s, h, *a: status.append(s))
        b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            sys.exit(f"{name}: {status[0]}")

    for _ in range(20):  # warm: templates, connections, cached fragments
        serve()
    started = time.perf_counter()
    for _ in range(args.requests):
        serve()
    plain = (time.perf_counter() - started) / args.requests * 1000
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.requests):
        serve()
    profiler.disable()
    if args.dump:
        profiler.dump_stats(f"{args.dump}-{''.join(c if c.isalnum() else '-' for c in name)}.prof")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(f"\n=== {name}: {plain:.2f} ms per request (without the profiler)")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])


if __name__ == "__main__":
    main()
