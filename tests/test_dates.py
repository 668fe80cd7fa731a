import datetime

import pytest

from pledges import dates

D = datetime.date


@pytest.mark.parametrize(
    "precision, start, end, text",
    [
        ("day", D(2023, 2, 14), D(2023, 2, 14), "14 Feb 2023"),
        ("month", D(2023, 2, 1), D(2023, 2, 28), "Feb 2023"),
        ("quarter", D(2023, 4, 1), D(2023, 6, 30), "Q2 2023"),
        ("year", D(2023, 1, 1), D(2023, 12, 31), "2023"),
        ("on_or_before", D(2023, 5, 17), D(2023, 5, 17), "on or before 17 May 2023"),
    ],
)
def test_a_fuzzy_date_has_a_period(precision, start, end, text):
    given = {"day": start, "on_or_before": D(2023, 5, 17)}.get(precision, start + datetime.timedelta(days=20))
    assert dates.period_start(given, precision) == start
    assert dates.period_end(given, precision) == end
    assert dates.describe(dates.period_start(given, precision), precision) == text


def test_december_ends_on_new_years_eve():
    assert dates.period_end(D(2023, 12, 1), "month") == D(2023, 12, 31)
    assert dates.period_end(D(2023, 11, 5), "quarter") == D(2023, 12, 31)


def test_only_a_period_wholly_before_another_is_certainly_before_it():
    assert dates.certainly_before(D(2023, 1, 1), "month", D(2023, 2, 14), "day")
    assert not dates.certainly_before(D(2023, 2, 1), "month", D(2023, 2, 14), "day")
    assert not dates.certainly_before(D(2020, 1, 1), "day", D(2023, 2, 14), "on_or_before")


def test_a_moment_reads_as_a_day_and_a_time_with_its_zone():
    from django.utils import timezone

    noon = datetime.datetime(2024, 1, 31, 12, 0, 59, tzinfo=datetime.UTC)
    assert dates.moment(noon) == "31 Jan 2024, 12:00 UTC"
    assert dates.day(noon) == "31 Jan 2024"
    with timezone.override("Europe/Kyiv"):
        # the day is the local one: 23:30 UTC is already the next day in Kyiv
        assert dates.moment(noon.replace(hour=23, minute=30)) == "1 Feb 2024, 01:30 EET"
