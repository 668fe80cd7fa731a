"""Dates as articles write them, resolved against the publication date, with their precision.

"on Tuesday" is the last Tuesday up to the publication day, "two days earlier" two days before it and "on the 5th"
that day of its month (or of the month before); "this week" is on or before it; "since the end of March" is March;
"in spring" is the quarter most of spring falls in (Q2); "by the end of the year" is on or before 31 December. Each
mention also says whether it looks ahead ("by", "next", a date after the publication): a pledge is dated by when it
was made, not by when it is to arrive.
"""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

from ..dates import DatePrecision, period_end, period_start

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SEASON_QUARTER = {"spring": 2, "summer": 3, "autumn": 4, "fall": 4, "winter": 1}

_month = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_first_month = _month.replace("?P<month>", "?P<first_month>")  # a span's first month, named apart
_year = r"(?P<year>(?:19|20)\d\d)"
_weekday = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_rel_year = r"\s+(?P<rel>last|this|next)\s+year"
_weekday_before = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}  # fmt: skip
_count = "|".join(COUNTS)
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth"
).split()
# "on Sunday the second of October", "in the third quarter": a day of the month or a quarter in words
ORDINAL_NUMBERS = {word: number for number, word in enumerate(_ORDINALS, 1)} | {"twentieth": 20, "thirtieth": 30}
ORDINAL_NUMBERS |= {f"twenty-{word}": 20 + number for number, word in enumerate(_ORDINALS[:9], 1)}
ORDINAL_NUMBERS["thirty-first"] = 31
_day_word = r"(?P<dayword>" + "|".join(sorted(ORDINAL_NUMBERS, key=len, reverse=True)) + r")"

