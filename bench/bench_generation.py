"""How long generating a quiz takes, and how many distinct questions the content gives.

    .venv/bin/python bench/bench_generation.py [--seeds 1000] [--length 20] [--topic mixed]

Loads the fixture content (fixtures/content.json) into a throwaway SQLite
database, reads it with ``load_content()`` once, then times ``generate_quiz``
alone (the pure part) over many seeds. Set BENCH_USE_DATABASE=1 to read the
content from the database DATABASE_URL points at instead.

Wall-clock times include the moments the system gives the CPU to other
processes, so on a busy machine their tail (p95, max) grows with the load;
the CPU times beside them count only this process's work and stay comparable.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")
    temporary = None
    if not os.environ.get("BENCH_USE_DATABASE"):
        temporary = tempfile.mkdtemp(prefix="bench-generation-")
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary}/bench.sqlite3"
    import django

    django.setup()
    if temporary:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("loaddata", "content", verbosity=0)


def p95(ordered):
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=1000)
    parser.add_argument("--length", type=int, default=20)
    parser.add_argument("--topic", default="mixed")
    args = parser.parse_args()
    setup_django()

    from quizzes.content import load_content
    from quizzes.generation import QuizSettings, all_question_keys, generate_quiz

    content = load_content()
    settings = QuizSettings(topic=args.topic, length=args.length)
    generate_quiz(content, settings, 0)  # warm up
    times, cpu_times, lengths = [], [], []
    for seed in range(args.seeds):
        start, cpu_start = time.perf_counter(), time.process_time()
        questions = generate_quiz(content, settings, seed)
        times.append((time.perf_counter() - start) * 1000)
        cpu_times.append((time.process_time() - cpu_start) * 1000)
        lengths.append(len(questions))
    times.sort()
    cpu_times.sort()
    print(
        f"content: {len(content.departments)} departments, {len(content.duties)} duties, "
        f"{len(content.events)} events, {len(content.terms)} terms, {len(content.decoys)} decoys, "
        f"{len(content.organisations)} organisations"
    )
    print(f"generate_quiz, {args.length}-question {args.topic} quiz over {args.seeds} seeds:")
    print(f"  median {statistics.median(times):.2f} ms (CPU {statistics.median(cpu_times):.2f} ms)")
    print(f"  p95    {p95(times):.2f} ms (CPU {p95(cpu_times):.2f} ms)")
    print(f"  max    {times[-1]:.2f} ms (CPU {cpu_times[-1]:.2f} ms)")
    print(f"  questions per quiz: min {min(lengths)}, max {max(lengths)}")
    print("distinct question keys per topic:")
    keys = all_question_keys(content)
    for topic, found in keys.items():
        print(f"  {topic:<12} {len(found)}")
    print(f"  {'total':<12} {sum(len(found) for found in keys.values())}")


if __name__ == "__main__":
    main()
