"""Reading a tracker file into records, refusing a file that cannot be read whole.

A file is read completely or not at all: its encoding is the one declared (UTF-8, with or without
a byte-order mark, unless the importer is told another; never guessed per file), every record has
the header's number of fields, a quoted field closes, and there is at least one row. Columns are
found by name however a release spells them (case, spacing and punctuation ignored, plus the
renamings a format knows); a column the importer does not read is listed, never a reason to refuse.
A cell no convention of its format reads is a BadValue: the formats collect those per row.
"""

import csv
import difflib
import io
import re
from dataclasses import dataclass

from .folding import fold


class ImportFailed(Exception):
    """The file cannot be imported at all; nothing was saved."""


class BadValue(ValueError):
    """A cell that no convention of the file's format reads: its row cannot be imported."""

    def __init__(self, column, value, why):
        self.column, self.value, self.why = column, value, why
        super().__init__(f"column {column!r}: {value!r} {why}")


def decode(data, encoding=None):
    """The file's text: in `encoding` when given; else UTF-8 (a BOM may say so) or UTF-16 when its BOM says so."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError as reason:
            raise ImportFailed(f"{encoding!r} is not an encoding Python knows. Nothing was imported.") from reason
        except UnicodeDecodeError as reason:
            raise ImportFailed(_not_encoded(data, reason, encoding)) from reason
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as reason:
        hint = (
            " If the file is in another encoding, say which (--encoding latin-1, or the upload page's Encoding"
            " field): AidTracker does not guess."
        )
        raise ImportFailed(_not_encoded(data, reason, "UTF-8", hint)) from reason


def _not_encoded(data, reason, encoding, hint=""):
    line = data.count(b"\n", 0, reason.start) + 1
    return f"line {line}: byte 0x{data[reason.start]:02X} is not {encoding}.{hint} Nothing was imported."


@dataclass
class Record:
    line: int  # the file line where the record starts
    row: int  # the row a spreadsheet shows it on; differs from the line after a cell spanning lines
    fields: list

    @property
    def where(self):
        return f"line {self.line}" + (f" (spreadsheet row {self.row})" if self.row != self.line else "")


def csv_records(text, skip_lines=0):
    """The Records of a CSV text after `skip_lines` lines; refuses a file that ends inside a record."""
    lines = io.StringIO(text)
    for _ in range(skip_lines):
        lines.readline()
    reader = csv.reader(lines, strict=True)
    records = []
    line = skip_lines + 1
    try:
        for number, fields in enumerate(reader, start=skip_lines + 1):
            records.append(Record(line, number, fields))
            line = skip_lines + reader.line_num + 1
    except csv.Error as reason:
        if "unexpected end of data" in str(reason):
            raise ImportFailed(
                f"line {line}: a quoted field opened here never closes: the file is cut off or damaged. "
                "Nothing was imported."
            ) from reason
        raise ImportFailed(
            f"line {line}: this is not a readable CSV file ({reason}). Nothing was imported."
        ) from reason
    if records and not text.endswith(("\n", "\r")):
        # the trackers' files end with a line break: a last record without one was cut off, maybe mid-value
        raise ImportFailed(
            f"{records[-1].where}: the file ends inside this record, without a line break: it is cut off. "
            "Nothing was imported."
        )
    return records


def split_header(records):
    """(header, the records after it that are not blank)."""
    if not records:
        raise ImportFailed("The file is empty. Nothing was imported.")
    return records[0].fields, [record for record in records[1:] if any(record.fields)]


def check_rows(header, rows, label, same_length=True):
    """Refuse a file without rows and, with `same_length`, one whose records differ in length from the header.

    A short last record is a file cut off; any other record whose length differs from the header's
    would put its values under the wrong columns.
    """
    if not rows:
        raise ImportFailed(
            f"The file has the {label} header but no rows. Nothing was imported: an empty release would "
            "remove every stored row."
        )
    wrong = [record for record in rows if same_length and len(record.fields) != len(header)]
    if wrong:
        problems = [
            f"{record.where} has {len(record.fields)} fields where the header has {len(header)}"
            + (": the last record is cut off" if record is rows[-1] and len(record.fields) < len(header) else "")
            for record in wrong
        ]
        more = f"; and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise ImportFailed(f"The file is cut off or damaged: {'; '.join(problems[:20])}{more}. Nothing was imported.")


def normalised(name):
    """A column name as layouts are compared: case, accents, spacing and punctuation ignored."""
    return re.sub(r"[^a-z0-9]", "", fold(str(name or "")))


class MissingColumns(ImportFailed):
    def __init__(self, label, missing):
        self.missing = [name for name, _ in missing]
        described = ", ".join(
            f"{name!r} (nearest found: {nearest!r})" if nearest else repr(name) for name, nearest in missing
        )
        super().__init__(
            f"AidTracker does not know this layout of the {label}: missing "
            f"{'column' if len(missing) == 1 else 'columns'} {described}. Nothing was imported."
        )


def find_columns(label, header, needed, renamings=None, known=()):
    """({needed name: position in header}, [header names neither needed nor known]) or MissingColumns.

    `renamings` maps a needed name to the other names releases gave it; `known` lists columns the
    format leaves alone on purpose, so only columns new to AidTracker are reported as ignored.
    """
    positions = {}
    for position, name in enumerate(header):
        positions.setdefault(normalised(name), position)
    found, missing = {}, []
    for name in needed:
        spellings = [name, *(renamings or {}).get(name, ())]
        position = next((positions[normalised(s)] for s in spellings if normalised(s) in positions), None)
        if position is None:
            missing.append((name, _nearest(name, header, found.values())))
        else:
            found[name] = position
    if missing:
        raise MissingColumns(label, missing)
    known_names = {normalised(name) for name in known}
    ignored = [
        name
        for position, name in enumerate(header)
        if position not in found.values() and normalised(name) and normalised(name) not in known_names
    ]
    return found, ignored


def _nearest(name, header, taken):
    candidates = {normalised(other): other for position, other in enumerate(header) if position not in taken}
    close = difflib.get_close_matches(normalised(name), [c for c in candidates if c], n=1, cutoff=0.5)
    return candidates[close[0]] if close else None
