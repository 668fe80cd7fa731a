"""The article inbox, measured: quality on the labelled set (tests/inbox_set/) and speed on a long text.

    .venv/bin/python benchmarks/inbox.py [--no-held-out]

Builds the record in an in-memory SQLite database (migrations, reference, seed record), then prints recall
and precision per field and overall: the tuning texts, the dev texts, the held-out third, and its texts of
each batch of writing apart (the held-out texts are never used to tune the extractor); the misses and extra
proposals of the tuning and dev texts only; and the time to read a 1,000-word text after start-up. Asserts
nothing. `--no-held-out` leaves the held-out texts unscored, for the rounds of work between two measures.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidtracker.settings")
os.environ["DATABASE_URL"] = "sqlite://:memory:"
os.environ.setdefault("DEBUG", "True")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from pledges.inbox import duplicates  # noqa: E402
from pledges.inbox.extract import extract  # noqa: E402
from pledges.inbox.vocabulary import Vocabulary  # noqa: E402
from tests.inbox_set.labelled import FIELDS, load, score  # noqa: E402


def report(title, result, details=True):
    print(f"\n{title}: {result.labelled} labelled facts, {result.proposed} proposals")
    print(f"  (kind, donor, system or category): recall {result.recall:.2f}, precision {result.precision:.2f}")
    for name in FIELDS:
        right = result.right[name]
        recall = right / result.labelled if result.labelled else 1.0
        precision = right / result.proposed if result.proposed else 1.0
        print(f"  {name:<11} right in {right:>3} found: recall {recall:.2f}, precision {precision:.2f}")
    print(f"  found facts with quantity, value and date all exactly right: {result.exact_share:.2f}")
    print(f"  (kind, donor, category) alone, system aside: recall {result.found_by_category / result.labelled:.2f}")
    if not details:
        # the held-out texts' errors stay unread: reading them would tune the extractor on them
        print(f"  non-facts quoted by a proposal: {len(result.leaked)}")
        return
    print(f"  non-facts quoted by a proposal: {len(result.leaked)} {result.leaked or ''}")
    for name, key in result.misses:
        print(f"  missed  {name}: {key}")
    for name, key in result.extras:
        print(f"  extra   {name}: {key}")


def long_text(texts, words=1000):
    """About `words` words of real-looking article: the labelled texts one after another."""
    parts, count = [], 0
    for labelled in texts * 10:
        parts.append(labelled.text)
        count += len(labelled.text.split())
        if count >= words:
            break
    return "\n".join(parts)


def main():
    call_command("migrate", verbosity=0)
    call_command("loaddata", "reference", "seed_record", verbosity=0)
    texts = load()
    vocabulary = Vocabulary.from_record()
    report("Tuning texts", score([text for text in texts if not (text.held_out or text.dev)], vocabulary))
    report("Dev texts", score([text for text in texts if text.dev], vocabulary), details=False)
    for batch in sorted({text.batch for text in texts if text.dev}):
        report(f"Dev texts of batch {batch}", score([text for text in texts if text.batch == batch], vocabulary))
    if "--no-held-out" in sys.argv:
        return
    held_out = [text for text in texts if text.held_out]
    report("Held-out third", score(held_out, vocabulary), details=False)
    apart = [text for text in held_out if not text.twin_of]
    report("Held-out, without the texts a dev or tuning text tells again", score(apart, vocabulary), details=False)
    for batch in sorted({text.batch for text in held_out}):
        written = [text for text in held_out if text.batch == batch]
        report(f"Held-out texts of batch {batch}", score(written, vocabulary), details=False)
    report("All", score(texts, vocabulary), details=False)

    text = long_text(texts)
    published = texts[0].published
    times = []
    for _ in range(7):
        started = time.perf_counter()
        extract(text, Vocabulary.from_record(), published=published)
        duplicates.source_repeated(text, published)
        times.append(time.perf_counter() - started)
    print(f"\nA {len(text.split())}-word text: read in {statistics.median(times) * 1000:.0f} ms (median of 7,")
    print(f"first {times[0] * 1000:.0f} ms), record names loaded and duplicates checked each time")


if __name__ == "__main__":
    main()
