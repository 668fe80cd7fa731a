"""The query string of the public pages: the parameters each page reads, and whole numbers.

`reads(...)` declares the parameters a view reads; any other is dropped before the view runs, as if it had
never been sent, so noise (?zz=<random>) neither changes a page nor gives it a new place in the page cache
(figures.cache.cached_page keys a page by what is left).

Whole numbers (?page=2, ?release=3) have one parser for every page and export. A visitor types ASCII
digits; Python accepts more: "²".isdigit() is true and int("²") raises, int("٣") reads 3, and an
unbounded number overflows the database's integers (an OFFSET past bigint). So a number here is ASCII
digits only, within the bounds its parameter allows, and anything else is a BadNumber whose message says
what was wrong, for the caller to show beside the field (pages) or as a 400 (exports).
"""

import functools

from django.http import QueryDict

# PostgreSQL's integer: release numbers, and far beyond any page of any table
LARGEST = 2**31 - 1


class BadNumber(ValueError):
    """A parameter that is not a whole number within its bounds; str() says why, in words for a visitor."""


def whole_number(query, name, *, default=None, low=1, high=LARGEST):
    """`query[name]` (the last one given) as an int from `low` to `high`; `default` when it is absent.

    Present but empty, or anything but ASCII digits, or outside the bounds, is a BadNumber.
    """
    value = query.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit()):
        raise BadNumber(f"{_shown(value)} is not a whole number: give one from {low} to {high}.")
    # the length first: int() of a million digits is slow, and no bound here has more than ten
    if len(value.lstrip("0")) > len(str(high)) or not low <= int(value) <= high:
        raise BadNumber(f"{_shown(value)} is out of range: give a number from {low} to {high}.")
    return int(value)


def _shown(value):
    """The value as a message quotes it: in quotes, shortened, control characters escaped."""
    shortened = value if len(value) <= 30 else value[:30] + "…"
    return repr(shortened) if not shortened.isprintable() else f"“{shortened}”"


def reads(names):
    """A view that reads only the query parameters `names`.

    The others are dropped before the view runs, from request.GET and from the query string that
    get_full_path() and build_absolute_uri() read (the page's links, its citation), as if never sent; those
    kept are sorted by name (each name's values in the order given), so `?b=2&a=1` is `?a=1&b=2`, the same
    page under the same cache key.
    """
    known = frozenset(names)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            kept = QueryDict(mutable=True)
            for name in sorted(known & set(request.GET)):
                kept.setlist(name, request.GET.getlist(name))
            kept._mutable = False
            request.GET = kept
            request.META["QUERY_STRING"] = kept.urlencode()
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