PATTERNS = [
    # most specific first; a span once matched is not matched again
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<isomonth>[01]\d)-(?P<day>[0-3]\d)\b"),
    # "Decision date: 19.01.2023": day, month and year with dots, as European tables write them
    ("iso", r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<isomonth>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b(?!\.\d)"),
    # ("on 7 March last year": the day of the year before the report's)
    # (a weekday before the day is part of it: "on Wednesday 14 February")
    ("day", rf"\b{_weekday_before}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_month}"
     rf"(?:,?\s+{_year}|{_rel_year})?\b"),
    ("day", rf"\b{_weekday_before}{_month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_year}|{_rel_year}\b)?"),
    ("day", rf"\b{_weekday_before}(?:the\s+)?{_day_word}\s+of\s+{_month}(?:,?\s+{_year}|{_rel_year})?\b"),
    # "from January to the end of May", "between January and May 2023": what was done in that span, by its end
    # (or by the report, when the span ends in its month: "between late January and mid-April", told on 26 April)
    ("month_range", rf"\b(?:from|between)\s+(?:early\s+|late\s+|mid-?|the\s+start\s+of\s+)?{_first_month}"
     rf"(?:\s+(?:19|20)\d\d)?\s+(?:to|and|through|until)\s+(?:the\s+end\s+of\s+|early\s+|mid-?)?{_month}"
     rf"(?:\s+{_year})?\b"),
    # "in each year from 2022 to 2024": what was done in those years, by the last one's end
    ("year_range", rf"\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|through|until)\s+{_year}\b"),
    ("by_end_month", rf"\b(?:by|before|until)\s+the\s+end\s+of\s+{_month}(?:\s+{_year})?\b"),
    ("by_end_year", r"\b(?:by|before|until)\s+the\s+end\s+of\s+(?:the\s+|this\s+)?(?:year|(?P<year>(?:19|20)\d\d))\b"),
    # "at the start of the year", "at the end of last year", "at the beginning of 2023": its first or last month
    ("year_edge", rf"\b(?:at|from|in)\s+the\s+(?P<edge>start|beginning|end)\s+of\s+"
     rf"(?:(?P<rel>this|last|the)\s+year|{_year})\b"),
    ("since_month", rf"\bsince\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+|early\s+|late\s+|mid-?)?{_month}"
     rf"(?:\s+{_year})?\b"),
    # "in April last year", "in March this year"
    ("month_rel", rf"\b(?:(?:early|late|mid-?)\s*)?{_month}\s+(?P<rel>last|this|next)\s+year\b"),
    ("month", rf"\b(?:(?:early|late|mid-?|the\s+end\s+of|the\s+start\s+of)\s*)?{_month}(?:\s+{_year})?\b"),
    # "in the second half of 2023": the year (no precision finer than a quarter)
    ("half", rf"\bthe\s+(?:first|second)\s+half\s+of\s+(?:the\s+year|{_year})\b"),
    ("season", rf"\b(?P<rel>this\s+|last\s+|next\s+|in\s+(?:the\s+)?)?(?P<season>spring|summer|autumn|fall|winter)"
     rf"(?:\s+(?:of\s+)?{_year})?\b"),
    ("quarter", rf"\b(?:in\s+)?(?:the\s+)?(?:Q(?P<q>[1-4])|(?P<qword>first|second|third|fourth)\s+quarter)"
     rf"(?:(?:\s+of)?\s+{_year})?\b"),
    # "on Wednesday the 12th": that day of the report's month (or of the month before)
    ("month_day", rf"\b(?:{'|'.join(WEEKDAYS)}),?\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"),
    # ("on Tuesday last week": that weekday of the week before the report's)
    ("weekday", rf"\b(?P<rel>last\s+|next\s+|this\s+past\s+)?{_weekday}(?P<last_week>,?\s+(?:of\s+)?last\s+week)?\b"),
    # days counted back from the report's news: "two days earlier", "the announcement came a day after …"
    ("days_back", rf"\b(?:(?:(?P<n>{_count}|\d)\s+(?P<unit>days?|weeks?)|(?P<fortnight>a\s+fortnight))"
     rf"\s+(?:earlier|ago)"
     rf"|(?:came|comes)\s+(?P<n_after>{_count})\s+days?\s+after|the\s+previous\s+day"
     rf"|the\s+day\s+before\s+(?P<before_yesterday>yesterday))\b"),
    # "a month ago", "two years ago": the month or year it was
    # (not "a transfer that began less than a month ago": a span, not a date)
    ("months_back", rf"(?<!than\s)(?<!over\s)(?<!nearly\s)(?<!almost\s)(?<!about\s)(?<!some\s)"
     rf"\b(?P<n>{_count}|\d{{1,2}})\s+(?P<unit>months?|years?)\s+(?:earlier|ago)\b"),
    # "on the 5th": a day of the report's month
    ("month_day", r"\bon\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"
     r"(?=\s*(?:[,.;]|$|\s+(?:it|he|she|they|that|when|and|the|a|an|in|at)\b))"),
    ("relative", r"\b(?P<rel>today|yesterday|last\s+night|this\s+week|last\s+week|earlier\s+this\s+week|"
     r"earlier\s+this\s+month|this\s+month|last\s+month|next\s+month|earlier\s+this\s+year|this\s+year|"
     r"last\s+year|next\s+year|since\s+the\s+turn\s+of\s+the\s+year)\b"),
    ("by_year", rf"\b(?:by|before|until)\s+{_year}\b"),
    ("year", rf"\b(?:in|during|for)\s+(?:(?:early|late|mid-?)\s*)?{_year}\b"),
]  # fmt: skip
COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]
# a day named without its year looks ahead at most this far; further, it is the last year's (a report recalls the
# past more often than it schedules the far future)
HALF_A_YEAR = 183


@dataclass(frozen=True)
class DateMention:
    date: datetime.date
    precision: str
    ahead: bool  # the text looks forward ("by the end of the year", "next month")
    start: int
    end: int
    year_written: bool = False  # "in February 2024", not "in February"


def _month_start(year, month):
    return datetime.date(year, month, 1)


