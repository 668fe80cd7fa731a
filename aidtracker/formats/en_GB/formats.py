"""Dates as editors type them: ISO (2023-04-21) first, so a form gives back the date in the form it was typed.

A day-first date (21/04/2023) is still read, never a month-first one. In text, dates keep British English
("21 Apr 2023") and moments read as pledges.dates.moment writes them ("31 Jan 2024, 12:00 UTC"), so the
admin's lists and history pages say a time as the project's own text does.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"]
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "j M Y, H:i T"
