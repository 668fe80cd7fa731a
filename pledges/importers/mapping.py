"""Names as the public trackers write them, mapped to AidTracker's donors, systems and categories.

Every lookup goes through fold(), so "Leopard-2A6", "Leopard 2A6" and "leopard 2a6 " meet.
The system mapping is data (SystemAlias, editable in the admin); the donor spellings the
three trackers use are few and stable, so they live here.
"""

import pycountry
from django.utils.text import slugify

from ..models import Category, Donor, System, SystemAlias
from .folding import fold

# How the trackers spell donors that are not plain ISO 3166 names (folded).
DONOR_SPELLINGS = {
    "czechia": "CZ",
    "czech republic": "CZ",
    "turkiye": "TR",
    "turkey": "TR",
    "uae": "AE",
    "macedonia": "MK",
    "north macedonia": "MK",
    "south korea": "KR",
    "taiwan": "TW",
    "bosnia herzegovina": "BA",
    "luxemburg": "LU",
    "united kingdom": "GB",
    "uk": "GB",
    "united states": "US",
    "usa": "US",
    "us": "US",
    "eu": "EU",
    "eu (commission and council)": "EU",
    "european union": "EU",
    "european peace facility": "EPF",
    "european investment bank": "EIB",
    "nato": "NATO",
}
# Adjectives in SIPRI's free-text comments ("financed by German aid").
DONOR_ADJECTIVES = {
    "german": "DE",
    "belgian": "BE",
    "danish": "DK",
    "dutch": "NL",
    "norwegian": "NO",
    "british": "GB",
    "american": "US",
}
NOT_A_DONOR = {"", "none", "unknown supplier(s)", "unknown", "unidentified other states"}


class DonorResolver:
    """Finds the donor a tracker names, creating a state from ISO 3166 when the record lacks it."""

    def __init__(self):
        self.cache = {}
        self.created = []
        self.by_code = {donor.code: donor for donor in Donor.objects.all()}
        self.codes = {fold(donor.name): code for code, donor in self.by_code.items()}

    def code_for(self, name):
        folded = fold(name)
        if folded in NOT_A_DONOR:
            return None
        if folded in DONOR_SPELLINGS:
            return DONOR_SPELLINGS[folded]
        if folded in self.codes:
            return self.codes[folded]
        try:
            return pycountry.countries.lookup(name.strip()).alpha_2
        except LookupError:
            return None

    def resolve(self, name):
        """The Donor for `name`, or None when the name designates no donor."""
        folded = fold(name)
        if folded not in self.cache:
            self.cache[folded] = self._resolve(name)
        return self.cache[folded]

    def _resolve(self, name):
        code = self.code_for(name)
        if code is None:
            return None
        donor = self.by_code.get(code)
        if donor is None:
            country = pycountry.countries.get(alpha_2=code)
            if country is None:
                return None
            label = getattr(country, "common_name", country.name)
            donor = Donor.objects.create(code=code, name=label, slug=code.lower(), kind=Donor.Kind.STATE)
            self.by_code[code] = donor
            self.created.append(donor)
        return donor


class SystemResolver:
    """Finds or creates the system a tracker names: alias table first, then a system of the same folded name."""

    def __init__(self, source_format):
        self.format = source_format
        self.aliases = {}
        # an alias for this format wins over one for every source
        for alias in SystemAlias.objects.filter(format__in=["", source_format]).order_by("-format"):
            self.aliases.setdefault(alias.folded, alias.system_id)
        self.systems = {fold(system.name): system for system in System.objects.all()}
        self.by_id = {system.pk: system for system in self.systems.values()}
        self.slugs = {system.slug for system in self.systems.values()}
        self.munitions = Category.objects.get(slug="ammunition")
        self.created = []  # new systems, saved together by save_new()

    def resolve(self, name, category):
        """The system `name` names in `category`; munitions never share a system with a launcher or vehicle."""
        folded = fold(name)
        if not folded:
            return None
        system = self._find(folded)
        if system is not None and (system.category_id == self.munitions.pk) != (category.pk == self.munitions.pk):
            # "IRIS-T SLM" in SIPRI's missiles rows is the missile, not the launcher system of that name
            name = f"{name.strip()} {'munitions' if category.pk == self.munitions.pk else 'launchers'}"
            folded = fold(name)
            system = self._find(folded)
        if system is not None:
            return system
        system = System(name=name.strip(), slug=self._unique_slug(name), category=category)
        self.systems[folded] = system
        self.created.append(system)
        return system

    def _find(self, folded):
        if folded in self.aliases:
            return self.by_id.get(self.aliases[folded]) or System.objects.get(pk=self.aliases[folded])
        return self.systems.get(folded)

    def save_new(self):
        """Save the systems resolve() made up since the last call, in one query (a System keeps no history)."""
        unsaved = [system for system in self.created if system.pk is None]
        System.objects.bulk_create(unsaved)
        self.by_id.update((system.pk, system) for system in unsaved)

    def _unique_slug(self, name):
        base = slugify(name)[:40] or "system"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug


class Categories:
    """Categories by slug, loaded once per run."""

    def __init__(self):
        self.by_slug = {category.slug: category for category in Category.objects.all()}

    def __getitem__(self, slug):
        return self.by_slug[slug]
