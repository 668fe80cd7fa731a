"""The Kiel Institute's Ukraine Support Tracker, sheet "Bilateral Assistance, MAIN DATA" (pre-2024 layout).

One row is one item of one package (ID "DEM2"); a package spans several rows and sometimes
several announcement dates. Each (package, date) becomes a pledge, each military row a line
item. The file's messy values become explicit:

- "." and "undisclosed" in numeric columns are unknown (null), never zero;
- text dates become a date with its precision: "until 2/24/2023" is on or before that day,
  "unclear, 04/22" is April 2022, "unspecified" falls back to on or before the retrieval date;
- type spellings ("Weapons and equipment" / "Weapons and Equipment", "Heavy Weapon") fold into one;
- fractional units (36.67 Leopard 1A5) are a share of a jointly funded lot: the line item records
  the co-funders and the lot, and no quantity, since a donor cannot pledge two thirds of a tank;
- the package value "as given by the source" repeats on every row of a package: it goes into
  the pledge's notes, while line items carry Kiel's own per-item estimate in USD;
- Kiel gives no delivery dates: units delivered are dated on or before the retrieval date.
"""

import calendar
import datetime
import re
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

from .. import money
from ..dates import DatePrecision
from ..models import LineItem
from .base import (
    ImportFailed,
    ParsedDelivery,
    ParsedFile,
    ParsedRow,
    check_columns,
    csv_records,
    decode,
    is_unknown,
    is_xlsx,
    parse_decimal,
    whole,
)
from .mapping import fold

LABEL = "Kiel Institute Ukraine Support Tracker main data"
DATASET = {
    "slug": "kiel-ust",
    "name": "Kiel Institute Ukraine Support Tracker",
    "short_name": "Kiel UST",
    "publisher": "Kiel Institute for the World Economy",
    "licence": "Kiel Institute terms of use; cite Trebesch et al., Kiel Working Paper 2218",
    "url": "https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/",
}
SHEET = "Bilateral Assistance, MAIN DATA"

# The columns this importer reads.
REQUIRED = [
    "ID",
    "Countries",
    "Announcement Date",
    "Type of Aid General",
    "Type of Aid Specific",
    "Original Currency",
    "Monetary Value as Given by Source",
    "Items",
    "Type of Item",
    "Sub-type of item",
    "No. of Units",
    "No. of Units Delivered (in-kind military aid)",
    "Value Committed (own estimate, in USD)",
    "retrieved",
]
# The columns it knows and leaves alone: Kiel's working and check columns.
OPTIONAL = [
    "Explanation",
    "Soviet Origin (1)",
    "Unit Price in USD",
    "Value Delivered (own estimate, in USD)",
    "Total ",
    "Converted Value in EUR",
    "Total monetary value delivered in EUR",
    "Official Source",
    "Source of Aid 1",
    "Source of Aid 2",
    "Source of Aid 3",
    "Source of Aid 4",
    "Bilateral loan/grant made through IMF or WB?",
    "Updated/newly added entry",
    "Source for Delivery",
    "Working/debug >>>",
    "Total_value_dummy (1 is first row in the package)",
    "value_source_commitments",
    "value_source_deliveries",
    "MonthCoding2",
    "Month3",
    "BeforeWar4",
    "Ukraine Asked for it dummy (=1)",
    "Heavy_but_undisclosed_commitments",
    "Heavy_but_undisclosed_deliveries",
    "Ammunition_dummy(=1)",
    "Source of item",
    "Sub-type of item.1",
    "Items (short version)",
    "Relative importance(2=very imporant, 1=important, 0=less important)",
    "Official Source Yes/No Dummy",
    "in-kind dummy",
    "dummy_month_check (1=error)",
    "explanation dummy (1=error)",
    "formula_dummy (1=error)",
    "deliveries_more_than_committements (1 = yes)",
    "non EU NATO member",
    "EU",
    "benchmark_check (% of total value)",
    "% difference from the value by the source",
]
FILLER = r"Unnamed: \d+|"

