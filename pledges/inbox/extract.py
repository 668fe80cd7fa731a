"""Proposed facts from an article's sentences: who pledged or delivered what, how many, worth how much, when.

A rule-based reader. Each sentence is split into clauses ("…, while Germany will send…"); a clause with a
donor, an aid verb and something given (a system of the record, or a category's noun) yields one proposal
per donor and item. Sentences that only look like facts are set aside with the reason: appeals, totals
since the start of the war, speculation, battlefield and consumption figures, replenishing one's own stocks.
A list after "The package includes:" inherits the donor, kind and date of the sentence that opened it.
"""

import datetime
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from itertools import accumulate

from .. import money
from ..dates import DatePrecision, certainly_before, period_start
from . import dates as text_dates
from .clean import LEADER_RE, clean
from .numbers import column_currencies, column_money, find_money, parse_count, table_cells
from .patterns import (
    AID_WORDS_RE,
    ALL_NOW_HANDED_RE,
    ALONGSIDE_RE,
    ALSO_RE,
    AMONG_GIVEN_RE,
    ANAPHOR_RE,
    ANNOUNCED_ON_RE,
    ANNOUNCER_RE,
    APPEALED_GIVING_RE,
    ARRIVAL_RE,
    ARTICLE_BEFORE_RE,
    ASIDE_RE,
    BARE_MUNITIONS_RE,
    BESIDE_THE_FACT_RE,
    BESIDES_SUM_RE,
    BLOCKING_BEFORE,
    BOLD_LINE_RE,
    BULLET_RE,
    BUYS_FOR_RE,
    CIVIL_RE,
    CLAIM_LABEL_RE,
    CLAUSE_RE,
    CO_GIVERS_RE,
    CONDITION_RE,
    CONJUNCTION_BEFORE_RE,
    CONTINUATION_RE,
    CONTRIBUTION_OF_RE,
    CONVERSION_GAP_RE,
    COUNT_AFTER_RE,
    COUNT_CELL_RE,
    CREWED_CATEGORIES,
    CURRENCY_AFTER_RE,
    DATED_LABEL_RE,
    DATELINE_RE,
    DAY_HEADING_RE,
    DECIDED_RE,
    DEFINITE_BEFORE_RE,
    DELIVERY_RE,
    DENIED_BEFORE_RE,
    DESCRIBING_RE,
    DESIGNATION_BEFORE_RE,
    DESIGNATIONS_GAP_RE,
    DONOR_ADJECTIVE_RE,
    DONOR_LINE_RE,
    DRAWN_FROM_RE,
    EARLIER_AID_RE,
    EARLIER_PLEDGE_RE,
    EARMARKED_RE,
    ELLIPTIC_COUNT_RE,
    ELLIPTIC_SUBJECT_RE,
    ENABLING_CATEGORIES,
    ENTRY_HEADING_RE,
    EU_MEMBER_RE,
    EXCHANGE_RE,
    EXCLUDED_RE,
    FINANCED_MAKING_RE,
    FIRED_ROUNDS_RE,
    FIRST_OF_RE,
    FIRST_PERSON_SUBJECT_RE,
    FIRST_SINCE_RE,
    FIRST_THEN_REST_RE,
    FOR_UKRAINE_RE,
    FOR_USE_IN_RE,
    FOREIGN_DOLLAR_RE,
    FOUNDER_AFTER_RE,
    FROM_AFTER_RE,
    FROM_BEFORE_RE,
    FUND_AFTER_RE,
    FUND_KEEPER_RE,
    FUNDING_WORDS_RE,
    FUTURE_GIVING_RE,
    FUTURE_RE,
    GAPPED_CLAUSE_RE,
    GAPPED_COUNT_RE,
    GENERIC_RE,
    GIVEN_AWAY_BEFORE_RE,
    GIVEN_BEFORE_RE,
    GIVEN_TO_UKRAINE_RE,
    GIVES_GENERIC_RE,
    GIVES_SUM_BEFORE_RE,
    GOVERNMENT_RE,
    GROUP_ROLE_RE,
    HANDED_PACKAGE_RE,
    HANDOVER_TO_COME_RE,
    HEADING_NUMBER_RE,
    HEADLINE_END_RE,
    HEADLINE_RE,
    HEDGE_BEFORE,
    HUMANITARIAN_RE,
    HYPERNYMS,
    INCLUDED_WITH_RE,
    INTO_FUND_RE,
    JOINED_RE,
    JOINS_BEFORE_RE,
    JOINT_RE,
    KEPT_FUND_RE,
    LINE_SUM_RE,
    LINE_TOPIC_RE,
    LIST_COMMA_RE,
    LIST_GAP_RE,
    LIST_HEADING_RE,
    LIST_JOIN_RE,
    LIST_SUM_NOUN_RE,
    LISTING_RE,
    LIVE_ENTRY_RE,
    MADE_BY_BEFORE_RE,
    MANY_DONORS_RE,
    MEETING_PRIORITY,
    MEETING_WORDS,
    MENDED_RE,
    MODIFIER_AFTER_RE,
    MONEY_BUYS_RE,
    MONEY_TOWARDS_BUYER_RE,
    MORE_LATER_RE,
    MUNITIONS_NOUN_RE,
    NAME_NUMBER_RE,
    NAMED_AFTER_RE,
    NAMED_AFTER_SUM_RE,
    NAMED_AGAIN_RE,
    NAMED_FUND_RE,
    NAMES_UKRAINE_RE,
    NATO_ROLE_RE,
    NEWSPAPER_RE,
    NEXT_DAY_RE,
    NON_FACTS,
    NOT_CO_GIVING_BEFORE_RE,
    NOT_NAMES,
    NOT_THE_GIVER_RE,
    NUMBERED_MEETING_RE,
    OBJECT_OF_RE,
    ONE_WORD_GAP_RE,
    ONGOING_RE,
    ORDER_FROM_RE,
    OTHER_NEWS_RE,
    PACKAGE_BEFORE_RE,
    PACKAGE_LINE_RE,
    PACKAGE_QUESTION_RE,
    PACKAGE_TOLD_RE,
    PACKAGE_WORDS_RE,
    PAID_BY_RE,
    PAIRED_NEXT_RE,
    PART_HANDED_OVER_RE,
    PART_OF_COUNT_RE,
    PART_OF_RE,
    PART_OF_UNIT_RE,
    PARTNERS_FIRST_RE,
    PAY_FOR_BEFORE_RE,
    PERFECT_RE,
    PLANNED_RE,
    PLEDGE_RE,
    PLURAL_HEAD_RE,
    POOL_BUYS_CLAUSE_RE,
    POOL_BUYS_RE,
    POOL_THAT_BEFORE_RE,
    POOL_WORKINGS_RE,
    POOLED_BEFORE_RE,
    PROMISED_IN_PARTS_RE,
    PROMISED_RE,
    PROMISED_WHEN_RE,
    QUALIFIED_REASONS,
    QUANTITY_RE,
    QUESTION_PREMISE_RE,
    QUESTIONER_RE,
    RATE_AFTER_RE,
    RECEIVED_BLOCKING_BEFORE,
    RECEIVED_THROUGH_POOL_RE,
    RECEIVES_RE,
    RECIPIENT_BEFORE_RE,
    RECIPIENTS_NAMED_BEFORE,
    REFERS_BACK_RE,
    REFUSED_BEFORE_RE,
    RELATIVE_RE,
    RELATIVE_SUBJECT_BEFORE_RE,
    REPORTED_ON_RE,
    REPORTED_THEN_RE,
    REQUESTED_THING_RE,
    RING_EXCHANGE_RE,
    RUN_IN_DONOR_RE,
    RUSSIAN_STRIKE_RE,
    SAME_AS_BEFORE_RE,
    SAME_DAY_RE,
    SAME_MONTH_RE,
    SAME_NUMBER_RE,
    SAME_PERIOD_RE,
    SCHEDULE_BEFORE_RE,
    SECTION_HEADING_RE,
    SERVED_RE,
    SERVES_GIVEN_RE,
    SEVERAL_ALLIES_RE,
    SHARE_OF_SUM_RE,
    SIMULATOR_RE,
    SINCE_BEFORE_RE,
    SINCE_THEN_RE,
    SINGLE_RE,
    SPEAKER_RE,
    SPEAKERS_WOULD_RE,
    STANDS_IN_RE,
    STRONG_RE,
    SUBHEADING_RE,
    SUBJECT_OF_CLAUSE_RE,
    SUM,
    SUM_FOR_RE,
    SUSTAINED_RE,
    TABLE_ROW_RE,
    TARGET_BEFORE_RE,
    THAT_PACKAGE_RE,
    THE_PACKAGE_RE,
    THEN_HANDED_RE,
    THROUGH_POOL_RE,
    TO_FUND_AFTER_RE,
    TOLD_WRONGLY_RE,
    TOPIC_ONLY_LINE_RE,
    TOTAL_WORD_RE,
    TRAINED_AFTER_RE,
    TRAINED_IN_BEFORE_RE,
    TRAINED_ON_GAP_RE,
    TRAINING_WORD_RE,
    UKRAINIAN_MAKERS_RE,
    UNIT_GAP_RE,
    UNIT_OF_RE,
    VAGUE_COUNT_BEFORE_RE,
    VERSION_OF_RE,
    VISITOR_ARRIVING_RE,
    WEEKDAY_HEADING_RE,
    WERE_TRAINED_RE,
    WHERE_TOLD_RE,
    WITH_PARTNERS_RE,
    WITH_RE,
    WORTH_BEFORE_RE,
    YEAR_WRITTEN_RE,
)
from .vocabulary import CATEGORY_PATTERNS, PLACE_NAMES


@dataclass
class Proposal:
    kind: str
    donor: str
    category: str
    system: str | None
    quantity: int | None
    value: Decimal | None
    currency: str | None
    value_eur: Decimal | None
    date: datetime.date | None
    date_precision: str | None
    meeting: str | None
    co_funders: list
    quote: str
    # where in the quote its item is named: two alike items of one list ("munitions for Patriot, ammunition
    # for HIMARS") are two proposals, one item named twice is one
    named_at: int = 0
    # whether the item is named by a proper name ("FH-70 howitzers", "Leopard 2A4"): a vague mention of its
    # category before gives way to it
    proper: bool = False

    def as_json(self):
        data = asdict(self)
        del data["named_at"], data["proper"]
        for key in ("value", "value_eur"):
            data[key] = None if data[key] is None else f"{data[key]:.2f}"
        data["date"] = self.date.isoformat() if self.date else None
        data["date_precision"] = str(self.date_precision) if self.date_precision else None
        return data


@dataclass
class Extraction:
    title: str
    proposals: list
    set_aside: list = field(default_factory=list)  # (reason, text)
    rate_notes: list = field(default_factory=list)


@dataclass
class _Item:
    start: int
    end: int
    category: str
    system: str | None
    text: str
    again: bool = False  # "the missiles": named before, a fact only if its kind or donor is new
    count: int | None = None  # a count the clause gives apart from the item's name ("handed over 30")
    named: bool = False  # a name of the record's systems (one system, or a family of several)


@dataclass
class _Reading:
    """What one sentence passes to the next while an article is read."""

    vocabulary: object
    published: datetime.date | None
    publisher_donors: list
    # the donors, kind and date that a list, or a sentence naming no donor, takes from the fact before it (and, while
    # a list is read, "list_kind": the kind its heading gave, which each line takes rather than the line before's)
    context: dict | None = None
    # the first date the article gives an announcement: its other undated pledges were made then too
    announced: tuple | None = None
    # the first date it gives a handover: a list of handovers with no date of its own restates that one
    handed: tuple | None = None
    # sums of money proposed on their own ("£2.5 billion of military aid"), and those a list after them itemised:
    # a package's total is no item of it
    last_items: list = field(default_factory=list)  # (category, system) of the last fact's items
    last_facts: list = field(default_factory=list)  # the same, kept while sentences without facts pass
    # every proposal made while the article is read, kept so that the ids below name one proposal each (an id is
    # reused once its object is gone)
    made: list = field(default_factory=list)
    sums: dict = field(default_factory=dict)  # id(proposal) → its donor
    itemised_sums: set = field(default_factory=set)  # ids
    package_values: set = field(default_factory=set)  # ids of proposals valued by "a package worth X"
    # ids of proposals of a sentence summing up a package ("air defence, ammunition and vehicles"): its list, if one
    # follows, names them better
    summaries: set = field(default_factory=set)
    listed: set = field(default_factory=set)  # ids of proposals of a list's lines
    # ids of proposals given besides what came before ("We are also donating 400 vehicles:", and its list's lines):
    # no part of a package told before them
    besides: set = field(default_factory=set)
    again: set = field(default_factory=set)  # ids of proposals of an item named again ("the tanks")
    in_list: bool = False  # whether the sentence before ended with ";" or ":", opening or continuing a list
    # the sentence before, when it named nothing given ("what the Bundeswehr supplied during July"): its kind of aid
    # and its date are those of a list its next sentence only heads ("Its list for the month includes:")
    told_before: str | None = None
    # the sentences read so far, the last one last: an undated heading of "that package" looks back for its day
    read: list = field(default_factory=list)
    # why the sentence opening the list being read was set aside, if it tells what a sum buys ("NATO will use the
    # money for things such as:"): its lines are set aside with it
    list_aside: str | None = None
    correction: int | None = None  # the paragraph of a correction: its sentences may tell what was put right
    # the donor the article names most (the first of equals): whom "we", "it" and a list under a bare heading
    # ("Delivered:") speak for, when no publisher tells
    main_donors: list = field(default_factory=list)
    lead_donors: list = field(default_factory=list)  # the first fact's donor: the article's, once it has one
    local_dollar: bool = False  # whether a bare "$" may be the donor's own dollar (the text writes no "C$")
    # the month a story last told of with its year ("In February 2024 Belgium paid"): "In March" after it is that
    # year's, until a sentence dates something from the report ("last week", "on Tuesday")
    story: datetime.date | None = None
    # the day a sentence giving nothing dated ("Last Wednesday in Brussels two allies opened their wallets."), and its
    # paragraph: the paragraph's next undated pledge was made that day
    scene: tuple | None = None
    paragraph: int = 0
    # the day of the feed's entry being read ("15 October 2022, 12:48"): its "today", and the day its undated news is by
    entry_day: datetime.date | None = None
    # a paragraph's run-in heading naming a donor ("Netherlands. Prime Minister Mark Rutte said…"): (paragraph, code),
    # the giver its sentences naming none speak of
    run_in: tuple | None = None
    # a section heading that is a donor's name alone ("Poland", "GERMANY"): the giver of the section's sentences
    # naming none, until the next heading
    section: str | None = None
    timeline: bool = False  # whether lines of a full date alone ("20 April 2023") head the text's entries
    # the currency a table's header names for each of its columns ("| Item | DKK |"), while its rows are read
    table_columns: dict | None = None


# the month Russia's full-scale invasion began: what was handed over "since February 2022" is a span of the war
INVASION_MONTH = datetime.date(2022, 2, 1)


