"""Propose facts from an article: `manage.py extract_article story.txt --published 2023-04-21 --format json`.

Reads the record (donors, systems, aliases, meetings, the sources it cites) and the inbox's texts, and writes
nothing.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pledges.inbox import duplicates
from pledges.inbox.clean import Unreadable, read_text
from pledges.inbox.extract import extract
from pledges.inbox.vocabulary import Vocabulary


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as reason:
        raise CommandError(f"--published takes a date as YYYY-MM-DD, not {text!r}") from reason


class Command(BaseCommand):
    help = "Print the facts an article's text supports (pledges, deliveries), each with its sentence."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A UTF-8 text file: the article's text, as an editor pastes it.")
        parser.add_argument("--published", type=iso_date, help="The publication date, YYYY-MM-DD.")
        parser.add_argument("--publisher", default="", help="Who published it: a ministry names the donor.")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, path, published=None, publisher="", format="text", **options):
        try:
            text = read_text(path.read_bytes(), path.name)
        except OSError as reason:
            raise CommandError(f"{path}: {reason.strerror}") from reason
        except Unreadable as reason:
            raise CommandError(f"{path}: {reason}") from reason
        result = extract(text, Vocabulary.from_record(), published=published, publisher=publisher)
        duplicate_of = duplicates.source_repeated(text, published)
        if format == "json":
            proposals = [proposal.as_json() for proposal in result.proposals]
            self.stdout.write(json.dumps({"proposals": proposals, "duplicate_of": duplicate_of}, indent=2))
            if not proposals:
                self.stderr.write(no_facts_message(result))
            return
        self.stdout.write(as_text(result, duplicate_of))


def no_facts_message(result):
    lines = ["No aid facts found."]
    if result.set_aside:
        lines.append("Set aside:")
        lines += [f"  {reason}: {text}" for reason, text in result.set_aside]
    return "\n".join(lines)


def as_text(result, duplicate_of):
    lines = []
    if duplicate_of:
        lines.append(f"Near-duplicate of source {duplicate_of}: its facts get this text as a second source.")
    for number, proposal in enumerate(result.proposals, 1):
        quantity = proposal.quantity if proposal.quantity is not None else "unknown number of"
        what = proposal.system or proposal.category
        value = f", {proposal.currency} {proposal.value:,.2f}" if proposal.value is not None else ", value not stated"
        euros = f" (€{proposal.value_eur:,.2f})" if proposal.value_eur is not None else ""
        when = f"{proposal.date} ({proposal.date_precision})" if proposal.date else "date unknown"
        lines.append(f"{number}. {proposal.kind}: {proposal.donor}, {quantity} {what}{value}{euros}, {when}")
        if proposal.meeting:
            lines.append(f"   at {proposal.meeting}")
        if proposal.co_funders:
            lines.append(f"   with {', '.join(proposal.co_funders)}")
        lines.append(f"   “{proposal.quote}”")
    if not result.proposals:
        lines.append(no_facts_message(result))
    for note in result.rate_notes:
        lines.append(f"Rate given by the text: {note}")
    return "\n".join(lines)
