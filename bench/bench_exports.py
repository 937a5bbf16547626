"""How long exporting a topic's whole question bank takes, in both languages, in each format, and its peak memory.

    .venv/bin/python bench/bench_exports.py [--repeat 5] [--variants 1]

Loads the fixture content into a throwaway SQLite database (BENCH_USE_DATABASE=1: the database
DATABASE_URL points at), then for each topic and format times what the download does: read the
content, rebuild every question key of the topic (``--variants`` draws each), and write the file
with both languages. The goal (DESIGN.md, "Budgets"): under 1 s per format. Peak memory is
tracemalloc's for one export, in a run of its own (tracing slows the code it watches).
"""

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_generation import setup_django  # noqa: E402

GOAL_SECONDS = 1.0


def export_bank(topic, fmt, variants):
    from quizzes.interchange import FORMATS, Export
    from quizzes.reports.questions import bank_questions

    entries, version = bank_questions(topic, variants)
    data = FORMATS[fmt].write(Export(topic, entries, "both", "span", version))
    return len(entries), len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--variants", type=int, default=1)
    args = parser.parse_args()
    setup_django()

    from quizzes.generation import TOPICS
    from quizzes.interchange import FORMATS

    print(f"Whole bank per topic, both languages, {args.variants} variant(s), best and median of {args.repeat}")
    print(f"{'topic':<12} {'format':<7} {'questions':>9} {'bytes':>10} {'best s':>7} {'median s':>8} {'peak MiB':>8}")
    worst = 0.0
    for topic in TOPICS:
        for fmt in FORMATS:
            export_bank(topic, fmt, args.variants)  # warm up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                count, size = export_bank(topic, fmt, args.variants)
                times.append(time.perf_counter() - started)
            tracemalloc.start()
            export_bank(topic, fmt, args.variants)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            median = statistics.median(times)
            worst = max(worst, median)
            print(f"{topic:<12} {fmt:<7} {count:>9} {size:>10} {min(times):>7.3f} {median:>8.3f} {peak:>8.1f}")
    verdict = "within" if worst < GOAL_SECONDS else "OVER"
    print(f"slowest median {worst:.3f} s: {verdict} the {GOAL_SECONDS:.0f} s goal")


if __name__ == "__main__":
    main()