def extract(text, vocabulary, published=None, publisher=""):
    """Read an article: its proposals, and what was set aside (not the article, or not a fact) and why."""
    article = clean(text)
    result = Extraction(article.title, [], list(article.set_aside), article.rate_notes)
    meetings = _meetings_named(article.sentences, vocabulary, published)
    reading = _Reading(vocabulary, published, _publisher_donors(publisher or "", vocabulary))
    reading.main_donors = _main_donors(article, vocabulary)
    reading.local_dollar = not FOREIGN_DOLLAR_RE.search(text)
    reading.timeline = sum(bool(DAY_HEADING_RE.match(sentence)) for _, sentence in article.sentences) > 1
    standfirst = set()  # ids of the proposals of the lines restating the title
    for number, (paragraph, sentence) in enumerate(article.sentences):
        following = article.sentences[number + 1 : number + 2]
        if TOPIC_ONLY_LINE_RE.match(sentence) and following and following[0][0] == paragraph:
            continue  # "• Fighter aircraft. Together with the United Kingdom…": the line's topic, told by its prose
        reading.paragraph = paragraph
        heading = _run_in_donor(sentence, vocabulary)
        if heading:
            reading.run_in = (paragraph, heading)
            continue
        neighbours = article.sentences[max(0, number - 1) : number] + following
        alone = all(other[0] != paragraph for other in neighbours)  # a paragraph of one line
        if SECTION_HEADING_RE.match(sentence) and alone:
            # a line of its own: a heading, naming the section's donor or ending the last one's
            reading.section = _run_in_donor(sentence + ".", vocabulary)
            if reading.section:
                continue
        if BOLD_LINE_RE.match(sentence) and alone:
            continue
        if not (TABLE_ROW_RE.search(sentence) or set(sentence.strip()) <= set("|-: ")):  # (nor its rule, "|---|")
            reading.table_columns = None
        elif reading.table_columns is None:
            reading.table_columns = column_currencies(sentence)  # (the table's first row is its header)
        found, reason = _read_sentence(sentence, reading)
        found = _counted_for_the_sum(sentence, found, result.proposals)
        reading.scene = None if found or reason else _scene(sentence, paragraph, reading) or reading.scene
        # (and so does a heading line of its own, no list's line: "Latest: Abrams tanks handed over", over the prose
        # that tells when)
        heading_line = (
            alone
            and len(sentence.split()) <= 10
            and HEADLINE_END_RE.search(sentence)
            and not (BULLET_RE.match(sentence) or "|" in sentence or LEADER_RE.search(sentence))
        )
        if paragraph in article.standfirst or heading_line:
            standfirst |= {id(proposal) for proposal in found}
        if reason:
            result.set_aside.append((reason, sentence))
        for proposal in found:
            proposal.meeting = _meeting_for(proposal, meetings)
            if proposal not in result.proposals:
                result.proposals.append(proposal)
    # the lines restating the title under it ("Wallace authorises AMRAAM supply after…") give what the story gives
    # again, with its own date
    story = [proposal for proposal in result.proposals if id(proposal) not in standfirst]
    result.proposals = [
        proposal
        for proposal in result.proposals
        if id(proposal) not in standfirst or not any(_same_thing(proposal, other) for other in story)
    ]
    result.proposals = [
        proposal
        for proposal in result.proposals
        # "allies committed about 21 billion euros": a sum of several donors is their total, no one's fact
        if not (_package_total(proposal, result, reading) or proposal.donor == "UDCG" and proposal.value)
    ]
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if id(proposal) in reading.listed
        and id(proposal) not in reading.summaries
        or not any(_told_again(proposal, later, reading) for later in result.proposals[number + 1 :])
    ]
    proposals = result.proposals
    result.proposals = [
        proposal
        for number, proposal in enumerate(proposals)
        if id(proposal) not in reading.again or not any(_same_item(proposal, other) for other in proposals[:number])
    ]
    # "Mr Marles described the air defence… as a major contribution": an item named again in prose, with nothing
    # new (no count, sum or date of its own), is the earlier item told again
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if id(proposal) in reading.listed
        or not _vague(proposal)
        or LISTING_RE.search(proposal.quote)
        or ALSO_RE.search(proposal.quote)
        or not any(_named_before(proposal, earlier) for earlier in result.proposals[:number])
    ]
    # "Our tanks were among the first heavy weapons to cross the border… as the first four Polish Leopard 2A4 tanks
    # were handed over": a sentence's vague promise is the handover it names better
    result.proposals = [
        proposal
        for proposal in result.proposals
        if not (_vague(proposal) and any(_better_in_sentence(proposal, other) for other in result.proposals))
    ]
    # "Latvia has delivered four helicopters… Two Mi-17 transport helicopters and two smaller Mi-2s": a lead's count
    # that the items named after it add up to is their sum, no item of its own
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if not _sum_of_later(proposal, result.proposals[number + 1 :])
    ]
    # "UK to send 350 air defence missiles to Ukraine" over a live blog's entry whose next fact is "350 ASRAAM air
    # defence missiles", "Line 1 – Maintenance of donated Leopard tanks (NOK 150 million)" over the paragraph
    # telling that decision: a heading tells the fact below it
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if not (
            HEADLINE_RE.fullmatch(proposal.quote)
            and not BULLET_RE.match(proposal.quote)
            and id(proposal) not in reading.listed
            and any(_heads(proposal, later) for later in result.proposals[number + 1 : number + 2])
        )
    ]
    # "around EUR 198 million… this package of nearly EUR 200 million": the same sum told again, rounded
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if not any(_same_sum(proposal, earlier) for earlier in result.proposals[:number])
    ]
    if any(pattern.search(text) for pattern, code, _ in vocabulary.donors_in(text) if code == "EPF"):
        for proposal in result.proposals:
            # the EU's military aid named beside its facility is the facility's (but not its training mission's
            # courses: EUMAM is the EU's own)
            if proposal.donor == "EU" and proposal.category != "training":
                proposal.donor = "EPF"
    # "a fifth tranche of €500 million… – €490 million for lethal equipment; – €10 million for fuel": their total
    result.proposals = [
        proposal
        for number, proposal in enumerate(result.proposals)
        if not (proposal.value and _total_of_later(proposal, result.proposals[number + 1 :]))
    ]
    for number, proposal in enumerate(result.proposals):
        later = result.proposals[number + 1 :]
        # (not what was given on another day: "49 Abrams tanks, in a package valued at A$245 million", then "Back in
        # April … A$30 million for drones")
        if id(proposal) in reading.package_values and any(
            other.donor == proposal.donor and other.kind == proposal.kind and not _dated_apart(other, proposal)
            for other in later
        ):
            proposal.value = proposal.currency = proposal.value_eur = None  # the package holds more than this item
    return result


def _after_handover(reading):
    """Whether the sentence before, of no fact of its own, told a handover: what comes next may tell what it held
    ("Romania had handed over its fifth package. By his account the package consists of…")."""
    return bool(reading.told_before and _kind(reading.told_before) == "delivery")


def _handover_day(reading):
    """The date the sentence before gives the handover whose contents follow ("supplied during July", "the handover
    was completed on April 4"); None when it only reports it on the day of the report."""
    told = _date_of(reading.told_before, "delivery", reading, None)
    if told[0] != reading.published:
        return told
    # ("On 9 January the minister attended the meeting. She told partners what had reached Ukraine. The list was…":
    # what was reported that day had arrived by then)
    said = _last_said(reading)
    return (said[0], DatePrecision.ON_OR_BEFORE) if said and said[1] == DatePrecision.DAY else None


def _run_in_donor(sentence, vocabulary):
    """The donor a paragraph's run-in heading is, and no more ("Netherlands.", "The Czech Republic:"); None."""
    match = RUN_IN_DONOR_RE.match(sentence)
    spans = _donor_spans(match.group("name"), vocabulary, speakers=False) if match else []
    return spans[0][0] if len(spans) == 1 and spans[0][1:] == (0, len(match.group("name"))) else None


def _scene(sentence, paragraph, reading):
    """The one day a sentence that gives nothing names, in the past: the scene of what its paragraph tells next."""
    days = [
        mention
        for mention in text_dates.find_dates(sentence, reading.published, reading.story)
        if mention.precision == DatePrecision.DAY and not mention.ahead
    ]
    return (paragraph, days[0].date) if len(days) == 1 else None


def _publisher_donors(publisher, vocabulary):
    """Whom a publisher speaks for: "Ministry of Defence of Estonia" for Estonia, but a paper named after its city
    ("Brussels daily", "Ottawa Citizen") for no one."""
    return [
        code
        for code, start, end in _donor_spans(publisher, vocabulary, speakers=False)
        if publisher[start:end] not in PLACE_NAMES
    ]


def _main_donors(article, vocabulary):
    """The state the article names most, wherever it names it; [] when it names none."""
    text = "\n".join([article.title, *(sentence for _, sentence in article.sentences)])
    mentions = [
        (code, match.start())
        for pattern, code, _ in vocabulary.donors_in(text)
        if code not in ("UDCG", "NATO")
        for match in pattern.finditer(text)
        # "in Vilnius" is a place; "aid from Germany" names the giver
        if not RECEIVED_BLOCKING_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    ]
    if not mentions:
        return []
    counts = Counter(code for code, _ in sorted(mentions, key=lambda mention: mention[1]))
    main = max(counts, key=counts.get)  # counted in order of mention: the first of equals wins
    # the EU gives through its European Peace Facility: an article naming the facility is about it
    return ["EPF" if main == "EU" and "EPF" in counts else main]


def _main(clause, sentence, reading):
    """The article's donor, for a clause that names none ("we will send…"); not where it names one as no giver
    ("the Czech initiative"). The verb of giving may stand before a colon ("Less typical items are on the list:
    fuel tanker trucks and riverine boats")."""
    head = sentence[: sentence.find(clause)]
    verb = PLEDGE_RE.search(clause) or DELIVERY_RE.search(clause)
    gives = verb or head.rstrip().endswith(":") and (PLEDGE_RE.search(head) or DELIVERY_RE.search(head))
    # "the government said it would give A$50 million to a fund run by Britain's Ministry of Defence": the article's
    # own government gives, whoever else its object names
    named_from = verb.start() if verb and GOVERNMENT_RE.search(clause[: verb.start()]) else 0
    # ("Together with Denmark and Norway we are providing…": we give, with partners)
    speaker = PARTNERS_FIRST_RE.match(clause) and FIRST_PERSON_SUBJECT_RE.search(clause)
    partners_end = speaker.start() if speaker else 0
    # (a fund named by its keeper, "NATO's Comprehensive Assistance Package", is where the money goes: no giver named)
    # (nor a currency's adjective: "cameras worth 64 million Canadian dollars have been delivered")
    names = any(
        not _keeps_a_fund(clause, match)
        and not CURRENCY_AFTER_RE.match(clause, match.end())
        and not WHERE_TOLD_RE.match(clause, match.end())
        and partners_end <= match.start() < (named_from or len(clause))
        for pattern, _, _ in reading.vocabulary.donors_in(clause)
        for match in pattern.finditer(clause)
    )
    # "the three countries", "partners": donors the clause counts without naming are not the article's one
    return [] if names or not gives or MANY_DONORS_RE.search(clause) else reading.lead_donors or reading.main_donors


def _told_again(proposal, later, reading):
    """Whether a later sentence's proposal names the same item as this one, better: a package's summary, a vague
    mention ("Canada has sent heavy artillery") before the M777s, a lead's count before the same count in its list."""
    if (later.kind, later.donor, later.category) != (proposal.kind, proposal.donor, proposal.category):
        return False
    if later.quote == proposal.quote or not (later.system == proposal.system or not proposal.system):
        return False
    if id(proposal) in reading.summaries:
        # a summary's items are named better by a list's line, or by a name, count or sum (not by another vague item
        # of the same category: "the package also covers helmets…" then "ambulances" are three things)
        return id(later) in reading.listed or not _vague(later) or later.proper
    if _vague(proposal):
        # (not what a sentence adds, "It also includes 1,000 precision-guided rounds": more, not the same again)
        return bool(later.system or later.quantity or later.proper) and not ALSO_RE.search(later.quote)
    if proposal.system and not (proposal.quantity or proposal.value):
        if proposal.date_precision == DatePrecision.ON_OR_BEFORE and later.quantity:
            # "the NASAMS launchers the United States has promised", then "eight NASAMS batteries": counted later
            return True
        # "Zelensky: second batch of Danish F-16s has arrived", then the entry: the same jets, told again
        return (proposal.system, proposal.date, proposal.date_precision) == (
            later.system,
            later.date,
            later.date_precision,
        ) and not (later.quantity or later.value)
    # (one dated otherwise is another: "a further Patriot system" on Thursday, then "the second Patriot system
    # Germany has provided, after one handed over in April"; not when the first was undated: "has sent an air
    # defence system", then "… the S-300, in April")
    return bool(proposal.quantity and not proposal.value and later.quantity == proposal.quantity) and (
        proposal.quantity > 1
        or proposal.date_precision == DatePrecision.ON_OR_BEFORE
        or (later.date, later.date_precision) == (proposal.date, proposal.date_precision)
    )


def _same_sum(again, earlier):
    """Whether a sum of no item named is an earlier sum of the same donor told again (to within 5%)."""
    return (
        bool(again.value and earlier.value)
        and again.quote != earlier.quote  # (two sums of one sentence are two)
        and not (again.system or again.quantity)
        and (again.kind, again.donor, again.category, again.currency)
        == (earlier.kind, earlier.donor, earlier.category, earlier.currency)
        and abs(again.value - earlier.value) <= earlier.value / 20
        # (not a sale cleared on another day: "$179.1 million" on Friday, "about $172 million" on July 23; nor a year's
        # sum another year's: "one billion euros for 2024", then "a further one billion euros" this February)
        and not _dated_apart(again, earlier)
    )


def _dated_apart(one, other):
    """Whether two proposals' dates cannot fall on the same day ("in 2024" and "on 24 February 2025")."""
    return certainly_before(one.date, one.date_precision, other.date, other.date_precision) or certainly_before(
        other.date, other.date_precision, one.date, one.date_precision
    )


def _vague(proposal):
    """ "Canada has sent heavy artillery": no system, count nor sum; a later sentence naming the M777s it sent
    names the same thing more precisely."""
    return not (proposal.system or proposal.quantity or proposal.value)


def _later_parts(proposal, later, attribute, alike):
    """The `attribute` of each later proposal from another sentence that is `alike` this one and states it."""
    return [
        getattr(other, attribute)
        for other in later
        if other.quote != proposal.quote and alike(other) == alike(proposal) and getattr(other, attribute)
    ]


def _sum_of_later(proposal, later):
    """Whether a count of no system is the sum of two or more later counts of the same kind, donor and category (or
    a hedged count their sum rounds: "more than 400 armoured vehicles: 66 LAV 6… 383 Senators…")."""
    parts = _later_parts(proposal, later, "quantity", lambda other: (other.kind, other.donor, other.category))
    if not (proposal.quantity and not (proposal.system or proposal.value) and len(parts) > 1):
        return False
    hedged = re.search(rf"{HEDGE_BEFORE}(?:{proposal.quantity}|{proposal.quantity:,})\b", proposal.quote)
    return (
        sum(parts) == proposal.quantity
        or bool(hedged)
        and abs(sum(parts) - proposal.quantity) <= proposal.quantity * 0.15
    )


def _total_of_later(proposal, later):
    """Whether a sum is the total of the next two or more sums of the same kind, donor and currency: "a fifth tranche
    of €500 million… – €490 million to finance lethal equipment; – €10 million for non-lethal supplies". (A sum for
    one kind of thing, "artillery ammunition worth SEK 2 billion", totals nothing.)"""
    # (but a list's heading, "will spend five billion kroner on artillery ammunition, split across two channels:",
    # totals the lines under it whatever it names)
    if proposal.category not in ("funding", "other-equipment") and not proposal.quote.rstrip().endswith(":"):
        return False
    parts = _later_parts(proposal, later, "value", lambda other: (other.kind, other.donor, other.currency))
    return proposal.value in list(accumulate(parts))[1:]