# Sub-types (folded) to categories; the first matching rule wins, then the type of item decides.
SUBTYPE_RULES = [
    (r"ammunition|missile$|^missile|explosive|mine$|^mine|artillery round|ammunition", "ammunition"),
    (r"main battle tank", "tanks"),
    (
        r"infantry fighting|personnel carrier|armored utility|protected patrol|armored reconnaissance"
        r"|armored vehicle|assault gun|armored recovery|vehicle launched bridge",
        "ifv-apc",
    ),
    (r"mlrs", "rocket-artillery"),
    (r"howitzer|mortar|^105mm$|field gun", "artillery"),
    (r"manpads|surface to air|sam\)|anti aircraft|self propelled anti aircraft|anti drone", "air-defence"),
    (r"combat aircraft", "fighter-jets"),
    (r"helicopter", "helicopters"),
    (r"drone", "drones"),
    (r"small arms|anti armor|grenade launcher|anti materiel rifle|recoilless rifle", "small-arms"),
    (r"spare parts|overhaul|repair", "maintenance"),
    (r"^funding$", "funding"),
]
TYPE_RULES = [
    (r"^ammunition", "ammunition"),
    (r"aviation and drones", "drones"),
    (r"light armaments", "small-arms"),
    (r"portable defence system", "air-defence"),
    (r"funding", "funding"),
]
# Categories whose named items are systems (Leopard-2A6); other items stay descriptions ("semi-trailer").
SYSTEM_CATEGORIES = {
    "tanks",
    "ifv-apc",
    "artillery",
    "rocket-artillery",
    "air-defence",
    "fighter-jets",
    "helicopters",
    "drones",
}


def category_for(type_of_aid, type_of_item, subtype):
    if fold(type_of_aid) == "training":
        return "training"
    if "funding" in fold(type_of_aid):
        return "funding"
    if fold(type_of_item).startswith("ammunition"):
        return "ammunition"
    for text, rules in ((fold(subtype), SUBTYPE_RULES), (fold(type_of_item), TYPE_RULES)):
        for pattern, slug in rules:
            if text and re.search(pattern, text):
                return slug
    return "other-equipment"


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def us_date(month, day, year, notes):
    """A date written M/D/YYYY; an impossible day (06/31) becomes the month's last day, with a note."""
    month, day, year = int(month), int(day), int(year)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise
        fixed = month_end(year, month)
        notes.append(f"{month}/{day}/{year} does not exist; read as {fixed:%d %b %Y}")
        return fixed


def parse_date(text):
    """(date, precision, notes) for Kiel's announcement dates; None when the file gives no date."""
    text = (text or "").strip()
    notes = []
    if is_unknown(text) or fold(text) in {"unspecified", "not specified", "unclear"}:
        return None
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?", text):
        return datetime.date(*map(int, match.groups())), DatePrecision.DAY, notes
    if match := re.fullmatch(r"until (\d{1,2})/(\d{1,2})/(\d{4})", text):
        return us_date(*match.groups(), notes), DatePrecision.ON_OR_BEFORE, notes
    if match := re.fullmatch(r"until (\d{1,2})/(\d{4})", text):
        return month_end(int(match[2]), int(match[1])), DatePrecision.ON_OR_BEFORE, notes
    if match := re.fullmatch(r"(?:unclear|not specified), (\d{1,2})/(\d{2}|\d{4})", text):
        year = int(match[2]) + (2000 if len(match[2]) == 2 else 0)
        return datetime.date(year, int(match[1]), 1), DatePrecision.MONTH, notes
    if match := re.fullmatch(r"between \d{1,2}/\d{1,2}/\d{4} and (\d{1,2})/(\d{1,2})/(\d{4})", text):
        return us_date(*match.groups(), notes), DatePrecision.ON_OR_BEFORE, notes
    raise ValueError(f"unreadable announcement date {text!r}")


def parse_retrieved(text):
    match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", (text or "").strip())
    if not match:
        return None
    return datetime.date(int(match[3]), int(match[1]), int(match[2]))


def lot_size(share):
    """The whole lot a fractional share belongs to: 36.67 is a third of 110."""
    for parts in range(2, 7):
        total = share * parts
        if abs(total - total.to_integral_value()) < Decimal("0.02"):
            return int(total.to_integral_value()), parts
    return None, None


# --- reading ------------------------------------------------------------------------------------


