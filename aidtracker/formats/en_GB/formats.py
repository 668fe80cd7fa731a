"""Dates as editors type them: ISO (2023-04-21) first, so a form gives back the date in the form it was typed.

Only the input formats change; dates in text keep British English ("21 Apr 2023"). A day-first date
(21/04/2023) is still read, never a month-first one.
"""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"]
