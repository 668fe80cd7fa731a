"""Small builders for test records; each takes keyword overrides.

Pledges, line items and deliveries are published unless a test asks for another state
(publication="draft"): most tests are about the public record.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from pledges.models import Category, Delivery, Donor, LineItem, Meeting, Pledge, Publication, Source, System


def _reviewed(fields):
    fields.setdefault("publication", Publication.PUBLISHED)
    if fields["publication"] != Publication.DRAFT:
        fields.setdefault("published_at", timezone.now())
    return fields


def donor(code="DE", name=None, **fields):
    name = name or {"DE": "Germany", "US": "United States", "PL": "Poland", "SK": "Slovakia"}.get(code, code)
    return Donor.objects.create(code=code, name=name, slug=code.lower(), **fields)


def category(slug="tanks"):
    return Category.objects.get(slug=slug)


def system(name="Leopard 2A6", category_slug="tanks"):
    slug = name.lower().replace(" ", "-")
    return System.objects.get_or_create(name=name, defaults={"slug": slug, "category": category(category_slug)})[0]


def meeting(number=11, starts_on=datetime.date(2023, 4, 21), **fields):
    fields.setdefault("name", f"{number}th Ukraine Defense Contact Group")
    fields.setdefault("place", "Ramstein Air Base")
    fields.setdefault("slug", f"udcg-{number}")
    return Meeting.objects.create(kind="udcg", number=number, starts_on=starts_on, **fields)


def source(title="Allies pledge tanks", **fields):
    fields.setdefault("url", "https://example.org/news/1")
    fields.setdefault("kind", Source.Kind.MEDIA)
    return Source.objects.create(title=title, **fields)


def pledge(donor_obj=None, date=datetime.date(2023, 2, 14), **fields):
    fields.setdefault("title", "Package")
    return Pledge.objects.create(donor=donor_obj or donor(), date=date, **_reviewed(fields))


def line_item(pledge_obj=None, quantity=18, category_slug="tanks", **fields):
    if "value_reported" in fields:
        fields.setdefault("currency", "EUR")
        fields.setdefault("value_basis", LineItem.ValueBasis.REPORTED)
        fields["value_reported"] = Decimal(fields["value_reported"])
    return LineItem.objects.create(
        pledge=pledge_obj or pledge(), category=category(category_slug), quantity=quantity, **_reviewed(fields)
    )


def delivery(line_item_obj, quantity=6, date=datetime.date(2023, 3, 27), **fields):
    return Delivery.objects.create(line_item=line_item_obj, quantity=quantity, date=date, **_reviewed(fields))


def cite(fact, quote="As the source says it.", source_obj=None):
    """A citation of `fact` (a pledge, line item or delivery) with its quote; returns the fact."""
    fact.citations.create(source=source_obj or Source.objects.first() or source(), quote=quote)
    return fact