def _same_thing(proposal, other):
    """Whether two proposals give the same kind of thing, of one donor, whatever their dates."""
    return (other.kind, other.donor, other.category) == (proposal.kind, proposal.donor, proposal.category)


def _heads(heading, later):
    """Whether a heading's count or sum is the next fact's, of its kind and donor."""
    return (
        (later.kind, later.donor) == (heading.kind, heading.donor)
        and later.quote != heading.quote
        and bool(
            heading.quantity
            and later.quantity == heading.quantity
            or heading.value
            and (later.value, later.currency) == (heading.value, heading.currency)
        )
    )


def _better_in_sentence(vague, other):
    """Whether a vague promise is a handover of the same sentence, of its donor, named better (but two items of one
    kind are two, "ammunition for HIMARS and 155mm rounds"; and a vague handover after a promise counted is that
    promise kept: "Athens committed 40 BMP-1s, and BMP-1s have since been handed over")."""
    return (
        other.quote == vague.quote
        and (other.donor, other.category) == (vague.donor, vague.category)
        and (vague.kind, other.kind) == ("pledge", "delivery")
        and not _vague(other)
    )


def _named_before(again, earlier):
    """Whether an item of no count, sum nor system is one an earlier sentence gave, on the same date."""
    fields = ("kind", "donor", "category", "date", "date_precision")
    return again.quote != earlier.quote and all(getattr(again, name) == getattr(earlier, name) for name in fields)


def _same_item(again, earlier):
    """Whether "the tanks" of a later sentence are an earlier proposal's item: same kind and donor, and the same
    system, or the same category when they name none."""
    return (again.kind, again.donor, again.category) == (earlier.kind, earlier.donor, earlier.category) and (
        again.system is None or again.system == earlier.system
    )


def _package_total(proposal, result, reading):
    """A sum announced before the items of its donor, itemised by the list after it, or said of "the package" its
    items were just given for, is their package's total."""
    if id(proposal) not in reading.sums or id(proposal) in reading.listed:
        return False  # (a list's line giving a sum is an item of the list, "- SEK 60 million to NATO's trust fund")
    if id(proposal) in reading.itemised_sums:
        return True
    number = result.proposals.index(proposal)
    later = result.proposals[number + 1 :]
    # (a sum no package: up to the donor's next sum, "an additional one billion euros this year… next year three
    # billion"; a package's sums after it are its parts)
    ends = len(later)
    if not PACKAGE_WORDS_RE.search(proposal.quote):
        # (money paid into a pool is the donor's next sum too, though no package's total)
        ends = next(
            (
                at
                for at, other in enumerate(later)
                if (id(other) in reading.sums or other.category == "funding" and other.value)
                and other.donor == proposal.donor
            ),
            ends,
        )
    # "Canada will also donate 288 AIM-7 missiles": what is given besides the sum is no part of it
    # (nor is what "part of that funding will go to": a share of the sum, which stays given as such)
    others = [
        other
        for other in later[:ends]
        if not (id(other) in reading.besides or ALSO_RE.search(other.quote) or SHARE_OF_SUM_RE.match(other.quote))
    ]
    if THE_PACKAGE_RE.search(proposal.quote):
        others += result.proposals[:number]
    # ("We put this package of nearly EUR 200 million together": the same sum told again is no item of it)
    others = [other for other in others if not (_same_sum(other, proposal) or _same_sum(proposal, other))]
    # ("- 18th package: approved on 25 August 2023; … EUR 94 million. - 19th package: approved on 11 October…": a sum
    # given on another day is another package, no part of this one)
    others = [other for other in others if not (id(other) in reading.sums and _dated_apart(other, proposal))]
    # ("…€100 million a year. Last month it pledged clothing and small arms": things given a month before are no part)
    return any(
        other.donor == proposal.donor
        and other.kind == proposal.kind
        and not (
            other.date
            and proposal.date
            and other.date_precision in (DatePrecision.MONTH, DatePrecision.QUARTER, DatePrecision.YEAR)
            and other.date < period_start(proposal.date, other.date_precision)
        )
        for other in others
    )


def _without_pool_workings(sentence):
    """The sentence with how a named pool works blanked (so offsets hold): the pool's name kept, and whom it buys
    for ("…pay for US-made weapons for Kyiv")."""

    def blank(match):
        start, workings = match.start("workings") - match.start(), match.group("workings")
        kept = "".join(
            part if NAMES_UKRAINE_RE.match(part) else " " * len(part)
            for part in re.split(r"(\bUkrain\w*|\bKyiv\b)", workings)
        )
        return match.group()[:start] + kept

    return POOL_WORKINGS_RE.sub(blank, sentence)


def _set_aside_because(sentence):
    # "10 Leopard 1A5 tanks (20 delivered in total)": a remark in brackets does not set its line aside
    sentence = re.sub(r"\([^()]*\)", lambda match: " " * len(match.group()), sentence)
    sentence = REQUESTED_THING_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = FIRST_SINCE_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = _without_pool_workings(sentence)
    sentence = CONDITION_RE.sub(lambda match: " " * len(match.group()), sentence)
    for pattern, part in ((APPEALED_GIVING_RE, "verb"), (RING_EXCHANGE_RE, "tail")):
        for match in pattern.finditer(sentence):
            start, end = match.span(part)
            sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    # "…ten new CV90s, which can be delivered in 2026": a clause describing what is given says when it may come; "…
    # will give Ukraine F-16s, though it has not said how many": a clause beside the fact qualifies it, and sets
    # nothing aside
    describing = [match.span() for match in DESCRIBING_RE.finditer(sentence)]
    beside = [match.span() for match in BESIDE_THE_FACT_RE.finditer(sentence)]
    outside = sentence
    for start, end in beside:
        outside = outside[:start] + " " * (end - start) + outside[end:]
    # ("Ukrainian officials keep asking for spare parts for the armour they have received": aid told as what the
    # request is for is no strong verb of the sentence)
    strong = STRONG_RE.search(EARLIER_AID_RE.sub(lambda match: " " * len(match.group()), sentence))
    for reason, pattern, strong_overrides in NON_FACTS:
        matches = [match for match in pattern.finditer(sentence)]
        if reason == "speculation" and STRONG_RE.search(sentence):
            matches = [match for match in matches if not any(start <= match.start() < end for start, end in describing)]
        if reason in QUALIFIED_REASONS and STRONG_RE.search(outside):
            matches = [match for match in matches if not any(start <= match.start() < end for start, end in beside)]
        if matches and not (strong_overrides and strong):
            # (not "where munitions have been gifted to Ukraine, we are working to replenish UK stocks", nor "… and
            # are not part of the assistance to Ukraine")
            if reason.startswith("replenishing") and any(
                not (
                    GIVEN_AWAY_BEFORE_RE.search(sentence[: match.start()])
                    or DENIED_BEFORE_RE.search(sentence[: match.start()])
                )
                for match in FOR_UKRAINE_RE.finditer(sentence)
            ):
                continue
            return reason
    return None


def _counted_for_the_sum(sentence, found, earlier):
    """ "Norway will spend up to NOK 210 million on artillery ammunition. The money will buy roughly 17,000 shells":
    the count the sum buys is the sum's fact's, no new fact."""
    if not (MONEY_BUYS_RE.match(sentence) and len(found) == 1 and earlier):
        return found
    [counted], last = found, earlier[-1]
    if (
        counted.quantity
        and not counted.value
        and last.value
        and not last.quantity
        and (last.donor, last.category, last.system) == (counted.donor, counted.category, counted.system)
    ):
        last.quantity = counted.quantity
        return []
    return found


