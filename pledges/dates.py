"""Dates with a precision: "on 14 February", "in March", "in Q2", "in 2023",
"on or before 24 February". Pure helpers, no database access. Every date and moment printed in
text goes through `describe` or `moment`; inputs and exports keep ISO dates.

A fuzzy date is stored as one date plus its precision. For day, month, quarter
and year the date is the first day of the period; for "on or before" it is the
bound, and the earliest possible date is unknown.
"""

import datetime

from django.db import models
from django.utils import timezone


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"
    ON_OR_BEFORE = "on_or_before", "on or before"


def period_start(date, precision):
    """The stored form of a fuzzy date: the first day of its period."""
    if precision == DatePrecision.MONTH:
        return date.replace(day=1)
    if precision == DatePrecision.QUARTER:
        return date.replace(month=(date.month - 1) // 3 * 3 + 1, day=1)
    if precision == DatePrecision.YEAR:
        return date.replace(month=1, day=1)
    return date


def period_end(date, precision):
    """The latest day a fuzzy date can stand for."""
    months = {DatePrecision.MONTH: 1, DatePrecision.QUARTER: 3, DatePrecision.YEAR: 12}.get(precision)
    if months is None:
        return date
    start = period_start(date, precision)
    month_index = start.month - 1 + months
    next_start = start.replace(year=start.year + month_index // 12, month=month_index % 12 + 1)
    return next_start - datetime.timedelta(days=1)


def earliest(date, precision):
    """The earliest day a fuzzy date can stand for; None when unbounded."""
    if precision == DatePrecision.ON_OR_BEFORE:
        return None
    return period_start(date, precision)


def certainly_before(date, precision, other_date, other_precision):
    """True when the first fuzzy date must lie before the second one starts."""
    other_earliest = earliest(other_date, other_precision)
    return other_earliest is not None and period_end(date, precision) < other_earliest


def describe(date, precision):
    """A fuzzy date for people: '14 Feb 2023', 'Mar 2023', 'Q2 2023', '2023'."""
    if precision == DatePrecision.MONTH:
        return date.strftime("%b %Y")
    if precision == DatePrecision.QUARTER:
        return f"Q{(date.month - 1) // 3 + 1} {date.year}"
    if precision == DatePrecision.YEAR:
        return str(date.year)
    text = f"{date.day} {date.strftime('%b %Y')}"
    if precision == DatePrecision.ON_OR_BEFORE:
        return f"on or before {text}"
    return text


def day(value):
    """A date, or the day of a moment in the site's time zone, for people: '31 Jan 2024'."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return describe(value, DatePrecision.DAY)


def moment(when):
    """A timestamp for people, in the site's time zone and naming it: '31 Jan 2024, 12:00 UTC'."""
    local = timezone.localtime(when)
    return f"{day(local)}, {local:%H:%M} {local.tzname()}"
