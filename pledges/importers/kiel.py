"""The Kiel Institute's Ukraine Support Tracker, sheet "Bilateral Assistance, MAIN DATA", any layout since 2022.

Columns are found by name however a release spells them (RENAMINGS lists the other names known);
columns AidTracker does not read are listed in the report and left alone.

One row is one item of one package (ID "DEM2"); a package spans several rows and sometimes
several announcement dates. Each (package, date) becomes a pledge, each military row a line
item. The file's messy values become explicit:

- "." and "undisclosed" in numeric columns are unknown (null), never zero; so are words such as
  "dozens" or "partially" (delivered, number unknown), with a note on the line item naming them;
  any other text in a number column fails its row (base.BadRows);
- "a/b/yyyy" dates are month or day first as the release's unambiguous dates show (said in the report);
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
from decimal import Decimal

from .. import money
from ..dates import DatePrecision
from ..models import LineItem
from .base import ParsedDelivery, ParsedFile, ParsedRow, is_unknown, parse_decimal, whole
from .mapping import fold
from .reading import (
    BadValue,
    ImportFailed,
    Record,
    check_rows,
    csv_records,
    decode,
    find_columns,
    normalised,
    split_header,
)

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
DELIVERED = "No. of Units Delivered (in-kind military aid)"
# read when the release has it, to check a row's figures against each other
UNIT_PRICE = "Unit Price in USD"
# units × unit price this many times the package's reported value: a figure is wrong somewhere
IMPLAUSIBLE_RATIO = 10
ESTIMATE = "Value Committed (own estimate, in USD)"
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
# Other names for the columns read, matched like the names above (case, spacing and punctuation
# ignored, see reading.find_columns): releases and researchers' copies rename columns; add a name here
# when a release is refused for a column it has under another name.
RENAMINGS = {
    "Countries": ["Country", "Donor"],
    "Announcement Date": ["Date of announcement"],
    "Type of Aid General": ["Aid type general", "Type of aid (general)"],
    "Type of Aid Specific": ["Aid type specific", "Type of aid (specific)"],
    "Original Currency": ["Currency", "Reporting currency"],
    "Monetary Value as Given by Source": ["Value as given by source", "Source reported value"],
    "Items": ["Item"],
    "Type of Item": ["Item type"],
    "Sub-type of item": ["Item subtype"],
    "No. of Units": ["Number of units", "Quantity"],
    DELIVERED: ["No. of Units Delivered", "Number of units delivered", "Quantity delivered"],
    ESTIMATE: ["Value committed (own estimate, USD)", "Value committed (USD, own estimate)"],
    "retrieved": ["Retrieved on", "Date retrieved"],
}
FILLER = r"Unnamed: \d+"

# Words Kiel writes in a number column (folded): a figure exists but is not given, so it is unknown, never zero
VAGUE_FIGURES = {"dozens", "hundreds", "thousands", "several", "some", "a few", "many", "partially", "partly"}

# Sub-types (folded) to categories; the first matching rule wins, then the type of item decides.
SUBTYPE_RULES = [
    # munitions first: "Surface-to-air missile (SAM)" is the missiles, "... (SAM) system" the launcher
    (r"ammunition|missile$|^missile|missile \(sam\)$|explosive|mine$|^mine|artillery round", "ammunition"),
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


# how a release writes "a/b/yyyy": the first number is the month (the 2024 extract: "until 2/24/2023") or the day
MONTH_FIRST, DAY_FIRST = "month first (M/D/YYYY)", "day first (D/M/YYYY)"
SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def date_convention(texts):
    """(convention, the date that shows it or None): the one the release's unambiguous dates follow.

    A release writes all its dates one way; only a number above 12 tells which. When its dates show both
    ways, the more frequent wins and the others fail as rows no convention reads.
    """
    shown = {MONTH_FIRST: [], DAY_FIRST: []}
    for text in texts:
        for first, second, _year in SLASHED.findall(text):
            if int(first) > 12 >= int(second):
                shown[DAY_FIRST].append(text)
            elif int(second) > 12 >= int(first):
                shown[MONTH_FIRST].append(text)
    if len(shown[DAY_FIRST]) > len(shown[MONTH_FIRST]):
        return DAY_FIRST, shown[DAY_FIRST][0]
    return MONTH_FIRST, (shown[MONTH_FIRST] or [None])[0]


def slashed_date(first, second, year, convention, notes):
    """A date written a/b/yyyy in the release's convention; an impossible day (6/31) becomes the month's last."""
    month, day = (int(first), int(second)) if convention == MONTH_FIRST else (int(second), int(first))
    year = int(year)
    if not 1 <= month <= 12:
        raise ValueError(f"has no month {month}: this release writes dates {convention}")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        fixed = month_end(year, month)
        notes.append(f"{first}/{second}/{year} does not exist; read as {fixed:%d %b %Y}")
        return fixed


def parse_date(text, convention=MONTH_FIRST):
    """(date, precision, notes) for Kiel's announcement dates; None when the file gives no date."""
    text = (text or "").strip()
    notes = []
    if is_unknown(text) or fold(text) in {"unspecified", "not specified", "unclear"}:
        return None
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?", text):
        return datetime.date(*map(int, match.groups())), DatePrecision.DAY, notes
    if match := re.fullmatch(r"until (\d{1,2})/(\d{1,2})/(\d{4})", text):
        return slashed_date(*match.groups(), convention, notes), DatePrecision.ON_OR_BEFORE, notes
    if match := re.fullmatch(r"until (\d{1,2})/(\d{4})", text):
        return month_end(int(match[2]), int(match[1])), DatePrecision.ON_OR_BEFORE, notes
    if match := re.fullmatch(r"(?:unclear|not specified), (\d{1,2})/(\d{2}|\d{4})", text):
        year = int(match[2]) + (2000 if len(match[2]) == 2 else 0)
        return datetime.date(year, int(match[1]), 1), DatePrecision.MONTH, notes
    if match := re.fullmatch(r"between \d{1,2}/\d{1,2}/\d{4} and (\d{1,2})/(\d{1,2})/(\d{4})", text):
        return slashed_date(*match.groups(), convention, notes), DatePrecision.ON_OR_BEFORE, notes
    raise ValueError("is not a date in any form Kiel writes")


