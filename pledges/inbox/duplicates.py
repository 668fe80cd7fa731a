"""Whether a text was seen before: two outlets rewriting one wire story share most 5-character shingles.

A text's sketch is the 128 smallest hashes of its shingles (bottom-k MinHash): two sketches estimate the
Jaccard similarity of the texts without keeping them side by side. A rewrite of the same story scores
about 0.3 to 0.6, an unrelated story under 0.1. Texts the record cites but the inbox never held are
compared through their citations' quotes: how much of the quoted passages the new text contains.
"""

import hashlib
import re

SKETCH_SIZE = 128
SHINGLE = 5
NEAR_DUPLICATE = 0.3  # Jaccard estimate between two whole texts
QUOTED = 0.6  # share of a source's quoted passages found in the text
RECENT_TEXTS = 500  # the inbox texts a new one is compared with, newest first
RECENT_CITATIONS = 2000  # per kind of citation, for a text with no publication date


def _normalised(text):
    return re.sub(r"\W+", " ", text.casefold()).strip()


def shingles(text):
    text = _normalised(text)
    return {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}


def _hash(shingle):
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def sketch(text):
    """The text's bottom-k MinHash sketch: a sorted list of at most SKETCH_SIZE hashes."""
    return sorted(_hash(shingle) for shingle in shingles(text))[:SKETCH_SIZE]


def similarity(one, other):
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not one or not other:
        return 0.0
    union = sorted(set(one) | set(other))[:SKETCH_SIZE]
    both = set(one) & set(other)
    return sum(1 for value in union if value in both) / len(union)


def contained(quotes, text_shingles):
    """The share of the quotes' shingles that the text holds."""
    quoted = set().union(*(shingles(quote) for quote in quotes)) if quotes else set()
    return len(quoted & text_shingles) / len(quoted) if quoted else 0.0


def source_repeated(text, published=None, exclude=None):
    """The id of the source whose text this one repeats: an earlier inbox text's, else one the record cites.

    Costs a query for the inbox's recent sketches, and those of cited_source_like(); `exclude` is the text's
    own source, when it is in the inbox already.
    """
    from .clean import clean
    from .models import InboxText

    own = sketch(clean(text).body)
    earlier = InboxText.objects.exclude(source_id=exclude).exclude(sketch=[]).order_by("-added_at")
    scored = (
        (similarity(own, other), source_id)
        for source_id, other in earlier.values_list("source_id", "sketch")[:RECENT_TEXTS]
    )
    best = max(scored, default=(0.0, None))
    if best[0] >= NEAR_DUPLICATE:
        return best[1]
    return cited_source_like(text, published, exclude)


def cited_source_like(text, published=None, exclude=None):
    """The id of a source the record cites whose quoted passages this text repeats, or None.

    Costs one query per kind of citation; datasets' row citations and the source `exclude` (the text's own) are
    left out. With a publication date only sources published within a week of it are read; without one, the
    latest RECENT_CITATIONS citations of each kind, so that a large record keeps the check quick.
    """
    import datetime

    from ..models import DeliveryCitation, LineItemCitation, MeetingCitation, PledgeCitation, Source

    quotes = {}
    for model in (PledgeCitation, LineItemCitation, DeliveryCitation, MeetingCitation):
        citations = model.objects.exclude(source__kind=Source.Kind.DATASET).exclude(source_id=exclude)
        if published:
            week = datetime.timedelta(days=7)
            citations = citations.filter(source__published_on__range=(published - week, published + week))
        else:
            citations = citations.order_by("-pk")[:RECENT_CITATIONS]
        for source_id, quote in citations.values_list("source_id", "quote"):
            quotes.setdefault(source_id, set()).add(quote)
    text_shingles = shingles(text)
    scored = [(contained(source_quotes, text_shingles), source_id) for source_id, source_quotes in quotes.items()]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= QUOTED else None
