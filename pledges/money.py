"""Conversion to EUR at the European Central Bank reference rate of a given day.

The rates ship inside the CurrencyConverter package, so no network is needed at
run time. A weekend or holiday takes the last rate published before it, looking
back at most MAX_LOOKBACK_DAYS; a currency the ECB does not quote (UAH, say), or
a day outside the bundled data, has no rate and its EUR value stays unknown.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pycountry
from currency_converter import CurrencyConverter, RateNotFoundError

from . import dates

MAX_LOOKBACK_DAYS = 7
CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.0000000001")

ISO_4217_CODES = sorted(currency.alpha_3 for currency in pycountry.currencies)
CURRENCY_CHOICES = [
    (currency.alpha_3, f"{currency.alpha_3} – {currency.name}")
    for currency in sorted(pycountry.currencies, key=lambda c: c.alpha_3)
]


@dataclass(frozen=True)
class Conversion:
    value_eur: Decimal
    rate: Decimal  # euros per one unit of the reported currency
    rate_date: datetime.date


class NoRate(Exception):
    """The bundled ECB data has no rate for this currency near this day."""


@cache
def _converter():
    return CurrencyConverter(decimal=True)


def ecb_rate(currency, on_date):
    """Units of `currency` per euro on `on_date`, with the day the ECB published it."""
    if currency == "EUR":
        return Decimal(1), on_date
    converter = _converter()
    if currency not in converter.currencies:
        raise NoRate(f"the ECB publishes no reference rate for {currency}")
    for back in range(MAX_LOOKBACK_DAYS + 1):
        day = on_date - datetime.timedelta(days=back)
        try:
            per_euro = converter.convert(1, "EUR", currency, date=day)
        except RateNotFoundError:
            continue
        return per_euro, day
    first, last = map(dates.day, converter.bounds[currency])
    raise NoRate(
        f"no ECB rate for {currency} in the {MAX_LOOKBACK_DAYS} days up to "
        f"{dates.day(on_date)} (the bundled rates cover {first} to {last})"
    )


def to_eur(amount, currency, on_date):
    """Convert `amount` of `currency` to EUR at the ECB rate of `on_date`; raises NoRate."""
    per_euro, rate_date = ecb_rate(currency, on_date)
    return Conversion(
        value_eur=(Decimal(amount) / per_euro).quantize(CENT),
        rate=(Decimal(1) / per_euro).quantize(RATE_PLACES),
        rate_date=rate_date,
    )