def parse_retrieved(text, convention=MONTH_FIRST):
    match = SLASHED.match((text or "").strip())
    if not match:
        return None
    try:
        return slashed_date(*match.groups(), convention, [])
    except ValueError:
        return None


def _implausible(row, units, package_value, currency, date, one_row):
    """Why units × unit price cannot be right beside the value the source reports for the whole package, or ''.

    An item cannot cost more than its whole package; a package of one row should cost about its value.
    """
    price = _number(row.get(UNIT_PRICE, ""))
    if not (units and price and package_value) or currency not in money.ISO_4217_CODES:
        return ""
    try:
        computed = money.to_eur(units * price, "USD", date).value_eur
        reported = money.to_eur(package_value, currency, date).value_eur
    except money.NoRate:
        return ""
    if not reported or not computed:
        return ""
    ratio = computed / reported
    if ratio <= IMPLAUSIBLE_RATIO and (not one_row or ratio >= 1 / IMPLAUSIBLE_RATIO):
        return ""
    how = f"{ratio:,.0f} times" if ratio > 1 else f"a {1 / ratio:,.0f}th of"
    return (
        f"{units:,f} units × {price:,.0f} USD = {units * price:,.0f} USD, {how} the {package_value:,.0f}"
        f" {currency} the source reports for the whole package {row['ID']}"
    )


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


def is_xlsx(data):
    return data[:4] == b"PK\x03\x04"


def read_records(data, encoding=None):
    """(header, [Record], whether records have the header's length) from the CSV export or the XLSX workbook."""
    if not is_xlsx(data):
        return *split_header(csv_records(decode(data, encoding))), True
    import io

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as reason:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed(f"This XLSX workbook cannot be read ({reason}). Nothing was imported.") from reason
    sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
    rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    # a published workbook may carry title rows above the header: it is the first row naming the ID and donor
    at = next((i for i, row in enumerate(rows[:20]) if _is_header(row)), 0)
    # in a sheet, the line a message names is the row number; a sheet's rows are as wide as the sheet
    header, records = split_header([Record(n, n, row) for n, row in enumerate(rows[at:], start=at + 1)])
    while header and header[-1] == "":
        header.pop()
    return header, records, False


def _is_header(row):
    names = {normalised(name) for name in row}
    return "id" in names and any(normalised(name) in names for name in ["Countries", *RENAMINGS["Countries"]])


