"""Quantities and money as news texts write them: "two dozen", "a further 14", "$1.2 billion", "NOK 2.7bn"."""

import re
from decimal import Decimal

UNITS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}

NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
FIRST_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
# "14", "1,000", "two dozen", "forty-five", "three hundred": a count as written, not "hundreds of" nor "several
# million" (a scale word alone counts nothing)
COUNT = (
    rf"(?:(?:a\s+quarter\s+of\s+a|half\s+a|three\s+quarters\s+of\s+a)\s+(?:million|thousand|dozen)"
    # "a couple of", "a pair of"; "1 000" (a release's thin space between thousands)
    rf"|a\s+(?:couple|pair)(?=\s+of\b)|(?:{FIRST_WORD}|\d+)\s+and\s+a\s+half\s+(?:thousand|million)"
    rf"|\d+(?:\.\d+)?\s+million|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,])|\d+"
    rf"|(?:(?:{FIRST_WORD})(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}))*))"
)
COUNT_RE = re.compile(rf"^{COUNT}$", re.IGNORECASE)


FRACTIONS = {"a quarter of a": Decimal("0.25"), "half a": Decimal("0.5"), "three quarters of a": Decimal("0.75")}
FRACTION_RE = re.compile(r"^(a quarter of a|half a|three quarters of a)\s+(million|thousand|dozen)$")


def _digits(amount):
    """The number an amount written in digits stands for, whatever separates its thousands ("1,000", "1 000")."""
    return Decimal(re.sub(r"[,\s]", "", amount))


def parse_count(text):
    """The integer a written count stands for ("two dozen" → 24, "1,000" → 1000); None when it is not one."""
    text = text.strip().lower()
    if re.fullmatch(r"a\s+(?:couple|pair)", text):
        return 2
    if re.fullmatch(r"a\s+single", text):
        return 1  # (not "a" and "single" added up)
    if not COUNT_RE.match(text):
        return None
    and_a_half = re.fullmatch(r"(\w+)\s+and\s+a\s+half\s+(thousand|million)", text)
    if and_a_half:  # "two and a half thousand"
        whole = int(and_a_half.group(1)) if and_a_half.group(1).isdigit() else parse_count(and_a_half.group(1))
        return int((whole + Decimal("0.5")) * SCALES[and_a_half.group(2)])
    fraction = FRACTION_RE.match(text)
    if fraction:  # "a quarter of a million"
        return int(FRACTIONS[fraction.group(1)] * SCALES[fraction.group(2)])
    if text[0].isdigit():
        if text.endswith("million"):
            return int(Decimal(text.split()[0]) * 1_000_000)
        return int(_digits(text))
    total = current = 0
    previous = None
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in UNITS and previous in UNITS:
            return None  # "one-five-five shells": a calibre read out digit by digit, no count
        previous = word
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million"):
            # ("one thousand million": a scale after a scale multiplies all before it)
            total = total * SCALES[word] if total and not current else total + (current or 1) * SCALES[word]
            current = 0
    return (total + current) or None


MULTIPLIERS = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
}

# a currency written before the amount; "$" alone is the US dollar unless the text says otherwise
PREFIXES = {
    "us$": "USD", "usd": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "nok": "NOK", "dkk": "DKK", "sek": "SEK", "pln": "PLN", "czk": "CZK",
    "a$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "chf": "CHF", "¥": "JPY", "jpy": "JPY", "isk": "ISK",
    "kr": None,  # a krone whose country the donor tells
}  # fmt: skip
# a currency written after the amount; None: a krone whose country the donor tells
SUFFIXES = {
    "canadian dollars": "CAD", "australian dollars": "AUD", "new zealand dollars": "NZD", "us dollars": "USD",
    "dollars": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP", "pound": "GBP",
    "norwegian kroner": "NOK", "danish kroner": "DKK", "swedish kronor": "SEK", "kronor": "SEK",
    "norwegian crowns": "NOK", "danish crowns": "DKK", "swedish crowns": "SEK", "kroner": None, "crowns": None,
    "zlotys": "PLN", "zloty": "PLN", "czech korunas": "CZK", "czech crowns": "CZK", "korunas": "CZK", "yen": "JPY",
    "swiss francs": "CHF", "won": "KRW",
    "icelandic krónur": "ISK", "icelandic kronur": "ISK", "icelandic crowns": "ISK", "krónur": "ISK", "kronur": "ISK",
    # ("150 million EUR", "1.5 bln NOK": the code after the amount)
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "nok": "NOK", "dkk": "DKK", "sek": "SEK", "cad": "CAD", "aud": "AUD",
    "nzd": "NZD", "chf": "CHF", "pln": "PLN", "czk": "CZK", "isk": "ISK", "jpy": "JPY",
}  # fmt: skip
KRONE_BY_DONOR = {"NO": "NOK", "DK": "DKK", "SE": "SEK", "CZ": "CZK", "IS": "ISK"}
# a government writes its own dollar "$": Canberra's "$100 million" is Australian
DOLLAR_BY_DONOR = {"AU": "AUD", "CA": "CAD", "NZ": "NZD"}

