"""The article inbox's labelled set: texts with the facts a careful editor takes from them.

Each NAME.json holds the publication date and publisher, `held_out` (kept out of tuning the extractor:
scored apart), `batch` (the round of writing, 1 when absent: a round's held-out texts were written before
the extractor was tuned on its tuning texts, and are scored apart too; "dev" for texts written to preview
held-out behaviour, measured before any change made for them and scored apart from the tuning texts; "dev2" the
second such round, and so on), `twin_of` (a held-out text whose announcement a tuning or dev text also tells: scored
apart, since rules shaped on its twin may have learnt it), the
facts and fragments of the non-facts that must yield no proposal. The text is NAME.txt beside it, written for
this set from the facts of real announcements, or, for the seeds, the article in ../shared/seeds/ (read in
place, never copied).

How facts are labelled, in every text alike (the score pairs a fact with a proposal of the same kind, donor and
system, or category when the record has no system for it):
- one fact per item a list or sentence gives: "155mm and 105mm artillery rounds" is one item, "munitions for
  Patriot, ammunition for HIMARS" two; munitions for a system are ammunition with no system, as the importers
  record them; a name fitting several of the record's systems ("Leopard 2") leaves the system to the editor;
- a package's value is no item's unless the package is that one item; a package told only by its sum ("a $425
  million package") is other equipment of that value; a total of several donors, or since the war began, is a
  non-fact;
- "about", "nearly", "more than" and "up to" N are recorded as N (the editor notes the hedge);
- a pledge restated without a date of its own was made on or before the report; a handover reported without
  one, on or before the report too;
- a non-fact fragment comes from a sentence that states no fact: a proposal quotes its whole sentence;
- money paid into a pool that buys for Ukraine (PURL, a trust fund, the capability coalitions) is the payer's
  funding, and what the pool buys is no fact of it, unless the money is earmarked for named things ("to buy
  drones"); shoulder-fired missiles (Stinger, Mistral, Piorun) are air defence, anti-tank weapons (Javelin, NLAW,
  M72) small arms. (Rounds from dev17 on were written to these two rules; a few older texts label otherwise.)
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

HERE = Path(__file__).resolve().parent
# ../shared beside the checkout; a git worktree sits one level deeper (wt/NAME)
SEEDS = next(
    (
        place / "shared" / "seeds"
        for place in (settings.BASE_DIR.parent, settings.BASE_DIR.parent.parent)
        if (place / "shared" / "seeds").is_dir()
    ),
    settings.BASE_DIR.parent / "shared" / "seeds",
)
FIELDS = ["quantity", "value", "date", "meeting", "co_funders"]


@dataclass
class Labelled:
    name: str
    text: str
    published: datetime.date | None
    publisher: str
    held_out: bool
    facts: list
    non_facts: list
    batch: int | str = 1  # a round's number, or "dev", "dev2": a round of dev texts
    twin_of: str = ""  # the tuning or dev text that tells the same announcement

    @property
    def dev(self):
        return str(self.batch).startswith("dev")


def load():
    texts = []
    for path in sorted(HERE.glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        source = SEEDS / label["seed"] if "seed" in label else path.with_suffix(".txt")
        published = datetime.date.fromisoformat(label["published"]) if label.get("published") else None
        texts.append(
            Labelled(
                path.stem,
                source.read_text(encoding="utf-8"),
                published,
                label.get("publisher", ""),
                label["held_out"],
                label["facts"],
                label["non_facts"],
                label.get("batch", 1),
                label.get("twin_of", ""),
            )
        )
    return texts


def key(fact):
    return (fact["kind"], fact["donor"], fact["system"] or fact["category"])


def field_right(name, expected, proposed):
    if name == "value":
        return expected["value"] == proposed["value"] and expected["currency"] == proposed["currency"]
    if name == "date":
        return expected["date"] == proposed["date"] and expected["date_precision"] == proposed["date_precision"]
    if name == "co_funders":
        return sorted(expected["co_funders"]) == sorted(proposed["co_funders"])
    return expected[name] == proposed[name]


@dataclass
class Score:
    labelled: int = 0
    proposed: int = 0
    found: int = 0
    right: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    all_three_right: int = 0  # quantity, value and date together
    leaked: list = field(default_factory=list)  # (text, non-fact fragment) that a proposal quotes
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    # facts paired by kind, donor and category alone: the share of misses that only name the item more or less
    # finely than the label (a system where the label has its category, or the other way round)
    found_by_category: int = 0

    def add(self, name, facts, proposals, non_facts):
        """Pair each labelled fact with a proposal of the same kind, donor and system (or category)."""
        self.labelled += len(facts)
        self.proposed += len(proposals)
        unmatched = list(proposals)
        by_category = list(proposals)
        for fact in facts:
            alike = [
                p
                for p in by_category
                if (p["kind"], p["donor"], p["category"]) == (fact["kind"], fact["donor"], fact["category"])
            ]
            if alike:
                by_category.remove(alike[0])
                self.found_by_category += 1
        for fact in facts:
            candidates = [proposal for proposal in unmatched if key(proposal) == key(fact)]
            if not candidates:
                self.misses.append((name, key(fact)))
                continue
            best = max(candidates, key=lambda proposal: sum(field_right(f, fact, proposal) for f in FIELDS))
            unmatched.remove(best)
            self.found += 1
            for name_of_field in FIELDS:
                self.right[name_of_field] += field_right(name_of_field, fact, best)
            self.all_three_right += all(field_right(f, fact, best) for f in ("quantity", "value", "date"))
        self.extras += [(name, key(proposal)) for proposal in unmatched]
        for fragment in non_facts:
            if any(fragment in proposal["quote"] for proposal in proposals):
                self.leaked.append((name, fragment))

    @property
    def recall(self):
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def precision(self):
        return self.found / self.proposed if self.proposed else 1.0

    @property
    def exact_share(self):
        """Of the facts found, the share with quantity, value and date all exactly right."""
        return self.all_three_right / self.found if self.found else 0.0


def score(texts, vocabulary):
    from pledges.inbox.extract import extract

    result = Score()
    for labelled in texts:
        extraction = extract(labelled.text, vocabulary, published=labelled.published, publisher=labelled.publisher)
        proposals = [proposal.as_json() for proposal in extraction.proposals]
        result.add(labelled.name, labelled.facts, proposals, labelled.non_facts)
    return result
