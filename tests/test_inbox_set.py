"""The labelled set the inbox is measured on (tests/inbox_set/), and the score it keeps on its tuning texts.

The held-out third is scored by benchmarks/inbox.py only: a test on it would make it a tuning set.
"""

import datetime
import re

import pytest

from pledges.inbox.vocabulary import Vocabulary
from pledges.models import Category, Donor, Meeting, System
from tests.inbox_set.labelled import load, score

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it


@pytest.fixture(scope="module")
def texts():
    return load()


def test_the_set_has_the_seeds_and_twenty_written_texts_a_third_held_out(texts):
    written = [text for text in texts if not text.name.startswith("seed_")]
    assert len(texts) - len(written) == 5 and len(written) >= 20
    # a third of all texts, the dev batch included: dev texts shaped the rules, so they cannot count as kept out;
    # nor can a held-out text telling an announcement that a dev or tuning text tells too
    assert 3 * sum(text.held_out and not text.twin_of for text in texts) >= len(texts)


def test_a_twin_names_a_text_that_shaped_the_rules(texts):
    shaping = {text.name for text in texts if not text.held_out}
    assert all(text.twin_of in shaping for text in texts if text.twin_of)


def test_every_non_fact_is_in_its_text(texts):
    for text in texts:
        for fragment in text.non_facts:
            assert fragment in text.text, (text.name, fragment)


def test_every_label_names_the_record_s_codes_and_dates_at_its_precision(seed_record, texts):
    # a label the record cannot hold would score as a miss whatever the extractor proposed
    donors = set(Donor.objects.values_list("code", flat=True))
    categories = set(Category.objects.values_list("slug", flat=True))
    systems = set(System.objects.values_list("name", flat=True))
    meetings = set(Meeting.objects.values_list("slug", flat=True))
    starts = {"month": {1}, "quarter": {1}, "year": {1}}
    for text in texts:
        for fact in text.facts:
            where = (text.name, fact)
            assert fact["kind"] in ("pledge", "delivery") and fact["donor"] in donors, where
            assert fact["category"] in categories and fact["system"] in systems | {None}, where
            assert fact["meeting"] in meetings | {None} and set(fact["co_funders"]) <= donors, where
            assert (fact["value"] is None) == (fact["currency"] is None), where
            assert fact["value"] is None or re.fullmatch(r"\d+\.\d\d", fact["value"]), where
            date = datetime.date.fromisoformat(fact["date"])
            assert fact["date_precision"] in ("day", "on_or_before", "month", "quarter", "year"), where
            assert date.day in starts.get(fact["date_precision"], {date.day}), where
            assert fact["date_precision"] != "quarter" or date.month in (1, 4, 7, 10), where
            assert fact["date_precision"] != "year" or date.month == 1, where


def test_the_tuning_texts_keep_their_score(seed_record, texts):
    result = score([text for text in texts if not (text.held_out or text.dev)], Vocabulary.from_record())
    assert result.recall >= 0.9 and result.precision >= 0.9, (result.misses, result.extras)
    assert result.exact_share >= 0.8
    assert result.leaked == []