def _read_sentence(quote, reading):
    """The sentence's proposals, and why it was set aside if it was; updates what the next sentence inherits."""
    vocabulary, context = reading.vocabulary, reading.context
    reading.read.append(quote)
    _follow_the_story(quote, reading)
    # "RAMSTEIN, Germany - Denmark will…": where the story was filed names no donor (blanked, so offsets hold)
    sentence = DATELINE_RE.sub(lambda match: " " * len(match.group()), quote)
    sentence = LEADER_RE.sub(lambda match: " |".ljust(len(match.group())), sentence)
    # "* LITHUANIA: More than 5,000 drones…": a factbox's line names its donor in capitals
    line = DONOR_LINE_RE.match(sentence)
    if line and line.group("donor").isupper():
        start, end = line.span("donor")
        sentence = sentence[:start] + sentence[start:end].title() + sentence[end:]
    # "DR. KAHL: There are 32 Bradleys…": a transcript's speaker is no part of what is said
    asker = QUESTIONER_RE.match(sentence)
    if asker:
        # (but "Q: Secretary Austin told reporters today that the Czech Republic has handed over attack helicopters…":
        # a question's premise, what someone named said, is told as it was said)
        if sentence.rstrip().endswith("?") or not QUESTION_PREMISE_RE.match(sentence, asker.end()):
            if PACKAGE_QUESTION_RE.search(sentence) and reading.main_donors:
                # "Q: What else is in the package?": the answer ("There are 32 Bradleys…") tells the package's things
                reading.context = {"donors": reading.main_donors, "kind": "pledge"}
            return [], "question"
        sentence = " " * asker.end() + sentence[asker.end() :]
    if CLAIM_LABEL_RE.match(sentence):
        return [], "a claim checked"  # ("MYTH: Irish money is buying guns…": no speaker's label, what is tested)
    sentence = SPEAKER_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = NEWSPAPER_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = _without_topic(sentence, reading.vocabulary)
    if LIVE_ENTRY_RE.match(sentence):
        # a live blog's entry reports its own news: an earlier entry's day is not its
        reading.announced = reading.handed = None
    entry = ENTRY_HEADING_RE.match(sentence)
    if (
        entry
        or WEEKDAY_HEADING_RE.match(sentence)
        or DATED_LABEL_RE.match(sentence)
        or reading.timeline
        and DAY_HEADING_RE.match(sentence)
    ):
        said = text_dates.find_dates(sentence, reading.published, reading.story)
        # (but the report's own day over all it tells, "Show notes | Friday, 29 December 2023", leaves what it
        # reports to say when it was announced: "the package the Pentagon announced on Wednesday")
        dateline = not (entry or reading.made) and said and said[0].date == reading.published
        reading.announced = (said[0].date, said[0].precision) if said and not dateline else None
        reading.handed = None
        if entry and said:
            reading.entry_day = said[0].date
        return [], None
    if reading.announced is None and ANNOUNCED_ON_RE.search(sentence):
        # "Biden announced it on Friday": the day of the announcement the article reports, whoever is named (and
        # in a sentence set aside: "the package the Pentagon announced on Wednesday, which… exhausts the
        # replenishment money")
        said = [
            mention
            for mention in text_dates.find_dates(sentence, reading.published)
            if mention.precision == DatePrecision.DAY and not mention.ahead
        ]
        if said:
            reading.announced = (said[0].date, said[0].precision)
    reason = _set_aside_because(sentence)
    if reason == "correction":
        reading.correction = reading.paragraph
    elif reading.correction == reading.paragraph and TOLD_WRONGLY_RE.match(sentence):
        reason = "correction"
    if reading.list_aside and BULLET_RE.match(sentence):
        reason = reason or reading.list_aside
    else:
        spent_on = reason and reason.startswith("what a sum") and sentence.rstrip().endswith(":")
        reading.list_aside = reason if spent_on else None
    if reason:
        # a running total remarks on the aid just reported, and a question asks about it; the rest moves off it
        # (but a list's line set aside leaves the list going)
        if not (reason.startswith(("total", "question")) or BULLET_RE.match(sentence)):
            reading.context = None
        elif not reading.context:
            # "the weapons Poland has given since the invasion are worth 7 billion zlotys. Among them are…"
            donors = _subject_donors(_donor_mentions(sentence, vocabulary))
            if donors:
                reading.context = {"donors": donors, "kind": _kind(sentence) or "pledge"}
        named = _items(sentence, vocabulary)
        if reason.startswith("total") and named:
            # "…bring the number of HIMARS pledged to 12. Eight of them are already in Ukraine": what a tally counts,
            # the next sentence may count again
            reading.last_items = [(item.category, item.system) for item in named]
        return [], reason if (named or find_money(sentence)) else None
    # "…, making it the first NATO member to hand over gunships since…": the remark names nothing given
    sentence = FIRST_SINCE_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = GROUP_ROLE_RE.sub(lambda match: " " * len(match.group()), sentence)
    sentence = _without_pool_workings(sentence)
    # a list's last line ends with a full stop, but follows a line ending with ";" all the same
    in_list, reading.in_list = (
        reading.in_list,
        sentence.rstrip().endswith((";", ":")) or bool(TABLE_ROW_RE.search(sentence)),
    )
    continues = bool(context) and bool(
        CONTINUATION_RE.search(sentence.lstrip())
        or REFERS_BACK_RE.search(sentence)
        or in_list
        or reading.in_list
        or (context.get("listed") and SUBHEADING_RE.match(sentence.strip()))
    )
    if (
        continues
        and SUBHEADING_RE.match(sentence.strip())
        and not (in_list or BULLET_RE.match(sentence) or TABLE_ROW_RE.search(sentence))
        and not re.search(r"\d", HEADING_NUMBER_RE.sub("", sentence))
    ):
        return [], None  # "Package 2 – Vehicles and drones": a list's heading names what its lines give
    # "- Danish police are still investigating the drones seen over airports": a line of news, not of the list
    news_line = BULLET_RE.match(sentence) and OTHER_NEWS_RE.match(sentence)
    continues = continues and not news_line
    donor_line = _donor_line(sentence, vocabulary)
    # (a heading that only names what it lists, "The procurement covers:", opens the list all the same)
    if not (
        PLEDGE_RE.search(sentence)
        or DELIVERY_RE.search(sentence)
        or continues
        or donor_line
        or TABLE_ROW_RE.search(sentence)
        or LIST_HEADING_RE.match(sentence)
    ):
        # ("FM: Yes." answers, and goes on with what was asked about; "Roughly half goes to air defence." remarks on
        # the sum just given, whose lines may follow)
        if len(sentence.split()) > 3 and not SHARE_OF_SUM_RE.match(sentence):
            reading.context = None
        # "…PzH 2000 howitzers had joined the artillery. He thanked Germany for the guns": what a sentence names,
        # the next may name again, whether or not it stated a fact
        named = _again(sentence, _items(sentence, vocabulary), reading.last_items, reading.last_facts)
        reading.last_items = [(item.category, item.system) for item in named] or reading.last_items
        reading.told_before = None
        return [], None
    proposals = []
    clause_donors, clause_kind = [], None
    # what this sentence's earlier clauses, else the sentence before, named: "the jets" are those again
    named_before = list(reading.last_items)
    # ("* Lithuania: 5,000 drones, Šimonytė said beside Duda": a line's donor owns the whole line)
    clauses = _clauses(sentence, DONOR_LINE_RE.match(sentence).end() if donor_line else 0)
    for clause in clauses:
        if EXCHANGE_RE.search(clause) and not FOR_UKRAINE_RE.search(clause):
            continue  # "…, and is preparing to receive German tanks in return": what a donor gets back is no aid
        if STANDS_IN_RE.search(clause) or HUMANITARIAN_RE.search(clause):
            continue  # (and "€5 million for humanitarian purposes and reconstruction, including medicines": no arms)
        if (
            not NAMES_UKRAINE_RE.search(clause)
            and any(
                len(code) == 2
                and code != "EU"
                and RECIPIENT_BEFORE_RE.search(clause[:start])
                # (a state's name, not its adjective: "would send Australian instructors")
                and not DONOR_ADJECTIVE_RE.search(clause[start:end])
                for code, start, end in _donor_spans(clause, vocabulary, RECIPIENTS_NAMED_BEFORE)
            )
        ):
            continue  # "Germany had offered Poland Patriot launchers": arms for another state
        if POOL_BUYS_CLAUSE_RE.match(clause) and INTO_FUND_RE.search(sentence[: sentence.find(clause)]):
            continue  # "…goes into the drone coalition…, so it buys drones at scale": what the pool buys
        partners = WITH_PARTNERS_RE.search(clause)
        # (not "munitions for the F-16s that the Netherlands and its partners will hand over": a thing described)
        if partners and not RELATIVE_SUBJECT_BEFORE_RE.search(clause[: partners.start()]):
            continue
        named = _item_cell(clause, vocabulary) if TABLE_ROW_RE.search(clause) else clause
        items = _again(clause, _items(named, vocabulary), named_before, reading.last_facts)
        if sentence.rstrip().endswith(":"):
            # "The consignment, more than 5,000 weapons in all, was made up of:": the list's sum, no item of its own
            items = [item for item in items if not LIST_SUM_NOUN_RE.fullmatch(item.text)]
        items_named = [(item.category, item.system) for item in items]
        named_before = list(dict.fromkeys([*named_before, *items_named]))
        spans = _donor_spans(clause, vocabulary)
        donors = _subject_donors([(code, start) for code, start, _ in spans])
        if not donors and reading.run_in and reading.run_in[0] == reading.paragraph:
            donors = [reading.run_in[1]]  # "Netherlands. Prime Minister Mark Rutte said his government would put…"
        if not donors and reading.section:
            donors = [reading.section]  # "Poland\n\nFour Leopard 2A4s rolled into Ukraine on 24 February 2023"
        paid = PAID_BY_RE.search(clause)
        payers = []  # (who pays for what another donor gives)
        if paid and _donor_mentions(clause[paid.end() :], vocabulary):
            donors = _subject_donors(_donor_mentions(clause[paid.end() :], vocabulary))
            # "a field hospital from Estonia, paid for by Norway and the Netherlands": who it comes from gives it, and
            # its payers fund it with them
            giver = [
                code
                for code, start in _donor_mentions(clause[: paid.start()], vocabulary, RECEIVED_BLOCKING_BEFORE)
                if FROM_BEFORE_RE.search(clause[:start])
            ]
            if len(giver) == 1:
                donors, payers = giver, [code for code in donors if code != giver[0]]
        if not donors and RECEIVED_THROUGH_POOL_RE.search(clause):
            continue
        if any(item.category == "training" for item in items) and WERE_TRAINED_RE.search(clause):
            # "The first SAMP/T operators were trained at its air-defence artillery school": the rest is what and where
            # they learnt
            items = [item for item in items if item.category == "training"]
        # ("Ukrainian pilots will be trained in Britain": who trains is where the training is)
        trained = bool(items) and all(item.category == "training" for item in items)
        if not donors and (
            DELIVERY_RE.search(clause)
            or RECEIVES_RE.search(clause)
            or BULLET_RE.match(clause)
            or ORDER_FROM_RE.search(clause)
            or trained
        ):
            # "Ukraine has received the first Archer howitzers from Sweden": what arrives, arrives from its donor (and
            # a list's line, "- 1,500 artillery rounds from Denmark", names its giver so)
            donors = _subject_donors(_donor_mentions(clause, vocabulary, RECEIVED_BLOCKING_BEFORE))
        # a sum given for aid is something given too: "- SEK 60 million to NATO's trust fund"
        sum_given = not items and (_sum_given(clause, sentence, reading) or donor_line and bool(find_money(clause)))
        # ("Two were handed over in December", "Three launchers are now with Ukrainian units": the thing just named)
        gives = items or sum_given or bool(named_before and ELLIPTIC_SUBJECT_RE.match(clause))
        # "a fund raised £520 million from several nations": donors counted, not named, lend it no donor of ours
        gives = gives and not MANY_DONORS_RE.search(clause)
        if donors == ["UDCG"] and SEVERAL_ALLIES_RE.search(clause):
            donors = []  # "Ukraine has received Hawk equipment from several allies": no one donor's fact
        if donors:
            clause_donors = donors
        elif (
            gives
            and not clause_donors
            and (
                # "A day later the government said it was preparing a second shipment": the donor just named (and
                # "Today its government added a second shipment: three thousand rifles", named in the clause before)
                continues
                or _kind(clause) == "delivery"
                or RECEIVES_RE.search(clause)
                or GOVERNMENT_RE.search(sentence[: sentence.find(clause) + len(clause)])
            )
        ):
            # "The package includes…", "Wallace said the first missiles are now in the country."
            # (but "Other allies followed our lead. … we have also sent howitzers": the allies are not "we")
            before = (context or {}).get("donors")
            if before == ["UDCG"] and re.search(r"\bwe\b", clause, re.I):
                before = None
            clause_donors = before or reading.publisher_donors or _main(clause, sentence, reading)
        elif gives and not clause_donors:
            clause_donors = reading.publisher_donors or _main(clause, sentence, reading)
        clause_kind = _kind(clause) or clause_kind or _kind_joined_after(clause, sentence)
        if clause_kind == "pledge" and _after_handover(reading) and HANDED_PACKAGE_RE.search(clause):
            clause_kind = "delivery"  # what the package handed over held
        if not clause_donors:
            continue
        # what this sentence named before, else what the last fact was about
        here = [named for named in named_before if named not in reading.last_items and named not in items_named]
        things = [
            (category, system) for category, system in here or reading.last_items if category not in ENABLING_CATEGORIES
        ]
        if not items and len(things) == 1:
            # "Sweden has promised eight of the systems", "Poland will send four MiG-29s, and Slovakia 13 of the same
            # aircraft": the one thing named before (its munitions aside)
            mention = ANAPHOR_RE.search(clause)
            if mention:
                category, system = things[0]
                items = [_Item(mention.start(), mention.end(), category, system, mention.group())]
        same = SAME_AS_BEFORE_RE.search(clause)
        if not items and same and donors and reading.made:
            # "Norway will send 20 armoured vehicles. Denmark will do the same.": the same things, as many
            before = [proposal for proposal in reading.made if proposal.quote == reading.made[-1].quote]
            items = [
                _Item(same.start(), same.end(), p.category, p.system, same.group(), count=p.quantity)
                for p in before
                if p.donor not in donors
            ]
        elliptic = (
            ELLIPTIC_COUNT_RE.search(clause)
            or ELLIPTIC_SUBJECT_RE.match(clause)
            or (donors and GAPPED_CLAUSE_RE.match(clause))
        )
        if not items and named_before and elliptic:
            category, system = named_before[-1]
            if elliptic.re is ELLIPTIC_SUBJECT_RE:
                # ("…three M270 launchers with M31A1 rockets. Three are now with Ukrainian units": counted things
                # are the systems named rather than their munitions)
                category, system = ([named for named in named_before if named[1]] or named_before)[-1]
            count = parse_count(elliptic.group("count"))
            items = [
                _Item(elliptic.start(), elliptic.end(), category, system, elliptic.group(), again=True, count=count)
            ]
        # (a list's line takes its heading's kind, not the line before's: "- 7,000 rounds, already delivered")
        opened = (context if continues else None) or {}
        kind = clause_kind or opened.get("list_kind") or opened.get("kind") or "pledge"
        # ("…confirmed receipt of a consignment on 21 April. The package was valued at EUR 2 million and contained:")
        handover_headed = kind == "pledge" and _after_handover(reading) and bool(LIST_HEADING_RE.match(sentence))
        if handover_headed:
            kind = "delivery"
        if (
            continues
            and clause_kind == "pledge"
            and (in_list or BULLET_RE.match(sentence) or LISTING_RE.search(sentence))
            and not FUTURE_RE.search(clause)
            # (nor "- Washington promised 31 M1 Abrams tanks on Jan. 25.": a line saying it was promised or decided)
            and not (PROMISED_RE.search(clause) or DECIDED_RE.search(clause))
        ):
            # "has handed over: - drones, provided within the coalition" (but "- Luxembourg will also finance
            # tactical vehicles" after a line of what was delivered is promised)
            kind = opened.get("list_kind") or opened.get("kind") or kind
        amounts = _sums(clause, clause_donors[0], reading.local_dollar)
        if reading.table_columns:
            amounts = sorted(
                amounts + column_money(clause, reading.table_columns, clause_donors[0], reading.local_dollar),
                key=lambda amount: amount[2],
            )
        if (
            not items
            and amounts
            # ("We are putting in a further five million dollars, and most of that money will go into the Fund")
            and sum_given
            and not CIVIL_RE.search(clause)
        ):
            # (money given to Ukraine as such, "a further two billion kroner", is funding too)
            # (and the EU's money, which its facility pays out to the states that give)
            # ("- 18th package: approved on 25 August; estimated value EUR 94 million": the line's package's value)
            told = AID_WORDS_RE.search(clause) or PACKAGE_LINE_RE.match(sentence)
            bare = not told or clause_donors[0] in ("EU", "EPF")
            pooled = _paid_into_pool(clause[amounts[0][3] :])
            funds = bare or FUNDING_WORDS_RE.search(clause) or pooled
            goes_on = None if pooled else _sum_goes_on(clause, amounts, reading)
            # (a sum going on funding is funding only if its own words say so, as any sum)
            category = goes_on if goes_on not in (None, "funding") else "funding" if funds else "other-equipment"
            # ("ISK 400 million to a demining fund and a further ISK 400 million to the Danish-led scheme": each sum
            # paid into a pool is given)
            items = [
                _Item(start, end, category, None, SUM)
                for number, (_, _, start, end) in enumerate(amounts)
                if number == 0 or _paid_into_pool(clause[end:])
            ]
        elif (
            items
            and amounts
            and amounts[0][3] <= items[0].start
            # ("$20 million to the Ukraine Energy Support Fund to repair a grid": civilian money)
            and not CIVIL_RE.search(clause)
            and (
                CONTRIBUTION_OF_RE.search(clause[: amounts[0][2]])
                or _paid_into_pool(clause[amounts[0][3] :])
                # "500 million euros to pay for weapons and equipment": money for arms in general
                or _arms_in_general(items)
                and FUNDING_WORDS_RE.search(clause[amounts[0][3] : items[0].start])
                # "400 million euros for long-range drones from Ukrainian manufacturers": money for Ukraine's industry
                # (that sum's own, not repairs)
                or UKRAINIAN_MAKERS_RE.search(clause[amounts[0][3] : amounts[1][2] if len(amounts) > 1 else None])
                and all(item.category != "maintenance" for item in items)
            )
        ):
            # "a fresh contribution of 110 million euros for weapons, equipment and training": the sum is given
            items = [_Item(amounts[0][2], amounts[0][3], "funding", None, SUM)]
        elif items and not amounts and _arms_in_general(items) and PAY_FOR_BEFORE_RE.search(clause[: items[0].start]):
            # "Norway to pay for weapons and spare parts for Ukraine's F-16s": money for arms in general, its sum untold
            items = [_Item(items[0].start, items[-1].end, "funding", None, clause[items[0].start : items[-1].end])]
        elif items:
            items += [
                _Item(start, end, "funding", None, SUM)
                for _, _, start, end in amounts
                if start > items[0].start and (SUM_FOR_RE.match(clause[end:]) or _paid_into_pool(clause[end:]))
            ]
        if not (items or AID_WORDS_RE.search(clause) or NAMES_UKRAINE_RE.search(clause)):
            continue  # a clause naming neither aid nor Ukraine dates no announcement: "who set up the format in 2022"
        # "…on Saturday…, and on Sunday the ministry added 50 more": a clause's own date is its fact's
        # (and a clause in the present perfect, "…, and the army has already sent 473 helmets", takes none of the
        # others': what has been done is dated by its report)
        dated = (
            clause
            if text_dates.find_dates(clause, reading.published) or len(clauses) > 1 and PERFECT_RE.search(clause)
            else sentence
        )
        date, precision = _date_of(dated, kind, reading, context if continues else None)
        if handover_headed and dated is sentence and not text_dates.find_dates(sentence, reading.published):
            date, precision = _handover_day(reading) or (date, precision)
        shares = {} if paid else _shares(clause, items, spans, vocabulary)  # (whoever pays owns all the clause gives)
        valued = {id(item): _value_for(clause, item, items, amounts) for item in items}
        # "$725 million in weapons and ammunition": a sum given for aid in general is the whole package's
        sums_of = {valued[id(item)] for item in items if valued[id(item)] and _is_sum(item)}
        # (the clause's dates, read once, when several items may each have their own)
        mentions = text_dates.find_dates(clause, reading.published, reading.story) if len(items) > 1 else []
        for item in items:
            if (
                len(items) == 1
                and GENERIC_RE.fullmatch(item.text)
                and not (valued[id(item)] or _counted(clause, item) or BULLET_RE.match(sentence))
            ):
                # "donors buy weapons from its factories": weapons alone, of no count nor value, are no line item
                # (in a list, "more weapons, ammunition and tanks", or on a list's line, they are one)
                if not FINANCED_MAKING_RE.search(clause[: item.start]):
                    continue
                item.category = "funding"
            owners = _adjacent_donors(clause, item, vocabulary) or shares.get(id(item)) or clause_donors
            co_funders = []
            if len(owners) > 1 and JOINT_RE.search(clause):
                main = _announcer(sentence, vocabulary, owners) or owners[0]
                owners, co_funders = [main], [code for code in owners if code != main]
            elif len(owners) == 1:
                co_funders = [code for code in payers + _co_givers(clause, vocabulary) if code != owners[0]]
            amount = valued[id(item)]
            value, currency = amount[:2] if amount else (None, None)
            item_date, item_precision = _own_date(clause, item, items, mentions) or (date, precision)
            named_at = sentence.find(clause) + item.start
            for owner in owners:
                gapped = _gapped_count(clause, owner, owners, vocabulary)
                own_value = value
                if gapped and amount and _is_sum(item):
                    # "Denmark put in 125 million euros, Sweden 20 million": each giver's own sum, in the same money
                    gapped, own_value = None, Decimal(gapped)
                proposals.append(
                    Proposal(
                        kind=kind,
                        donor=owner,
                        category=item.category,
                        system=item.system,
                        quantity=gapped
                        or _quantity(clause, item, amounts)
                        or _same_number(clause, item, items, amounts),
                        value=own_value,
                        currency=currency,
                        value_eur=_in_euros(own_value, currency, item_date),
                        date=item_date,
                        date_precision=item_precision,
                        meeting=None,
                        co_funders=co_funders,
                        quote=quote,
                        named_at=named_at,
                        # (not a word capitalised for opening its sentence or line: "Body armour counts as…")
                        proper=item.named or item.text[:1].isupper() and bool(sentence[:named_at].strip(" \t-–—•*·")),
                    )
                )
                # (money paid into a fund, "most of that money will go into the NATO Trust Fund", is its own item,
                # no package's total)
                if amount and (_is_sum(item) or amount in sums_of) and not INTO_FUND_RE.search(sentence):
                    reading.sums[id(proposals[-1])] = owner
                elif amount and PACKAGE_BEFORE_RE.search(clause[max(0, amount[2] - 40) : amount[2]]):
                    reading.package_values.add(id(proposals[-1]))
                if item.again:
                    reading.again.add(id(proposals[-1]))
    if AID_WORDS_RE.search(sentence) and all(
        not (proposal.system or proposal.quantity or proposal.value) for proposal in proposals
    ):
        reading.summaries |= {id(proposal) for proposal in proposals}
    proposals = _part_handed_over(sentence, proposals, reading)
    proposals = _promised_then_handed(sentence, proposals, reading)
    proposals = _handed_in_parts(sentence, proposals, reading)
    proposals = _promised_in_parts(sentence, proposals, reading)
    proposals += _promised_more_later(sentence, proposals, reading)
    proposals += _all_now_handed(sentence, proposals, reading)
    proposals += _handed_as_promised(sentence, proposals, reading)
    if proposals:
        proposals += _restated_alongside(sentence, proposals[-1], reading)
    if continues and (BULLET_RE.match(sentence) or TABLE_ROW_RE.search(sentence) or in_list):
        reading.listed |= {id(proposal) for proposal in proposals}
    # (a list of what is given besides a sum itemises no sum: "We are also donating 400 vehicles:")
    heading = sentence.rstrip().endswith(":")
    besides = heading and bool(ALSO_RE.search(sentence)) or continues and bool((context or {}).get("besides"))
    if continues and not besides and any(id(proposal) not in reading.sums for proposal in proposals):
        donors = {proposal.donor for proposal in proposals}
        ours = {id(proposal) for proposal in proposals}  # a sum this list line gives is an item of the list
        reading.itemised_sums |= {
            sum_id for sum_id, donor in reading.sums.items() if donor in donors and sum_id not in ours
        }
    # the last fact's items, or what a sentence without one named ("Ukraine has received its first F-16s")
    reading.last_items = list(dict.fromkeys((p.category, p.system) for p in proposals)) if proposals else named_before
    if proposals:
        reading.last_facts = list(reading.last_items)
    if proposals:
        first = proposals[0]
        reading.context = {"donors": list(dict.fromkeys(p.donor for p in proposals)), "kind": first.kind}
        reading.context["listed"] = continues and bool((context or {}).get("listed"))
        if reading.context["listed"] and context.get("list_kind"):
            reading.context["list_kind"] = context["list_kind"]
        if not (first.kind == "pledge" and EARLIER_PLEDGE_RE.search(sentence)):
            # (not "…the six tanks that Spain committed in January are ready. In addition, Spain will deliver 20
            # vehicles": a promise made earlier dates none the story goes on with)
            reading.context |= {"date": first.date, "precision": first.date_precision}
    elif (
        re.search(r"\binclud(?:e|es|ing)\s*(?::|(?:the\s+)?following)|:\s*$", sentence, re.I)
        or TABLE_ROW_RE.search(sentence)
    ) and (clause_donors or continues or reading.main_donors):
        # "The package includes:", and a bare heading, "Delivered:", opening a list of the article's donor
        # ("Norway has donated materiel worth NOK 1 billion. The donations include:": what was just told holds)
        names_its_list = LIST_HEADING_RE.match(sentence)
        told = context and names_its_list and clause_kind != "delivery" and context.get("kind")
        kind = told or clause_kind or "pledge"
        headed = kind == "pledge" and _after_handover(reading) and names_its_list
        if headed:
            kind = "delivery"
        date, precision = _date_of(sentence, kind, reading, None)
        undated = not text_dates.find_dates(sentence, reading.published)
        if kind == "pledge" and undated and THAT_PACKAGE_RE.search(sentence):
            # "…what we put out on Friday. … For those who have not gone through the list, that package will pay
            # for:": the package is the one the last date named
            date, precision = _last_said(reading) or (date, precision)
        if headed and undated:
            date, precision = _handover_day(reading) or (date, precision)
        elif told and undated and context.get("date"):
            date, precision = context["date"], context["precision"]  # (the donations just told: their date)
        elif kind == "delivery" and reading.handed and undated:
            date, precision = reading.handed
        donors = clause_donors or (context or {}).get("donors") or reading.publisher_donors or reading.main_donors
        reading.context = {"donors": donors, "kind": kind, "date": date, "precision": precision, "listed": True}
        reading.context["list_kind"] = kind
    elif clause_kind and GIVES_GENERIC_RE.search(sentence) and (clause_donors or reading.main_donors):
        # "The Government decided to provide Ukraine with equipment and supplies held by the Self-Defense Forces. The
        # items are bulletproof vests, helmets…": what is given in general, the next sentence names
        date, precision = _date_of(sentence, clause_kind, reading, None)
        donors = clause_donors or reading.publisher_donors or reading.main_donors
        reading.context = {"donors": donors, "kind": clause_kind, "date": date, "precision": precision}
    elif not continues:
        reading.context = None
    if reading.context:
        reading.context["besides"] = besides
    if besides:
        reading.besides |= {id(proposal) for proposal in proposals}
    _date_as_its_package(sentence, proposals, reading)
    reading.told_before = None if proposals else sentence
    reading.made += proposals
    if proposals and not reading.lead_donors:
        reading.lead_donors = [proposals[0].donor]
    return proposals, None