def parse(data, file_name="", as_of=None, encoding=None):
    header, records, same_length = read_records(data, encoding)
    columns, ignored = find_columns(LABEL, header, REQUIRED, RENAMINGS, OPTIONAL)
    check_rows(header, records, LABEL, same_length)
    ignored = [name for name in ignored if not re.fullmatch(FILLER, name)]

    price_at = {normalised(name): at for at, name in enumerate(header)}.get(normalised(UNIT_PRICE))
    if price_at is not None:
        columns[UNIT_PRICE] = price_at

    def cells(record):
        fields = record.fields
        return {name: (fields[at] or "").strip() if at < len(fields) else "" for name, at in columns.items()}

    records = [(record, cells(record)) for record in records]
    convention, example = date_convention(row["Announcement Date"] for _, row in records)
    retrieved = Counter(parse_retrieved(row["retrieved"], convention) for _, row in records).most_common(1)
    retrieved = retrieved[0][0] if retrieved else None
    retrieved = as_of or retrieved
    parsed = ParsedFile(
        version=f"main data retrieved {retrieved:%Y-%m-%d}" if retrieved else "main data, undated",
        published_on=retrieved,
        rows=[],
        rows_read=len(records),
        donor_column=_header_name(header, columns, "Countries"),
    )
    if retrieved is None:
        raise ImportFailed("The 'retrieved' column gives no date and none was given (--as-of). Nothing was imported.")
    parsed.warn(
        None,
        f"dates read {convention}, as {example!r} shows"
        if example
        else f"no date shows whether day or month comes first: read {convention}, as Kiel writes them",
    )
    if ignored:
        parsed.warn(None, f"ignored {len(ignored)} columns AidTracker does not read: {', '.join(map(repr, ignored))}")

    not_military = Counter(
        row["Type of Aid General"] for _, row in records if fold(row["Type of Aid General"]) != "military"
    )
    military = [(record, row) for record, row in records if fold(row["Type of Aid General"]) == "military"]
    if not_military:
        parsed.skipped += sum(not_military.values())
        kinds = ", ".join(f"{kind or 'blank'} {count}" for kind, count in not_military.most_common())
        parsed.warn(None, f"skipped {sum(not_military.values())} rows that are not military aid ({kinds})")

    rows_per_package = Counter(row["ID"] for _, row in military)
    # rows from several donors with the same item and the same fractional figure are one jointly funded lot
    shares = defaultdict(set)
    for _, row in military:
        for column in ("No. of Units", "No. of Units Delivered (in-kind military aid)"):
            figure = _number(row[column])
            if figure is not None and whole(figure) is None:
                shares[(fold(row["Items"]), column, row[column])].add(row["Countries"])

    seen = Counter()
    named = {name: _header_name(header, columns, name) for name in REQUIRED}
    for record, row in military:
        # the key first: a row that cannot be read still claims its identity, so its stored fact is kept
        key = f"{row['ID']}|{fold(row['Items'])}|{row['Announcement Date']}"
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        key = key[:200]
        try:
            parsed.rows.append(_row(parsed, record, row, key, retrieved, convention, rows_per_package, shares))
        except BadValue as bad:
            # named as this release's header spells the column
            parsed.bad(record, key, BadValue(named.get(bad.column, bad.column), bad.value, bad.why))
    return parsed


def _header_name(header, columns, name):
    return header[columns[name]]


def _number(text):
    """A number for spotting jointly funded lots; an unreadable cell is reported by _row."""
    try:
        return parse_decimal(text, "")
    except BadValue:
        return None


def _row(parsed, record, row, key, retrieved, convention, rows_per_package, shares):
    package, donor, item_name = row["ID"], row["Countries"], row["Items"]
    line, number = record.line, record.row
    if not package:
        raise BadValue("ID", package, "is empty: the row belongs to no package")
    notes = []
    try:
        when = parse_date(row["Announcement Date"], convention)
    except ValueError as reason:
        raise BadValue("Announcement Date", row["Announcement Date"], str(reason)) from reason
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

    source_value = parse_decimal(row["Monetary Value as Given by Source"], "Monetary Value as Given by Source")
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
    # words instead of a figure say something without a number: unknown, and the line item says what Kiel wrote
    vague = [column for column in ("No. of Units", DELIVERED) if fold(row[column]) in VAGUE_FIGURES]
    for column in vague:
        parsed.warn(line, f"column {column!r}: {row[column]!r} read as an unknown number")
    units = None if "No. of Units" in vague else parse_decimal(row["No. of Units"], "No. of Units")
    delivered = None if DELIVERED in vague else parse_decimal(row[DELIVERED], DELIVERED)
    for figure, column in ((units, "No. of Units"), (delivered, DELIVERED)):
        if figure is not None and figure < 0:
            raise BadValue(column, row[column], "is negative")
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
    if DELIVERED in vague:
        deliveries.append(
            ParsedDelivery(
                retrieved,
                DatePrecision.ON_OR_BEFORE,
                None,
                f"Kiel gives the units delivered as {row[DELIVERED]!r}: an unknown number, delivered on or before "
                "the release was retrieved",
                bound_by_file_date=True,
            )
        )
    if vague:
        said = "; ".join(f"{column}: {row[column]!r}" for column in vague)
        description = f"{description}; Kiel gives {said} (unknown numbers)"

    estimate = parse_decimal(row[ESTIMATE], ESTIMATE)
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

    return ParsedRow(
        line=line,
        sheet_row=number,
        implausible=_implausible(row, units, source_value, currency, date, rows_per_package[package] == 1),
        key=key,
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