@pytest.mark.parametrize(
    "batch, recall, precision, exact",
    [
        # each dev round was measured before the rules it led to, and read for its kinds of error: dev 0.75 and 0.75,
        # dev2 0.74 and 0.87, dev3 0.50 and 0.66, dev4 0.57 and 0.60 (0.40 and 0.57 with the rules before dev3), dev5
        # 0.71 and 0.77 (0.44 and 0.77 with the rules before dev3), dev6 0.55 and 0.61 (0.38 and 0.52), dev7 0.73 and
        # 0.63 (0.43 and 0.54), dev8 0.71 and 0.63 (0.52 and 0.49), dev9 0.74 and 0.65, dev10 0.49 and 0.54, dev11 0.65
        # and 0.64, dev12 0.54 and 0.64, dev13 0.66 and 0.72, dev14 0.79 and 0.74, dev15 0.75 and 0.66, dev16 0.63 and
        # 0.45, dev17 0.58 and 0.50, dev18 0.54 and 0.55, dev19 0.67 and 0.57, dev20 0.58 and 0.56, dev21 0.89 and
        # 0.64, dev22 0.43 and 0.71, dev23 0.70 and 0.59, dev24 0.51 and 0.51, dev25 0.48 and 0.46, dev26 0.74 and
        # 0.70, dev27 0.75 and 0.67, dev28 0.70 and 0.70, dev29 0.60 and 0.72, dev30 0.76 and 0.73, dev31 0.76 and 0.63,
        # dev32 0.55 and 0.65, dev33 0.62 and 0.68, dev34 0.65 and 0.69, dev35 0.50 and 0.50, dev36 0.44 and 0.52, dev37
        # 0.36 and 0.38, dev38 0.62 and 0.56, dev39 0.35 and 0.30, dev40 0.35 and 0.38, dev41 0.65 and 0.68, dev42
        # 0.50 and 0.56, dev43 0.78 and 0.78, dev44 0.64 and 0.54, dev45 0.34 and 0.55, dev46 0.65 and 0.67, dev47
        # 0.50 and 0.50, dev48 0.73 and 0.88, dev49 0.81 and 0.76, dev50 0.79 and 0.58, dev51 0.69 and 0.65, dev52 0.47
        # and 0.42, dev53 0.76 and 0.56, dev54 0.52 and 0.58, dev55 0.40 and 0.57, dev56 0.71 and 0.56, dev57 0.47 and
        # 0.54, dev58 0.42 and 0.56, dev59 0.75 and 0.90, dev60 0.56 and 0.45, dev61 0.77 and 0.68, dev62 0.64 and 0.78,
        # dev63 0.80 and 0.50, dev64 1.00 and 0.60, dev65 0.45 and 0.63, dev66 0.00 and 0.00 (no rule reached it yet: no
        # floor), dev67 1.00 and 0.83, dev68 0.85 and 0.82, dev69 0.84 and 0.64, dev70 0.62 and 0.67, dev71 0.77 and
        # 0.74, dev72 0.77 and 0.77, dev73 0.74 and 0.76, dev74 0.47 and 0.53, dev75 0.54 and 0.66, dev76 0.31 and 0.44,
        # dev77 0.68 and 0.74, dev78 0.57 and 0.48, dev79 0.65 and 0.71, dev80 0.62 and 0.57,
        # dev81 0.63 and 0.86, dev82 0.42 and 0.31, dev83 0.49 and 0.41, dev84 0.47 and 0.50, dev85 0.53 and 0.40,
        # dev86 0.55 and 0.39, dev87 0.41 and 0.61, dev88 0.39 and 0.47, dev89 0.40 and 0.56, dev90 0.75 and 0.54,
        # dev91 0.52 and 0.48, dev92 0.62 and 0.67, dev93 0.83 and 0.82, dev94 0.40 and 0.70, dev95 0.68 and 0.82,
        # dev96 0.61 and 0.78
        ("dev", 0.9, 0.9, 0.8),
        ("dev2", 0.9, 0.9, 0.8),
        ("dev3", 0.85, 0.85, 0.7),
        ("dev4", 0.75, 0.75, 0.6),
        ("dev5", 0.85, 0.85, 0.7),
        ("dev6", 0.75, 0.75, 0.6),
        ("dev7", 0.8, 0.7, 0.6),
        ("dev8", 0.7, 0.7, 0.7),
        ("dev9", 0.7, 0.6, 0.7),
        ("dev10", 0.65, 0.7, 0.6),
        ("dev11", 0.7, 0.75, 0.6),
        ("dev12", 0.7, 0.8, 0.75),
        ("dev13", 0.7, 0.8, 0.6),
        ("dev14", 0.8, 0.75, 0.75),
        ("dev15", 0.7, 0.7, 0.6),
        ("dev16", 0.6, 0.6, 0.5),
        ("dev17", 0.7, 0.6, 0.5),
        ("dev18", 0.7, 0.7, 0.6),
        ("dev19", 0.85, 0.7, 0.7),
        ("dev20", 0.65, 0.7, 0.9),
        ("dev21", 0.85, 0.7, 0.8),
        ("dev22", 0.35, 0.65, 0.2),
        ("dev23", 0.75, 0.75, 0.3),  # (0.8 until the models of stop 31: "S-300 missiles" took a vague item's place)
        ("dev24", 0.85, 0.85, 0.6),
        ("dev25", 0.7, 0.75, 0.35),
        ("dev26", 0.75, 0.75, 0.7),
        ("dev27", 0.75, 0.8, 0.75),
        ("dev28", 0.75, 0.85, 0.75),
        ("dev29", 0.7, 0.85, 0.85),  # (0.9 until stop 31: Norway's F-16s, found since, are dated by the day read)
        ("dev30", 0.75, 0.7, 0.25),
        ("dev31", 0.75, 0.8, 0.6),
        ("dev32", 0.6, 0.7, 0.5),
        ("dev33", 0.7, 0.85, 0.5),
        ("dev34", 0.7, 0.8, 0.9),
        ("dev35", 0.8, 0.8, 0.85),
        ("dev36", 0.55, 0.7, 0.75),
        ("dev37", 0.6, 0.5, 0.4),
        ("dev38", 0.6, 0.55, 0.85),
        ("dev39", 0.55, 0.5, 0.8),  # (0.9 until stop 34: one more fact found, its value not read)
        ("dev40", 0.45, 0.5, 0.25),
        ("dev41", 0.65, 0.65, 0.15),
        ("dev42", 0.5, 0.55, 0.5),  # (0.55 until stop 45: the SAMP/T found "in Ukraine", its one system not counted)
        ("dev43", 0.75, 0.75, 0.5),
        ("dev44", 0.6, 0.5, 0.7),
        ("dev45", 0.3, 0.5, 0.6),
        ("dev46", 0.6, 0.6, 0.65),
        ("dev47", 0.45, 0.45, 0.6),
        ("dev48", 0.7, 0.85, 0.85),
        ("dev49", 0.75, 0.7, 0.35),
        ("dev50", 0.75, 0.55, 0.8),
        ("dev51", 0.65, 0.6, 0.7),
        ("dev52", 0.75, 0.5, 0.65),
        ("dev53", 0.75, 0.6, 0.8),
        ("dev54", 0.85, 0.9, 0.85),
        ("dev55", 0.75, 0.65, 0.6),  # (exact 0.85 until stop 35: five more funding facts found, dated by the report)
        ("dev56", 0.7, 0.8, 0.85),
        ("dev57", 0.7, 0.8, 0.5),
        ("dev58", 0.7, 0.85, 0.75),
        ("dev59", 0.85, 0.9, 0.9),
        ("dev60", 0.85, 0.9, 0.5),
        ("dev61", 0.8, 0.9, 0.75),
        ("dev62", 0.7, 0.85, 0.7),
        ("dev63", 0.9, 0.8, 0.9),
        ("dev64", 0.8, 0.8, 0.75),
        ("dev65", 0.45, 0.8, 0.4),
        ("dev67", 0.9, 0.8, 0.6),
        ("dev68", 0.9, 0.75, 0.75),
        ("dev69", 0.8, 0.65, 0.6),
        ("dev70", 0.65, 0.75, 0.7),
        ("dev71", 0.8, 0.8, 0.95),
        ("dev72", 0.75, 0.85, 0.75),
        ("dev73", 0.7, 0.8, 0.7),  # (0.75 until stop 48: four more sums found in a speech, dated by its day)
        ("dev74", 0.5, 0.6, 0.3),
        ("dev75", 0.6, 0.65, 0.75),
        ("dev76", 0.45, 0.6, 0.75),
        ("dev77", 0.7, 0.75, 0.7),
        ("dev78", 0.55, 0.5, 0.5),
        ("dev79", 0.65, 0.75, 0.25),
        ("dev80", 0.8, 0.8, 0.8),
        ("dev81", 0.7, 0.95, 0.7),
        ("dev82", 0.65, 0.7, 0.75),
        ("dev83", 0.55, 0.7, 0.7),  # (exact 0.75 until stop 42: one more fact found, its date not read)
        ("dev84", 0.55, 0.6, 0.7),
        ("dev85", 0.8, 0.55, 0.75),
        ("dev86", 0.7, 0.6, 0.7),
        ("dev87", 0.5, 0.65, 0.3),
        ("dev88", 0.55, 0.55, 0.3),
        ("dev89", 0.55, 0.65, 0.7),
        ("dev90", 0.8, 0.65, 0.85),
        ("dev91", 0.55, 0.55, 0.9),
        ("dev92", 0.6, 0.65, 0.75),
        ("dev93", 0.8, 0.8, 0.85),
        ("dev94", 0.65, 0.85, 0.7),
        ("dev95", 0.7, 0.85, 0.65),
        ("dev96", 0.7, 0.8, 0.7),
        ("dev97", 0.6, 0.75, 0.6),  # (0.65 until stop 47: a question's premise read, its handovers dated when told)
        ("dev98", 0.75, 0.75, 0.75),
        ("dev99", 0.75, 0.7, 0.8),
        ("dev100", 0.9, 0.8, 0.7),
        ("dev101", 0.65, 0.8, 0.9),
    ],
)
def test_the_dev_texts_keep_their_score(seed_record, texts, batch, recall, precision, exact):
    result = score([text for text in texts if text.batch == batch], Vocabulary.from_record())
    assert result.recall >= recall and result.precision >= precision, (result.misses, result.extras)
    assert result.exact_share >= exact