def _item_cell(row, vocabulary):
    """A table's row with only the cell that names its item left: the first that names one ("Sustainment | Grenade
    launchers | SEK 3.0 billion": an area's name may come first); the others give counts, units and sums."""
    cells = [" " * (start + 1) + row[start + 1 : end] + " " * (len(row) - end) for start, end in table_cells(row)]
    return next((cell for cell in cells if _items(cell, vocabulary)), cells[0])


def _follow_the_story(sentence, reading):
    """Keeps the month and year the sentences last told of, for a month named after it without its year."""
    if reading.story is None and not YEAR_WRITTEN_RE.search(sentence):
        return  # (no story to leave, and no year to start one: most sentences, read without asking their dates)
    for mention in text_dates.find_dates(sentence, reading.published, reading.story):
        if mention.year_written and mention.precision in (DatePrecision.DAY, DatePrecision.MONTH):
            reading.story = period_start(mention.date, DatePrecision.MONTH)
        elif not mention.year_written and mention.precision != DatePrecision.MONTH:
            reading.story = None  # ("on Tuesday", "last week": the report's own time again)


def _donor_line(sentence, vocabulary):
    """Whether a list's line names its donor before a colon: "- Canada: $24.5 million;"."""
    line = DONOR_LINE_RE.match(sentence)
    return bool(line and _donor_mentions(line.group("donor"), vocabulary, speakers=False))


def _last_said(reading, back=5):
    """The date (and precision) the last of the few sentences before named for something past, if one did."""
    for sentence in reversed(reading.read[-back - 1 : -1]):
        said = [mention for mention in text_dates.find_dates(sentence, reading.published) if not mention.ahead]
        if said:
            return said[0].date, said[0].precision
    return None


def _without_topic(sentence, vocabulary):
    """ "- Tactical vehicles: Luxembourg will also finance the purchase of tactical vehicles": a line's topic,
    named again by the line's prose, is blanked (so offsets hold), or it would be a second item."""
    topic = LINE_TOPIC_RE.match(sentence)
    if not topic:
        return sentence
    named = {item.category for item in _items(topic.group("topic") or topic.group("lead"), vocabulary)}
    told = {item.category for item in _items(sentence[topic.end() :], vocabulary)}
    if not named or not named <= told:
        return sentence
    return " " * topic.end() + sentence[topic.end() :]


def _paid_into_pool(after):
    """Whether the words after a sum pay it into a pool that buys for Ukraine, and not for things it names: "…to
    PURL", "…into a British-run fund that buys weapons", but not "…to the International Fund to buy drones"."""
    paid_into = TO_FUND_AFTER_RE.match(after)
    return bool(
        THROUGH_POOL_RE.match(after)
        or paid_into
        and (
            "Peace Facility" in paid_into.group()  # (the EU's facility pays out to the states that give)
            or not EARMARKED_RE.match(after[paid_into.end() :])
        )
    )


def _sum_given(clause, sentence, reading):
    """Whether a sum in the clause is given: aid named in the sentence, money given to Ukraine, paid into a pool
    that buys for it, or named with its donor after another donor's sum for the same thing."""
    amounts = find_money(clause)
    return bool(amounts) and bool(
        AID_WORDS_RE.search(sentence)
        or GIVEN_TO_UKRAINE_RE.search(clause)
        or GIVES_SUM_BEFORE_RE.search(clause[: amounts[0][2]])
        or TO_FUND_AFTER_RE.match(clause[amounts[0][3] :])
        or THROUGH_POOL_RE.match(clause[amounts[0][3] :])
        or _sum_goes_on(clause, amounts, reading)
    )


def _sum_goes_on(clause, amounts, reading):
    """ "Sweden is putting in $275 million. Norway said it would give 1.5 billion crowns, while Denmark's share is
    580 million crowns": after one donor's funding, the sum another donor is named with is its funding too; and
    after one donor's sum for one kind of thing ("€576 million for 180,000 rounds"), another's sum goes on it too
    ("Lithuania promised €35 million"). The category the sum goes on, or None."""
    if not (
        any(start < amounts[0][2] for _, start in _donor_mentions(clause, reading.vocabulary))
        and not TOTAL_WORD_RE.search(clause)  # ("Denmark's total funding … would now reach $215 million")
        and len(reading.last_facts) == 1
    ):
        return None
    category, system = reading.last_facts[0]
    if category == "funding":
        return category
    last = reading.made[-1] if reading.made else None
    donors = {code for code, _ in _donor_mentions(clause, reading.vocabulary)}
    if system is None and last and last.value and last.category == category and last.donor not in donors:
        return category
    return None


def _restated_alongside(sentence, proposal, reading):
    """ "four more tanks on top of the six it has already promised": the six are a fact of their own, made earlier."""
    match = ALONGSIDE_RE.search(sentence)
    if not match or reading.published is None:
        return []
    kind = "pledge" if re.match(r"p", match.group("verb"), re.I) else "delivery"
    earlier = Proposal(**{**proposal.__dict__, "kind": kind, "quantity": parse_count(match.group("count"))})
    earlier.value = earlier.value_eur = earlier.currency = earlier.meeting = None
    earlier.date, earlier.date_precision = reading.published, DatePrecision.ON_OR_BEFORE
    return [earlier]


def _part_handed_over(sentence, proposals, reading):
    """ "Canada has pledged 50 armoured vehicles, 20 of which have been delivered": the promise of all of them, and
    the handover of the part, by the report."""
    part = PART_HANDED_OVER_RE.search(sentence)
    if not (part and PROMISED_RE.search(sentence[: part.start()]) and reading.published):
        return proposals
    count = parse_count(part.group("count"))
    date, precision = _past_date(sentence[: part.start()], reading) or (reading.published, DatePrecision.ON_OR_BEFORE)
    split = []
    for proposal in proposals:
        if proposal.kind == "delivery" and proposal.quantity and count and count < proposal.quantity:
            split.append(Proposal(**{**proposal.__dict__, "kind": "pledge", "date": date, "date_precision": precision}))
            proposal.quantity, proposal.value, proposal.value_eur, proposal.currency = count, None, None, None
            proposal.date, proposal.date_precision = reading.published, DatePrecision.ON_OR_BEFORE
        split.append(proposal)
    return split


def _promised_then_handed(sentence, proposals, reading):
    """ "Norway pledged eight Leopard 2A4s in February and handed them over in March": the promise dated by what
    precedes the handover, the handover by what follows it (or the report)."""
    then = THEN_HANDED_RE.search(sentence)
    if not (then and PROMISED_RE.search(sentence[: then.start()]) and reading.published):
        return proposals
    by_the_report = (reading.published, DatePrecision.ON_OR_BEFORE)
    promised = _past_date(sentence[: then.start()], reading) or by_the_report
    handed = _past_date(sentence, reading, then.start()) or by_the_report
    split = []
    for proposal in proposals:
        pledge = Proposal(**{**proposal.__dict__, "kind": "pledge"})
        pledge.date, pledge.date_precision = promised
        # (the promise carries its sum; the handover only the things)
        delivery = _without_sum(proposal, kind="delivery", date=handed[0], date_precision=handed[1])
        split += [pledge, delivery]
    return split


def _handed_in_parts(sentence, proposals, reading):
    """ "Warsaw, which had pledged 14 Leopard 2A4s in January, handed over the first four on Feb. 24 and the other 10
    in early March": the promise dated before the handovers, each part dated by its own words."""
    parts = FIRST_THEN_REST_RE.search(sentence)
    if not (parts and len(proposals) == 1 and PROMISED_RE.search(sentence[: parts.start()]) and reading.published):
        return proposals
    by_the_report = (reading.published, DatePrecision.ON_OR_BEFORE)
    [proposal] = proposals
    date, precision = _past_date(sentence[: parts.start()], reading) or by_the_report
    pledge = replace(proposal, kind="pledge", date=date, date_precision=precision)
    return [pledge, *_two_parts(proposal, parts, sentence, reading, by_the_report, kind="delivery")]


def _promised_in_parts(sentence, proposals, reading):
    """ "Helsinki is sending six Leopard 2R mine-clearing vehicles, three announced in February and three more in
    March": a promise of each part, dated by its own words."""
    parts = PROMISED_IN_PARTS_RE.search(sentence)
    if not (parts and reading.published):
        return proposals
    pledges = [proposal for proposal in proposals if proposal.kind == "pledge" and proposal.named_at < parts.start()]
    if len(pledges) != 1:
        return proposals
    [whole] = pledges
    split = _two_parts(whole, parts, sentence, reading, (whole.date, whole.date_precision))
    return [part for proposal in proposals for part in (split if proposal is whole else [proposal])]


def _two_parts(whole, parts, sentence, reading, undated, **fields):
    """The two parts a match splits a thing into ("the first four on Feb. 24 and the other 10 in early March"), each
    counted by its own number and dated by the words after it (`undated` when they name no past date)."""
    split = []
    for count, words in (("first", parts.group("gap")), ("rest", sentence[parts.end() :])):
        date, precision = _past_date(words, reading) or undated
        split.append(
            _without_sum(whole, quantity=parse_count(parts.group(count)), date=date, date_precision=precision, **fields)
        )
    return split


def _without_sum(proposal, **fields):
    """A copy of a proposal for part of what it gives, or for its handover: the sum stays with the whole promise."""
    return replace(proposal, value=None, value_eur=None, currency=None, **fields)


def _promised_more_later(sentence, proposals, reading):
    """ "Madrid promised six Leopard 2A4s in February and added four more in March": a second promise of the one
    thing promised, with its own count and date; and "Four Leopards rolled into Ukraine on 24 February, and ten more
    followed in March", a second handover."""
    more = MORE_LATER_RE.search(sentence)
    # (the one thing promised before it: "…and another four on Feb. 24, along with one armoured recovery vehicle")
    before = [proposal for proposal in proposals if proposal.named_at < more.start()] if more else []
    promised = PROMISED_RE.search(sentence)
    # (but "Five howitzers pledged in the spring are already in Ukraine, and a further three were promised in June":
    # what was promised more is no handover)
    if not (len(before) == 1 and (before[0].kind == "pledge" if promised else before[0].kind == "delivery")):
        return []
    later = _past_date(sentence, reading, more.end())
    if not later:
        return []
    count = parse_count(more.group("count") or more.group("more"))
    return [_without_sum(before[0], quantity=count, date=later[0], date_precision=later[1])]


def _all_now_handed(sentence, proposals, reading):
    """ "…four Leopard 2A4s in late January and four more on Feb. 24, and all eight are now in Ukrainian hands": the
    promises, then one handover of all they promised."""
    handed = ALL_NOW_HANDED_RE.search(sentence)
    if not (
        handed
        and proposals
        and reading.published
        and all(proposal.kind == "pledge" for proposal in proposals)
        and len({(proposal.donor, proposal.system, proposal.category) for proposal in proposals}) == 1
    ):
        return []
    counts = [proposal.quantity for proposal in proposals]
    count = parse_count(handed.group("count")) if handed.group("count") else None if None in counts else sum(counts)
    date, precision = _past_date(sentence, reading, handed.start()) or (reading.published, DatePrecision.ON_OR_BEFORE)
    return [_without_sum(proposals[0], kind="delivery", quantity=count, date=date, date_precision=precision)]


