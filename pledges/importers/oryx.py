"""Oryx, "Answering the call: heavy weaponry supplied to Ukraine", as scraped to CSV.

Oryx lists equipment per supplier with a count and whether delivery is visually or officially
confirmed; it has no dates and no values. Each supplier becomes one pledge dated "on or before"
the day the list was scraped (the file does not say: the importer must be told, --as-of), each
row a line item:

- a count of 0 means "number not stated": the quantity is null, never zero;
- `is_delivered` adds a delivery of the count, on or before the scrape date; an earlier scrape's
  bound is kept when a newer file repeats the same facts, since it stays true and says more;
- parse artefacts ("Ringtausch", "Including", supplier "NONE") are skipped with a warning;
- page sections are sometimes wrong (rocket launchers under towed artillery): names decide first.
"""

import re
from collections import Counter

from ..dates import DatePrecision
from ..models import LineItem
from .base import ParsedDelivery, ParsedFile, ParsedRow
from .mapping import fold
from .reading import BadValue, ImportFailed, check_rows, csv_records, decode, find_columns, split_header

LABEL = "Oryx donated-vehicles list"
DATASET = {
    "slug": "oryx",
    "name": "Oryx: Answering the call, heavy weaponry supplied to Ukraine",
    "short_name": "Oryx",
    "publisher": "Oryx (Stijn Mitzer, Joost Oliemans)",
    "licence": "Oryx blog; scraped list, cite the original page",
    "url": "https://www.oryxspioenkop.com/2022/04/answering-call-heavy-weaponry-supplied.html",
}
REQUIRED = [
    "id",
    "vehicle_name",
    "vehicle_type",
    "supplier",
    "supplier_abbr",
    "recipient",
    "recipient_abbr",
    "count",
    "is_delivered",
    "is_soviet",
    "proof",
]
OPTIONAL = ["year_first_produced"]
RECIPIENT = "Ukraine"
ARTEFACT_NAMES = {"ringtausch", "including"}
# names of a part, not a system: kept as a description
GENERIC_NAMES = {"launcher", "unknown radar system"}

# Names first: the page section a row was scraped from is sometimes wrong.
NAME_RULES = [
    (r"himars|mlrs|mars|bm 21|grad|rm 70|rak sa|apr 40|lru|rocket launcher|apkws", "rocket-artillery"),
    (r"patriot|samp/t|iris t|nasams|hawk|crotale|stinger|gepard|skynex|avenger", "air-defence"),
]
TYPE_RULES = {
    "tanks": "tanks",
    "infantry fighting vehicles": "ifv-apc",
    "armored personnel carriers": "ifv-apc",
    "armored fighting vehicles": "ifv-apc",
    "infantry mobility vehicles": "ifv-apc",
    "mrap vehicles": "ifv-apc",
    "towed artillery": "artillery",
    "self propelled artillery": "artillery",
    "multiple rocket launchers": "rocket-artillery",
    "surface to air missile systems": "air-defence",
    "anti aircraft guns": "air-defence",
    "self propelled anti air guns": "air-defence",
    "radars": "other-equipment",
    "aircraft": "fighter-jets",
    "helicopters": "helicopters",
    "reconnaissance uavs": "drones",
    "unmanned combat aerial vehicles": "drones",
    "cargo drones": "drones",
    "loitering munitions": "drones",
    "anti ship missiles": "ammunition",
    "surface to surface missiles": "ammunition",
    "air to ground weaponry": "ammunition",
}


def category_for(name, section):
    folded = fold(name)
    for pattern, slug in NAME_RULES:
        if re.search(pattern, folded):
            return slug
    return TYPE_RULES.get(fold(section), "other-equipment")


def clean_name(name):
    """Strip the quotes the scrape leaves around and after names ("M1A1 Abrams'", "''Electronic …''")."""
    return re.sub(r"\s+", " ", name.strip().strip("'\"*").strip())