def _resolve(kind, match, published, story=None):
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else (published.year if published else None)
    if year is None:
        return None
    month = MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(groups.get("isomonth") or 0)
    if kind in ("day", "iso"):
        year += {"last": -1, "next": 1}.get((groups.get("rel") or "").lower(), 0)
        try:
            day = int(groups["day"]) if groups.get("day") else ORDINAL_NUMBERS[groups["dayword"].lower()]
            date = datetime.date(year, month, day)
        except ValueError:
            return None
        if published and not (groups.get("year") or groups.get("rel")) and (date - published).days > HALF_A_YEAR:
            date = date.replace(year=year - 1)  # "on 20 December", written in February, is last December
        return date, DatePrecision.DAY, False
    if kind == "month_range":
        end = period_end(_month_start(year, month), DatePrecision.MONTH)
        if published and _month_start(year, month) <= published < end:
            end = published
        elif published and not groups.get("year") and end > published:
            end = end.replace(year=year - 1)  # "from January to May", written in March, is last year's span
        return end, DatePrecision.ON_OR_BEFORE, bool(published and end > published)
    if kind == "year_range":
        end = min(datetime.date(year, 12, 31), published or datetime.date(year, 12, 31))
        return end, DatePrecision.ON_OR_BEFORE, bool(published and year > published.year)
    if kind == "by_end_month":
        return period_end(_month_start(year, month), DatePrecision.MONTH), DatePrecision.ON_OR_BEFORE, True
    if kind == "by_end_year":
        return datetime.date(year, 12, 31), DatePrecision.ON_OR_BEFORE, True
    if kind == "year_edge":
        year += -1 if (groups.get("rel") or "").lower() == "last" else 0
        date = _month_start(year, 12 if groups["edge"].lower() == "end" else 1)
        return date, DatePrecision.MONTH, bool(published and date > published)
    if kind == "month_rel":
        year += {"last": -1, "next": 1}.get(groups["rel"].lower(), 0)
        return _month_start(year, month), DatePrecision.MONTH, groups["rel"].lower() == "next"
    if kind == "half":
        return datetime.date(year, 1, 1), DatePrecision.YEAR, False
    if kind in ("since_month", "month"):
        if published and not groups.get("year") and _month_start(year, month) > published:
            year -= 1  # "since March", written in February, is last March
        if (
            kind == "month"
            and story
            and not groups.get("year")
            and story <= _month_start(story.year, month) <= (published or story)
        ):
            year = story.year  # "In February 2024 Belgium paid. In March, Portugal…": the story's March
        return _month_start(year, month), DatePrecision.MONTH, False
    if kind == "season":
        if not (groups.get("rel") or groups.get("year")):
            return None  # "a winter package", "for the winter": a season named, no period dated
        rel = (groups.get("rel") or "").strip().lower()
        quarter = SEASON_QUARTER[groups["season"].lower()]
        year += {"next": 1, "last": -1}.get(rel, 0)
        if quarter == 1 and rel in ("this", "next") and published and published.month >= 9 and not groups.get("year"):
            year += 1  # "this winter", said in the autumn, is the coming one
        return _month_start(year, quarter * 3 - 2), DatePrecision.QUARTER, rel == "next"
    if kind == "quarter":
        quarter = int(groups["q"]) if groups.get("q") else ORDINAL_NUMBERS[groups["qword"].lower()]
        return _month_start(year, quarter * 3 - 2), DatePrecision.QUARTER, False
    if kind == "by_year":
        return datetime.date(year, 12, 31), DatePrecision.ON_OR_BEFORE, True
    if kind == "year":
        return datetime.date(year, 1, 1), DatePrecision.YEAR, False
    if published is None:
        return None
    if kind == "days_back":
        count = (
            groups.get("n") or groups.get("n_after") or ("two" if groups.get("before_yesterday") else "one")
        ).lower()
        weeks = (groups.get("unit") or "").startswith("week")
        days = (int(count) if count.isdigit() else COUNTS[count]) * (7 if weeks else 1)
        if groups.get("fortnight"):
            days = 14
        return published - datetime.timedelta(days=days), DatePrecision.DAY, False
    if kind == "months_back":
        count = groups["n"].lower()
        count = int(count) if count.isdigit() else COUNTS[count]
        if groups["unit"].lower().startswith("year"):
            return datetime.date(published.year - count, 1, 1), DatePrecision.YEAR, False
        months = published.year * 12 + published.month - 1 - count
        return datetime.date(months // 12, months % 12 + 1, 1), DatePrecision.MONTH, False
    if kind == "month_day":
        try:
            date = published.replace(day=int(groups["day"]))
        except ValueError:
            return None
        if date > published:  # "on the 28th", written on the 3rd, is last month's
            try:
                date = _last_day_of_last_month(published).replace(day=date.day)
            except ValueError:
                return None
        return date, DatePrecision.DAY, False
    if kind == "weekday":
        rel = (groups.get("rel") or "").strip().lower()
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        if rel == "next":
            return published + datetime.timedelta(days=(7 - back) or 7), DatePrecision.DAY, True
        if rel == "last" and back == 0:
            back = 7
        if groups.get("last_week"):
            back = published.weekday() + 7 - WEEKDAYS[groups["weekday"].lower()]
        return published - datetime.timedelta(days=back), DatePrecision.DAY, False
    rel = re.sub(r"\s+", " ", groups["rel"].lower())
    last_month = _last_day_of_last_month(published)
    next_month = period_end(published, DatePrecision.MONTH) + datetime.timedelta(days=1)
    return {
        "today": (published, DatePrecision.DAY, False),
        "yesterday": (published - datetime.timedelta(days=1), DatePrecision.DAY, False),
        "last night": (published - datetime.timedelta(days=1), DatePrecision.DAY, False),
        "this week": (published, DatePrecision.ON_OR_BEFORE, False),
        "earlier this week": (published, DatePrecision.ON_OR_BEFORE, False),
        "last week": (published - datetime.timedelta(days=published.weekday() + 1), DatePrecision.ON_OR_BEFORE, False),
        "earlier this month": (period_start(published, DatePrecision.MONTH), DatePrecision.MONTH, False),
        "this month": (period_start(published, DatePrecision.MONTH), DatePrecision.MONTH, False),
        "last month": (period_start(last_month, DatePrecision.MONTH), DatePrecision.MONTH, False),
        "next month": (next_month, DatePrecision.MONTH, True),
        "earlier this year": (datetime.date(published.year, 1, 1), DatePrecision.YEAR, False),
        "this year": (datetime.date(published.year, 1, 1), DatePrecision.YEAR, False),
        "since the turn of the year": (datetime.date(published.year, 1, 1), DatePrecision.YEAR, False),
        "last year": (datetime.date(published.year - 1, 1, 1), DatePrecision.YEAR, False),
        "next year": (datetime.date(published.year + 1, 1, 1), DatePrecision.YEAR, True),
    }[rel]


def _last_day_of_last_month(published):
    return period_start(published, DatePrecision.MONTH) - datetime.timedelta(days=1)


def find_dates(sentence, published=None, story=None):
    """The dates a sentence mentions, in reading order; relative ones only when the publication date is known. A month
    named without its year, on or after the `story` date (the month and year the sentences before told of, or this
    sentence before it), is in that year."""
    return list(_dates_in(sentence, published, story))


# reading a sentence asks for its dates two or three times, and the sentences of one article come in turn
@functools.lru_cache(maxsize=256)
def _dates_in(sentence, published, story):
    taken = []
    mentions = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if kind == "month" and not _looks_like_a_month(sentence, match):
                continue
            # ("promised four in January 2023 and another four in February": the month and year the sentence told
            # of before it)
            told = [mention for mention in mentions if mention.year_written and mention.end <= match.start()]
            last = max(told, key=lambda mention: mention.start) if told else None
            here = period_start(last.date, DatePrecision.MONTH) if last else story
            resolved = _resolve(kind, match, published, here)
            if resolved is None:
                continue
            date, precision, ahead = resolved
            ahead = ahead or bool(published and period_start(date, precision) > published)
            taken.append((match.start(), match.end()))
            written = bool(match.groupdict().get("year"))
            mentions.append(DateMention(date, precision, ahead, match.start(), match.end(), written))
    return tuple(sorted(mentions, key=lambda mention: mention.start))


def _looks_like_a_month(sentence, match):
    """ "May" and "March" are also words: a month is capitalised and not "may be"/"March on"."""
    word = match.group("month")
    if not word[0].isupper():
        return False
    before = sentence[: match.start("month")].rstrip().lower()  # ("the end of May": the words before the month)
    return (
        word.lower() != "may"
        or bool(match.group("year"))
        or before.endswith(
            ("in", "since", "of", "early", "late", "mid", "last", "by", "until", "from", "before", "after")
        )
        # ("- May: donation package X", a list's line headed by its month)
        or sentence[match.end() :].startswith(":")
    )