def _date_as_its_package(sentence, proposals, reading):
    """ "Germany on Saturday announced its biggest package… For readers asking what exactly is in Berlin's package: it
    contains 30 Leopard 1A5…": what the donor's last package holds was promised when that package was announced."""
    if not (PACKAGE_TOLD_RE.search(sentence) and reading.published):
        return
    if text_dates.find_dates(sentence, reading.published):
        return
    for proposal in proposals:
        if (proposal.kind, proposal.date, proposal.date_precision) != ("pledge", reading.published, DatePrecision.DAY):
            continue
        announced = [
            earlier
            for earlier in reading.made
            if (earlier.kind, earlier.donor) == ("pledge", proposal.donor) and PACKAGE_WORDS_RE.search(earlier.quote)
        ]
        last = announced[-1] if announced else None
        if last and last.date_precision == DatePrecision.DAY and last.date < reading.published:
            proposal.date = last.date


def _handed_as_promised(sentence, proposals, reading):
    """ "The 14 Challenger 2 tanks London promised in mid-January arrived in late March": the handover, and the
    promise its own date tells of, when the things promised are what the sentence is about (not "Denmark delivered
    the 19 howitzers it promised in January", a handover that only recalls its promise)."""
    if not (proposals and all(proposal.kind == "delivery" for proposal in proposals) and reading.published):
        return []
    promised = [
        mention
        for mention in text_dates.find_dates(sentence, reading.published)
        if not mention.ahead
        and PROMISED_WHEN_RE.search(sentence[: mention.start])
        and PROMISED_RE.search(sentence[max(0, mention.start - 60) : mention.start])
        and not DELIVERY_RE.search(sentence[: mention.start])
        and not sentence[mention.start : mention.end].startswith("for ")  # "the rounds promised for 2025": when due
    ]
    if not promised:
        return []
    return [
        replace(proposal, kind="pledge", date=promised[0].date, date_precision=promised[0].precision)
        for proposal in proposals
    ]


def _past_date(part, reading, start=0):
    """The first date a part of a sentence names (from `start` on) that is not still to come, with its precision; None.
    (The words before `start` are read too: "in January 2023 … another four in February" is February 2023.)"""
    mentions = [
        mention
        for mention in text_dates.find_dates(part, reading.published)
        if not mention.ahead and mention.start >= start
    ]
    return (mentions[0].date, mentions[0].precision) if mentions else None


def _is_sum(item):
    return item.text == SUM or bool(GENERIC_RE.fullmatch(item.text))


def _again(clause, items, named_before, last_facts=()):
    """Items that name again what was just named: "the jets", "the weapons", Norway's "jets" after Denmark's F-16s.

    An uncounted noun of a category a system was just named for is that system; "the weapons" after anything is
    no new item, and "the tanks" says something new of them only if its donor or kind is new (`again`).
    """
    kept = []
    for item in items:
        word = item.text.lower().split()[-1]
        if not item.system and word in HYPERNYMS and NAMED_AGAIN_RE.search(clause[: item.start]):
            # "the vehicles", "50 of the vehicles" after the CV90s: the CV90s again (the last fact's, when the
            # sentences since named only other things)
            kin = [
                (category, system)
                for category, system in [
                    *last_facts,
                    *named_before,
                    *((other.category, other.system) for other in kept),
                ]
                if category in HYPERNYMS[word] and (system or category != "other-equipment")
            ]
            if kin:
                item.category, item.system = kin[-1]
                item.again = True
                kept.append(item)
                continue
        named = [system for category, system in named_before if category == item.category]
        if not item.system and _counted(clause, item) and NAMED_AGAIN_RE.search(clause[: item.start]):
            # "the six refurbished tanks" after "six Leopard 2A4 tanks": the Leopards again
            systems = set(filter(None, named))
            if len(systems) == 1:
                item.system, item.again = systems.pop(), True
        if item.system or _counted(clause, item):
            kept.append(item)
            continue
        systems = set(filter(None, named))
        definite = bool(DEFINITE_BEFORE_RE.search(clause[: item.start]))
        # "the weapons", "the first heavy weapons" after anything named: no new item
        if (
            (definite or NAMED_AGAIN_RE.search(clause[: item.start]))
            and _is_sum(item)
            and (named_before or kept)
            # (not "will finance the production of long-range weapons": arms to be made, not those just named)
            and not FINANCED_MAKING_RE.search(clause[: item.start])
        ):
            continue
        # (not "dozens of armoured vehicles and light tanks, including AMX-10RCs": a number of its own, or its own
        # names after it, make it a new item)
        vague = VAGUE_COUNT_BEFORE_RE.search(clause[: item.start])
        named_after = NAMED_AFTER_RE.match(PAIRED_NEXT_RE.sub("", clause[item.end :]))
        # (a noun with a kind of its own, "counter-drone systems", is no system named before)
        bare = len(item.text.split()) == 1
        # (nor one a designation names, "older TRF1 towed howitzers" after the Caesars)
        designated = DESIGNATION_BEFORE_RE.search(clause[: item.start])
        if len(systems) == 1 and item.text.islower() and bare and not (vague or named_after or designated):
            # a common noun; "MRAPs" names a kind of its own
            item.system = systems.pop()
        item.again = definite and bool(named)
        kept.append(item)
    return kept


def _shares(clause, items, spans, vocabulary):
    """ "Germany and Poland have each committed 14 Leopard 2 tanks, Britain 14 Challenger 2s and the United States 31
    Abrams": where each group of donors is followed by items of its own, each item is its group's. `spans` are the
    clause's donors as `_donor_spans` read them. {id(item): donors}"""
    # "NASAMS systems from the United States along with Aspide systems from Spain": each from its own donor
    sources = {}
    for item in items:
        after = FROM_AFTER_RE.match(clause, item.end)
        found = after and _donor_mentions(clause[after.end() : after.end() + 40], vocabulary, RECEIVED_BLOCKING_BEFORE)
        if found and found[0][1] == 0:
            sources[id(item)] = [found[0][0]]
    if len(sources) == len(items) and len({codes[0] for codes in sources.values()}) > 1:
        return sources
    groups = []  # [start, end of the group's last name, codes]
    for code, start, end in spans:
        if groups and re.fullmatch(r"(?:,\s*|\s+and\s+|\s+)(?:the\s+)?", clause[groups[-1][1] : start]):
            groups[-1][1], groups[-1][2] = end, [*groups[-1][2], code]
        else:
            groups.append([start, end, [code]])
    if len(groups) < 2:
        return {}
    owned = {}
    for number, (start, _, codes) in enumerate(groups):
        limit = groups[number + 1][0] if number + 1 < len(groups) else len(clause)
        mine = [item for item in items if start < item.start < limit]
        if not mine and GAPPED_COUNT_RE.match(clause, groups[number][1]):
            return {}  # "Denmark has promised 19 F-16s and the Netherlands 24": the group shares the item before it
        owned |= {id(item): list(dict.fromkeys(codes)) for item in mine}
    # (a group owning nothing, "Leopard tanks announced by Denmark, Germany and the Netherlands", gives nothing here)
    return owned if len({tuple(codes) for codes in owned.values()}) > 1 or len(owned) == len(items) else {}


def _gapped_count(clause, owner, owners, vocabulary):
    """ "Denmark has promised 19 F-16s and the Netherlands 24": the count right after a donor is its own."""
    if len(owners) < 2:
        return None
    for pattern, code, _ in vocabulary.donors_in(clause):
        if code == owner:
            for match in pattern.finditer(clause):
                gapped = GAPPED_COUNT_RE.match(clause, match.end())
                if gapped:
                    return parse_count(gapped.group("count"))
    return None


def _clauses(sentence, after=0):
    """The sentence's clauses, split where another begins (not before `after`)."""
    parts, start = [], 0
    for match in CLAUSE_RE.finditer(sentence, after):
        parts.append(sentence[start : match.start()])
        start = match.end()
    parts.append(sentence[start:])
    return [part for part in parts if part.strip()]


def _items(text, vocabulary):
    """What a clause gives: the record's systems first, then categories' nouns not part of a system's name."""
    found = []
    for name in vocabulary.systems_in(text):
        for match in name.pattern.finditer(text):
            if not any(match.start() < item.end and item.start < match.end() for item in found):
                found.append(_Item(match.start(), match.end(), name.category, name.system, match.group(), named=True))
    phrase_words = []  # spans of nouns that only describe an item beside them: no item of their own, nor their words
    for slug, pattern in CATEGORY_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in phrase_words) or any(
                match.start() < item.end and item.start < match.end() for item in found
            ):
                continue
            beside = [item for item in found if _beside(text, item, match)]
            named = next((item for item in beside if item.named), None)
            # ("Patriot air defence missiles": munitions, whatever the noun's own category)
            munitions = MUNITIONS_NOUN_RE.search(match.group())
            if (
                named
                and (
                    slug in ("ammunition", "training", "maintenance")
                    and slug != named.category
                    or munitions
                    or SIMULATOR_RE.fullmatch(match.group())
                )
                # (a word may stand between: "IRIS-T guided missiles")
                and ONE_WORD_GAP_RE.fullmatch(text[named.end : match.start()])
            ):
                # "Patriot missiles", "HIMARS rockets", "F-16 simulators", "F-16 pilot training", "Patriot spare
                # parts": munitions for the system, its trainer, its training or its upkeep, which is not given with
                # them
                named.category, named.system, named.end = "ammunition" if munitions else slug, None, match.end()
                phrase_words.append(match.span())
                continue
            # "Patriot air defence systems", "Gepard anti-aircraft tanks", "Stinger missiles", "MRAP vehicles": in
            # one phrase with a name (the record's, or a category's own: Stinger, Javelin), the noun says what it is
            if named and not named.system and slug not in ("ammunition", "other-equipment"):
                named.category = slug  # "Leopard 2 mine-clearing tanks": the noun tells what a family's name is
            if slug == "ammunition" and FIRED_ROUNDS_RE.fullmatch(match.group()):
                for item in beside:
                    if item.category in ("rocket-artillery", "artillery") and item.text[:1].isupper():
                        # "Grad rockets": the rounds a launcher fires are munitions, its name says whose
                        item.category = "ammunition"
            if not named and match.group()[:1].isupper() and slug not in ("ammunition", "other-equipment"):
                # "Javelin anti-tank missiles": a category's own name says what the munitions noun beside it is
                for item in beside:
                    if item.category == "ammunition" and not item.text[:1].isupper():
                        item.category = slug
                        item.start, item.end = min(item.start, match.start()), max(item.end, match.end())
            if (
                named
                or any(slug in (item.category, "other-equipment") or item.text[:1].isupper() for item in beside)
                # "Sea Sparrow surface-to-air missiles": a munition's name before the noun that says what it is
                or match.group()[:1].isupper()
                and any(item.end > match.end() and MUNITIONS_NOUN_RE.search(item.text) for item in beside)
            ):
                phrase_words.append(match.span())
                for item in beside:  # the phrase ends where its noun does: "Mi-17 helicopters: 2"
                    item.end = max(item.end, match.end())
                    if match.group()[:1].isupper() and match.start() < item.start and item.category == slug:
                        # "Strela shoulder-fired air-defence missiles": the phrase opens with the thing's own name
                        item.start, item.text = match.start(), text[match.start() : item.end]
                continue
            found.append(_Item(match.start(), match.end(), slug, None, match.group()))
    found.sort(key=lambda item: item.start)
    for item, after in zip(found, found[1:], strict=False):
        if (
            not item.system
            and MUNITIONS_NOUN_RE.search(item.text)
            and after.named
            and SERVED_RE.fullmatch(text[item.end : after.start])
        ):
            item.category = "ammunition"  # "interceptors for Patriot systems": munitions for the system
    crewing = [
        item
        for item in found
        if (item.system or item.category in CREWED_CATEGORIES) and TRAINED_AFTER_RE.match(text, item.end)
    ]
    for item in crewing:
        # "training Ukrainian F-16 pilots", "fighter jet pilots": the pilots are trained, no jet is given
        item.category, item.system, item.named = "training", None, False
    if crewing and not TRAINING_WORD_RE.search(text):
        # ("drones to help artillery crews find targets": the crews are who uses what is given, neither given nor
        # trained)
        found = [item for item in found if not any(item is crew for crew in crewing)]
    # "155mm rounds, including high-explosive and DPICM munitions": the kinds of a thing named are that thing
    found = [
        item
        for number, item in enumerate(found)
        if not any(
            other.category == item.category
            and NAMED_AFTER_RE.match(text[other.end :])
            and other.end < item.start
            and ";" not in text[other.end : item.start]
            for other in found[:number]
        )
    ]
    # "drone strikes", "the drone coalition": a noun naming something else, not a thing given
    found = [item for item in found if not MODIFIER_AFTER_RE.match(text, item.end)]
    # 'the first Western-designed "tanks"': a word in quotation marks is a word discussed, not a thing given
    found = [
        item
        for item in found
        if not (text[item.start - 1 : item.start] in ('"', "“") and text[item.end : item.end + 1] in ('"', "”"))
    ]
    # "a small battery of towed artillery": the unit is the thing named after it
    found = [
        item
        for number, item in enumerate(found)
        if not (
            UNIT_OF_RE.fullmatch(item.text)
            and any(UNIT_GAP_RE.fullmatch(text[item.end : other.start]) for other in found[number + 1 :])
        )
    ]
    found = [
        item
        for item in found
        if not (GENERIC_RE.fullmatch(item.text) and NAMED_AFTER_RE.match(text[item.end :]) and item is not found[-1])
    ]
    made = [match.span() for match in RELATIVE_RE.finditer(text)]
    # "The systems, which pair a radar with 35 mm guns, …": a clause describing what is given gives nothing more
    made += [
        match.span()
        for match in ASIDE_RE.finditer(text)
        if not (
            LISTING_RE.search(match.group()) or PLEDGE_RE.search(match.group()) or DELIVERY_RE.search(match.group())
        )
    ]
    # "…to NATO's Comprehensive Assistance Package, which delivers fuel, rations and first aid": what a fund buys
    made += [
        (match.start(), len(text))
        for match in ASIDE_RE.finditer(text)
        if POOLED_BEFORE_RE.search(text[: match.start()])
    ]
    made += [(match.end(), len(text)) for match in POOL_BUYS_RE.finditer(text)]  # "a fund that buys weapons"
    made += [(match.end(), match.end() + 1) for match in EXCLUDED_RE.finditer(text)]
    made += [match.span() for match in INCLUDED_WITH_RE.finditer(text)]
    made += [match.span() for match in VERSION_OF_RE.finditer(text)]  # "an upgraded version of the Soviet T-55"
    made += [match.span() for match in FIRST_OF_RE.finditer(text)]
    made += [match.span() for match in PART_OF_UNIT_RE.finditer(text)]
    made += [match.span() for match in RUSSIAN_STRIKE_RE.finditer(text)]
    made += [match.span() for match in GIVEN_BEFORE_RE.finditer(text)]
    found = [
        item
        for item in found
        if not (
            item.start
            and (
                TARGET_BEFORE_RE.search(text[: item.start])
                or FOR_USE_IN_RE.search(text[: item.start])
                or REFUSED_BEFORE_RE.search(text[: item.start])
            )
        )
    ]
    # "12 air defence missiles to sustain air defence systems already in service": what is sustained is not given
    found = [
        item
        for item in found
        if not (
            item.start
            and (SUSTAINED_RE.search(text[: item.start]) or MENDED_RE.search(text[: item.start]))
            and not _counted(text, item)
        )
    ]
    found = [item for item in found if not any(start <= item.start < end for start, end in made)]
    # "14 Leopard 2A4 tanks…, and the remaining tanks will follow": the bare noun is the named system again (but
    # "artillery shells, guns, Caesar systems": a bare noun listed before a name is a thing of its own)
    named = {}
    for item in found:
        if item.system:
            named.setdefault(item.category, item.start)
    # (a category's own name, "Stinger", is a new item all the same)
    found = [
        item
        for item in found
        if item.system
        or (item.start < named.get(item.category, -1) and _listed_next(text, item, found))
        or item.category not in named
        or _counted(text, item)
        or (item.text[:1].isupper() and item.start)
    ]
    kept, objects = [], []
    for item in found:
        before = kept[-1] if kept else None
        if (
            objects
            and item.category not in ENABLING_CATEGORIES
            and objects[-1].start > (before.start if before else -1)
            and LIST_GAP_RE.fullmatch(text[objects[-1].end : item.start])
            # (not "rockets for HIMARS, Javelin anti-tank missiles and…": munitions of their own are given)
            and not MUNITIONS_NOUN_RE.search(item.text)
            # (nor "ammunition for small arms, assorted vehicles, boats…": after a kind of thing served, the list
            # goes on with things given; a list of names served is "the CV90, the Strv 122 and the Archer")
            and (objects[-1].named or objects[-1].text[:1].isupper())
        ):
            objects.append(item)  # "spare parts for the CV90, the Strv 122 and the Archer": all three are served
            continue
        if before and before.category == item.category and before.system == item.system:
            gap = text[before.end : item.start]
            if len(gap) <= 25 and not re.search(r",|\band\b|\d", gap):
                before.end = item.end  # "rounds of 155 mm ammunition" is one item, not a thing and what it serves
                continue
        if (
            before
            and (
                before.category in ENABLING_CATEGORIES
                and OBJECT_OF_RE.match(text[before.end : item.start])
                # "familiarisation training on the JAS 39 Gripen": what is trained on is not given
                or before.category == "training"
                and TRAINED_ON_GAP_RE.fullmatch(text[before.end : item.start])
            )
        ):
            objects.append(item)  # "ammunition for HIMARS", "a repair centre for the Leopard 2 fleet": no HIMARS given
            continue
        if before and SERVED_RE.fullmatch(text[before.end : item.start]) and not _counted(text, item):
            objects.append(item)
            continue
        kept.append(item)
    kept = _line_items(text, kept)
    # "instructors have helped to train Ukrainian F-16 pilots": trainers and the trained are one training
    kept = [
        item
        for number, item in enumerate(kept)
        if not (item.category == "training" and any(other.category == "training" for other in kept[:number]))
    ]
    return [item for number, item in enumerate(kept) if not _restated(text, item, kept[:number])]