def parse(data, file_name="", as_of=None, encoding=None):
    header, records = split_header(csv_records(decode(data, encoding)))
    columns, ignored = find_columns(LABEL, header, REQUIRED, known=OPTIONAL)
    check_rows(header, records, LABEL)
    if as_of is None:
        raise ImportFailed(
            "An Oryx file carries no date: give the day the list was scraped (--as-of YYYY-MM-DD). "
            "Nothing was imported."
        )
    rows = [(record, {name: record.fields[at] for name, at in columns.items()}) for record in records]
    parsed = ParsedFile(
        version=f"scraped {as_of:%Y-%m-%d}",
        published_on=as_of,
        rows=[],
        rows_read=len(rows),
        donor_column=header[columns["supplier"]],
    )
    if ignored:
        parsed.warn(None, f"ignored {len(ignored)} columns AidTracker does not read: {', '.join(map(repr, ignored))}")
    others = Counter(row["recipient"] for _, row in rows if row["recipient"].strip() != RECIPIENT)
    if others:
        parsed.skipped += sum(others.values())
        listed = ", ".join(f"{name} {count}" for name, count in others.items())
        parsed.warn(None, f"skipped {sum(others.values())} rows for other recipients ({listed})")
    seen = Counter()
    for record, row in rows:
        if row["recipient"].strip() != RECIPIENT:
            continue
        name = clean_name(row["vehicle_name"])
        if fold(name) in ARTEFACT_NAMES:
            parsed.skipped += 1
            parsed.warn(record.line, f"skipped: vehicle name {row['vehicle_name']!r} is a parse artefact, not a system")
            continue
        # the key first: a row that cannot be read still claims its identity, so its stored fact is kept
        key = f"{fold(row['supplier'].strip())}|{fold(row['vehicle_type'].strip())}|{fold(name)}"
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        try:
            parsed.rows.append(_row(parsed, record.line, row, name, key[:200], as_of))
        except BadValue as bad:
            parsed.bad(record, key[:200], bad)
    return parsed


def _row(parsed, line, row, name, key, as_of):
    supplier, section = row["supplier"].strip(), row["vehicle_type"].strip()
    count_text = row["count"].strip()
    if not re.fullmatch(r"\d+(\.0)?", count_text):
        raise BadValue("count", count_text, "is not a whole number")
    count = int(float(count_text)) or None  # 0: Oryx does not state the number
    delivered = row["is_delivered"].strip()
    if delivered not in {"True", "False"}:
        raise BadValue("is_delivered", delivered, "is neither True nor False")
    category = category_for(name, section)
    if TYPE_RULES.get(fold(section)) not in (None, category) and category != "other-equipment":
        parsed.warn(line, f"{name!r} is filed under {section!r}; counted as {category}")
    deliveries = []
    if delivered == "True":
        deliveries.append(
            ParsedDelivery(
                as_of,
                DatePrecision.ON_OR_BEFORE,
                count,
                "Oryx gives no dates: confirmed delivered on or before the day the list was scraped",
                bound_by_file_date=True,
            )
        )
    proof = row["proof"].strip()
    return ParsedRow(
        line=line,
        key=key,
        donor=supplier,
        pledge_key=fold(supplier),
        pledge_title=f"Oryx list: equipment from {supplier}",
        pledge_date=as_of,
        pledge_precision=DatePrecision.ON_OR_BEFORE,
        pledge_notes=f"Oryx gives no dates: dated on or before {as_of:%d %b %Y}, the day this copy was scraped.",
        category=category,
        system="" if fold(name) in GENERIC_NAMES else name,
        description=f"{name} ({section})" + ("" if count else "; number not stated"),
        quantity=count,
        stage=LineItem.Stage.COMMITTED,
        deliveries=deliveries,
        quote=f"Oryx list scraped {as_of:%Y-%m-%d}, line {line}, id {row['id'].strip()}: {name}"
        + (f"; proof {proof}" if proof else ""),
    )
