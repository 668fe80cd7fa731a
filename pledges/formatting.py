"""Numbers for people: "€2.4 billion", "18 of 31 delivered", "58%". Pure helpers, no database.

An unknown figure (None) is shown as "unknown", never as zero. Money stays Decimal throughout.
"""

from decimal import ROUND_HALF_UP, Decimal

UNKNOWN = "unknown"
_SCALES = [(Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")]
_TENTH = Decimal("0.1")
_ONE = Decimal(1)


def _plain(number):
    """A Decimal with at most one decimal, without a trailing '.0': 2.4, 1, 12.5."""
    text = f"{number:,.1f}"
    return text[:-2] if text.endswith(".0") else text


# the currencies written with their symbol; every other one with its ISO code: "CAD 30 million"
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def eur(value):
    """'€2.4 billion', '€350 million', '€12,500'; 'unknown' for None. No false precision."""
    return money(value, "EUR")


def money(value, currency):
    """'€2.4 billion', '$1.2 billion', 'CAD 30 million', 'NOK 12,500'; 'unknown' for None."""
    if value is None:
        return UNKNOWN
    symbol = _SYMBOLS.get(currency, f"{currency} ")
    value = Decimal(value)
    sign = "−" if value < 0 else ""
    value = abs(value)
    for index, (scale, name) in enumerate(_SCALES):
        if value >= scale * Decimal("0.9995"):
            scaled = (value / scale).quantize(_TENTH if value < scale * 100 else _ONE, rounding=ROUND_HALF_UP)
            if scaled >= 1000 and index > 0:
                bigger, bigger_name = _SCALES[index - 1]
                rounded = (value / bigger).quantize(_TENTH, rounding=ROUND_HALF_UP)
                return f"{sign}{symbol}{_plain(rounded)} {bigger_name}"
            return f"{sign}{symbol}{_plain(scaled)} {name}"
    return f"{sign}{symbol}{value.quantize(_ONE, rounding=ROUND_HALF_UP):,}"


def units(number):
    """'1,234'; 'unknown' for None."""
    return UNKNOWN if number is None else f"{number:,}"


def delivered_of(delivered, pledged):
    """'18 of 31 delivered'; '3 delivered of an unstated number'; 'unknown' when nothing is known."""
    if delivered is None:
        return UNKNOWN
    if pledged is None:
        return f"{delivered:,} delivered of an unstated number"
    return f"{delivered:,} of {pledged:,} delivered"


def ratio(part, whole):
    """part / whole as a Decimal, or None when either is unknown or the whole is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return Decimal(part) / Decimal(whole)


def percent(share):
    """'58%', '<1%' for a small non-zero share; 'unknown' for None."""
    if share is None:
        return UNKNOWN
    whole = (Decimal(share) * 100).quantize(_ONE, rounding=ROUND_HALF_UP)
    if whole == 0 and share > 0:
        return "<1%"
    if whole == 100 and share < 1:
        return ">99%"
    return f"{whole}%"


def days(number):
    """'45 days', '1 day', '12.5 days'; 'unknown' for None."""
    if number is None:
        return UNKNOWN
    number = Decimal(number).quantize(_TENTH, rounding=ROUND_HALF_UP)
    text = _plain(number)
    return f"{text} day" if number == 1 else f"{text} days"


def count(number, singular, plural=None):
    """'1 line item', '3 line items'."""
    return f"{number:,} {singular if number == 1 else plural or singular + 's'}"


def without(number, lacking, of=None):
    """'9 of 11 line items without a value in EUR'; without `of`, '9 line items without …' or '' for none.

    The one sentence pages, cards and chart notes use for the items a figure leaves out.
    """
    if of is not None:
        return f"{number:,} of {count(of, 'line item')} without {lacking}"
    return f"{count(number, 'line item')} without {lacking}" if number else ""