def _listed_next(text, item, items):
    """Whether another item follows this one in its list, nothing but a comma or an "and" between."""
    return any(LIST_JOIN_RE.fullmatch(text[item.end : other.start]) for other in items if other.start > item.end)


def _line_items(text, items):
    """One line item per thing given, however many nouns name it: "recoilless rifles and grenade launchers", "mines
    and torpedoes" (one category, no system, no count of their own, joined by "and" or "or" alone) are one item, and
    so is a weapon "with ammunition" when nothing follows the ammunition."""
    merged = []
    for number, item in enumerate(items):
        before = merged[-1] if merged else None
        gap = text[before.end : item.start] if before else ""
        alike = before and before.category == item.category and not (before.system or item.system)
        # (not things of other kinds, "radios and night-vision devices", unless the second is a class holding the
        # first, "boats and other watercraft"; nor the last two of a longer list, "helmets, body armour and field
        # rations": items apiece)
        alike = alike and (item.category != "other-equipment" or re.search(r"\bother\b", gap))
        earlier = merged[-2] if len(merged) > 1 else None
        if (
            alike
            and earlier
            and earlier.category == item.category
            and LIST_COMMA_RE.fullmatch(text[earlier.end : before.start])
        ):
            alike = False
        names = before and (before.named or item.named)  # "HAWK and IRIS-T systems": two systems, two items
        if before and before.system and before.system == item.system and re.fullmatch(r"\s*\(\s*", gap):
            before.end = item.end  # "High Mobility Artillery Rocket Systems (HIMARS)": one name, then its short one
            continue
        # "spare parts, maintenance and other ancillary equipment": upkeep named several ways is one item
        upkeep = alike and item.category == "maintenance" and re.fullmatch(r"(?:,\s*|\s+and\s+)(?:[\w-]+\s+)?", gap)
        # "AIM-7, RIM-7 and AIM-9M missiles": types of one munition, listed before their one noun
        types = alike and DESIGNATIONS_GAP_RE.fullmatch(gap)
        if alike and not names and (JOINED_RE.fullmatch(gap) or upkeep or types) and not _counted(text, item):
            before.end = item.end
            continue
        last = number == len(items) - 1 and not text[item.end :].strip(" .;:")
        if before and last and item.category == "ammunition" and not item.system and WITH_RE.fullmatch(gap):
            before.end = item.end
            continue
        # "22 Leopard 1A5 tanks with spare parts": the parts a thing comes with are part of it (not those given
        # "together with" it)
        if before and item.category == "maintenance" and not _counted(text, item) and PART_OF_RE.fullmatch(gap):
            before.end = item.end
            continue
        merged.append(item)
    return merged


def _restated(text, item, before):
    """ "…Storm Shadow cruise missiles…, making it the first to supply long-range missiles": an uncounted noun
    of a category named earlier in the sentence, and not next in the same list, names the same thing again."""
    if item.system or _counted(text, item) or item.text[:1].isupper():  # (a name, "Aspide", names a thing of its own)
        return False
    if VAGUE_COUNT_BEFORE_RE.search(text[: item.start]):
        return False  # "…rounds of small-arms ammunition and several thousand rounds for launchers": counted anew
    earlier = [other for other in before if other.category == item.category]
    return bool(earlier) and len(text[earlier[-1].end : item.start].split()) > 8


def _beside(text, item, match):
    """Whether a noun sits right beside an item, in one phrase: not "weapons, ammunition and tanks"."""
    gap = text[item.end : match.start()] if item.end <= match.start() else text[match.end() : item.start]
    # ("to repair the Archer guns", "training on the Gripen": an object after "the" is a phrase apart)
    # (nor "20 trucks as well as 10 ambulances", "tanks alongside howitzers": two things)
    return len(gap) <= 20 and not re.search(
        r"[,;]|\b(?:and|or|with|for|of|to|in|the|plus|such|including|as|alongside|besides|along|but)\b", gap
    )


def _counted(text, item):
    return bool(QUANTITY_RE.search(_without_name_numbers(text[max(0, item.start - 60) : item.start])))


def _without_name_numbers(text):
    """The text with "Boat 90" written "Boat-90", so that its number counts nothing; the length is kept."""
    return NAME_NUMBER_RE.sub(
        lambda match: match.group() if match.group("name") in NOT_NAMES else f"{match['name']}-{match['number']}",
        text,
    )


def _donor_mentions(text, vocabulary, blocking=None, speakers=True):
    """(code, start) of each donor a text names, in order (see `_donor_spans`)."""
    return [(code, start) for code, start, _ in _donor_spans(text, vocabulary, blocking, speakers)]


def _donor_spans(text, vocabulary, blocking=None, speakers=True):
    """(code, start, end) of each donor a text names, in order, skipping places ("in Brussels", "with the leaders of
    Germany, Italy and Romania") and NATO's officials; where it names none, those its people speak for ("Pistorius
    announced…")."""
    blocking = blocking or BLOCKING_BEFORE
    candidates = sorted(
        ((match.start(), -len(match.group()), code, match) for pattern, code, _ in vocabulary.donors_in(text)
         for match in pattern.finditer(text)),
        key=lambda candidate: candidate[:2],
    )  # fmt: skip
    found, seen, blocked, earlier = [], [], [], []
    for start, _, code, match in candidates:
        if any(begin <= start < end for begin, end in seen):
            continue  # a shorter name inside a longer one read already
        seen.append(match.span())
        # (but "Together with Denmark, Germany will supply…": the giver after its partners)
        # ("Under a deal with Germany, Greece will send…": a comma, then the clause's own subject)
        listed_after = any(LIST_JOIN_RE.fullmatch(text[end:start]) for end in blocked) and not (
            (PARTNERS_FIRST_RE.match(text) or any(re.fullmatch(r",\s+", text[end:start]) for end in blocked))
            and SUBJECT_OF_CLAUSE_RE.match(text, match.end())
        )
        # ("from Bundeswehr stocks", "from Canadian Armed Forces inventory" name who gives, "refill German stocks" not)
        drawn_from = re.search(r"\bfrom\s+(?:the\s+)?$", text[:start]) and DRAWN_FROM_RE.match(text, match.end())
        subject = CONJUNCTION_BEFORE_RE.search(text[:start]) and SUBJECT_OF_CLAUSE_RE.match(text, match.end())
        # (a country, not a city: "vehicles built in London, Ontario")
        maker_named = MADE_BY_BEFORE_RE.search(text[:start]) and match.group() not in PLACE_NAMES
        blocked_here = blocking.search(text[:start]) and not (drawn_from or subject or maker_named) or listed_after
        if blocked_here and not TRAINED_IN_BEFORE_RE.search(text[:start]):
            blocked.append(match.end())
            continue
        if code == "NATO" and NATO_ROLE_RE.match(text[match.end() :]):
            continue
        if code == "EU" and EU_MEMBER_RE.match(text[match.end() :]):
            continue  # "an unnamed EU government is paying": one of its states, not the Union
        if NOT_THE_GIVER_RE.match(text[match.end() :]) and not drawn_from:
            continue
        if BUYS_FOR_RE.match(text[match.end() :]) and MONEY_TOWARDS_BUYER_RE.search(text[:start]):
            continue
        if _keeps_a_fund(text, match):
            continue  # "NATO's trust fund", "a fund the alliance uses" is where money goes
        if match.group().endswith(("'s", "’s")) and JOINS_BEFORE_RE.search(text[:start]):
            continue  # "the Netherlands will join the EU's training mission": who joins gives, not whose mission it is
        if (EARLIER_AID_RE.match(text, start) and re.search(r"\b[a-z][\w-]*\s+$", text[:start])) or maker_named:
            # "missiles for the launchers Sweden has donated, …", "guns made by France's Nexter": who gave earlier, or
            # made the thing, gives only if no other is named
            earlier.append((code, start, match.end()))
            continue
        found.append((code, start, match.end()))
    if speakers and not found:
        found = [
            (code, match.start(), match.end())
            for pattern, code, _ in vocabulary.speakers_in(text)
            for match in pattern.finditer(text)
            if not blocking.search(text[: match.start()])
        ]
    found = found or earlier
    found.sort(key=lambda mention: mention[1])
    return found


def _co_givers(clause, vocabulary):
    """The states a clause says give together with its giver: "…tanks, together with Denmark and the Netherlands"."""
    codes = []
    for match in CO_GIVERS_RE.finditer(clause):
        if NOT_CO_GIVING_BEFORE_RE.search(clause[: match.start()]):
            continue
        rest = clause[match.end() :]
        position = 0
        # (the states listed right after the words, not a maker's: "together with U.S. company Raytheon")
        for code, start, end in _donor_spans(rest[:120], vocabulary, speakers=False):
            if (position or start) and not LIST_JOIN_RE.fullmatch(rest[position:start]):
                break
            codes.append(code)
            position = end
    return codes


def _keeps_a_fund(text, match):
    """Whether a donor's name names a fund's keeper: "NATO's trust fund", "a NATO trust fund", "a trust fund the
    alliance uses", "the coalition that Germany started"."""
    return bool(
        match.group().endswith(("'s", "’s"))
        and FUND_AFTER_RE.match(text, match.end())
        or FUND_KEEPER_RE.match(text, match.end())
        or NAMED_FUND_RE.match(text, match.end())
        or ARTICLE_BEFORE_RE.search(text[: match.start()])
        and KEPT_FUND_RE.match(text, match.end())
        or POOL_THAT_BEFORE_RE.search(text[: match.start()])
        and FOUNDER_AFTER_RE.match(text, match.end())
    )


def _subject_donors(mentions):
    codes = list(dict.fromkeys(code for code, _ in mentions))
    states = [code for code in codes if code != "UDCG"]
    return states or codes  # "allies" pledge only when no state is named


def _adjacent_donors(clause, item, vocabulary):
    """ "British and German heavy tanks", "the first American Patriot systems": adjectives name the donor."""
    window = clause[max(0, item.start - 60) : item.start]
    # (adjectives only between: not "led by the United Kingdom that procures air defence")
    match = re.search(
        r"((?:[A-Z][\w.]*(?:,\s+|\s+and\s+|\s+))+)(?:(?!(?:that|which|who|by|for|to|of|and|with|along|from|in|on|at)\b)[a-z][\w-]*\s+){0,2}$",
        window,
    )
    if not match:
        return []
    # (read in the clause, so that a place stays one: "the coalition it leads with Luxembourg, Estonia is giving")
    begin = item.start - len(window) + match.start(1)
    mentions = _donor_mentions(clause[: item.start], vocabulary, speakers=False)
    codes = [code for code, start in mentions if start >= begin and code not in ("UDCG", "NATO")]
    return list(dict.fromkeys(codes))


def _announcer(sentence, vocabulary, owners):
    for match in ANNOUNCER_RE.finditer(sentence):
        for code, _ in _donor_mentions(match.group("who") or match.group("who2"), vocabulary):
            if code in owners:
                return code
    return None


def _kind_joined_after(clause, sentence):
    """ "22,400 gas masks, and separately 44,800 filters for them, have gone to Ukraine": a clause without a verb of its
    own, joined by "and" to the next, is of the next one's kind; None."""
    end = sentence.find(clause) + len(clause)
    joined = re.match(r",\s+and\s+", sentence[end:])
    if not joined or TABLE_ROW_RE.search(sentence):
        return None
    return _kind(_clauses(sentence[end + joined.end() :])[0]) if sentence[end + joined.end() :].strip() else None


def _kind(clause):
    if AMONG_GIVEN_RE.search(clause):
        return "delivery"  # "Piorun missiles are among the weapons Poland has handed over"
    # "spare parts for the M109s Norway has already given, winter clothing…": a remark on earlier aid tells no kind
    for pattern in (EARLIER_AID_RE, SERVES_GIVEN_RE):
        clause = pattern.sub(lambda match: " " * len(match.group()), clause)
    if PLANNED_RE.search(clause):
        return "pledge"
    match = DELIVERY_RE.search(clause)
    if match and not (
        FUTURE_RE.search(SPEAKERS_WOULD_RE.sub("", clause[: match.start()]))
        or HANDOVER_TO_COME_RE.search(clause[: match.start()])
    ):
        return "delivery"
    # ("Two Patriot batteries from Germany will arrive in Ukraine within weeks": a handover to come is promised)
    if PLEDGE_RE.search(clause) or match:
        return "pledge"
    return None


def _schedule(sentence, mention):
    """Whether a date says when aid is to come or what it is for ("deliveries should start this year", "for the
    winter"), not when it was promised."""
    before = sentence[: mention.start]
    phrase = re.split(r"[,;]", before)[-1]
    # ("Arriving in Brussels on Wednesday, the minister said…": the speaker's arrival)
    arrival = ARRIVAL_RE.search(phrase[-40:]) and not VISITOR_ARRIVING_RE.match(phrase)
    return bool(SCHEDULE_BEFORE_RE.search(before) or arrival or FUTURE_GIVING_RE.search(phrase))


