"""SIPRI Arms Transfers Database, trade register export (CSV).

The export starts with a preamble (its last line says when the data was generated), is
Latin-1 when it comes from SIPRI and UTF-8 when re-encoded, and has three unnamed "?" columns
beside year of order, number ordered and number delivered. SIPRI counts arms, not money:
line items carry no value (the trend-indicator values, TIV, are a volume index, kept in the
description). Each (supplier, year of order) becomes a pledge dated to the year; each row a
line item:

- an empty "Number ordered" is not yet known (null); "?" sets the uncertainty flag;
- "2022; 2023" delivery years: SIPRI gives no split per year, so the units delivered are one
  delivery on or before the end of the last year, with the years in its notes;
- the financier appears only in the comments ("financed by Denmark"): it becomes a co-funder.
"""

import csv
import datetime
import io
import re
from collections import Counter

from ..dates import DatePrecision
from ..models import LineItem
from .base import ParsedDelivery, ParsedFile, ParsedRow
from .mapping import DONOR_ADJECTIVES, DONOR_SPELLINGS, fold
from .reading import BadValue, ImportFailed, check_rows, csv_records, decode, find_columns, split_header

LABEL = "SIPRI trade register"
DATASET = {
    "slug": "sipri",
    "name": "SIPRI Arms Transfers Database",
    "short_name": "SIPRI",
    "publisher": "Stockholm International Peace Research Institute",
    "licence": "© SIPRI; SIPRI terms of use",
    "url": "https://www.sipri.org/databases/armstransfers",
}
# "?" marks the uncertain figure in the unnamed column after it
HEADER = [
    "Recipient",
    "Supplier",
    "Year of order",
    "?year",
    "Number ordered",
    "?ordered",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    "?delivered",
    "Year(s) of delivery",
    "status",
    "Comments",
    "SIPRI TIV per unit",
    "SIPRI TIV for total order",
    "SIPRI TIV of delivered weapons",
]
RECIPIENT = "Ukraine"

# Weapon descriptions (folded) to categories; first match wins.
DESCRIPTION_RULES = [
    # munitions first: a bare "SAM" is the missiles (a launcher is a "SAM system"), never the launcher
    (r"missile|rocket$|guided (bomb|glide bomb|shell|rocket)|loitering munition|^sam$|^aam$", "ammunition"),
    (r"^tank$", "tanks"),
    (r"multiple rocket launcher", "rocket-artillery"),
    (r"sam|anti aircraft|air search|abm", "air-defence"),
    (r"self propelled (gun|mortar)|towed gun|mortar", "artillery"),
    (r"infantry fighting|apc|armoured (car|reconnaissance|supply)", "ifv-apc"),
    (r"fga aircraft|fighter|ground attack|trainer/combat", "fighter-jets"),
    (r"helicopter", "helicopters"),
    (r"uav|drone", "drones"),
]


def category_for(description):
    text = fold(description)
    for pattern, slug in DESCRIPTION_RULES:
        if re.search(pattern, text):
            return slug
    return "other-equipment"


def financier_names(comment):
    """Donor names or codes a comment gives after 'financed by'."""
    found = []
    for match in re.finditer(r"financed by ([^;()]*)", comment or "", flags=re.IGNORECASE):
        # "financed by Denmark as aid after 2022 Russian invasion of Ukraine": the financier comes before "as aid"
        phrase = re.split(r"\b(?:as aid|after|for|were|rest)\b", match.group(1))[0]
        for word in re.findall(r"[A-Za-z]+", phrase):
            folded = fold(word)
            code = DONOR_ADJECTIVES.get(folded) or DONOR_SPELLINGS.get(folded)
            name = code or (word if word[:1].isupper() and len(word) > 3 and folded not in {"aid", "rest"} else None)
            if name and name not in found:
                found.append(name)
    return found


def _count(row, column):
    text = row[column].strip()
    if text == "":
        return None
    if not re.fullmatch(r"\d+", text):
        raise BadValue(column, text, "is not a whole number")
    return int(text) or None