_prefix = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
_suffix = "|".join(re.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True))
# ("€1 000 000": a release's space between the thousands)
_amount = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?"
# "one billion euros", "thirty million euros", "five hundred thousand euros": number words count money before a
# scale word, or when they reach a thousand themselves
# (and a radio script's "one point two billion kronor", "one and a half billion euros", before a scale word)
# ("another hundred million dollars": a hundred, whatever word stands for its "one")
WORD_AMOUNTS = {"half a": Decimal("0.5"), "a quarter of a": Decimal("0.25"), "three quarters of a": Decimal("0.75")}
WORD_AMOUNTS |= {"a hundred": Decimal(100), "another hundred": Decimal(100)}
DIGIT_WORDS = {"zero": 0, "nought": 0} | {
    word: value for word, value in UNITS.items() if value < 10 and word not in ("a", "an", "single")
}
_digit_word = "|".join(DIGIT_WORDS)
_word_amount = (
    "|".join(sorted(WORD_AMOUNTS, key=len, reverse=True)).replace(" ", r"\s+")
    + rf"|(?:{FIRST_WORD})\s+point(?:\s+(?:{_digit_word}))+(?=\s+(?:million|billion|trillion)\b)"
    + rf"|(?:{FIRST_WORD})\s+and\s+a\s+half(?=\s+(?:million|billion|trillion)\b)"
    + rf"|(?!(?:a|an|single)\b)(?:{FIRST_WORD})(?:[\s-]+(?:and\s+)?(?:{NUMBER_WORD}))*"
)


def _word_number(words):
    """The number an amount in words stands for: "thirty", "one point two", "one and a half", "half a"."""
    if words in WORD_AMOUNTS:
        return WORD_AMOUNTS[words]
    whole, point, decimals = words.partition(" point ")
    if point:
        return Decimal(f"{parse_count(whole)}.{''.join(str(DIGIT_WORDS[word]) for word in decimals.split())}")
    if words.endswith(" and a half"):
        return parse_count(words.removesuffix(" and a half")) + Decimal("0.5")
    return parse_count(words)


# ("$340-million commitment": the scale joined to the amount by a hyphen)
_mult = r"(?:(?:\s*|-)(?:thousand|millions?|billions?|trillion|mln|mn|bln|bn|m|b|k)\b)?"
MONEY_RE = re.compile(
    rf"(?:(?P<prefix>{_prefix})\s?(?P<amount1>{_amount})(?P<mult1>{_mult})"
    rf"|(?P<amount2>{_amount})(?P<mult2>{_mult})(?:\s*|-(?=pound\b))(?P<suffix>{_suffix})\b"
    rf"|\b(?P<amount3>{_word_amount})\s+(?:(?P<mult3>million|billion|trillion)\s+)?(?P<suffix3>{_suffix})\b)",
    re.IGNORECASE,
)


WEIGHT_RE = re.compile(r"\bweigh\w*\s+[\d,]+|\d\s+pounds\s+(?:each|apiece)\b", re.IGNORECASE)


def _multiplier(text):
    return MULTIPLIERS[text.strip(" -").lower()] if text and text.strip(" -") else Decimal(1)