def _cell(value):
    """An XLSX cell as the CSV export writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d 00:00:00")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_records(data):
    """(header, [(line, row number, fields)]) from the CSV export or the XLSX workbook."""
    if is_xlsx(data):
        import io

        import openpyxl

        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as reason:  # openpyxl raises many kinds for a damaged file
            raise ImportFailed(f"This XLSX workbook cannot be read ({reason}). Nothing was imported.") from reason
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        if not rows:
            raise ImportFailed(f"The sheet {sheet.title!r} is empty. Nothing was imported.")
        # a published workbook may carry title rows above the header: it is the first row naming "Countries"
        at = next((i for i, row in enumerate(rows[:20]) if "ID" in row and "Countries" in row), 0)
        header = list(rows[at])
        while header and header[-1] == "":
            header.pop()
        # in a sheet, the line a warning names is the row number
        return header, [(number, number, row) for number, row in enumerate(rows[at + 1 :], start=at + 2) if any(row)]
    records = list(csv_records(decode(data)))
    if not records:
        raise ImportFailed("The file is empty. Nothing was imported.")
    header = records[0][1]
    return header, [(line, number, row) for number, (line, row) in enumerate(records[1:], start=2) if any(row)]


def parse(data, file_name="", as_of=None):
    header, records = read_records(data)
    check_columns(LABEL, header, REQUIRED, OPTIONAL, ignored=FILLER)
    index = {name: position for position, name in enumerate(header)}

    def get(row, name):
        position = index[name]
        return row[position].strip() if position < len(row) and row[position] is not None else ""

    records = [(line, number, {name: get(row, name) for name in REQUIRED}) for line, number, row in records]
    retrieved = Counter(parse_retrieved(row["retrieved"]) for _, _, row in records).most_common(1)
    retrieved = retrieved[0][0] if retrieved else None
    retrieved = as_of or retrieved
    parsed = ParsedFile(
        version=f"main data retrieved {retrieved:%Y-%m-%d}" if retrieved else "main data, undated",
        published_on=retrieved,
        rows=[],
        rows_read=len(records),
    )
    if retrieved is None:
        raise ImportFailed("The 'retrieved' column gives no date and none was given (--as-of). Nothing was imported.")

    not_military = Counter(
        row["Type of Aid General"] for _, _, row in records if fold(row["Type of Aid General"]) != "military"
    )
    military = [(line, number, row) for line, number, row in records if fold(row["Type of Aid General"]) == "military"]
    if not_military:
        parsed.skipped += sum(not_military.values())
        kinds = ", ".join(f"{kind or 'blank'} {count}" for kind, count in not_military.most_common())
        parsed.warn(None, f"skipped {sum(not_military.values())} rows that are not military aid ({kinds})")

    rows_per_package = Counter(row["ID"] for _, _, row in military)
    # rows from several donors with the same item and the same fractional figure are one jointly funded lot
    shares = defaultdict(set)
    for _, _, row in military:
        for column in ("No. of Units", "No. of Units Delivered (in-kind military aid)"):
            figure = _number(row[column])
            if figure is not None and whole(figure) is None:
                shares[(fold(row["Items"]), column, row[column])].add(row["Countries"])

    seen = Counter()
    for line, number, row in military:
        try:
            parsed.rows.append(_row(parsed, line, number, row, retrieved, rows_per_package, shares, seen))
        except (ValueError, InvalidOperation) as reason:
            parsed.skipped += 1
            parsed.warn(line, f"skipped: {reason}")
    return parsed


def _number(text):
    try:
        return parse_decimal(text)
    except (InvalidOperation, ValueError):
        return None


def _row(parsed, line, number, row, retrieved, rows_per_package, shares, seen):
    package, donor, item_name = row["ID"], row["Countries"], row["Items"]
    if not package:
        raise ValueError("no package ID")
    notes = []
    when = parse_date(row["Announcement Date"])
    if when is None:
        date, precision = retrieved, DatePrecision.ON_OR_BEFORE
        notes.append(
            f"Kiel gives the date as {row['Announcement Date'] or 'blank'!r}: dated on or before the retrieval date"
        )
        parsed.warn(line, f"no announcement date ({row['Announcement Date']!r}); dated on or before {retrieved}")
    else:
        date, precision, date_notes = when
        notes.extend(date_notes)
        if precision != DatePrecision.DAY:
            notes.append(f"Kiel gives the date as {row['Announcement Date']!r}")
        if date_notes:
            parsed.warn(line, "; ".join(date_notes))
        if date > retrieved:
            parsed.warn(line, f"announcement date {row['Announcement Date']!r} is after the file was retrieved")

    source_value = _number(row["Monetary Value as Given by Source"])
    currency = row["Original Currency"].upper()
    if source_value is not None and source_value >= 0 and re.fullmatch(r"[A-Z]{3}", currency):
        notes.insert(
            0, f"Package value as given by the source: {source_value:,.0f} {currency} (for the whole package {package})"
        )

    category = category_for(row["Type of Aid Specific"], row["Type of Item"], row["Sub-type of item"])
    named = not is_unknown(item_name)
    description = item_name if named else f"package {package}, items not itemised"
    kinds = " / ".join(part for part in (row["Type of Item"], row["Sub-type of item"]) if not is_unknown(part))
    if kinds:
        description = f"{description} ({kinds})"

    fields = {}
    units = parse_decimal(row["No. of Units"])
    delivered = parse_decimal(row["No. of Units Delivered (in-kind military aid)"])
    for figure, label in ((units, "units"), (delivered, "units delivered")):
        if figure is not None and figure < 0:
            raise ValueError(f"negative {label} {figure}")
    quantity = whole(units) or None  # 0 units is no figure
    co_funders = []
    joint = False
    if units is not None and whole(units) is None:
        joint = True
        lot, parts = lot_size(units)
        co_funders = sorted(shares[(fold(item_name), "No. of Units", row["No. of Units"])] - {donor})
        lot_text = f"a jointly funded lot of {lot}" if lot else "a jointly funded lot"
        description = f"{item_name}: share of {lot_text} (Kiel lists {units:.2f} for this donor)"
        parsed.warn(line, f"fractional units {row['No. of Units']}: recorded as a share of {lot_text}, no quantity")

    deliveries = []
    over = False
    if delivered is not None and delivered > 0:
        if whole(delivered) is not None:
            deliveries.append(
                ParsedDelivery(
                    retrieved,
                    DatePrecision.ON_OR_BEFORE,
                    int(delivered),
                    "Kiel UST gives no delivery date: delivered on or before the release was retrieved",
                    bound_by_file_date=True,
                )
            )
            over = quantity is not None and int(delivered) > quantity
            if over:
                parsed.warn(line, f"the source reports {delivered} delivered of {quantity} pledged")
        else:
            joint = True
            co_funders = sorted(
                set(co_funders)
                | shares[
                    (
                        fold(item_name),
                        "No. of Units Delivered (in-kind military aid)",
                        row["No. of Units Delivered (in-kind military aid)"],
                    )
                ]
                - {donor}
            )
            deliveries.append(
                ParsedDelivery(
                    retrieved,
                    DatePrecision.ON_OR_BEFORE,
                    None,
                    f"Kiel lists {delivered} delivered: a share of a jointly funded lot",
                    bound_by_file_date=True,
                )
            )
            parsed.warn(line, f"fractional units delivered {delivered}: recorded as a delivery of a share, no quantity")

    estimate = _number(row["Value Committed (own estimate, in USD)"])
    if estimate is not None and estimate < 0:
        parsed.warn(line, f"negative value estimate {estimate}: left unknown")
        estimate = None
    if estimate is not None:
        fields.update(value=estimate, currency="USD", value_basis=LineItem.ValueBasis.ESTIMATED)
    elif rows_per_package[package] == 1 and source_value is not None and source_value >= 0:
        # a one-row package: the package's value is this item's value
        if currency in money.ISO_4217_CODES:
            fields.update(value=source_value, currency=currency, value_basis=LineItem.ValueBasis.REPORTED)
        else:
            parsed.warn(line, f"currency {currency!r} is not a current ISO 4217 code: value kept in the notes only")

    key = f"{package}|{fold(item_name)}|{row['Announcement Date']}"
    seen[key] += 1
    if seen[key] > 1:
        key = f"{key}#{seen[key]}"
    return ParsedRow(
        line=line,
        key=key[:200],
        donor=donor,
        pledge_key=f"{package}|{row['Announcement Date']}"[:200],
        pledge_title=f"Kiel UST package {package}",
        pledge_date=date,
        pledge_precision=precision,
        pledge_notes=". ".join(notes) + ("." if notes else ""),
        category=category,
        system=item_name if named and category in SYSTEM_CATEGORIES else "",
        description=description,
        quantity=quantity,
        co_funders=co_funders,
        funding_mode=LineItem.FundingMode.JOINT if joint else LineItem.FundingMode.UNKNOWN,
        over_delivery_confirmed=over,
        deliveries=deliveries,
        quote=f"Kiel UST, main data, row {number}, package {package}",
        **fields,
    )