def parse(data, file_name="", as_of=None, encoding=None):
    text = decode(data, encoding)
    lines = text.splitlines()
    header_at = next((i for i, line in enumerate(lines[:40]) if line.startswith("Recipient,Supplier")), None)
    if header_at is None:
        first = next(csv.reader(io.StringIO(lines[0] if lines else "")), [])
        find_columns(LABEL, first, [name for name in HEADER if not name.startswith("?")])
        raise ImportFailed("No SIPRI header line found. Nothing was imported.")
    generated = None
    for line in lines[:header_at]:
        if match := re.match(r"Data generated: (\d{1,2} \w{3} \d{4})", line.strip()):
            generated = datetime.datetime.strptime(match[1], "%d %b %Y").date()
    generated = as_of or generated
    header, records = split_header(csv_records(text, skip_lines=header_at))
    named = [name.strip() for name in header]
    expected = [name if not name.startswith("?") else "" for name in HEADER]
    if named != expected:
        find_columns(LABEL, named, [name for name in expected if name])
        raise ImportFailed(
            f"The SIPRI columns are in another order than {', '.join(name or '?' for name in expected)}. "
            "Nothing was imported."
        )
    check_rows(header, records, LABEL)
    rows = [(record, dict(zip(HEADER, record.fields, strict=True))) for record in records]
    parsed = ParsedFile(
        version=f"trade register generated {generated:%Y-%m-%d}" if generated else "trade register, undated",
        published_on=generated,
        rows=[],
        rows_read=len(rows),
        donor_column="Supplier",
    )
    others = Counter(row["Recipient"] for _, row in rows if row["Recipient"].strip() != RECIPIENT)
    if others:
        parsed.skipped += sum(others.values())
        parsed.warn(None, f"skipped {sum(others.values())} rows for other recipients ({', '.join(others)})")
    seen = Counter()
    for record, row in rows:
        if row["Recipient"].strip() != RECIPIENT:
            continue
        # the key first: a row that cannot be read still claims its identity, so its stored fact is kept
        parts = (row["Supplier"], row["Year of order"], row["Weapon designation"], row["Weapon description"])
        key = "|".join(fold(part.strip()) for part in parts)
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        try:
            parsed.rows.append(_row(parsed, record.line, row, key[:200], generated))
        except BadValue as bad:
            parsed.bad(record, key[:200], bad)
    return parsed


def _row(parsed, line, row, key, generated):
    supplier = row["Supplier"].strip()
    year_text = row["Year of order"].strip()
    if not re.fullmatch(r"\d{4}", year_text):
        raise BadValue("Year of order", year_text, "is not a year")
    year = int(year_text)
    year_uncertain = row["?year"].strip() == "?"
    ordered = _count(row, "Number ordered")
    delivered = _count(row, "Number delivered")
    designation, description = row["Weapon designation"].strip(), row["Weapon description"].strip()
    years = sorted({int(y) for y in re.findall(r"\d{4}", row["Year(s) of delivery"])})
    deliveries = []
    if delivered:
        if not years:
            column = "Year(s) of delivery"
            raise BadValue(column, row[column], f"gives no year for the {delivered} delivered")
        if years[0] < year:
            parsed.warn(line, f"delivered in {years[0]}, before the order year {year}: dated from the order year")
            years = [max(y, year) for y in years]
        if len(years) == 1:
            date, precision, notes = datetime.date(years[0], 1, 1), DatePrecision.YEAR, ""
        else:
            date, precision = datetime.date(years[-1], 12, 31), DatePrecision.ON_OR_BEFORE
            notes = f"SIPRI: delivered in {row['Year(s) of delivery'].strip()}, without a split per year"
        deliveries.append(ParsedDelivery(date, precision, delivered, notes, row["?delivered"].strip() == "?"))
    over = ordered is not None and delivered is not None and delivered > ordered
    if over:
        parsed.warn(line, f"SIPRI reports {delivered} delivered of {ordered} ordered")
    tiv = ", ".join(
        f"{label} {row[column].strip()}"
        for label, column in (
            ("per unit", "SIPRI TIV per unit"),
            ("order", "SIPRI TIV for total order"),
            ("delivered", "SIPRI TIV of delivered weapons"),
        )
        if row[column].strip()
    )
    text = f"{description}, {row['status'].strip().lower()}"
    if tiv:
        text += f"; SIPRI TIV (millions) {tiv}"
    if row["Comments"].strip():
        text += f". {row['Comments'].strip()}"
    co_funders = [name for name in financier_names(row["Comments"]) if fold(name) != fold(supplier)]
    generated_text = f" (generated {generated:%Y-%m-%d})" if generated else ""
    return ParsedRow(
        line=line,
        key=key,
        donor=supplier,
        pledge_key=f"{fold(supplier)}|{year}|{'?' if year_uncertain else ''}",
        pledge_title=f"SIPRI register: orders from {supplier} in {year}{' (year uncertain)' if year_uncertain else ''}",
        pledge_date=datetime.date(year, 1, 1),
        pledge_precision=DatePrecision.YEAR,
        date_uncertain=year_uncertain,
        pledge_notes="SIPRI dates orders to the year; figures are units of major conventional arms, not money.",
        category=category_for(description),
        system=designation,
        description=text,
        quantity=ordered,
        quantity_uncertain=row["?ordered"].strip() == "?",
        stage=LineItem.Stage.COMMITTED,
        co_funders=co_funders,
        funding_mode=LineItem.FundingMode.JOINT if co_funders else LineItem.FundingMode.UNKNOWN,
        over_delivery_confirmed=over,
        deliveries=deliveries,
        quote=f"SIPRI trade register{generated_text}, line {line}: {supplier}, {designation}, ordered {year}",
    )