def find_money(sentence, donor_code=None, local_dollar=False):
    """Each amount of money in a sentence: (value, currency or None, start, end). With `local_dollar` (a text that
    writes no "US$", "C$" or "A$"), a bare "$" is the donor's own dollar."""
    found = []
    for match in MONEY_RE.finditer(sentence):
        if match.group("prefix"):
            prefix = match.group("prefix").lower()
            # "$" with no letters before it may stand for a letter prefix we did not list ("NZ$"): skip those
            if prefix == "$" and match.start() > 0 and sentence[match.start() - 1].isalpha():
                continue
            amount, mult, currency = match.group("amount1"), match.group("mult1"), PREFIXES[prefix]
            if prefix == "$" and local_dollar:
                currency = DOLLAR_BY_DONOR.get(donor_code, currency)
            if prefix.isalpha():
                # a bare code needs a multiplier or a large amount to be money and not "SEK 1" in a model name
                if not mult and _digits(amount) < 1000:
                    continue
        else:
            amount, mult, suffix = (
                match.group("amount2", "mult2", "suffix")
                if match.group("amount2")
                else match.group("amount3", "mult3", "suffix3")
            )
            currency = SUFFIXES[suffix.lower()]
            if suffix.lower() in ("won", "pound") and not mult:
                # "in 2022 won the vote": the verb, not Korea's currency; "a 500-pound bomb" a weight (but "a 54
                # million pound package" is sterling)
                continue
            if suffix.lower() == "pounds" and WEIGHT_RE.search(sentence[max(0, match.start() - 12) : match.end() + 8]):
                continue  # "bombs of 1,000 pounds each": a weight, not sterling
            if suffix.lower() == "dollars" and local_dollar:  # "five million dollars" in a text from Wellington
                currency = DOLLAR_BY_DONOR.get(donor_code, currency)
        if currency is None:
            currency = KRONE_BY_DONOR.get(donor_code)
        if match.group("amount3"):
            words = " ".join(amount.lower().split())
            number = _word_number(words)
            if not number or not (mult or number >= 1000):
                continue  # ("two euros" is no aid; "one-five-five" no number)
            number = Decimal(number)
        else:
            number = _digits(amount)
        value = number * _multiplier(mult)
        found.append((value.quantize(Decimal("0.01")), currency, match.start(), match.end()))
    return found


# a table's header cell naming the currency of its column: "DKK", "Value (EUR)", "Amount, € million"
HEADER_CURRENCY_RE = re.compile(
    r"^(?:(?:value|amount|cost|sum|total|worth)\b\W*)?(?P<code>usd|eur|gbp|nok|dkk|sek|cad|aud|nzd|chf|pln|czk|isk|jpy|€|\$|£)"
    r"(?:\W*(?P<mult>thousand|million|billion|mln|mn|bln|bn|m)\b)?\W*$",
    re.IGNORECASE,
)
BARE_AMOUNT_RE = re.compile(r"\d[\d,.]*(?:\s*(?:thousand|million|billion|mln|mn|bln|bn|m)\b)?", re.IGNORECASE)


def table_cells(row):
    """A table row's cells as (start, end) spans, counted from the text before its first bar."""
    bars = [at for at, char in enumerate(row) if char == "|"]
    return list(zip([-1, *bars], [*bars, len(row)], strict=True))


def column_currencies(header):
    """The currency (and scale) a table's header row names for each of its columns: {cell number: (code, scale)}."""
    columns = {}
    for number, (start, end) in enumerate(table_cells(header)):
        match = HEADER_CURRENCY_RE.match(header[start + 1 : end].strip())
        if match:
            columns[number] = (match.group("code"), match.group("mult") or "")
    return columns


def column_money(row, columns, donor_code=None, local_dollar=False):
    """The amounts written bare in the columns whose header names their currency ("| Artillery shells | 950 million
    |" under "| Item | DKK |"): (value, currency, start, end), as find_money gives them."""
    found = []
    for number, (start, end) in enumerate(table_cells(row)):
        cell = row[start + 1 : end]
        bare = BARE_AMOUNT_RE.fullmatch(cell.strip())
        if number not in columns or not bare:
            continue
        code, scale = columns[number]
        written = f"{code} {bare.group()}" + (f" {scale}" if scale and bare.group()[-1].isdigit() else "")
        at = start + 1 + cell.index(bare.group())
        found += [
            (value, currency, at, at + len(bare.group()))
            for value, currency, _, _ in find_money(written, donor_code, local_dollar)
        ]
    return found


# "($1 = 0.9489 euros)": the rate a wire story used, kept as evidence beside the ECB rate
RATE_NOTE_RE = re.compile(r"^\(\s*(?:\$|US\$|£|€)?\s*1\s+[^=()]*=\s*[\d.]+\s+[a-z ]+\)$", re.IGNORECASE)
