"""Template filters over pledges.formatting, so templates format numbers the same way as Python."""

from django import template

from pledges import dates, export_views, formatting
from pledges.models import LineItem

register = template.Library()


def _unknown_if_missing(helper):
    """A missing variable renders as '' in templates; it is an unknown figure, not an error."""

    def filter_function(value):
        return helper(None if value == "" else value)

    return filter_function


register.filter("eur", _unknown_if_missing(formatting.eur))
register.filter("units", _unknown_if_missing(formatting.units))
register.filter("percent", _unknown_if_missing(formatting.percent))
register.filter("days", _unknown_if_missing(formatting.days))


@register.filter
def day(value):
    """A date (or a moment's date) in text: {{ meeting.starts_on|day }} reads '21 Apr 2023'; '' for none,
    so `|default:"unknown"` can follow."""
    return "" if value in (None, "") else dates.day(value)


@register.filter
def moment(value):
    """A timestamp in text: '31 Jan 2024, 12:00 UTC' (dates.moment); '' for none."""
    return "" if value in (None, "") else dates.moment(value)


@register.filter
def money(value, currency):
    """A value in the currency the source reported: {{ item.value_reported|money:item.currency }}."""
    return formatting.money(None if value == "" else value, currency)


@register.filter
def status_label(status):
    """'partially delivered' for 'partially_delivered' (status is a generated field, without get_*_display)."""
    try:
        return LineItem.Status(status).label
    except ValueError:
        return status


@register.simple_tag
def delivered_of(delivered, pledged):
    return formatting.delivered_of(None if delivered == "" else delivered, None if pledged == "" else pledged)


@register.simple_tag
def without(number, lacking, of=None):
    """'9 of 11 line items without a value' (see formatting.without)."""
    return formatting.without(number or 0, lacking, of)


@register.simple_tag
def share(part, whole):
    return formatting.percent(formatting.ratio(part, whole))


@register.simple_tag(takes_context=True)
def chart_links(context, chart):
    """{% chart_links chart as links %}: the chart's own CSV and its citation (export_views.chart_links)."""
    return export_views.chart_links(context["request"], chart, context.get("data_as_of"), context.get("release"))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None drops one): for sort and page links."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None and value != "":
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