def _date_of(sentence, kind, reading, opened):
    published = reading.entry_day or reading.published  # (a feed's entry is its own report)
    mentions = text_dates.find_dates(sentence, published, reading.story)
    # "four more on top of the six it has already promised": the earlier promise dates only the six
    own = ALONGSIDE_RE.sub(lambda match: " " * len(match.group()), sentence)
    restated = None
    if kind == "pledge":
        every_mention = mentions  # (before those that say when the aid is to come are left out)
        served = [match.span() for match in SERVES_GIVEN_RE.finditer(sentence)]
        mentions = [
            mention
            for mention in mentions
            if not (
                mention.ahead
                or _schedule(sentence, mention)
                or any(start <= mention.start < end for start, end in served)
            )
        ]
        if published:
            # "one billion euros available this year", "three billion next year": the year it is for, not the promise's
            # (but "earlier this year" is when it was made)
            mentions = [
                mention
                for mention in mentions
                if not (
                    mention.precision == DatePrecision.YEAR
                    and mention.date.year >= published.year
                    and not sentence[mention.start : mention.end].lower().startswith("earlier")
                )
            ]
        restated = EARLIER_PLEDGE_RE.search(own)
        if restated:  # "Spain has promised…, she said on Wednesday": only "had pledged in January" dates the pledge
            # (or "on Tuesday, Macron had promised", a date before the verb when none follows it; and in a relative
            # clause, "the 31 Abrams that Washington promised Ukraine in January", a date further on in it, whatever
            # the sentence says the thing is for)
            relative = restated.group("relative")
            after = [
                mention
                for mention in (every_mention if relative else mentions)
                if 0 <= mention.start - restated.end() <= (100 if relative else 4)
                and "," not in own[restated.end() : mention.start]
                and not mention.ahead
            ]
            before = [mention for mention in mentions if mention.end <= restated.start()]
            mentions = after or before[-1:]
    else:  # "delivered the package announced in January": that date is the promise's, not the handover's
        # (nor is a period still to come a handover's: "during a debate on next year's budget, she said that the
        # army has handed over almost nothing"; but "delivered by the end of the year" is by then)
        mentions = [
            mention
            for mention in mentions
            if not (
                PROMISED_WHEN_RE.search(sentence[: mention.start])
                or (
                    mention.ahead
                    and published
                    and mention.date > published
                    and mention.precision != DatePrecision.ON_OR_BEFORE
                )
            )
        ]
        if not ONGOING_RE.search(sentence):
            # "Since the first quarter of 2022, Lisbon has delivered:": what was handed over since then, by the
            # report (but "troops have been training here since last month" began then, and "since the end of
            # March" is March, as a month named after "since" is)
            # (though not "since February 2022": since the invasion, by the report)
            mentions = [
                mention
                for mention in mentions
                if not SINCE_BEFORE_RE.search(sentence[: mention.start])
                and not (sentence[mention.start :].lower().startswith("since") and mention.date == INVASION_MONTH)
            ]
    if mentions:
        mention = mentions[0]
        finer = [
            later
            for later in mentions[1:]
            if later.precision in (DatePrecision.MONTH, DatePrecision.DAY) and later.date.year == mention.date.year
        ]
        if mention.precision == DatePrecision.YEAR and finer:
            mention = finer[0]  # "Earlier this year, in February, Canada promised…": February
        if (
            kind == "delivery"
            # ("earlier this month Zelensky confirmed that they had arrived": a month dates the handover as well)
            and mention.precision == DatePrecision.DAY
            and (
                REPORTED_ON_RE.search(sentence[: mention.start])
                # "On Wednesday the minister said the first systems had arrived": the day of the saying
                or REPORTED_THEN_RE.search(sentence[mention.end : mention.end + 120])
            )
        ):
            dated = mention.date, DatePrecision.ON_OR_BEFORE  # "confirmed on Monday": it had arrived by then
        else:
            dated = mention.date, mention.precision
        # (a promise made earlier dates no announcement the story goes on with, nor does a year: "one billion euros
        # in military support for 2024" names the year the money is for)
        if kind == "pledge" and reading.announced is None and not restated and dated[1] != DatePrecision.YEAR:
            reading.announced = dated
        if kind == "delivery" and reading.handed is None:
            reading.handed = dated
        return dated
    previous = reading.made[-1] if reading.made else None
    if NEXT_DAY_RE.match(sentence) and previous and previous.date_precision == DatePrecision.DAY:
        # "A day later the government said it was preparing a second shipment": the day after the fact before
        return previous.date + datetime.timedelta(days=1), DatePrecision.DAY
    if (
        SAME_MONTH_RE.match(sentence)
        and previous
        and previous.date_precision in (DatePrecision.DAY, DatePrecision.MONTH)
    ):
        return period_start(previous.date, DatePrecision.MONTH), DatePrecision.MONTH
    if SAME_PERIOD_RE.match(sentence) and previous and previous.kind == kind:
        return previous.date, previous.date_precision
    said = _last_said(reading) if SAME_DAY_RE.search(sentence) else None
    if said and said[1] == DatePrecision.DAY:
        return said  # "…, which Ukrainian officials received on the tarmac that same day": the day told just before
    if opened and opened.get("date") and opened.get("kind") == kind and not SINCE_THEN_RE.search(sentence):
        # (but "…, and BMP-1s have since been handed over": after the promise, by the report, not when the list's
        # earlier line was)
        return opened["date"], opened["precision"]
    if kind == "pledge" and reading.scene and reading.scene[0] == reading.paragraph:
        return reading.scene[1], DatePrecision.DAY  # "Last Wednesday in Brussels… Lithuania said it would put…"
    if kind == "pledge" and reading.announced and not EARLIER_PLEDGE_RE.search(own):
        return reading.announced
    if published is None:
        return None, None
    if kind == "pledge" and not EARLIER_PLEDGE_RE.search(own):
        return published, DatePrecision.DAY  # with no date of its own, an announcement is its report's
    return published, DatePrecision.ON_OR_BEFORE  # a handover, or a pledge made earlier: by then


def _own_date(clause, item, items, mentions):
    """The date (and precision) told right after an item, when a clause gives several items and dates (`mentions`):
    "Lithuania delivered 155mm shells in March and M577 armoured vehicles on 5 April"."""
    if len(mentions) < 2:
        return None
    following = [other.start for other in items if other.start > item.end]
    until = min(following, default=len(clause))
    own = [
        mention
        for mention in mentions
        if item.end <= mention.start < until
        and not mention.ahead
        # (a month or a day: "…and train their crews, with instruction due in the second half of this year" tells
        # when the training comes, not when it was promised)
        and mention.precision in (DatePrecision.DAY, DatePrecision.MONTH)
    ]
    return (own[0].date, own[0].precision) if len(own) == 1 else None


def _quantity(clause, item, amounts):
    if item.category in ("training", "funding"):
        # "55 soldiers are being trained", "a leadership course", "a further contribution to PURL": training and
        # money count no items of aid
        return None
    if item.count or item.text == SUM:
        return item.count  # a sum of money counts nothing
    if RATE_AFTER_RE.match(clause[item.end : item.end + 60]):
        return None
    # ("a reconnaissance drone that can stay in the air for hours": any one of its kind, no count)
    generic = re.match(r"\s+(?:that|which)\s+can\b", clause[item.end :])
    window = clause[max(0, item.start - 60) : item.start]
    offset = item.start - len(window)
    for _, _, start, end in amounts:  # "$2 billion in tanks": the 2 counts no tanks
        if start < item.start and end > offset:
            blank_from, blank_to = max(0, start - offset), min(end, item.start) - offset
            window = window[:blank_from] + " " * (blank_to - blank_from) + window[blank_to:]
    part = PART_OF_COUNT_RE.search(window)
    if part:
        return parse_count(part.group("part"))  # "eight of the 10 Archer systems it promised": eight given now
    counted = _without_name_numbers(window)
    match = QUANTITY_RE.search(counted)
    while match and re.search(r"\b(?:19|20)\d\d\b", match.group("count")):
        match = QUANTITY_RE.search(counted, match.end("count"))  # "in 2023 we committed twenty-eight M113s"
    if match and re.fullmatch(r"one", match.group("count"), re.I) and match.group("between").startswith("of "):
        match = None  # "one of the largest CV90 orders"
    if match:
        if re.match(r"(?:a|an)$", match.group("count"), re.I):
            # "a squadron of Challenger 2", "a batch of M577s": a unit of unstated size counts nothing
            unit = item.text.endswith("s") or re.search(r"\bof\s", match.group("between"))
            return None if unit or generic else 1
        return parse_count(match.group("count"))
    single = SINGLE_RE.search(window)
    if single and re.search(r"\bfirst\b", single.group(), re.I):
        # "its first F-16 fighter jets", "the first Patriot air defence systems", "the first of them": the first few
        spanned = clause[item.start : item.end]
        plural = PLURAL_HEAD_RE.match(clause[item.end :]) or PLURAL_HEAD_RE.search(spanned[spanned.find(" ") :])
        if plural or item.text.startswith("of "):
            single = None
    if single and item.text and not item.text.endswith("s") and not re.search(r"\bof\s", single.group()):
        return None if generic else 1
    after = COUNT_AFTER_RE.match(clause, item.end)
    if after and not _in_a_sum(after, amounts):
        return parse_count(after.group("count") or after.group("all"))
    cell_end = clause.find("|", item.end)
    if TABLE_ROW_RE.search(clause) and cell_end > 0 and not re.search(r"\d", clause[item.end : cell_end]):
        # "| Anti-tank missiles from army stocks | 102 | handed over |", "| S-300 system | Slovak air force | one
        # battery |": the count a later cell starts with
        cell = COUNT_CELL_RE.search(clause, cell_end)
        return parse_count(cell.group("count")) if cell and not _in_a_sum(cell, amounts) else None
    return None


def _in_a_sum(count, amounts):
    """Whether a count's match starts inside a sum: "| Artillery pieces | 750 million |" under "| Item | DKK |"."""
    return any(start <= count.start("count") < end for _, _, start, end in amounts)


def _same_number(clause, item, items, amounts):
    """ "500 machine guns and the same number of sniper rifles", "… and as many rifles": the count before."""
    before = [other for other in items if other.end <= item.start]
    if not (before and SAME_NUMBER_RE.search(clause[before[-1].end : item.start])):
        return None
    return _quantity(clause, before[-1], amounts)


def _arms_in_general(items):
    """Whether what a sum pays for is arms in general: "weapons and equipment", and "weapons and ammunition" or
    "weapons and spare parts" (ammunition or upkeep in general beside them)."""
    return any(GENERIC_RE.fullmatch(item.text) for item in items) and all(
        GENERIC_RE.fullmatch(item.text) or BARE_MUNITIONS_RE.fullmatch(item.text) or item.category == "maintenance"
        for item in items
    )


def _sums(clause, donor, local_dollar):
    """The clause's amounts of money, less those that only tell the one before in another currency: "NOK 1.3
    billion (about 110 million euros)", "one billion krónur, roughly $8 million"."""
    found = find_money(clause, donor, local_dollar)
    return [
        amount
        for number, amount in enumerate(found)
        if not (
            number
            and amount[1] != found[number - 1][1]
            and CONVERSION_GAP_RE.fullmatch(clause[found[number - 1][3] : amount[2]])
        )
    ]


def _value_for(clause, item, items, amounts):
    """The amount (value, currency, start, end) that is an item's: the clause's when it gives only that item, or
    one said "worth X" right beside it; None."""
    if not amounts:
        return None
    if item.text != SUM:
        # ("30 F-16s by 2028, on top of about $1 billion in military assistance this year": a sum beside the thing's,
        # but "it comes on top of the $500 million announced on Monday" is the sum given)
        amounts = [amount for amount in amounts if not BESIDES_SUM_RE.search(clause[: amount[2]])]
        if not amounts:
            return None
    if len(items) == 1:
        # "$1 billion in weapons, including howitzers": the package's sum, not the howitzers'
        return None if NAMED_AFTER_SUM_RE.search(clause[amounts[0][3] : item.start]) else amounts[0]
    if item.text == SUM:  # a sum given beside items is its own amount
        return next((amount for amount in amounts if amount[2] == item.start), None)
    if item is items[0] and len(amounts) == 1 and LINE_SUM_RE.search(clause[item.end : amounts[0][2]]):
        # "- Air defence systems and missiles, procured with allies: DKK 1.9 billion": a list line's sum after its
        # colon is what the line's first item costs
        return amounts[0]
    for amount in amounts:
        if 0 <= amount[2] - item.end <= 12 and not JOINED_RE.search(clause[item.end : amount[2]]):
            return amount  # "rifles worth $2 million", not "rifles and a $34.6 million contribution"
        # "air defence equipment to Ukraine worth more than £70 million" (not "weapons worth up to $500 million,
        # including…": a package's sum)
        worth = bool(WORTH_BEFORE_RE.search(clause[: amount[2]]))
        if (
            worth
            and 0 <= amount[2] - item.end <= 40
            # ("protective kit and a further batch of ammunition, together worth 8 million crowns": the items' sum)
            and not re.search(r"\btogether\b", clause[item.end : amount[2]], re.I)
            and not GENERIC_RE.fullmatch(item.text)
            and not any(item.end <= other.start < amount[2] for other in items)
        ):
            return amount
        # "$40 million worth of drones", not "a $300 million package including drones"
        # "$40 million worth of drones and 20 trucks": a counted item after another is no part of the sum's
        another = _counted(clause, item) and any(amount[3] <= other.start < item.start for other in items)
        if 0 <= item.start - amount[3] <= 25 and not (
            another
            or PACKAGE_WORDS_RE.search(clause[amount[3] : item.start])
            # ("ammunition worth €10 million and 10 command vehicles": the sum is the thing's before it)
            or worth
        ):
            return amount
    return None


def _in_euros(value, currency, date):
    if value is None or not currency or date is None:
        return None
    try:
        return money.to_eur(value, currency, date).value_eur
    except money.NoRate:
        return None


def _meetings_named(sentences, vocabulary, published):
    """The record's meetings the text names, by kind and number or place, on a day the text allows."""
    named = []
    for _, sentence in sentences:
        numbers = {int(match.group(1)) for match in NUMBERED_MEETING_RE.finditer(sentence)}
        days = {mention.date for mention in text_dates.find_dates(sentence, published) if mention.precision == "day"}
        if published:
            days |= {published, published - datetime.timedelta(days=1)}
        for meeting in vocabulary.meetings:
            if meeting in named:
                continue
            if meeting["number"] and meeting["number"] in numbers:
                named.append(meeting)
                continue
            words = MEETING_WORDS.get(meeting["kind"])
            if not (words and words.search(sentence)):
                continue
            if meeting["kind"] == "visit" and not _place_named(meeting["place"], sentence):
                continue
            last = meeting["ends_on"] or meeting["starts_on"]
            if any(meeting["starts_on"] <= day <= last for day in days):
                named.append(meeting)
    return sorted(named, key=lambda meeting: MEETING_PRIORITY.index(meeting["kind"]))


def _place_named(place, sentence):
    folded = sentence.lower().replace("kiev", "kyiv").replace("kÿiv", "kyiv")
    return any(word.lower() in folded for word in re.findall(r"[A-Z]\w{3,}", place))


def _meeting_for(proposal, meetings):
    if proposal.kind != "pledge" or proposal.date_precision != DatePrecision.DAY:
        return None
    for meeting in meetings:
        if meeting["starts_on"] <= proposal.date <= (meeting["ends_on"] or meeting["starts_on"]):
            return meeting["slug"]
    return None
