"""`manage.py extract_article`: proposals from an article's text, read through the command's output."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pledges.models import Delivery, LineItem, Pledge, Source
from tests.inbox_set.labelled import HERE, SEEDS, load

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

# a wire story holding one real pledge, with the rate the agency used: the example of the command's output
PLEDGE_STORY = HERE / "no_air_defence_2024_07_11.txt"


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("extract_article", str(path), "--format", "json", *args, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def seed(name):
    return next(SEEDS.glob(f"{name}_*.txt"))


@pytest.fixture
def article(tmp_path):
    def write(text, name="article.txt"):
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        return path

    return write


def labelled_facts(name):
    return next(labelled for labelled in load() if labelled.name == name).facts


def without_quotes(proposals):
    return [{key: value for key, value in proposal.items() if key != "quote"} for proposal in proposals]


def test_seed_003_gives_exactly_the_facts_an_editor_takes_from_it(seed_record):
    output, _ = run(seed("003"), "--published", "2023-04-21")
    assert without_quotes(output["proposals"]) == [{**fact, "value_eur": None} for fact in labelled_facts("seed_003")]
    article_text = seed("003").read_text(encoding="utf-8")
    assert all(proposal["quote"] in article_text for proposal in output["proposals"])


def test_the_proposal_has_exactly_the_keys_of_the_issue(seed_record):
    output, _ = run(PLEDGE_STORY, "--published", "2024-07-11")
    assert set(output) == {"proposals", "duplicate_of"}
    [proposal] = output["proposals"]
    assert list(proposal) == [
        "kind", "donor", "category", "system", "quantity", "value", "currency", "value_eur", "date",
        "date_precision", "meeting", "co_funders", "quote",
    ]  # fmt: skip
    assert (proposal["kind"], proposal["donor"], proposal["category"]) == ("pledge", "NO", "air-defence")
    assert proposal["value"] == "1000000000.00" and proposal["currency"] == "NOK"
    assert proposal["value_eur"] == "85671449.99"
    assert (proposal["date"], proposal["date_precision"]) == ("2024-07-11", "day")


def test_a_text_the_record_already_cites_names_its_source(seed_record):
    output, _ = run(seed("004"), "--published", "2023-09-28")
    assert output["duplicate_of"] == Source.objects.get(archive_ref__endswith="004_5b1cb098a2f64ce2.txt").pk


def test_a_rewrite_of_a_text_in_the_inbox_names_that_text_s_source(db, article):
    from pledges.inbox import intake

    story = seed("004").read_text(encoding="utf-8")
    earlier = intake.save(story, title="The wire story")
    intake.read(earlier)
    rewrite = story.replace("NATO head says", "says the NATO chief").replace("on Thursday", "on Thursday in Kyiv")
    output, _ = run(article(rewrite), "--published", "2023-09-28")
    assert output["duplicate_of"] == earlier.source_id


def test_a_text_the_record_does_not_cite_is_no_duplicate(seed_record):
    output, _ = run(PLEDGE_STORY, "--published", "2024-07-11")
    assert output["duplicate_of"] is None


def test_non_facts_stay_out_of_the_seeds(seed_record):
    for labelled in load():
        if not labelled.name.startswith("seed_"):
            continue
        args = ["--published", labelled.published.isoformat()] if labelled.published else []
        output, _ = run(SEEDS / next(SEEDS.glob(f"{labelled.name[5:]}_*.txt")).name, *args)
        quotes = " ".join(proposal["quote"] for proposal in output["proposals"])
        for fragment in labelled.non_facts:
            assert fragment not in quotes, (labelled.name, fragment)


def test_a_text_without_facts_says_so_and_lists_what_it_set_aside(seed_record):
    output, err = run(seed("001"), "--published", "2023-02-14")
    assert output == {
        "proposals": [],
        "duplicate_of": Source.objects.get(archive_ref__endswith="001_f01a6d959760f020.txt").pk,
    }
    assert "No aid facts found." in err
    assert "appeal or request: date 2023-02-14 NATO Secretary General" in err
    assert "byline: Some information for this report came from" in err


def test_the_advertisement_and_its_figures_are_set_aside(seed_record):
    output, err = run(seed("002"), "--published", "2023-09-28")
    assert not any("$1 million" in proposal["quote"] for proposal in output["proposals"])
    assert "advertisement: We have a generous donor who’s agreed to match all donations up to $1 million" in err


def test_the_text_format_shows_the_rate_the_article_quoted(seed_record):
    out = StringIO()
    call_command("extract_article", str(PLEDGE_STORY), "--published", "2024-07-11", stdout=out)
    assert "1. pledge: NO, unknown number of air-defence, NOK 1,000,000,000.00 (€85,671,449.99), 2024-07-11 (day)" in (
        out.getvalue()
    )
    assert "Rate given by the text: ($1 = 10.7887 Norwegian crowns)" in out.getvalue()


def test_the_command_writes_nothing(seed_record):
    counts = [model.objects.count() for model in (Source, Pledge, LineItem, Delivery)]
    run(seed("003"), "--published", "2023-04-21")
    assert [model.objects.count() for model in (Source, Pledge, LineItem, Delivery)] == counts


def test_names_are_found_in_capitals_however_the_text_writes_its_i(seed_record, article):
    # a case-blind regex reads Turkish "İ" and "ı" as i: a name's regex is run only where its letters are, and "İ"
    # lowercased by str.lower() is two characters, so the place it is looked for must read them as the regex does
    output, _ = run(article("TÜRKİYE WILL SEND THREE İRIS-T SLM SYSTEMS, ANKARA SAID."), "--published", "2023-04-21")
    [proposal] = output["proposals"]
    assert (proposal["donor"], proposal["system"], proposal["quantity"]) == ("TR", "IRIS-T SLM", 3)


@pytest.mark.parametrize(
    "sentence, quantity",
    [
        ("Germany will send two dozen Leopard 2A6 tanks.", 24),
        ("Germany will send a further 14 Leopard 2A6 tanks.", 14),
        ("Germany will send three IRIS-T SLM systems.", 3),
        ("Germany will send 1,000 Leopard 2A6 tanks.", 1000),
        ("Germany will send Leopard 2A6 tanks.", None),
        ("Germany will send hundreds of Leopard 2A6 tanks.", None),
        ("Germany will send half a dozen Leopard 2A6 tanks.", 6),
        ("Germany will send a couple of Leopard 2A6 tanks.", 2),
        ("Germany will send a single Leopard 2A6 tank.", 1),
        ("Germany will send two and a half thousand Leopard 2A6 tanks.", 2500),
        # (a release's space between the thousands)
        ("Germany will send 1 000 Leopard 2A6 tanks.", 1000),
        # a number after a name is part of the name; a sum before the count does not hide it
        ("Sweden will send 10 Combat Boat 90 assault boats.", 10),
        ("Sweden will send Robot 70 air defence systems.", None),
        ("Canada will provide $650 million over three years for 50 armoured vehicles.", 50),
        # a drive layout is part of the name
        ("Luxembourg will send 7 Jeep Wrangler 4x4 vehicles.", 7),
        # a span of time counts no things
        ("Over the next two months Germany will send Leopard 2A6 tanks.", None),
        # "its only" one is one
        ("Germany has handed over its only Leopard 2A6 tank.", 1),
        # a year just before the count counts nothing, and hides no count
        ("In 2023 Germany committed twenty-eight Leopard 2A6 tanks.", 28),
        # "its first" system is one; its first systems, or the first of them, are a count untold
        ("Germany's first IRIS-T SLM air defence system arrived in Ukraine this week.", 1),
        ("Ukraine has received its first Patriot air defence systems from Germany.", None),
        ("Ukraine has received its first Leopard 2A6 tanks from Germany.", None),
    ],
)
def test_quantities_are_read_from_digits_and_words(seed_record, article, sentence, quantity):
    output, _ = run(article(sentence), "--published", "2023-04-21")
    [proposal] = output["proposals"]
    assert proposal["quantity"] == quantity


@pytest.mark.parametrize(
    "sentence, date, precision",
    [
        ("Norway announced on Tuesday that it will donate NASAMS.", "2023-04-18", "day"),
        ("Norway announced on Tuesday last week that it will donate NASAMS.", "2023-04-11", "day"),
        ("Norway announced on Wednesday the 12th that it will donate NASAMS.", "2023-04-12", "day"),
        ("Norway announced this week that it will donate NASAMS.", "2023-04-21", "on_or_before"),
        ("Norway has delivered NASAMS since the end of March.", "2023-03-01", "month"),
        ("Norway delivered NASAMS in spring.", "2023-04-01", "quarter"),
        ("Norway said it had delivered NASAMS by the end of the year.", "2023-12-31", "on_or_before"),
        ("Norway pledged NASAMS earlier this month.", "2023-04-01", "month"),
        ("Norway pledged NASAMS on 14 February 2023.", "2023-02-14", "day"),
        # when the aid is to come, and what it is for, do not date the pledge
        ("Norway will donate NASAMS, and the first deliveries should come this year.", "2023-04-21", "day"),
        ("Norway will donate NASAMS for the winter.", "2023-04-21", "day"),
        # what was "promised by" the Prime Minister "in October" and has now been sent is dated by the report
        (
            "Norway has already sent the three NASAMS promised by its prime minister in October.",
            "2023-04-21",
            "on_or_before",
        ),
        # a month's short name ends no clause
        ("The Latvian NASAMS arrived on Feb. 14, a day before the meeting.", "2023-02-14", "day"),
        # a pledge restated is dated on or before the report, not by the dates around it
        (
            "MADRID, April 5 - The NASAMS Norway has promised will be shipped in late April.",
            "2023-04-21",
            "on_or_before",
        ),
        # a dateline with its city in title case is the filing's; the promise is dated by what the text says
        (
            "Paris, April 20 - When Macron told Zelensky in early January that France would send AMX-10 RC armoured "
            "vehicles, the decision was billed as a turning point.",
            "2023-01-01",
            "month",
        ),
        # a day named without its year, and more than half a year after the report, is last year's
        ("On 20 December, Lithuania handed over 500 folding beds to Ukraine.", "2022-12-20", "day"),
        # "last May", a month of the year before
        ("Britain sent its first Storm Shadow missiles to Ukraine last May.", "2022-05-01", "month"),
        # a handover confirmed within a month is dated by that month
        (
            "Earlier this month the minister confirmed that 20 Leopard tanks from Germany had arrived in Ukraine.",
            "2023-04-01",
            "month",
        ),
        # "last night" is the evening before the report
        ("Britain will send Ukraine 18 howitzers, the defence secretary announced last night.", "2023-04-20", "day"),
        # days counted back from the report's news
        (
            "A day earlier, the Danish minister said Denmark would send ten more howitzers to Ukraine.",
            "2023-04-20",
            "day",
        ),
        (
            "The offer came two days after Norway said it would spend 3.5 billion Norwegian crowns on drones for "
            "Ukraine.",
            "2023-04-19",
            "day",
        ),
        ("Norway said three days ago it would send 20 armoured vehicles to Ukraine.", "2023-04-18", "day"),
        ("Norway said two weeks ago it would send 20 armoured vehicles to Ukraine.", "2023-04-07", "day"),
        # a day of the report's month, and a quarter or a part of a year named without more
        ("Norway said on the 5th it would send 20 armoured vehicles to Ukraine.", "2023-04-05", "day"),
        ("In the first quarter Norway pledged 20 armoured vehicles to Ukraine.", "2023-01-01", "quarter"),
        ("Norway pledged 20 armoured vehicles to Ukraine in late 2022.", "2022-01-01", "year"),
        # "the day before yesterday", a month or a year back, a month "last year", half a year
        ("Norway pledged 20 armoured vehicles to Ukraine the day before yesterday.", "2023-04-19", "day"),
        ("Norway pledged 20 armoured vehicles to Ukraine two months ago.", "2023-02-01", "month"),
        ("Norway pledged 20 armoured vehicles to Ukraine a year ago.", "2022-01-01", "year"),
        ("In September last year Norway pledged 20 armoured vehicles to Ukraine.", "2022-09-01", "month"),
        ("On 7 March last year Norway pledged 20 armoured vehicles to Ukraine.", "2022-03-07", "day"),
        # (a weekday before a day and month is part of the date)
        ("On Wednesday 14 February Norway pledged 20 armoured vehicles to Ukraine.", "2023-02-14", "day"),
        ("Norway pledged 20 armoured vehicles to Ukraine in the second half of 2022.", "2022-01-01", "year"),
        # ("less than a month ago" is a span, not a date: the handover is dated by the report)
        (
            "Norway has handed over the last of 20 armoured vehicles, closing a transfer that began less than a month "
            "ago.",
            "2023-04-21",
            "on_or_before",
        ),
        # when what "will" be handed over comes is no date of the promise, whatever stands between
        (
            "Poland will hand Ukraine a package worth 100 million euros ($105 million) in January, Tusk said on "
            "Thursday.",
            "2023-04-20",
            "day",
        ),
        # what has been handed over since a time is dated by the report (a month named after "since" is that month)
        ("Since the first quarter of 2022, Portugal has delivered 28 M113 vehicles.", "2023-04-21", "on_or_before"),
        ("France has delivered 18 Caesar guns since last year.", "2023-04-21", "on_or_before"),
        ("Since March, Norway has sent 20 vehicles.", "2023-03-01", "month"),
        # the start or end of a year is its first or last month; a fortnight is two weeks
        ("Norway pledged 20 trucks at the start of the year.", "2023-01-01", "month"),
        ("Norway pledged 20 trucks at the end of last year.", "2022-12-01", "month"),
        ("Norway pledged 20 trucks a fortnight ago.", "2023-04-07", "day"),
        # a promise the things are described by was made before the report
        ("The 20 trucks Norway promised are due to arrive next month.", "2023-04-21", "on_or_before"),
        # "earlier this year" is when a promise was made; a month named after it is finer
        ("Earlier this year, Norway pledged 20 trucks.", "2023-01-01", "year"),
        ("Earlier this year, in February, Norway pledged 20 trucks.", "2023-02-01", "month"),
        # what was handed over in a span of months, by the span's end; "in the same months", by the same
        ("From January to the end of March, Norway handed over 20 trucks.", "2023-03-31", "on_or_before"),
        ("Between January and March, Norway handed over 20 trucks.", "2023-03-31", "on_or_before"),
        # (a span's months may be told finer or with their years; a span ending in the report's month, by the report)
        ("Between May 2022 and March 2023, Norway handed over 20 trucks.", "2023-03-31", "on_or_before"),
        ("Between late January and mid-April, Norway handed over 20 trucks.", "2023-04-21", "on_or_before"),
        # a commitment told as an earlier one was made by the report
        ("Norway's earlier commitments also include 20 trucks.", "2023-04-21", "on_or_before"),
        # (a span of years, by its last year's end)
        ("In each year from 2021 to 2022, Norway handed over 20 trucks.", "2022-12-31", "on_or_before"),
        # a handover is never dated after its report: "next year" is the budget's
        (
            "During a debate on next year's defence budget, the minister said Norway has handed over 20 trucks.",
            "2023-04-21",
            "on_or_before",
        ),
        # a timeline's entry heading dates what the entry tells (the month's heading gives a month-only one its year)
        ("Timeline\n\n24 February - Oslo\nNorway announces 20 more trucks for Ukraine.", "2023-02-24", "day"),
        ("Timeline\n\nAPRIL 2022\n\nApril - Oslo\nNorway announces 20 more trucks for Ukraine.", "2022-04-01", "month"),
        ("Norway has sent 20 trucks since the turn of the year.", "2023-01-01", "year"),
        # a feed entry's heading with its time is the day of its "today"
        ("Posts\n\n14 April 2023, 10:32\nToday Norway handed over 20 trucks.", "2023-04-14", "day"),
        # "the end of May" is May, not the modal verb; a table's date is written with dots
        ("At the end of May, Norway committed 20 trucks.", "2022-05-01", "month"),
        ("On 19.01.2023 Norway pledged 20 trucks.", "2023-01-19", "day"),
        # a sentence giving nothing sets the day of the pledge right after it, in its paragraph
        (
            "Talks\n\nLast Wednesday in Brussels two small allies opened their wallets. Norway said it would send 20 "
            "trucks.",
            "2023-04-19",
            "day",
        ),
        (
            "Talks\n\nOn Wednesday the leaders signed a security agreement. Norway is the tenth state to sign one. "
            "Under it, Norway will send 20 trucks.",
            "2023-04-19",
            "day",
        ),
        (
            "Talks\n\nLast Wednesday in Brussels two small allies opened their wallets.\n\nNorway said it would send "
            "20 trucks.",
            "2023-04-21",
            "day",
        ),
        # what was handed over since the invasion's month was handed over by the report
        (
            "Since February 2022 Norway has delivered 4,000 M72 anti-tank weapons to Ukraine.",
            "2023-04-21",
            "on_or_before",
        ),
        # what came "that same day" came on the day told just before
        (
            "On 27 February two Norwegian transport aircraft flew to Rzeszów. On board were 2,000 M72 anti-tank "
            "weapons, which Ukrainian officials received that same day.",
            "2023-02-27",
            "day",
        ),
        # a package described as unveiled on a day was made that day, whatever the sentence reports
        (
            "Friday's news follows a $150 million drawdown for Ukraine that Washington unveiled on April 12.",
            "2023-04-12",
            "day",
        ),
        # what a minister "confirmed" on a day, told in her words after, was promised that day
        (
            "Interview\n\nOn Wednesday, at the contact group, the minister confirmed that Norway would help. We "
            'spoke to her the next day.\n\n"Norway is sending 20 trucks, and more will follow."',
            "2023-04-19",
            "day",
        ),
    ],
)
def test_relative_dates_are_resolved_against_the_publication_date(seed_record, article, sentence, date, precision):
    output, _ = run(article(sentence), "--published", "2023-04-21")
    [proposal] = output["proposals"]
    assert (proposal["date"], proposal["date_precision"]) == (date, precision)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Finland offered three Leopard 2R mine-clearing vehicles in February 2023 and another three in March.",
            [("pledge", "Leopard 2R", 3, "2023-02-01", "month"), ("pledge", "Leopard 2R", 3, "2023-03-01", "month")],
        ),
        # a second handover, told the same way
        (
            "Four Leopard 2A4s from Poland rolled into Ukraine on 24 February 2023, and ten more followed in March.",
            [
                ("delivery", "Leopard 2A4", 4, "2023-02-24", "day"),
                ("delivery", "Leopard 2A4", 10, "2023-03-01", "month"),
            ],
        ),
    ],
)
def test_a_second_promise_or_handover_in_a_month_without_its_year_is_in_the_year_told(
    seed_record, article, text, expected
):
    output, _ = run(article(text), "--published", "2024-08-07")
    found = [(p["kind"], p["system"], p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]]
    assert found == expected


def test_what_was_promised_more_after_a_handover_is_not_handed_over(seed_record, article):
    text = (
        "Five Dutch PzH 2000 howitzers pledged in the spring are already in Ukrainian hands, and a further three were "
        "promised in June."
    )
    output, _ = run(article(text), "--published", "2024-08-07")
    handed = [p["quantity"] for p in output["proposals"] if p["kind"] == "delivery"]
    assert handed == [5]


def test_what_a_package_told_of_before_holds_is_dated_by_its_announcement(seed_record, article):
    text = (
        "Live coverage\n\n08:10\nGermany on Saturday announced its biggest aid package, worth 2.7 billion euros.\n\n"
        "11:10\nFor readers asking what exactly is in Berlin's package: it contains 30 Leopard 1A5 tanks."
    )
    output, _ = run(article(text), "--published", "2023-05-15")
    assert [(p["system"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("Leopard 1A5", "2023-05-13", "day")
    ]


def test_a_list_of_what_was_just_said_to_be_donated_is_handed_over_by_the_report(seed_record, article):
    text = (
        "Norway handed over eight Leopard 2A4 tanks to Ukraine in 2023.\n\nOver recent months, Norway has donated "
        "materiel worth about NOK 1 billion to Ukraine. The donations include:\n\n- artillery ammunition for M109 "
        "self-propelled howitzers\n- 5,000 M72 light anti-armour weapons"
    )
    output, _ = run(article(text), "--published", "2024-04-26")
    assert [(p["kind"], p["category"], p["date"], p["date_precision"]) for p in output["proposals"]][1:] == [
        ("delivery", "ammunition", "2024-04-26", "on_or_before"),
        ("delivery", "small-arms", "2024-04-26", "on_or_before"),
    ]


def test_another_or_the_third_of_a_system_is_one_and_a_later_one_dated_otherwise_is_another(seed_record, article):
    text = (
        "Berlin will send Kyiv another Patriot air defence system, the chancellor said on Tuesday. "
        "It is the third Patriot system Germany has given, after one handed over in June."
    )
    output, _ = run(article(text), "--published", "2024-09-12")
    assert [(p["kind"], p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]][0] == (
        "pledge",
        1,
        "2024-09-10",
        "day",
    )


def test_a_tv_reporter_s_voice_over_tells_the_story_and_asks_nothing(seed_record, article):
    text = (
        "REPORTER (voice-over): It is Canada's second payment into the scheme. The first was announced by Mark Carney "
        "in August, during his visit to Kyiv.\n\nREPORTER (voice-over): Canada was not alone today. "
        "Australia committed 50 million Australian dollars to the same PURL pool, announced in Brussels."
    )
    output, _ = run(article(text), "--published", "2025-12-03")
    assert [(p["donor"], p["value"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("AU", "50000000.00", "2025-12-03", "day")
    ]


def test_a_budget_line_s_heading_gives_the_sum_its_paragraph_dates(seed_record, article):
    text = (
        "This note explains the line items for military support to Ukraine that the Norwegian government decided "
        "in 2024.\n\nLine 1 – Maintenance of donated Leopard tanks (NOK 150 million)\nOn 26 April 2024 the Minister "
        "of Defence decided that Norway will provide up to NOK 150 million for repair of the Leopard tanks donated "
        "to Ukraine."
    )
    output, _ = run(article(text), "--published", "2024-11-05")
    assert [(p["category"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("maintenance", "150000000.00", "2024-04-26")
    ]


def test_a_list_after_a_receipt_confirmed_lists_what_was_handed_over_that_day(seed_record, article):
    text = (
        "On 21 April 2025 the Ukrainian Ministry of Defence confirmed receipt of a consignment paid for by "
        "Luxembourg. The package was valued at just under EUR 2 million and contained:\n\n- 3,288 wireless access "
        "points\n- 500 routers\n- 872 mobile phones\n"
    )
    output, _ = run(article(text), "--published", "2025-07-15")
    assert [(p["kind"], p["quantity"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("delivery", 3288, None, "2025-04-21"),
        ("delivery", 500, None, "2025-04-21"),
        ("delivery", 872, None, "2025-04-21"),
    ]


def test_a_sentence_broken_over_lines_of_a_fixed_width_is_read_whole(seed_record, article):
    text = (
        "LITHUANIA SENDS NEW AID BATCH\n\n A fresh shipment of Lithuanian military\n aid reached Ukraine yesterday, "
        "the\n Lithuanian MoD said in Vilnius.\n\n The batch contained:\n  - loaders\n  - folding beds\n\n Latvia "
        "handed over twenty military\n trucks to Ukraine on Wednesday, the MoD\n said in Riga.\n"
    )
    output, _ = run(article(text), "--published", "2024-08-29")
    assert [(p["kind"], p["donor"], p["quantity"], p["date"]) for p in output["proposals"]] == [
        ("delivery", "LT", None, "2024-08-28"),
        ("delivery", "LT", None, "2024-08-28"),
        ("delivery", "LV", 20, "2024-08-28"),
    ]
    assert all(p["quote"] in text for p in output["proposals"])  # (the line breaks kept: quoted verbatim)


def test_packages_told_line_by_line_each_keep_their_own_sum(seed_record, article):
    # (a package told only by its sum is other equipment of that value; the next line's package, approved on
    # another day, is no part of it)
    text = (
        "Finland's defence materiel packages to Ukraine were approved as follows:\n\n- 18th package: approved on 25 "
        "August 2023; estimated value approximately EUR 94 million.\n- 19th package: approved on 11 October 2023; "
        "estimated value approximately EUR 95 million.\n"
    )
    output, _ = run(article(text), "--published", "2024-01-19")
    assert [(p["category"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("other-equipment", "94000000.00", "2023-08-25"),
        ("other-equipment", "95000000.00", "2023-10-11"),
    ]


def test_harm_in_lower_case_is_no_missile(seed_record, article):
    text = (
        "Finland will not say what its packages held. Disclosure could harm its national defence and endanger the "
        "safe arrival of the materiel. The US has sent HARM missiles for Ukraine's jets."
    )
    output, _ = run(article(text), "--published", "2024-01-19")
    assert [(p["donor"], p["category"]) for p in output["proposals"]] == [("US", "ammunition")]


def test_a_timelines_day_headings_date_the_entries_under_them(seed_record, article):
    text = (
        "Chronology: Dutch money for ammunition\n\nMarch 2023\nEU governments agree a plan for artillery rounds.\n\n"
        "20 April 2023\nThe Netherlands will pay €130 million into a NATO trust fund for Ukraine.\n\n"
        "14 February 2024\nThe Netherlands will send 12 drones to Ukraine.\n"
    )
    output, _ = run(article(text), "--published", "2024-02-29")
    assert [(p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("2023-04-20", "day"),
        ("2024-02-14", "day"),
    ]


def test_a_table_row_asking_a_question_gives_nothing(seed_record, article):
    text = (
        "The Netherlands will pay €100 million into the Czech-led initiative.\n\n| Question | Status |\n|---|---|\n"
        "| When will the first rounds from the Czech purchase arrive? | Not announced |\n"
    )
    output, _ = run(article(text), "--published", "2024-02-29")
    assert [(p["category"], p["value"]) for p in output["proposals"]] == [("funding", "100000000.00")]


def test_what_has_reached_its_destination_is_handed_over_and_not_on_the_day_it_was_promised(seed_record, article):
    text = "The Patriot air-defence system that Romania promised to Ukraine in June has reached its destination."
    output, _ = run(article(text), "--published", "2024-10-04")
    assert [(p["kind"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("delivery", "2024-10-04", "on_or_before"),
        ("pledge", "2024-06-01", "month"),
    ]


def test_a_table_row_counts_its_item_in_the_next_cell(seed_record, article):
    text = (
        "Luxembourg's aid at a glance\n\n| Item | Figure | Status |\n|---|---|---|\n"
        "| Anti-tank missiles from army stocks | 102 | handed over |\n"
        "| Machine-gun rounds from army stocks | c. 20,000 | handed over |\n"
        "| BVP-1 infantry fighting vehicles | Czech army depots | five on the filmed train | sent |\n"
    )
    output, _ = run(article(text), "--published", "2023-02-20")
    assert [(p["kind"], p["quantity"]) for p in output["proposals"]] == [
        ("delivery", 102),
        ("delivery", 20000),
        ("delivery", 5),
    ]


def test_a_column_headed_by_a_currency_gives_its_cells_sums_not_counts(seed_record, article):
    text = (
        "Denmark's new package, line by line:\n\n| Item | DKK |\n|---|---|\n"
        "| Artillery pieces | 750 million |\n| Anti-tank mines | 150 million |\n\n"
        "| Item | Number |\n|---|---|\n| Armoured vehicles | 40 |\n"
    )
    output, _ = run(article(text), "--published", "2024-05-17")
    assert [(p["category"], p["quantity"], p["value"], p["currency"]) for p in output["proposals"]] == [
        ("artillery", None, "750000000.00", "DKK"),
        ("ammunition", None, "150000000.00", "DKK"),
        ("ifv-apc", 40, None, None),
    ]


def test_a_package_worth_a_sum_mainly_of_one_thing_gives_that_thing_no_sum(seed_record, article):
    text = "Poland has handed over its last package, worth around a hundred million zloty, mainly 155mm shells."
    output, _ = run(article(text), "--published", "2026-02-05")
    assert [(p["category"], p["value"]) for p in output["proposals"]] == [("ammunition", None)]


def test_a_sum_for_one_year_is_not_the_same_sum_given_another_year(seed_record, article):
    text = (
        "Spain is to give Ukraine a further one billion euros in military aid this year. When the security agreement "
        "was signed, Spain committed one billion euros in military support for 2024."
    )
    output, _ = run(article(text), "--published", "2025-02-24")
    assert [(p["value"], p["date"]) for p in output["proposals"]] == [
        ("1000000000.00", "2025-02-24"),
        ("1000000000.00", "2024-01-01"),
    ]


def test_a_year_a_sum_is_for_dates_no_later_announcement(seed_record, article):
    text = (
        "When the agreement was signed, Spain committed one billion euros in military support for 2024. Sweden's "
        "government said it would spend SEK 1.2 billion on air defence for Ukraine."
    )
    output, _ = run(article(text), "--published", "2025-02-24")
    assert [(p["donor"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("ES", "2024-01-01", "year"),
        ("SE", "2025-02-24", "day"),
    ]


def test_each_item_of_a_sentence_takes_the_date_told_right_after_it(seed_record, article):
    text = (
        "Lithuania delivered 155mm shells in March and M577 armoured vehicles on 5 April. The Netherlands will give "
        "two minehunters and train their crews, with instruction due to begin in the second half of this year."
    )
    output, _ = run(article(text), "--published", "2024-04-10")
    assert [(p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("2024-03-01", "month"),
        ("2024-04-05", "day"),
        ("2024-04-10", "day"),
        ("2024-04-10", "day"),
    ]


def test_a_list_of_what_had_reached_ukraine_is_dated_by_the_meeting_it_was_told_at(seed_record, article):
    text = (
        "On 9 January Defence Minister Yuriko Backes attended the 25th meeting of the Ukraine Defense Contact Group. "
        "Backes used the session to tell partners what had reached Ukraine from Luxembourg since the group last met. "
        "The list was concrete:\n\n- heavy machine guns;\n- observation drones.\n"
    )
    output, _ = run(article(text), "--published", "2025-12-19")
    assert [(p["kind"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("delivery", "2025-01-09", "on_or_before")
    ] * 2


def test_a_packages_value_stays_with_its_one_item_when_what_follows_was_given_another_day(seed_record, article):
    text = (
        "On Wednesday the government confirmed that Australia will give Ukraine 49 M1A1 Abrams tanks, in a package "
        "valued at A$245 million. Back in April, the government committed A$30 million for drones. Australian "
        "instructors are still in Britain training Ukrainian recruits."
    )
    output, _ = run(article(text), "--published", "2024-10-18")
    assert [(p["kind"], p["category"], p["value"]) for p in output["proposals"]] == [
        ("pledge", "tanks", "245000000.00"),
        ("pledge", "drones", "30000000.00"),
        ("delivery", "training", None),
    ]


def test_a_list_heading_sum_split_across_its_lines_is_their_total(seed_record, article):
    text = (
        "Norway said it will spend five billion kroner on artillery ammunition for Ukraine, split across two "
        "channels:\n\n• NOK 4 billion goes to the Czech-led initiative.\n• NOK 1 billion goes to the European Peace "
        "Facility.\n\n| What | Figure |\n|---|---|\n| Rounds delivered so far, all funders | at least 1.6 million |\n"
    )
    output, _ = run(article(text), "--published", "2025-04-08")
    assert [(p["category"], p["value"]) for p in output["proposals"]] == [
        ("funding", "4000000000.00"),
        ("funding", "1000000000.00"),
    ]


def test_who_joins_purl_or_is_thanked_for_money_for_it_funds_it_and_how_the_pool_works_gives_nothing(
    seed_record, article
):
    text = (
        "**September: joining PURL**\n\n"
        "On 2 September the Grand Duchy said it would join the Prioritised Ukraine Requirements List, or PURL, the "
        "NATO scheme under which European allies pay for packages of American weapons and ammunition for Ukraine.\n\n"
        "On 30 December Romania decided to join the PURL mechanism, through which allies pay for US-made weapons "
        "for Kyiv, with a contribution of 50 million euros.\n\n"
        "On Friday Rutte thanked Iceland and Norway for fresh money for PURL.\n\nOn 23 December Spain approved a "
        "voluntary contribution of one hundred million euros to NATO so that Spain takes part in PURL."
    )
    output, _ = run(article(text), "--published", "2026-02-21")
    assert [(p["kind"], p["donor"], p["category"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("pledge", "LU", "funding", None, "2025-09-02"),
        ("pledge", "RO", "funding", "50000000.00", "2025-12-30"),
        ("pledge", "IS", "funding", None, "2026-02-20"),
        ("pledge", "NO", "funding", None, "2026-02-20"),
        ("pledge", "ES", "funding", "100000000.00", "2025-12-23"),
    ]


def test_whom_the_news_was_told_to_and_where_name_no_giver_and_partners_unnamed_give_nothing(seed_record, article):
    text = (
        "Slovenia has changed course on arms for Ukraine.\n\n"
        "Defence Minister Matej Tonin told Slovenian reporters after the EU video conference that rifles and "
        "helmets have already been sent to Ukraine.\n\n"
        "The news followed this week's Ukraine Defense Contact Group meeting, at which partners promised more "
        "money for air defence."
    )
    output, _ = run(article(text), "--published", "2022-02-28")
    assert [(p["kind"], p["donor"], p["category"]) for p in output["proposals"]] == [
        ("delivery", "SI", "small-arms"),
        ("delivery", "SI", "other-equipment"),
    ]


def test_ukrainians_who_completed_or_began_a_course_were_given_training_and_what_they_practised_is_not_given(
    seed_record, article
):
    text = (
        "Czech help goes on. The first group of several hundred Ukrainian soldiers completed a three-week course at "
        "a Czech military area in December, practising marksmanship and driving infantry fighting vehicles.\n\n"
        "Norwegian instructors have begun teaching basic soldiering to Ukrainian recruits in Britain.\n\n"
        "A first group of Romanian pilots began their course this week.\n\n"
        "Australian soldiers helped train roughly four hundred Ukrainian recruits. Equipment gifted to Ukraine, such "
        "as protected mobility vehicles, is reported separately and is not covered by this page."
    )
    output, _ = run(article(text), "--published", "2023-02-22")
    assert [(p["kind"], p["donor"], p["category"], p["date"]) for p in output["proposals"]] == [
        ("delivery", "CZ", "training", "2022-12-01"),
        ("delivery", "NO", "training", "2023-02-22"),
        ("delivery", "AU", "training", "2023-02-22"),
    ]


def test_a_statements_topic_is_no_second_item_nor_comment_about_whether_to_give_nor_what_its_army_bought(
    seed_record, article
):
    text = (
        "On air defence, I can confirm that Ukraine has now received 125 anti-aircraft guns from the United "
        "Kingdom.\n\n"
        "Members will have seen a good deal of comment in recent days about whether Western main battle tanks should "
        "now be offered to Ukraine by Britain. The army bought its AS-90 howitzers decades ago."
    )
    output, _ = run(article(text), "--published", "2023-01-09")
    assert [(p["kind"], p["donor"], p["category"], p["quantity"]) for p in output["proposals"]] == [
        ("delivery", "GB", "air-defence", 125)
    ]


def test_a_day_in_words_dates_what_donors_will_pay_together_for_and_ukraines_list_is_no_pledge(seed_record, article):
    text = (
        "On Sunday the second of October it was made public that Norway and Denmark will pay together for sixteen "
        "new Zuzana 2 howitzers for Ukraine.\n\n"
        "Norway's minister said air defence is at the top of Ukraine's list."
    )
    output, _ = run(article(text), "--published", "2022-10-19")
    assert [(p["donor"], p["category"], p["quantity"], p["date"], p["co_funders"]) for p in output["proposals"]] == [
        ("NO", "artillery", 16, "2022-10-02", ["DK"])
    ]


def test_specialists_who_taught_ukrainians_gave_training_and_asking_for_parts_for_armour_received_is_a_request(
    seed_record, article
):
    text = (
        "Lithuanian specialists have also taught a first group of 18 Ukrainian army mechanics to carry out field "
        "repairs.\n\n"
        "Ukrainian officials keep asking Lithuania for more spare parts for the Western armour they have received."
    )
    output, _ = run(article(text), "--published", "2023-12-15")
    assert [(p["kind"], p["donor"], p["category"]) for p in output["proposals"]] == [("delivery", "LT", "training")]


def test_what_came_in_the_same_months_is_dated_by_the_fact_before(seed_record, article):
    text = (
        "Between January and March, Norway handed over 20 trucks. In the same three months Ukraine received 40 rifles "
        "from Norway."
    )
    output, _ = run(article(text), "--published", "2023-04-21")
    assert [(p["date"], p["date_precision"]) for p in output["proposals"]] == [("2023-03-31", "on_or_before")] * 2
    # and what came "earlier the same month", whatever its kind, in the month of the fact before
    text = "In January, Canada pledged 200 Senator vehicles. Earlier the same month, Ottawa had handed over 40 rifles."
    output, _ = run(article(text), "--published", "2023-09-23")
    assert [(p["kind"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("pledge", "2023-01-01", "month"),
        ("delivery", "2023-01-01", "month"),
    ]


def test_a_round_up_s_lead_dates_the_undated_promises_it_goes_on_to_list(seed_record, article):
    text = (
        "Ukraine's partners used Friday, the anniversary of the invasion, to announce a fresh round of help.\n\n"
        "STOCKHOLM\nPrime Minister Ulf Kristersson said Sweden would send up to ten Leopard 2A5 tanks."
    )
    output, _ = run(article(text), "--published", "2023-02-25")
    assert [(p["donor"], p["date"], p["date_precision"]) for p in output["proposals"]] == [("SE", "2023-02-24", "day")]


def test_a_minister_s_thread_lists_its_package_under_emoji_bullets_and_speaks_for_its_donor(seed_record, article):
    text = (
        "Minister of Defence of Estonia\n\n1/ This morning the Government approved a new package for Ukraine. I "
        "presented it in Tallinn an hour ago.\n\n2/ What is in it:\n▪️ machine guns\n▪️ boats\n\n3/ Other allies "
        "followed our lead.\n\n4/ Since Feb 2022 we have also sent howitzers."
    )
    output, _ = run(article(text), "--published", "2023-12-14")
    assert [(p["kind"], p["donor"], p["category"]) for p in output["proposals"]] == [
        ("pledge", "EE", "small-arms"),
        ("pledge", "EE", "other-equipment"),
        ("delivery", "EE", "artillery"),
    ]


def test_a_thread_s_heading_of_new_support_heads_its_list(seed_record, article):
    text = "2/8 🔹 NEW UK SUPPORT 🔹 Confirmed in Odesa after the talks:\n▪️ ninety Brimstone missiles\n▪️ forty trucks\n"
    output, _ = run(article(text), "--published", "2024-07-07")
    assert [(p["kind"], p["donor"], p["quantity"]) for p in output["proposals"]] == [
        ("pledge", "GB", 90),
        ("pledge", "GB", 40),
    ]


def test_a_heading_of_where_the_money_goes_lists_the_package_given_before_it(seed_record, article):
    # (a remark on a share of the sum between the package and its list leaves the package's day to its lines)
    text = (
        "Denmark put its eighteenth package before parliament yesterday: DKK 5.6 billion. Roughly half goes to air "
        "defence.\n\nWhere the kroner go:\n- artillery shells: DKK 950 million;\n- anti-tank mines: DKK 150 million."
    )
    output, _ = run(article(text), "--published", "2024-05-17")
    assert [(p["donor"], p["category"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("DK", "ammunition", "950000000.00", "2024-05-16"),
        ("DK", "ammunition", "150000000.00", "2024-05-16"),
    ]


def test_what_a_pool_has_thus_committed_is_its_tranches_sum_and_how_its_members_give_no_gift(seed_record, article):
    text = (
        "The European Peace Facility agreed a second tranche of EUR 500 million on 23 March. The facility has thus "
        "committed EUR 1.5 billion to Ukraine in seven weeks. Member states send equipment from their own stocks and "
        "claim part of the cost back."
    )
    output, _ = run(article(text), "--published", "2022-04-14")
    assert [(p["donor"], p["category"], p["value"], p["date"]) for p in output["proposals"]] == [
        ("EPF", "funding", "500000000.00", "2022-03-23")
    ]


def test_a_ship_s_cargo_is_listed_under_what_it_is_carrying(seed_record, article):
    text = (
        "A ship left Santander for Ukraine on Monday night. According to the Spanish ministry, the vessel is "
        "carrying:\n- four Leopard 2A4 battle tanks;\n- ten lorries."
    )
    output, _ = run(article(text), "--published", "2023-07-26")
    assert [(p["kind"], p["donor"], p["category"], p["quantity"]) for p in output["proposals"]] == [
        ("pledge", "ES", "tanks", 4),
        ("pledge", "ES", "other-equipment", 10),
    ]


def test_a_list_of_items_ukraine_asked_for_is_what_the_package_gives(seed_record, article):
    text = (
        "Denmark backed its ninth donation to Ukraine on Wednesday. Everything in it is on a list of items Ukraine "
        "has asked Denmark for:\n\n- 12.7 mm heavy machine guns\n- twenty-one robots for bomb disposal\n"
    )
    output, _ = run(article(text), "--published", "2023-03-15")
    assert [(p["kind"], p["donor"], p["category"], p["quantity"]) for p in output["proposals"]] == [
        ("pledge", "DK", "small-arms", None),
        ("pledge", "DK", "other-equipment", 21),
    ]


def test_a_list_takes_the_day_its_package_was_announced(seed_record, article):
    text = (
        "Here is more on that US package. Biden announced it on Friday after a call with Zelensky. According to US "
        "officials, the package includes:\n- ammunition for HIMARS rocket launchers;\n- Javelin anti-armour weapons."
    )
    output, _ = run(article(text), "--published", "2024-08-24")
    assert [(p["date"], p["date_precision"]) for p in output["proposals"]] == [("2024-08-23", "day")] * 2


def test_a_dated_label_over_the_story_leaves_the_package_its_day_of_announcement(seed_record, article):
    # (the sentence that says so is set aside, for the replenishment money it mentions, yet still dates the package)
    text = (
        "Show notes | Friday, 29 December 2023\n\nThis week we unpack the $250 million package the Pentagon "
        "announced on Wednesday, which exhausts the replenishment money Congress gave it.\n\nIn the first segment "
        "we go through the list: TOW missiles and Javelin anti-armor systems."
    )
    output, _ = run(article(text), "--published", "2023-12-29")
    assert [(p["category"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("ammunition", "2023-12-27", "day"),
        ("small-arms", "2023-12-27", "day"),
    ]


def test_a_list_line_headed_by_may_is_dated_may(seed_record, article):
    text = "Denmark's aid in 2023:\n- March: package IX, 21 bomb-disposal robots\n- May: package X, 14 boats\n"
    output, _ = run(article(text), "--published", "2023-06-13")
    assert [(p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        (21, "2023-03-01", "month"),
        (14, "2023-05-01", "month"),
    ]


def test_a_headline_under_an_outlet_s_name_and_sections_gives_nothing_the_story_gives(seed_record, article):
    text = (
        "DEFENCE PROCUREMENT EUROPE\nIndustry | Land Systems\n\nGermany funds 200 howitzers for Ukraine\n\n"
        "Germany will finance 200 Bohdana howitzers for Ukraine, the minister said on Wednesday.\n"
    )
    output, _ = run(article(text), "--published", "2025-12-19")
    assert [(p["quantity"], p["date"]) for p in output["proposals"]] == [(200, "2025-12-17")]


def test_a_dateline_s_date_is_the_filing_s_not_the_announcement_s(seed_record, article):
    text = "KYIV, 3 November - The Netherlands will supply Ukraine with ammunition, Ollongren said on Thursday."
    output, _ = run(article(text), "--published", "2023-11-03")
    assert [(p["date"], p["date_precision"]) for p in output["proposals"]] == [("2023-11-02", "day")]


def test_a_line_restating_the_title_gives_nothing_the_story_gives_with_its_own_date(seed_record, article):
    text = (
        "Norway to send Ukraine more shells\n\nOslo approves supply of artillery shells after talks with allies in "
        "Brussels\n\nBy a staff reporter\n\nNorway will send Ukraine artillery shells from its own stocks, the "
        "defence minister announced on Wednesday."
    )
    output, _ = run(article(text), "--published", "2024-02-16")
    assert [(p["category"], p["date"]) for p in output["proposals"]] == [("ammunition", "2024-02-14")]
    assert output["proposals"][0]["quote"].startswith("Norway will send")


def test_a_day_later_is_the_day_after_the_fact_before_and_what_is_under_consideration_is_no_fact(seed_record, article):
    text = (
        "Belgium said on Saturday it would send 2,000 machine guns. A day later the government said it was preparing "
        "a second shipment of 3,000 automatic rifles. A second wave of training was under consideration, without "
        "committing to more vehicles."
    )
    output, _ = run(article(text), "--published", "2022-02-28")
    found = [(p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]]
    assert found == [(2000, "2022-02-26", "day"), (3000, "2022-02-27", "day")]


def dated(path, published):
    """(kind, quantity, date, date precision) of each proposal the command makes of a text."""
    output, _ = run(path, "--published", published)
    return [(p["kind"], p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]]


def test_the_day_of_an_announcement_named_apart_dates_its_pledges(seed_record, article):
    text = (
        "For the plant's workers, Thursday's announcement from Washington sounded familiar. The Pentagon said it "
        "would send Ukraine 20 Stinger anti-aircraft systems."
    )
    assert dated(article(text), "2023-10-28") == [("pledge", 20, "2023-10-26", "day")]


def test_a_list_without_a_date_of_its_own_is_dated_by_the_handover_before_it(seed_record, article):
    text = (
        "Germany's defence ministry said the decision adds to what the Bundeswehr supplied during March. Its list for "
        "the month includes:\n\n- 40 pick-ups;\n- four decontamination systems."
    )
    assert dated(article(text), "2023-04-21") == [("delivery", n, "2023-03-01", "month") for n in (40, 4)]
    # a list that restates the article's handover, with no date of its own, is dated as the handover
    text = (
        "Germany has handed Ukraine 22 more Leopard 1A5 tanks, according to its list of military support published "
        "on Thursday.\n\nNew entries in the delivered column include:\n\n- 61,000 rounds of 155 mm ammunition\n"
        "- two TRML-4D radars"
    )
    assert dated(article(text), "2024-09-20") == [("delivery", n, "2024-09-19", "on_or_before") for n in (22, 61000, 2)]
    # a sentence before that only reports the handover on the day of the report leaves it "on or before" then
    text = (
        "The minister informed allied ministers at today's meeting that a further donation of Slovak material has been "
        "handed over. The donation comprises:\n\n- four Mi-17 helicopters;\n- one Mi-2 helicopter."
    )
    assert dated(article(text), "2023-04-21") == [("delivery", n, "2023-04-21", "on_or_before") for n in (4, 1)]


def test_strikes_that_have_intensified_are_the_war_s_not_the_publisher_s_aid(seed_record, article):
    text = (
        "Russia's strikes on Ukrainian cities have intensified in recent weeks, with large numbers of drones and "
        "missiles launched night after night."
    )
    output, err = run(article(text), "--published", "2024-12-23", "--publisher", "Federal Government of Germany")
    assert output["proposals"] == []
    assert "battlefield or consumption figure: Russia's strikes" in err


def test_an_encyclopedia_s_reference_marks_are_left_out_and_end_no_sentence_late(seed_record, article):
    text = (
        'Pevkur announced that Estonian aid would consist of products "made by Estonian companies".[42] By then '
        "Estonia had already handed Ukraine military boats.[43]"
    )
    output, _ = run(article(text), "--published", "2024-10-24")
    assert [(p["kind"], p["category"], p["quote"]) for p in output["proposals"]] == [
        ("delivery", "other-equipment", "By then Estonia had already handed Ukraine military boats.")
    ]


def test_what_has_since_been_handed_over_is_not_dated_by_the_list_line_before(seed_record, article):
    text = (
        "What Greece has given:\n\n"
        "- During 2022 the armed forces sent rifles and ammunition.\n"
        "- Athens committed 40 BMP-1 infantry fighting vehicles, and BMP-1s have since been handed over."
    )
    output, _ = run(article(text), "--published", "2025-10-28")
    handed = [p for p in output["proposals"] if p["kind"] == "delivery" and p["category"] == "ifv-apc"]
    assert [(p["date"], p["date_precision"]) for p in handed] == [("2025-10-28", "on_or_before")]


def test_a_roundup_s_day_heading_dates_what_its_paragraph_announces(seed_record, article):
    # the question asked on Monday gives nothing; Friday's package is Friday's, its Javelins are no munitions of the
    # HIMARS named before them, and what counters drones gives no drones
    text = (
        "The Week in Aid\n\nMONDAY\nAsked by reporters at the White House whether the United States would send "
        "F-16 fighter jets to Ukraine, President Biden said no.\n\nFRIDAY\nThe United States announced a new "
        "package. The list includes rockets for HIMARS, Javelin anti-tank missiles and artillery ammunition. It also "
        "provides air defence equipment, including systems to counter Russian and Iranian-made drones.\n"
    )
    output, _ = run(article(text), "--published", "2023-02-05")
    found = [(p["donor"], p["category"], p["date"], p["date_precision"]) for p in output["proposals"]]
    assert found == [
        ("US", "ammunition", "2023-02-03", "day"),
        ("US", "small-arms", "2023-02-03", "day"),
        ("US", "ammunition", "2023-02-03", "day"),
        ("US", "air-defence", "2023-02-03", "day"),
    ]


def test_a_tranche_whose_measures_add_up_to_it_is_their_total_and_a_fund_that_has_been_supplying_delivered(
    seed_record, article
):
    text = (
        "Council adopts fifth tranche\n\nThe Council today adopted two assistance measures under the European Peace "
        "Facility which together make up a fifth tranche of €500 million for Ukraine's armed forces.\n\nEU foreign "
        "ministers reached political agreement on the new tranche on Monday. Today's formal decisions allow "
        "reimbursements to member states to begin.\n\nIn keeping with the priorities of the Ukrainian government, "
        "and with the assistance already provided, the two measures cover:\n\n"
        "- €450 million to finance lethal military equipment;\n- €50 million for fuel.\n\nThrough its assistance "
        "package, NATO has been supplying Ukraine with food rations and medical supplies. Ukraine is currently using "
        "artillery rounds at a rate many times higher than allied industry is producing them.\n"
    )
    output, _ = run(article(text), "--published", "2022-07-22", "--publisher", "Council of the EU")
    found = [(p["kind"], p["donor"], p["category"], p["value"]) for p in output["proposals"]]
    assert found == [
        ("pledge", "EPF", "funding", "450000000.00"),
        ("pledge", "EPF", "other-equipment", "50000000.00"),
        ("delivery", "NATO", "other-equipment", None),
        ("delivery", "NATO", "other-equipment", None),
    ]


def test_a_clause_naming_neither_aid_nor_ukraine_dates_no_announcement(seed_record, article):
    text = (
        "Ministers meet at Ramstein for the 25th time. It is the last meeting chaired by Lloyd Austin, who set up "
        "the format in April 2022.\nThe US package includes:\n- air-to-ground munitions;\n- spare parts."
    )
    output, _ = run(article(text), "--published", "2025-01-09")
    assert {(p["date"], p["date_precision"]) for p in output["proposals"]} == {("2025-01-09", "day")}


def test_a_live_blog_s_entry_is_dated_by_its_own_report(seed_record, article):
    text = (
        "Live: ministers meet at Ramstein\n\n09:30 In case you missed it: on Tuesday Belgium announced 1 billion "
        "euros in military aid to buy weapons.\n\n11:00 Germany pledges 15 Leopard 1A5 tanks."
    )
    output, _ = run(article(text), "--published", "2025-04-11")
    assert [(p["donor"], p["date"]) for p in output["proposals"]] == [("BE", "2025-04-08"), ("DE", "2025-04-11")]
    # (an entry's time may stand on a line of its own)
    output, _ = run(article(text.replace("11:00 ", "11:00\n")), "--published", "2025-04-11")
    assert [(p["donor"], p["date"]) for p in output["proposals"]] == [("BE", "2025-04-08"), ("DE", "2025-04-11")]


@pytest.mark.parametrize(
    "masthead",
    [
        "Press release | Ministry of Defence of Estonia | 14 December 2023",
        "Ministry of Defence of Estonia | News | 14 December 2023",
    ],
)
def test_a_release_s_masthead_opens_no_list(seed_record, article, masthead):
    text = (
        "Estonia approves new aid package\n\n"
        f"{masthead}\n"
        "The Government of Estonia today approved a new package of military assistance for Ukraine with a value of "
        "nearly 80 million euros.\nThe package includes:\n- machine guns;\n- boats."
    )
    output, _ = run(article(text), "--published", "2023-12-14")
    found = [(p["category"], p["value"]) for p in output["proposals"]]
    assert found == [("small-arms", None), ("other-equipment", None)]


def test_a_pledge_is_dated_by_its_announcement_not_by_its_arrival(seed_record, article):
    output, _ = run(
        article("On Friday Norway pledged NASAMS to arrive by the end of the year."), "--published", "2023-04-21"
    )
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["date"], proposal["date_precision"]) == ("pledge", "2023-04-21", "day")


def test_a_handover_is_not_dated_by_the_promise_of_its_package(seed_record, article):
    output, _ = run(
        article("The UK has delivered the package announced in January, with AS-90 guns."), "--published", "2023-04-27"
    )
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["date"], proposal["date_precision"]) == (
        "delivery",
        "2023-04-27",
        "on_or_before",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway's package includes spare parts for the M109 howitzers Norway gave in 2022.",
        "Norway's package includes ammunition for the Caesar guns that it delivered in January.",
    ],
)
def test_a_promise_is_not_dated_or_made_a_handover_by_the_earlier_handover_of_what_it_serves(
    seed_record, article, sentence
):
    output, _ = run(article(sentence), "--published", "2024-05-08")
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["date"], proposal["date_precision"]) == ("pledge", "2024-05-08", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "Two Patriot batteries from Germany will arrive in Ukraine in the coming weeks.",
        "Two Patriot batteries from Germany are due to arrive in Ukraine by the summer.",
    ],
)
def test_a_handover_still_to_come_from_a_donor_is_its_promise(seed_record, article, sentence):
    output, _ = run(article(sentence), "--published", "2024-05-08")
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["donor"], proposal["system"], proposal["quantity"]) == (
        "pledge",
        "DE",
        "Patriot",
        2,
    )


def test_thanks_for_what_a_donor_has_sent_is_its_handover(seed_record, article):
    output, _ = run(
        article("He thanked Madrid for the air defence systems it has already sent."), "--published", "2024-05-08"
    )
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["donor"], proposal["category"]) == ("delivery", "ES", "air-defence")


def test_a_commitment_recalled_was_made_on_or_before_the_report(seed_record, article):
    output, _ = run(
        article("He also recalled Spain's commitment to send air defence missiles."), "--published", "2024-06-13"
    )
    [proposal] = output["proposals"]
    assert (proposal["donor"], proposal["date"], proposal["date_precision"]) == ("ES", "2024-06-13", "on_or_before")


def test_a_month_named_after_a_month_and_year_is_that_year_s_until_the_report_s_time_returns(seed_record, article):
    text = (
        "Belgium put up €200 million in February 2024. In March, Portugal committed €100 million. Last week Spain "
        "committed €50 million. In March, Italy committed €40 million."
    )
    output, _ = run(article(text), "--published", "2025-12-23")
    assert [(p["donor"], p["date"]) for p in output["proposals"]] == [
        ("BE", "2024-02-01"),
        ("PT", "2024-03-01"),
        ("ES", "2025-12-21"),
        ("IT", "2025-03-01"),
    ]


def test_without_a_publication_date_only_what_the_text_says_is_used(seed_record, article):
    output, _ = run(article("Norway announced on Tuesday that it will donate NASAMS."))
    [proposal] = output["proposals"]
    assert proposal["date"] is None and proposal["date_precision"] is None


def test_framework_contracts_are_no_pledge_unless_the_text_says_they_are_for_ukraine(seed_record, article):
    stocks = "NATO signed framework contracts with arms makers worth 2.4 billion euros for ammunition on Thursday."
    output, err = run(article(stocks), "--published", "2023-09-28")
    assert output["proposals"] == []
    assert "replenishing the donor's own stocks: NATO signed framework contracts" in err
    for_ukraine = stocks.replace("for ammunition", "for ammunition for Ukraine")
    output, _ = run(article(for_ukraine), "--published", "2023-09-28")
    assert [(p["kind"], p["donor"], p["category"], p["value"]) for p in output["proposals"]] == [
        ("pledge", "NATO", "ammunition", "2400000000.00")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count right after the second donor is that donor's own
        (
            "Denmark has promised 19 F-16s and the Netherlands 24.",
            [("pledge", "DK", "F-16", 19), ("pledge", "NL", "F-16", 24)],
        ),
        # "the jets" and Norway's bare "jets" are the F-16s just named
        (
            "Ukraine has received its first F-16 fighter jets. The jets were delivered by Denmark, while Norway has "
            "also pledged jets.",
            [("delivery", "DK", "F-16", None), ("pledge", "NO", "F-16", None)],
        ),
        # what a company in a relative clause makes is not given; "the weapons" are the rifles again
        (
            "Canada will donate 21,000 rifles. The weapons will be bought from a company that makes the army's rifles.",
            [("pledge", "CA", "small-arms", 21000)],
        ),
        # a dateline names where the story was filed, not a donor
        ("RAMSTEIN, Germany - Denmark will send 15 T-72 tanks.", [("pledge", "DK", "T-72", 15)]),
        # a running total is set aside whatever verb states it
        (
            "Denmark will send 15 T-72 tanks. Danish support for Ukraine now comes to 41.4 billion crowns.",
            [("pledge", "DK", "T-72", 15)],
        ),
        # a noun in one phrase with a name says what it is; a system before a munitions noun is munitions for it
        (
            "Germany will send two Gepard anti-aircraft tanks, Stinger missiles and Patriot missiles.",
            [
                ("pledge", "DE", "Gepard", 2),
                ("pledge", "DE", "air-defence", None),
                ("pledge", "DE", "ammunition", None),
            ],
        ),
        # what Ukraine will receive comes from the donor of the fact before; a total keeps the donor it is about
        (
            "Germany will send 2 Gepard tanks. That brings the number of Gepards Ukraine has from Germany to 34. "
            "Ukraine will also receive ten more Leopard tanks.",
            [("pledge", "DE", "Gepard", 2), ("pledge", "DE", "tanks", 10)],
        ),
        # a figure several donors reached between them is none of theirs
        ("Germany, Poland and Portugal have between them promised 48 Leopard 2 tanks.", []),
        # a delivery still being prepared is a pledge; a donor's adjective naming no giver names no donor
        (
            "Germany handed over 2 Gepard tanks, while 500 pistols are being prepared for delivery. "
            "The Czech initiative will buy 180,000 shells.",
            [("delivery", "DE", "Gepard", 2), ("pledge", "DE", "small-arms", 500)],
        ),
        # a verb's particle may follow what is given; a unit of unstated size counts nothing
        (
            "Lithuania has handed a batch of M577 armoured vehicles over to Ukraine.",
            [("delivery", "LT", "ifv-apc", None)],
        ),
        # paying industry to build for Ukraine is giving
        ("Denmark will pay Ukrainian industry to build 18 Bohdana howitzers.", [("pledge", "DK", "artillery", 18)]),
        # a table written as lines: the count after the item, the last line continuing the list
        (
            "Latvia will give Ukraine the following:\nMi-17 helicopters: 2;\ndrones (12);\n12.7 mm machine guns, "
            "with ammunition.",
            [("pledge", "LV", "helicopters", 2), ("pledge", "LV", "drones", 12), ("pledge", "LV", "small-arms", None)],
        ),
        # nouns of one category joined by "and" name one line item
        ("Sweden will send recoilless rifles and grenade launchers.", [("pledge", "SE", "small-arms", None)]),
        # what a sentence without a fact named, the next names again; a count after a donor's verb is its own
        (
            "PzH 2000 howitzers have joined Ukraine's artillery. The minister thanked his German and Dutch "
            "counterparts for the guns, of which Germany sent seven and the Netherlands five.",
            [("delivery", "DE", "PzH 2000", 7), ("delivery", "NL", "PzH 2000", 5)],
        ),
        # a question states nothing; weapons named alone, with no count or value, are no line item
        ("To ask the Secretary of State, how many Challenger 2 tanks the UK has delivered to Ukraine this year.", []),
        ("It is the first order under the Danish model, in which donors buy weapons from Ukrainian factories.", []),
        # a verb of giving counts in any tense; its noun, or a gerund after a preposition, states no giving
        (
            "Norway is dispatching eight NASAMS launchers, and Spain lent six Hawk launchers.",
            [("pledge", "NO", "NASAMS", 8), ("pledge", "ES", "air-defence", 6)],
        ),
        ("The delivery of fighter jets divides the allies. NATO is focused on supplying ammunition.", []),
        # mortars are artillery and their bombs ammunition; what the fuel is for is not given
        (
            "The Netherlands will deliver 20 mortars, 5,000 mortar bombs and fuel for the tanks.",
            [
                ("pledge", "NL", "artillery", 20),
                ("pledge", "NL", "ammunition", 5000),
                ("pledge", "NL", "other-equipment", None),
            ],
        ),
        # the number in a name in capitals counts nothing
        ("Sweden will transfer two ASC 890 surveillance aircraft.", [("pledge", "SE", "other-equipment", 2)]),
        # "we" in an interview is the donor the article is about
        (
            'Spain\'s defence minister spoke to us on Sunday. "We will send 20 machine guns," she said.',
            [("pledge", "ES", "small-arms", 20)],
        ),
        # a bare heading opens a list of the article's donor; a running total in brackets leaves its line in
        (
            "Military support from Germany\nDelivered:\n- 10 Leopard 1A5 tanks (20 delivered in total)\n"
            "- 16 reconnaissance drones\nIn preparation:\n- Gepard ammunition",
            [
                ("delivery", "DE", "Leopard 1A5", 10),
                ("delivery", "DE", "drones", 16),
                ("pledge", "DE", "ammunition", None),
            ],
        ),
        # "the vehicles" are the system just named; whoever pays gives, not whoever builds
        (
            "Sweden will buy 40 CV90 vehicles for Ukraine. Sweden handed over 50 of the vehicles last year.",
            [("pledge", "SE", "CV90", 40), ("delivery", "SE", "CV90", 50)],
        ),
        (
            "Slovakia on Tuesday handed over two Zuzana 2 howitzers bought by Germany, Denmark and Norway.",
            [("delivery", "DE", "artillery", 2)],
        ),
        # a count whose item the clause before named; a rate is no count
        (
            "The army fields 49 Caesar guns: France has handed over 30, and Denmark 19.",
            [("delivery", "FR", "Caesar", 30), ("delivery", "DK", "Caesar", 19)],
        ),
        ("France will supply 3,000 shells a month.", [("pledge", "FR", "ammunition", None)]),
        # money for civilian needs, and what unnamed countries announced, are no donor's military aid
        ("Japan will provide $5.5 billion in financial support to rebuild infrastructure.", []),
        ("About 20 countries announced new weapons for Ukraine.", []),
        # what a donor promised before is a fact of its own beside the new one; money to a fund is funding
        (
            "Spain will send four more Leopard 2A4 tanks on top of the six it has already promised.",
            [("pledge", "ES", "Leopard 2A4", 4), ("pledge", "ES", "Leopard 2A4", 6)],
        ),
        (
            "Canada announced C$39 million in new aid. It includes 40 sniper rifles and a C$34.6 million contribution "
            "to NATO's assistance fund for Ukraine.",
            [("pledge", "CA", "small-arms", 40), ("pledge", "CA", "funding", None)],
        ),
        # a list goes on under its sub-headings; a line's own sum is an item; "NATO's trust fund" gives nothing
        (
            "Sweden's support consists of the following parts:\nFinancial support\n- SEK 60 million to NATO's trust "
            "fund for Ukraine;\nDefence materiel\n- a further 5,000 AT4 anti-tank weapons.",
            [("pledge", "SE", "funding", None), ("pledge", "SE", "small-arms", 5000)],
        ),
        # a spelled-out name and its short form are one item, with its munitions; a package's sum is no item's
        (
            "The United States will send $1 billion in weapons, including howitzers. The package includes:\n"
            "- Eighteen High Mobility Artillery Rocket Systems (HIMARS) and associated ammunition;\n"
            "- radios and night-vision devices.",
            [
                ("pledge", "US", "artillery", None),
                ("pledge", "US", "M142 HIMARS", 18),
                ("pledge", "US", "other-equipment", None),
                ("pledge", "US", "other-equipment", None),
            ],
        ),
        # pilots of a system are trained, the system is not given; kinds of a thing named are that thing; upkeep
        # named several ways is one item
        (
            "Belgium will start training Ukrainian F-16 pilots. The US package includes:\n- 155mm rounds, including "
            "high-explosive and DPICM munitions;\n- spare parts, maintenance and other ancillary equipment.",
            [
                ("pledge", "BE", "training", None),
                ("pledge", "US", "ammunition", None),
                ("pledge", "US", "maintenance", None),
            ],
        ),
        # each group of donors owns the items that follow it
        (
            "Germany and Poland have each committed 14 Leopard 2 tanks, Britain 14 Challenger 2s and the United "
            "States 31 Abrams.",
            [
                ("pledge", "DE", "tanks", 14),
                ("pledge", "PL", "tanks", 14),
                ("pledge", "GB", "Challenger 2", 14),
                ("pledge", "US", "M1 Abrams", 31),
            ],
        ),
        # a table written as lines: the item in the first cell, its count in the next
        (
            "The United States will help Ukraine.\nCapability | Quantity\nNASAMS air defence systems | 6\n"
            "155mm artillery ammunition | up to 245,000 rounds",
            [("pledge", "US", "NASAMS", 6), ("pledge", "US", "ammunition", 245000)],
        ),
        # each item from its own donor; a proper name is a thing of its own, not the category named again
        (
            "Ukraine has received its first NASAMS systems from the United States along with Aspide systems from "
            "Spain.",
            [("delivery", "US", "NASAMS", None), ("delivery", "ES", "air-defence", None)],
        ),
        # a transcript's speaker says it, a question keeps the subject, and "there are" lists the package
        (
            "The United States unveiled a new package. It includes 155mm artillery rounds.\nQ: What else is in "
            "the package?\nDR. KAHL: There are 32 Bradley infantry fighting vehicles.",
            [("pledge", "US", "ammunition", None), ("pledge", "US", "M2 Bradley", 32)],
        ),
        # a designation alone names its system
        ("The first British M270 launchers arrived on 15 July.", [("delivery", "GB", "M270 MLRS", None)]),
        # "the six refurbished tanks" are the Leopards again; joining a coalition names nothing given
        (
            "Spain will send six Leopard 2A4 tanks. Spain would send the six refurbished tanks by April. Spain has "
            "joined the coalition of countries supplying tanks.",
            [("pledge", "ES", "Leopard 2A4", 6)],
        ),
        # what a donor gets back in a ring exchange is no aid
        (
            "Slovakia has sent Ukraine 30 BVP-1 vehicles, and is preparing to receive German tanks in return.",
            [("delivery", "SK", "ifv-apc", 30)],
        ),
        # the kinds a "which may include" names are the thing named; "and other" names its class again
        (
            "Canada committed $25 million in protective equipment, which may include helmets and body armour. It "
            "will also send boats and other watercraft.",
            [("pledge", "CA", "other-equipment", None), ("pledge", "CA", "other-equipment", None)],
        ),
        # "the Danish model" is a way of buying, not Denmark giving
        (
            "Canada unveiled C$440 million in military aid:\n- C$100 million to buy drones made in Ukraine under the "
            "so-called Danish model;\n- C$30 million for winter gear.",
            [("pledge", "CA", "drones", None), ("pledge", "CA", "other-equipment", None)],
        ),
        # an onlooker's remark and the agenda give nothing; money put aside in a budget is funding
        (
            "The Netherlands will put aside a further 2 billion euros next year for military aid to Ukraine. Air "
            'defence and ammunition would stay at the top of the list, she said. "Budget lines are not weapons, '
            'but they give Kyiv something to plan against," said a defence economist.',
            [("pledge", "NL", "funding", None)],
        ),
        # simulators of a system are no system; a fund run by Britain is not Britain giving
        (
            "Canada will provide four F-16 flight simulators. Australia will give A$50 million to the International "
            "Fund for Ukraine, a pooled fund run by Britain's Ministry of Defence.",
            [("pledge", "CA", "other-equipment", 4), ("pledge", "AU", "funding", None)],
        ),
        # systems in action in Ukraine were delivered
        (
            "The United States paid for NASAMS. The first two NASAMS units have been in action around Kyiv since "
            "November.",
            [("pledge", "US", "NASAMS", None), ("delivery", "US", "NASAMS", 2)],
        ),
        # "US dollars" and "a NATO trust fund" name no giver; systems that detect drones defend the air
        (
            "Japan will contribute 37 million US dollars to a NATO trust fund to provide Ukraine with systems that "
            "detect drones.",
            [("pledge", "JP", "air-defence", None)],
        ),
        # money from the EU's facility to pay for arms in general is the facility's funding; the sum it takes the
        # amount to is a running total
        (
            "EU foreign ministers approved another 500 million euros from the European Peace Facility to pay for "
            "weapons and equipment for Ukraine's armed forces. The money takes the amount the EU has set aside for "
            "Ukraine through the facility to 2 billion euros.",
            [("pledge", "EPF", "funding", None)],
        ),
        # what a donor and its partners give is no one member's; a sum allies committed together is their total;
        # "IRIS-T guided missiles" are munitions for the system
        (
            "The United States and partners intend to provide dozens of air defence systems, among them NASAMS. "
            "Allies had together committed about 21 billion euros in new military support. Germany will hand over "
            "additional IRIS-T guided missiles.",
            [("pledge", "DE", "ammunition", None)],
        ),
        # types of one munition before their one noun are one item; equipment to support the F-16s is no F-16
        (
            "The US package includes:\n- AIM-7, RIM-7 and AIM-9M missiles;\n- equipment to support Ukraine's F-16 "
            "fighters.",
            [("pledge", "US", "ammunition", None), ("pledge", "US", "other-equipment", None)],
        ),
        # who tells it "according to" gives it; an analyst's view gives nothing
        (
            "According to the German defence ministry, it contains 30 Leopard 1A5 tanks. An airpower analyst at a "
            "London think tank told us the drones could prove more significant than the missiles.",
            [("pledge", "DE", "Leopard 1A5", 30)],
        ),
        # a year's budget of military support is funding; a sum all packages rise to is a running total; what
        # "could mean" or "could bring further", and what waits "before we can", are not given
        (
            "Sweden will commit SEK 3 billion of military support for Ukraine in 2023. The combined value of all "
            "Swedish packages rises to about EUR910 million. That could mean a role in the F-16 coalition. We need "
            "guarantees before we can hand over fighter aircraft. A conference could bring further offers of "
            "instructors.",
            [("pledge", "SE", "funding", None)],
        ),
        # what "we have already donated" is served by the package, not given again
        (
            "Sweden announced its 14th package. The package also contains ammunition for the systems we have already "
            "donated.",
            [("pledge", "SE", "ammunition", None)],
        ),
        # a list after a colon is given by the verb before it; "the same aircraft" are those named before; pilots
        # are trained with no jet given; what Ukraine orders, what fills the donor's own gaps and what its own army
        # receives are no aid
        (
            "The United States will send a new package. Less typical items are on the list as well: fuel tanker "
            "trucks and riverine boats. Poland said it would hand over four MiG-29 jets, and Slovakia's government "
            "approved sending 13 of the same aircraft. Britain will begin training Ukrainian fighter jet pilots. "
            "Polish factories are working through Ukrainian orders for Krab howitzers. The gaps are being filled "
            "with purchases abroad: 250 American Abrams tanks. Airbus handed the Bundeswehr the first of 62 H145M "
            "helicopters.",
            [
                ("pledge", "US", "other-equipment", None),
                ("pledge", "US", "other-equipment", None),
                ("pledge", "PL", "MiG-29", 4),
                ("pledge", "SK", "MiG-29", 13),
                ("pledge", "GB", "training", None),
            ],
        ),
        # Ukraine's backers are no one donor; "would receive" is promised; a "U.S.-supplied" thing is the United
        # States'; "he added" goes on with the one who spoke, and the 18 "already sent" were delivered before; what
        # is "unlikely to" come is not given; what ammunition is "for use in" is not given with it
        (
            "Ukraine's Western backers promised more air defence equipment on Wednesday. Germany also said Ukraine "
            "would receive further MARS II rocket launchers. Four more U.S.-supplied HIMARS launchers had arrived. "
            "Macron said France would deliver anti-aircraft missile systems. He added that six more Caesar howitzers "
            "would follow the 18 already sent. He said the first F-16s were unlikely to reach Ukraine before spring. "
            "Canada unveiled a package. It includes 155 mm artillery ammunition, for use in the M777 howitzers "
            "Ottawa has already given Kyiv.",
            [
                ("pledge", "DE", "M270 MLRS", None),
                ("delivery", "US", "M142 HIMARS", 4),
                ("pledge", "FR", "air-defence", None),
                ("pledge", "FR", "Caesar", 6),
                ("delivery", "FR", "Caesar", 18),
                ("pledge", "CA", "ammunition", None),
            ],
        ),
        # "dozens of" light tanks are a number of their own, not the Leopards just named
        (
            "Germany will send 30 Leopard 1A5 tanks. France will send dozens of light tanks.",
            [("pledge", "DE", "Leopard 1A5", 30), ("pledge", "FR", "tanks", None)],
        ),
        # sums in words; "I can announce" announces, "whether we can donate" does not; money given to Ukraine as
        # such is funding
        (
            "I can announce that Spain will provide one billion euros in military assistance to Ukraine in 2025. "
            "The Danish government has decided to give Ukraine a further two billion kroner. The Government have "
            "decided to explore whether we can donate Starstreak missiles.",
            [("pledge", "ES", "funding", None), ("pledge", "DK", "funding", None)],
        ),
        # raising a pool, and "a further" sum beside it, are funding apiece; what a request describes is no appeal;
        # what a fund holds, what a donor has "so far allocated", what is "not yet clear", closer cooperation and
        # "fighters of" a group give nothing
        (
            "Denmark announced its 20th package. The government is raising its industry pool by 300 million kroner, "
            "a pot used to place orders for equipment that Ukraine has asked for. A further 112 million kroner is "
            "set aside to pay for donations produced by Ukraine's own industry. Denmark has some 64.8 billion kroner "
            "available for military support. The Kiel Institute estimates that Denmark has so far allocated around "
            "9 billion euros in support. It is not yet clear whether more purchases will follow. The two governments "
            "agreed to deepen cooperation between their defence industries, from air defence to artillery. Fighters "
            "of the Wagner group seized a headquarters.",
            [("pledge", "DK", "funding", None), ("pledge", "DK", "funding", None)],
        ),
        # money put into a fund is its own item; "Yes." answers and goes on; "It comes to 473 helmets" counts the
        # helmets named; a sum aid "now exceeds" is a running total
        (
            "New Zealand will do more.\nPM: We are putting in a further five million dollars, and most of that money "
            "will go straight into the NATO Trust Fund for Ukraine. We will also hand over helmets.\nQ: How many?\n"
            "FM: Yes.\nIt comes to 473 helmets. New Zealand's aid now exceeds NZ$100 million.",
            [("pledge", "NZ", "funding", None), ("pledge", "NZ", "other-equipment", 473)],
        ),
        # what the Member asks states nothing; air defence munitions are munitions
        (
            "The Member asks (1) what additional military support the Union has agreed. The US package includes:\n"
            "- air defence munitions;\n- small arms.",
            [("pledge", "US", "ammunition", None), ("pledge", "US", "small-arms", None)],
        ),
        # money "made available" this year, and next year's, are two sums apiece, dated by their announcement, not by
        # the year they are for; money for Ukraine's economy is civil; what the week's assistance "brings" is a
        # running total; who "pressed Berlin" gives, Berlin does not
        (
            "The Netherlands will help. We are making an additional one billion euros available this year for "
            "military support to Ukraine. Next year the Netherlands will again provide three billion euros in "
            "military support. In addition, 400 million euros is being freed up to support Ukraine's economy and its "
            "damaged infrastructure. The announcement brings the security assistance the Netherlands has committed "
            "this week to 4 billion euros. President Andrzej Duda promised 14 Leopard 2A4 tanks and pressed Berlin "
            "to allow their re-export.",
            [("pledge", "NL", "funding", None), ("pledge", "NL", "funding", None), ("pledge", "PL", "Leopard 2A4", 14)],
        ),
        # training named many ways: soldiers trained, trainers deployed, a leadership course, pilot training for a
        # jet (no jet given); training counts no soldiers, trainers or courses; what trainers "will not deploy" to is
        # refused, and who "has trained" thousands counts a running total
        (
            "Britain will train as many as 10,000 Ukrainian soldiers every 120 days. Canada will deploy five more "
            "medical trainers. Latvia will provide a junior officer leadership course. Norway will fund F-16 pilot "
            "training. European instructors will not deploy to Ukraine. Since 2015 Operation UNIFIER has trained "
            "more than 33,000 Ukrainian soldiers.",
            [
                ("pledge", "GB", "training", None),
                ("pledge", "CA", "training", None),
                ("pledge", "LV", "training", None),
                ("pledge", "NO", "training", None),
            ],
        ),
        # "counter-drone systems" are a kind of their own, not the NASAMS again; what a package "is intended to" do
        # gives nothing; tanks "now in action in Ukraine" were delivered; what a donor "has now delivered" in all is
        # a running total; taking part in a command gives nothing
        (
            "The United States will send NASAMS. It also includes counter-drone systems. The package is intended to "
            "strengthen Ukraine's air defenses and sustain its artillery. Ten Stridsvagn 122 tanks from Sweden are "
            "now in action in Ukraine. Finland has now delivered defence materiel worth 2.3 billion euros to Ukraine. "
            "Finland will take part in NATO's training command.",
            [("pledge", "US", "NASAMS", None), ("pledge", "US", "air-defence", None), ("delivery", "SE", "tanks", 10)],
        ),
        # kit named by what it serves, and plain equipment of many kinds, are items of a list
        (
            "Sweden's package includes:\n- infantry equipment;\n- 61 bulldozers;\n- gas masks;\n- Armored Vehicle "
            "Launched Bridges;\n- tactical secure communications systems;\n- 16 Combat Boat 90.",
            [("pledge", "SE", "other-equipment", quantity) for quantity in (None, 61, None, None, None, 16)],
        ),
        # measures adopted under the facility, and money added to it, are the facility's funding whatever it will buy;
        # "the total value of" aid since the invasion is a running total
        (
            "The Council today adopted two further assistance measures under the European Peace Facility (EPF), "
            "putting an additional €500 million at the disposal of the Ukrainian Armed Forces. EU governments agreed "
            "to add €5 billion to the European Peace Facility to pay for ammunition and training. The total value of "
            "assistance New Zealand has pledged since the invasion is now more than NZ$100 million.",
            [("pledge", "EPF", "funding", None), ("pledge", "EPF", "funding", None)],
        ),
        # what a donor has provided "since February" is a running total; what a questioner says sets up a question;
        # replenishing a donor's stocks of what it gifted to Ukraine is no aid
        (
            "Britain will send more missiles. Since February the UK has provided Ukraine with more than 100,000 "
            "rounds of artillery ammunition.\nQUESTION (Ukrainian media): Minister, last month Japan decided to ship "
            "Patriot interceptors to the United States.\nWhere munitions have been gifted to Ukraine, we are working "
            "closely with industry to replenish UK stocks. Berlin said the purchase would refill German stocks and "
            "replace missiles handed to Ukraine.",
            [("pledge", "GB", "ammunition", None)],
        ),
        # M72 rocket launchers are anti-tank weapons; satellite imagery is equipment; what "lifts" aid "since February
        # 2022" is a running total; Ukraine's "most pressing needs" are a request; what a package "is intended to"
        # strengthen is not given
        (
            "Australia will give air defence missiles. The announcement lifts Australia's military assistance to "
            "Ukraine to more than $1.1 billion since February 2022. Canada will provide up to 4,500 M72 rocket "
            "launchers and C$1 million for commercial satellite imagery. Short-range air defence has become one of "
            "Ukraine's most pressing needs. The package is funded through USAI and is intended to strengthen "
            "Ukraine's air defenses and keep its artillery supplied.",
            [
                ("pledge", "AU", "air-defence", None),
                ("pledge", "CA", "small-arms", 4500),
                ("pledge", "CA", "other-equipment", None),
            ],
        ),
        # no timetable, a sum committed "since Russia invaded", joining a convention, a view, a need: nothing given;
        # money contributed to a fund is funding, and what the fund buys ("which delivers fuel…") no item of it
        (
            "The United States will send 18 howitzers. He gave no timetable for getting the howitzers to Ukraine. "
            "Counting Thursday's package, Washington has committed roughly $3.9 billion in security assistance to "
            "Ukraine since Russia invaded. Britain, Canada and Spain are among the countries that have joined the "
            "convention banning cluster munitions. In his view, the Norwegian money will give a real boost to "
            "Ukraine. Ukrainian units depend heavily on small, fast boats. Canada will contribute an additional "
            "$48.8 million to NATO's Comprehensive Assistance Package for Ukraine, which delivers fuel, rations and "
            "first aid supplies.",
            [("pledge", "US", "artillery", 18), ("pledge", "CA", "funding", None)],
        ),
        # "Javelin anti-tank missiles" are one item, the Javelins, and not munitions as well
        (
            "Estonia will give Ukraine 100 Javelin anti-tank missiles and 500 Stinger missiles.",
            [("pledge", "EE", "small-arms", 100), ("pledge", "EE", "air-defence", 500)],
        ),
        # money paid into a pool that buys for Ukraine is the payer's funding, not what the pool buys; money earmarked
        # for named things is those things; after one donor's funding, the next donor's sum is funding too; what a
        # facility "has now committed" is its running total
        (
            "Estonia will contribute 10 million euros to PURL, the NATO mechanism through which allies pay for "
            "American "
            "weapons. Norway will contribute 570 million crowns to the International Fund for Ukraine to buy drones. "
            "Sweden will contribute $275 million to the scheme. Norway said it would give about 1.5 billion crowns, "
            "while Denmark's "
            "share is around 580 million crowns. Counting that fund, the EPF has now committed about 11.1 billion "
            "euros to Ukraine.",
            [
                ("pledge", "EE", "funding", None),
                ("pledge", "NO", "drones", None),
                ("pledge", "SE", "funding", None),
                ("pledge", "NO", "funding", None),
                ("pledge", "DK", "funding", None),
            ],
        ),
        # a list's line set aside leaves the list going; money "through NATO's PURL" is funding, and meeting "other
        # urgent needs" is what it is for, not an appeal
        (
            "Norway will send a new package. The package includes:\n\n- 10 tanks;\n- more drones could follow later;"
            "\n- $680 million to purchase U.S. equipment through NATO's PURL, to strengthen air defence and meet other "
            "urgent needs;\n- 20 trucks. The new tranche brings U.S. security assistance since the invasion to more "
            "than $2.5 billion.",
            [
                ("pledge", "NO", "tanks", 10),
                ("pledge", "NO", "funding", None),
                ("pledge", "NO", "other-equipment", 20),
            ],
        ),
        # a list's heading names what its lines give, and gives nothing itself
        (
            "Belgium approved three packages:\n\n• Belgium will transfer one minehunter.\n• The Netherlands will "
            "provide training for the crews.\n\nPackage 2 – Vehicles and drones\n\n• Belgium will send around 300 "
            "Lynx vehicles.",
            [
                ("pledge", "BE", "other-equipment", 1),
                ("pledge", "NL", "training", None),
                ("pledge", "BE", "ifv-apc", 300),
            ],
        ),
        # bomb-disposal robots, mobile workshops and rain gear are things given; "155 mm" counts nothing; being
        # short of ammunition is a need, and donations "since 24 February 2022" a running total
        (
            "Denmark is donating a package. The package contains:\n\n• propellant charges for 155 mm artillery "
            "shells\n• 21 bomb-disposal robots\n• nine mobile workshops for repairing heavy equipment\n• 15,000 sets "
            "of rain gear\n\nUkraine is short of ammunition, and that is why so much of this donation is ammunition. "
            "Danish military donations to Ukraine since 24 February 2022 amount to almost DKK 5 billion.",
            [
                ("pledge", "DK", "ammunition", None),
                ("pledge", "DK", "other-equipment", 21),
                ("pledge", "DK", "maintenance", 9),
                ("pledge", "DK", "other-equipment", 15000),
            ],
        ),
        # a pledge answering a request is no appeal; "will ship", what "the launchers would be accompanied by",
        # soldiers who "would begin training" are given (people, so no quantity); "bring to six the number of" is a
        # running count; the kinds of winter gear "such as" boots are the gear
        (
            "Spain will ship two more Hawk launchers to Ukraine, Robles said, explaining that Madrid was responding to "
            "a specific request from NATO and from Kyiv. Robles said the launchers would be accompanied by six light "
            "howitzers. The two launchers bring to six the number of Hawk launchers Spain has committed. The ministry "
            "said 64 Ukrainian service members would begin training in Toledo. Spain will send winter gear such as "
            "sleeping bags, winter boots and thermal underwear.",
            [
                ("pledge", "ES", "air-defence", 2),
                ("pledge", "ES", "artillery", 6),
                ("pledge", "ES", "training", None),
                ("pledge", "ES", "other-equipment", None),
            ],
        ),
        # "fifteen U.S.-built M113" counts them; a battery "of towed artillery" is the artillery; light weapons are
        # small arms, and radio equipment a thing given
        (
            "Portugal's government has decided to give Ukraine fifteen U.S.-built M113 tracked armoured personnel "
            "carriers together with a small battery of towed artillery, light weapons and radio equipment.",
            [
                ("pledge", "PT", "M113", 15),
                ("pledge", "PT", "artillery", None),
                ("pledge", "PT", "small-arms", None),
                ("pledge", "PT", "other-equipment", None),
            ],
        ),
        # missiles that "targeted" energy sites, aid "still stuck in Congress" and packages "together worth" a sum
        # are no facts
        (
            "Air raid sirens sounded across Ukraine as another wave of Russian missiles targeted energy facilities. "
            "With a $61bn US aid package still stuck in Congress, Kyiv is counting on Europe. With this latest "
            "package, "
            "the ten Finnish packages are together worth €160.4m. Finland will send Ukraine defence materiel worth "
            "€55.6m.",
            [("pledge", "FI", "other-equipment", None)],
        ),
        # a package's cost, told again rounded in a quote, is one fact; what Finland "has now supplied … worth a total
        # of" is a running total
        (
            "Finland will send more defence materiel to Ukraine. The cost of replacing the capabilities included in "
            "the package is estimated at around EUR 198 million. Including this decision, Finland has now supplied "
            'defence materiel to Ukraine worth a total of EUR 2.5 billion. "We put this package of nearly EUR 200 '
            'million together hand in hand with the Ukrainians," says Minister Antti Häkkänen.',
            [("pledge", "FI", "other-equipment", None)],
        ),
        # "from KNDS France" names the maker, not a giver; mortar systems are artillery
        (
            "Denmark will fund a package. The package includes:\n\n- CAESAR 155mm self-propelled howitzers from KNDS "
            "France, financed jointly with France;\n- 20 self-propelled mortar systems.",
            [("pledge", "DK", "Caesar", None), ("pledge", "DK", "artillery", 20)],
        ),
        # "will follow up with" gives, night-vision equipment is a thing given, and money paid "into" a fund is funding
        (
            "At the start of 2023 Belgium will follow up with night-vision equipment. Belgium would pay 8 million "
            "euros "
            "into NATO's Comprehensive Assistance Package trust fund for Ukraine.",
            [("pledge", "BE", "other-equipment", None), ("pledge", "BE", "funding", None)],
        ),
        # a list's line of other news gives nothing; drones sent "in a single night" are the war's, and what Kyiv
        # "wants partners" to buy is an appeal
        (
            "Key developments:\n\n- Denmark has unveiled its 27th military aid package for Ukraine, with 20 drones.\n"
            "- Danish police are still investigating the drones seen over airports this week.\n- EU leaders will "
            "discuss a drone wall in Copenhagen next week.\n\nOfficials in Kyiv say Russia is now able to send several "
            "hundred Shahed-type drones in a single night. Kyiv wants partners to help it buy more interceptors and "
            "air "
            "defence systems before winter.",
            [("pledge", "DK", "drones", 20)],
        ),
        # money put "into a British-run fund that buys weapons" is funding, beside what the clause gives before it;
        # what the fund buys is no item
        (
            "New Zealand will keep its military trainers in Europe for a further year and put $6.5 million into a "
            "British-run fund that buys weapons and ammunition for Ukraine.",
            [("pledge", "NZ", "training", None), ("pledge", "NZ", "funding", None)],
        ),
        # troops who "handed their Ukrainian counterparts" warm clothing delivered it
        (
            "Lithuanian troops handed their Ukrainian counterparts tens of thousands of sets of warm clothing.",
            [("delivery", "LT", "other-equipment", None)],
        ),
        # each sum paid into a pool is funding (ISK too); "the remaining $35 million goes to NATO's …" is the
        # donor's, not the fund keeper's, and what "NATO will use the money for" is no item
        (
            "Canada will send 20 tanks. The remaining $35 million goes to NATO's Comprehensive Assistance Package for "
            "Ukraine, a trust fund the alliance uses to supply non-lethal help. NATO will use the money for things "
            "such as:\n\n- medical supplies;\n- communications gear.\n\nIceland will contribute ISK 400 million to an "
            "international fund for mine clearance and a further ISK 400 million to the Danish-led scheme that buys "
            "weapons. Luxembourg will contribute a further 15 million euros to the NATO-run programme that buys "
            "American weapons for Ukraine.",
            [
                ("pledge", "CA", "tanks", 20),
                ("pledge", "CA", "funding", None),
                ("pledge", "IS", "funding", None),
                ("pledge", "IS", "funding", None),
                ("pledge", "LU", "funding", None),
            ],
        ),
        # what "crossed into Ukraine on 21 June" was delivered then; "Patriot air defence missiles" are munitions;
        # optronic surveillance systems and weapon turrets are things given
        (
            "According to the sources, the Spanish shipment that crossed into Ukraine on 21 June contained:\n- Patriot "
            "air defence missiles;\n- optronic surveillance and tracking systems;\n- remotely operated weapon turrets.",
            [
                ("delivery", "ES", "ammunition", None),
                ("delivery", "ES", "other-equipment", None),
                ("delivery", "ES", "other-equipment", None),
            ],
        ),
        # jets Ukraine "has recently taken over" were delivered; technicians trained "in the maintenance of" the F-16
        # are training, no upkeep given
        (
            "Ukraine has recently taken over a new batch of Dutch F-16 fighter aircraft. The Netherlands will help "
            "train 26 Ukrainian technicians in the maintenance of the F-16.",
            [("delivery", "NL", "F-16", None), ("pledge", "NL", "training", None)],
        ),
        # a headline's jets, told again in the body, are one fact; the materiel sent so far "rises to" a total
        (
            "Ukraine war live: Saturday\n\n10:05\nZelensky: second batch of Danish F-16s has arrived\n\nDenmark's "
            "second consignment of F-16 fighter jets is now in Ukraine, President Volodymyr Zelensky said. With this "
            "package, the total value of defence "
            "materiel Denmark has sent to Ukraine rises to about €2bn.",
            [("delivery", "DK", "F-16", None)],
        ),
        # "the first drones and armoured vehicles bought with this funding" are what the sum just given buys
        (
            "Canada will give $835 million to procure armoured vehicles and drones. Speaking alongside President "
            "Volodymyr Zelenskyy, the Prime Minister said the first drones, ammunition and armoured vehicles bought "
            "with this funding are expected to reach Ukraine as early as next month.",
            [("pledge", "CA", "ifv-apc", None), ("pledge", "CA", "drones", None)],
        ),
        # "making it the first … since Russia invaded" is a remark on the handover, no running total
        (
            "The Czech Republic has given Ukraine Mi-24 attack helicopters, making it the first NATO member known to "
            "have handed over gunships since Russia invaded its neighbour. It is the first time a NATO member is known "
            "to have supplied tanks to Kyiv since Russia invaded on Feb. 24.",
            [("delivery", "CZ", "helicopters", None)],
        ),
        # drones named again in prose with nothing new (no count, sum or date) are the drones just given; items a
        # sentence "also includes" are items of their own
        (
            "Norway will spend NOK 6 billion on drones for Ukraine. The minister said it was one of the first times "
            "Norway had paid for drones made abroad. The package also includes drones for the navy.",
            [("pledge", "NO", "drones", None), ("pledge", "NO", "drones", None)],
        ),
        # what the given rifles "come with" is given too; what detectors are "for finding" is not
        (
            "Belgium will send Ukraine 200 assault rifles. The rifles, which come with 40,000 rounds of ammunition, "
            "are the only weapons in the shipment. It also holds 20 metal detectors for finding mines, shells and "
            "buried explosives.",
            [
                ("pledge", "BE", "small-arms", 200),
                ("pledge", "BE", "ammunition", 40000),
                ("pledge", "BE", "other-equipment", 20),
            ],
        ),
        # a list only headed ("Its list for the month includes:") after what was "supplied during June" was
        # delivered; a measure joined to its unit ("15-tonne") counts nothing; a second giver may go without its verb
        # ("and Latvia six towed howitzers"); calling "again" for tanks is an appeal, and a stalled scheme no fact
        (
            "Germany's defence ministry said the decision adds to what the Bundeswehr supplied during June. Its list "
            "for the month includes:\n\n- 40 pick-ups and 12 heavy 15-tonne lorries;\n- four decontamination "
            "systems.\n\nFinland passed on 9,000 rounds of artillery ammunition and Latvia six towed howitzers. "
            "Critics called again for tanks to be sent. A swap scheme for older tanks has stalled.",
            [
                ("delivery", "DE", "other-equipment", 40),
                ("delivery", "DE", "other-equipment", 12),
                ("delivery", "DE", "other-equipment", 4),
                ("delivery", "FI", "ammunition", 9000),
                ("delivery", "LV", "artillery", 6),
            ],
        ),
        # what launchers are "much like" is no item; the total "so far" is no fact; what "would follow" is promised;
        # a mission "which aims to" train thousands does not make a pledge to train speculation
        (
            "Sweden will deliver two rocket launchers, much like the HIMARS launchers that Ukraine has used since the "
            "summer. It put the total value of Swedish aid so far at 5 billion kronor. Six more howitzers would follow "
            "within weeks. Sweden would train Ukrainian soldiers under the new mission, which aims to train 15,000 in "
            "all.",
            [
                ("pledge", "SE", "rocket-artillery", 2),
                ("pledge", "SE", "artillery", 6),
                ("pledge", "SE", "training", None),
            ],
        ),
        # "cameras for surveillance drones" are cameras; what students practise on is no item; "six of the
        # machines" are the underwater drones just named; what Ukraine agreed to buy is a sale
        (
            "Sailors learn to find sea mines with underwater drones, and Britain will give Ukraine six of the "
            "machines. It includes a course where students learn to launch the drones, practising on dummy mines. "
            "Ukraine agreed to buy two retired minehunters. Britain will send 18 cameras for surveillance drones.",
            [("pledge", "GB", "drones", 6), ("pledge", "GB", "other-equipment", 18)],
        ),
        # what France "had also supplied" was delivered, and "TRF1 towed howitzers" are no Caesars named again; a
        # consignment that was "a response to Ukrainian requests" answers them, no appeal
        (
            "France has already given Ukraine 18 Caesar guns, and Lecornu said it had also supplied older-generation "
            "TRF1 towed howitzers. Norway will send Ukraine 20 trucks. The ministry said the consignment, which "
            "includes ten generators as well, was a response to Ukrainian requests.",
            [
                ("delivery", "FR", "Caesar", 18),
                ("delivery", "FR", "artillery", None),
                ("pledge", "NO", "other-equipment", 20),
                ("pledge", "NO", "other-equipment", 10),
            ],
        ),
        # the spare parts a thing comes "with" are part of it; mine-clearing tanks and an engineer vehicle are
        # equipment, no tanks; a bracketed photo caption is set aside; a plan to cut next year's aid is a budget
        (
            "Germany has handed over 20 trucks.\n\nNew entries in the delivered column include:\n\n- 22 Leopard 1A5 "
            "tanks with spare "
            "parts\n- six Wisent 1 mine-clearing tanks\n- one Dachs armoured engineer vehicle, with spare parts\n\n"
            "[Photo caption: Leopard 1A5 tanks at a training area where Ukrainian crews have been trained.]\n\n"
            "Budget squeeze\n\nThe deliveries come as the government plans to cut next year's military aid for "
            "Ukraine to about EUR 4 billion, roughly half the EUR 8 billion earmarked for 2024.",
            [
                ("delivery", "DE", "other-equipment", 20),
                ("delivery", "DE", "Leopard 1A5", 22),
                ("delivery", "DE", "other-equipment", 6),
                ("delivery", "DE", "other-equipment", 1),
            ],
        ),
        # drones a donor "dispatches", or that are "on their way from" it, were sent; anti-jammer kits are things given
        (
            "Latvia dispatches a further 1,500 drones. Another 500 combat drones are on their way from Estonia to "
            "Ukraine. Canada will buy 40 anti-jammer kits.",
            [
                ("delivery", "LV", "drones", 1500),
                ("delivery", "EE", "drones", 500),
                ("pledge", "CA", "other-equipment", 40),
            ],
        ),
        # a list's line names its giver "from Denmark", and takes its heading's kind, not the line before's;
        # donations since the invasion that "totalled" a count are a running total
        (
            "The donations announced today:\n\n- 9,000 complete rounds from Norway, already delivered\n- 1,500 "
            "complete artillery rounds from Denmark\n\nBefore today, Norway's artillery ammunition donations since "
            "the invasion totalled 20,000 rounds.",
            [("delivery", "NO", "ammunition", 9000), ("pledge", "DK", "ammunition", 1500)],
        ),
        # recoilless anti-tank guns and sniper equipment are small arms, explosives things given; the million rounds
        # an initiative is "to provide" are its goal, and what the Commission "expects … to have reached" Ukraine
        # a forecast
        (
            "Estonia is sending Ukraine another package. The package includes:\n\n- recoilless anti-tank guns;\n- "
            "explosives;\n- sniper equipment.\n\nThe shells are an additional Estonian contribution to the European "
            "Union's initiative to provide Ukraine with one million artillery rounds. The European Commission expects "
            "around half a million shells to have reached Ukraine under the EU initiative by the end of March.",
            [
                ("pledge", "EE", "small-arms", None),
                ("pledge", "EE", "other-equipment", None),
                ("pledge", "EE", "small-arms", None),
                ("pledge", "EE", "ammunition", None),
            ],
        ),
        # what a donor "has decided against handing over" is refused; the guns shells are "meant for" are served;
        # systems sent "to help Poland secure its airspace" are no aid to Ukraine
        (
            "Lithuania will go on supporting Ukraine with ammunition but has decided against handing over air defence "
            "systems or self-propelled howitzers. Lithuania will send 3,000 shells meant for the German-built "
            "self-propelled guns that Ukraine's forces already operate. Germany on Monday offered to send Patriot air "
            "defence systems to help Poland secure its airspace.",
            [("pledge", "LT", "ammunition", 3000)],  # (the ammunition of the first sentence, told better)
        ),
        # a lead's count that the items named after it add up to is their sum
        (
            "RIGA (AP) - Latvia has delivered four helicopters to Ukraine's air force. Two Mi-17 transport helicopters "
            "and two smaller Mi-2s reached the Ukrainian air force partly dismantled, the ministry said.",
            [("delivery", "LV", "helicopters", 2), ("delivery", "LV", "helicopters", 2)],
        ),
        # the drones jamming devices help "fend off" are what they are aimed at
        (
            "NATO will shortly deliver hundreds of jamming devices to Ukraine to help it fend off Russian and "
            "Iranian-made drones.",
            [("pledge", "NATO", "other-equipment", None)],
        ),
        # help whose form "has yet to be settled" is undecided; "talks on producing" arms are talks
        (
            "Belgium will give Ukraine 20 trucks. Belgium is also ready to help train Ukrainian pilots on the F-16, "
            "although the form of its contribution has yet to be settled. The two leaders also agreed to press ahead "
            "with talks on producing weapons and ammunition together.",
            [("pledge", "BE", "other-equipment", 20)],
        ),
        # a list line naming only its topic, before the prose that tells it, gives nothing of its own
        (
            "The Netherlands set out its support on Tuesday.\n\n• Tanks. The Netherlands will send 14 Leopard 2A4 "
            "tanks.\n• Fighter aircraft. With partners, it is exploring how Ukrainian pilots could be trained on "
            "F-16s.",
            [("pledge", "NL", "Leopard 2A4", 14)],
        ),
        # a line's topic named again by its prose is one item; what a line "will" pay for is promised, whatever
        # the line before delivered
        (
            "Luxembourg explained on Tuesday how its money is spent.\n\n- Ammunition: some of the ammunition "
            "Luxembourg is buying has already been delivered, she said.\n- Vehicles: Luxembourg will also pay for "
            "the purchase of tactical vehicles.",
            [("delivery", "LU", "ammunition", None), ("pledge", "LU", "other-equipment", None)],
        ),
        # what a donor "proposed… that" others do is a proposal; buying "to rebuild its own ammunition reserves"
        # restocks the donor
        (
            "Estonia proposed in February that the EU jointly send a million 155mm shells to Ukraine. Finland keeps "
            "ordering from domestic factories to rebuild its own ammunition reserves. Estonia will send 40 trucks.",
            [("pledge", "EE", "other-equipment", 40)],
        ),
        # what pilots are trained "on" is not given, nor the materiel a maintenance solution is "for"
        (
            "Sweden announced a package on Friday:\n\n• Familiarisation training on the JAS 39 Gripen for Ukrainian "
            "pilots.\n• A maintenance solution for materiel Sweden has already donated.",
            [("pledge", "SE", "training", None), ("pledge", "SE", "maintenance", 1)],
        ),
        # money "to repair and maintain" equipment is upkeep, and what it mends is no thing given; the systems a
        # donor's own are supplied "alongside" are not given either
        (
            "Britain pledged £60 million on Tuesday to repair and maintain damaged equipment, including Challenger 2 "
            "tanks and other armoured vehicles. In January the Netherlands pledged Patriot launchers, which it "
            "supplies alongside the German and American Patriot systems.",
            [("pledge", "GB", "maintenance", None), ("pledge", "NL", "Patriot", None)],
        ),
        # a heading that only names what it lists opens the list: "The procurement covers:"
        (
            "Estonia will buy equipment for Ukraine on Tuesday. The procurement covers:\n\n• unmanned aerial "
            "vehicles;\n• boats and other watercraft.",
            [("pledge", "EE", "drones", None), ("pledge", "EE", "other-equipment", None)],
        ),
        # money paid into a fund but "earmarked for" things named buys them
        (
            "In January, Japan pledged $37 million to a NATO trust fund, earmarked for systems that detect incoming "
            "drones.",
            [("pledge", "JP", "air-defence", None)],
        ),
        # what Kyiv is "most likely to spend" money on, what a donor is "expected to put in", what a minister
        # "wanted member states" to commit and what allies "together have shipped" are no donor's facts
        (
            "Britain will send 20 trucks, Healey said on Wednesday. Kyiv was most likely to spend the money on air "
            "defence. Washington is expected to put in around $20bn in aid. Kallas wanted member states to commit 2 "
            "million rounds. Ukraine's allies together have shipped 36 PzH 2000 so far.",
            [("pledge", "GB", "other-equipment", 20)],
        ),
        # a Leopard 2 that clears mines is the Leopard 2R; what aid is aimed at "rather than" is not given
        (
            "Finland will send three Leopard 2 mine-clearing tanks. Estonia will send another package of military "
            "aid, aimed at special forces rather than at the artillery batteries it helped over the winter.",
            [("pledge", "FI", "Leopard 2R", 3)],
        ),
        # after one donor's sum for shells, another donor's bare sum goes on shells too
        (
            "Germany became the biggest early backer, committing €576 million in 2024 for 180,000 rounds. Lithuania "
            "promised €35 million in April.",
            [("pledge", "DE", "ammunition", 180000), ("pledge", "LT", "ammunition", None)],
        ),
        # mines that equipment is "to clear" are no munitions given; a package that "could include" arms, whose
        # contents "have not been finalised", or tanks that "might one day feed into deliveries" are undecided; tracked
        # cargo carriers are equipment; "mine-clearing equipment and spare parts" are both given
        (
            "Britain will send equipment to clear mines on Tuesday. Latvia is putting together another package that "
            "could include artillery and ammunition, but its contents have not been finalised. Rheinmetall has bought "
            "retired Leopard 1 tanks, which might one day feed into deliveries to Ukraine. Norway will send about 50 "
            "tracked cargo carriers. It also contains mine-clearing equipment and spare parts.",
            [
                ("pledge", "NO", "other-equipment", 50),
                ("pledge", "NO", "other-equipment", None),
                ("pledge", "NO", "maintenance", None),
            ],
        ),
        # a donor named in a remark on what it gave earlier ("the launchers Sweden has donated") gives nothing here:
        # the speaker's country does
        (
            "On Thursday Prime Minister Jonas Gahr Støre promised IRIS-T missiles for the launchers Sweden has "
            "donated, as well as demining kits.",
            [("pledge", "NO", "ammunition", None), ("pledge", "NO", "other-equipment", None)],
        ),
        # what a thing given is "built on the running gear of" is not named again by "the vehicles"
        (
            "The government announced on Tuesday that Norway is donating around 50 tracked cargo carriers to the "
            "Ukrainian armed forces. Known as the M548, the carrier is a workhorse built on the running gear of the "
            "M113 family. According to the army, the vehicles arrived in Ukraine earlier this month.",
            [("pledge", "NO", "other-equipment", 50), ("delivery", "NO", "other-equipment", None)],
        ),
        # "equipment to clear mines" is equipment given
        (
            "Britain announced a package on Tuesday. It includes:\n\n• equipment to clear mines and open safe lanes "
            "through minefields;\n• 20 trucks.",
            [("pledge", "GB", "other-equipment", None), ("pledge", "GB", "other-equipment", 20)],
        ),
        # what arrived "from several allies" is no one donor's fact; what a system is used "against" is no item
        (
            "Spain will send six Hawk launchers on Tuesday. Ukraine has received Hawk equipment from several allies, "
            "and the system has been used against Russian cruise missiles and drones.",
            [("pledge", "ES", "air-defence", 6)],
        ),
        # what a donor "rules out" is refused; being "asked… whether" is a question; what a radar helps "spot" is
        # no item; counter-drone gun trucks are air defence
        (
            "Italy promises air defence on Tuesday, rules out jets for now. Sunak was asked four times whether Britain "
            "would send jets. France will provide a GM200 radar to help Ukraine spot incoming drones and missiles. The "
            "United States will send counter-unmanned aerial system 30mm gun trucks.",
            [
                ("pledge", "IT", "air-defence", None),
                ("pledge", "FR", "other-equipment", 1),
                ("pledge", "US", "air-defence", None),
            ],
        ),
        # what arrives "from Bundeswehr stocks" is Germany's; "the third" system is one
        (
            "The third Patriot air defence system from Bundeswehr stocks arrived in Ukraine in early July.",
            [("delivery", "DE", "Patriot", 1)],
        ),
        # a word in quotation marks is discussed, not given; a tracker's ranking is no fact; "no taboo" and "any
        # transfer" leave a door open and give nothing
        (
            'France would send AMX-10 RC armoured vehicles, Macron said on Tuesday, the first Western-designed "tanks" '
            "promised to Kyiv. The Kiel Institute, which tracks pledges, ranks France behind Britain, arguing that "
            'artillery and air defence are hard to value. On combat aircraft, Lecornu said there was "no taboo" but '
            "that any transfer raised questions about training and maintenance.",
            [("pledge", "FR", "ifv-apc", None)],
        ),
        # what the press reports and a government has not confirmed is no fact, nor what a grant's factories make
        (
            "Norway will send 20 trucks. Reports in Norwegian media suggested Oslo is close to a deal to supply "
            "missiles, but officials have confirmed nothing. Media reports said Norway was sending tanks; Oslo has "
            "never confirmed it. Norway gives Ukraine NOK 100 million, and the funds will go into the production of "
            "drones.",
            [("pledge", "NO", "other-equipment", 20), ("pledge", "NO", "funding", None)],
        ),
        # a wish, a possible mission, "perhaps", how a visitor travels, a tally since a programme began and what
        # "about 20 countries" paid are no facts; a donor after "after" can be the subject of what it confirmed
        (
            "Norway will send 20 trucks. Zelenskyy, who wants a coalition of countries to provide F-16s, spoke in "
            "Oslo. Brussels is waiting for the EU to decide on a possible training mission. Analysts say Norway holds "
            "600 missiles, of which perhaps 150 are ready for use. Zelenskyy arrived by military helicopter. By "
            "January 3,500 Ukrainian soldiers had been trained in Spain since the programme began. About 20 "
            "countries have now paid into the Czech initiative. The visit came days after Britain confirmed that it "
            "had sent Storm Shadow missiles.",
            [("pledge", "NO", "other-equipment", 20), ("delivery", "GB", "ammunition", None)],
        ),
        # money for a fund that mends the power grid is no military aid
        (
            "Luxembourg will give €5 million to the Ukraine Energy Support Fund to mend power plants hit by Russian "
            "strikes. Luxembourg will send 20 trucks.",
            [("pledge", "LU", "other-equipment", 20)],
        ),
        # "the United States announced" is one donor, not "N states announced"; what a munition is fired from is
        # not given; launchers a donor "has already handed" over are earlier aid, not this package's kind
        (
            "The United States announced a package for Ukraine that includes Hydra-70 rockets, a munition usually "
            "fired from helicopters and attack aircraft, and more rockets for the HIMARS launchers the U.S. has "
            "already handed to Ukraine.",
            [("pledge", "US", "ammunition", None), ("pledge", "US", "ammunition", None)],
        ),
        # "the most recent deliveries… which included:" lists handovers; soldiers "being trained in Spain" are
        # trained by Spain, and people trained are no quantity
        (
            "The border guards praised the most recent deliveries of materiel from Spain, which included:\n"
            "- armoured personnel carriers;\n- tourniquets.\n"
            "Fifty-five Ukrainian soldiers are already being trained in Spain to operate the Leopard tanks.",
            [
                ("delivery", "ES", "ifv-apc", None),
                ("delivery", "ES", "other-equipment", None),
                ("delivery", "ES", "training", None),
            ],
        ),
        # what a plant builds is not given; "Italy has also handed" is a handover; a giving urged on a donor is an
        # appeal; how missiles are fired is their use
        (
            "Touring the plant in Britain where Storm Shadow missiles are built, Shapps told The Times that Italy has "
            "also handed Storm Shadow missiles to Ukraine. He used the visit to urge Germany to hand over its Taurus "
            "missiles. The missiles have been fired from Su-24 bombers against ships.",
            [("delivery", "IT", "ammunition", None)],
        ),
        # a donor that "will add" a sum pledges it; trainers and the trained are one training; the jets a man
        # "spent 23 years working on" are not given; support "increased by" a sum is that sum given
        (
            "Denmark has reserved €135 million for purchases from Ukrainian companies. Norway will add around €43 "
            "million through the same mechanism. Norwegian instructors have also helped to train Ukrainian F-16 pilots "
            "at the training centre in Denmark. Geir Olsen, who spent 23 years working on F-16s at the air station, "
            "said it felt strange. The government last year increased its support for Ukraine's air force by NOK 1.3 "
            "billion, Norway's defence minister said.",
            [
                ("pledge", "DK", "funding", None),
                ("pledge", "NO", "funding", None),
                ("delivery", "NO", "training", None),
                ("pledge", "NO", "other-equipment", None),
            ],
        ),
        # an air defence base is a place and "seeking to reassure" no request; a fleet Ukraine "would operate" is
        # foreseen, systems ordered "for its armed forces" are the donor's own; "on course to train" pledges; F-16s
        # "that the Netherlands and its partners will hand over" describe what the munitions are for; what a
        # coalition coordinates is nobody's fact
        (
            "Germany has placed orders for eight IRIS-T SLM systems for Ukraine, Scholz said at an air defence base on "
            "Wednesday, seeking to reassure Kyiv. Ukraine would operate 24 German-supplied IRIS-T systems by 2026. "
            "Berlin has ordered six of the systems for its armed forces. Germany is on course to train 10,000 "
            "Ukrainian soldiers this year. The Netherlands is setting aside 300 million euros to buy munitions for the "
            "F-16s that the Netherlands and its partners will hand over to Ukraine. The coalition coordinates the "
            "supply of aircraft, munitions and spare parts.",
            [
                ("pledge", "DE", "IRIS-T SLM", 8),
                ("pledge", "DE", "training", None),
                ("pledge", "NL", "ammunition", None),
            ],
        ),
        # a list "made up of" items after a completed handover is handed over; the heading's "5,000 weapons in
        # all" is the list's sum, no item of its own
        (
            "Seized weapons for Ukraine\n\nThe United States has transferred seized weapons to Ukraine. The handover "
            "was completed on April 4.\n\nThe consignment, more than 5,000 weapons in all, was made up of:\n\n"
            "- AK-47 assault rifles;\n- machine guns; and\n- more than 500,000 rounds of 7.62mm ammunition.",
            [
                ("delivery", "US", "small-arms", None),
                ("delivery", "US", "small-arms", None),
                ("delivery", "US", "ammunition", 500000),
            ],
        ),
        # "The donation… comprises:" after a handover lists what was handed over; what stands in for a system given
        # ("its place has been taken by allied Patriot batteries") is not given; requests received are requests
        (
            "Slovak helicopters in Ukraine\n\nThe minister said a further donation of Slovak military material has "
            "been handed over to Ukraine.\n\nThe donation, which the Government of the Slovak Republic approved "
            "earlier, comprises:\n\n- four Mi-17 transport helicopters;\n- thousands of 122 mm rockets for Grad "
            "launchers.\n\nIn April, Slovakia handed over an S-300 air defence system to Ukraine; its place has been "
            "taken by allied Patriot batteries. The ministry is examining further requests received from Kyiv for "
            "ammunition.",
            [
                ("delivery", "SK", "helicopters", 4),
                ("delivery", "SK", "ammunition", None),
                ("delivery", "SK", "air-defence", 1),
            ],
        ),
        # the countries that co-host a meeting give nothing there; a 2025 minister speaks for his donor
        (
            "Defence Minister David McGuinty used the meeting, co-hosted this time by Germany and the United Kingdom, "
            "to announce a further $50 million for drones for Ukraine.",
            [("pledge", "CA", "drones", None)],
        ),
        # a package's own list of items is no summary of a later, unrelated item of the same category: the helmets
        # and the night-vision sights stay beside the ambulances promised for later
        (
            "Belgium will give Ukraine a new aid package worth 12 million euros, with machine guns at its core. The "
            "package also covers helmets and night-vision sights, the minister said. Next year Belgium will follow "
            "up with medical vehicles, including ambulances.",
            [
                ("pledge", "BE", "small-arms", None),
                ("pledge", "BE", "other-equipment", None),
                ("pledge", "BE", "other-equipment", None),
                ("pledge", "BE", "other-equipment", None),
            ],
        ),
        # propellant charges are munitions, and the guns they help keep firing are not given; supplies named by two
        # uses ("medical and sanitary") are kit
        (
            "Denmark will also send propellant charges to help Ukraine keep its 155mm guns firing, along with two "
            "tonnes of medical and sanitary supplies.",
            [("pledge", "DK", "ammunition", None), ("pledge", "DK", "other-equipment", None)],
        ),
        # a NATO standard is no NATO gift, and what a state buys for its own air force is no aid
        (
            "Norway will send Ukraine 10,000 rounds of NATO-standard 155mm ammunition, fit for guns of NATO calibre. "
            "Romania is buying 32 second-hand F-16s from Norway for its own air force.",
            [("pledge", "NO", "ammunition", 10000)],
        ),
        # money "put into" a fund is given; a NATO trust fund names where it goes, not another giver; satellite
        # access and camouflage vests are kit
        (
            "New Zealand will send a Hercules to Europe. It put $5m into a NATO trust fund, and another $4.1m will pay "
            "for satellite access for Ukraine's forces. Last month it committed 570 camouflage vests.",
            [
                ("pledge", "NZ", "funding", None),
                ("pledge", "NZ", "other-equipment", None),
                ("pledge", "NZ", "other-equipment", 570),
            ],
        ),
        # the names of armoured vehicles, air defence and sea drones that texts use, and the kit soldiers live with;
        # a man named Mats and an oil tanker are no aid
        (
            "Canada will send Ukraine 20 Roshel Senator armoured vehicles and 50 LAV III vehicles. Sweden will give "
            "RBS 70 systems and uncrewed surface vessels. Lithuania has delivered laptops, sleeping mats and "
            "camouflage nets. Mats Ludvig said the shadow fleet's oil tankers were sanctioned.",
            [
                ("pledge", "CA", "ifv-apc", 20),
                ("pledge", "CA", "ifv-apc", 50),
                ("pledge", "SE", "air-defence", None),
                ("pledge", "SE", "drones", None),
                *[("delivery", "LT", "other-equipment", None)] * 3,
            ],
        ),
        # another donor that "will do the same" gives as much of the same thing
        (
            "Norway will send 20 armoured vehicles. Denmark will do the same. Italy will send 10 howitzers. So will "
            "Spain.",
            [
                ("pledge", "NO", "ifv-apc", 20),
                ("pledge", "DK", "ifv-apc", 20),
                ("pledge", "IT", "artillery", 10),
                ("pledge", "ES", "artillery", 10),
            ],
        ),
        # a capital pressed to send something has not promised it
        (
            "Kyiv is pressing Berlin to send Taurus missiles. Norway will send 20 armoured vehicles.",
            [("pledge", "NO", "ifv-apc", 20)],
        ),
        # partners named first ("Together with Denmark, …") leave the giver to the subject after them
        (
            "Together with Denmark, Sweden and Norway, Germany will supply 58 Leopard 1A5 tanks. Germany will send 20 "
            "trucks. And together with Denmark and Norway we are providing another 100 Patriot guided missiles.",
            [
                ("pledge", "DE", "Leopard 1A5", 58),
                ("pledge", "DE", "other-equipment", 20),
                ("pledge", "DE", "ammunition", 100),
            ],
        ),
        # instructors "still training" Ukrainians deliver training; a tally "counting those from" others is no fact
        (
            "Norwegian instructors are still training Ukrainian recruits in Britain. Ukraine now has 37 howitzers in "
            "all, counting those from Norway.",
            [("delivery", "NO", "training", None)],
        ),
        # a list's line "already supplied" is a handover; a coalition's "stated objective" and "the idea" of a
        # mission are no facts; meals are kit; a bare noun listed before a name is a thing of its own
        (
            "Luxembourg's support this year includes:\n- 275 night-vision goggles, already supplied;\n- 20 trucks.\n"
            "The coalition's stated objective is to supply Ukraine with one million drones. Ireland is open to the "
            "idea of a training mission. The Irish Defence Forces have sent 5,000 ready-to-eat meals. France will send "
            "artillery shells, guns and Caesar systems.",
            [
                ("delivery", "LU", "other-equipment", 275),
                ("pledge", "LU", "other-equipment", 20),
                ("delivery", "IE", "other-equipment", 5000),
                ("pledge", "FR", "ammunition", None),
                ("pledge", "FR", "artillery", None),
                ("pledge", "FR", "Caesar", None),
            ],
        ),
        # a donor's own orders ("to rebuild … own stocks", a contract to buy that names no Ukraine) and a wish are no
        # aid; what a vehicle carries or is built on, and "vehicles of this family" again, are no things of their own
        (
            "Norway will send 20 trucks. In January, Oslo ordered 2.6 billion crowns' worth of shells to rebuild the "
            "Norwegian armed forces' own stocks. On 19 June, Norway signed a joint contract with France to buy new "
            "Mistral launchers. Organisers want the money to buy vehicles for Ukrainian troops. Lithuania has sent 12 "
            "M113 carriers, ten of them fitted with mortars, and has continued to send vehicles of this family since. "
            "Lithuania has sent command post vehicles built on the M113 chassis.",
            [
                ("pledge", "NO", "other-equipment", 20),
                ("delivery", "LT", "M113", 12),
                ("delivery", "LT", "other-equipment", None),
            ],
        ),
        # a purchase agreement for a donor's own systems, the fleet it will keep, what money is "enough to buy" and
        # money "for humanitarian purposes" are no military aid; Black Hawks are helicopters
        (
            "Romania signed a $4 billion agreement in 2017 to buy seven Patriot systems from the United States. Once "
            "the Mi-8s are gone, its transport fleet will consist of four UH-60M Black Hawks. Prague says the money is "
            "enough to buy half a million rounds. Slovenia will allocate €5 million for humanitarian purposes, "
            "including medicines. Croatia will send four Black Hawks.",
            [("pledge", "HR", "helicopters", 4)],
        ),
        # what "sources say" is speculation, and what a donor buys "for its own stocks" is no aid
        (
            "Sources say Germany is preparing to send more Leopard tanks. Germany bought 100,000 shells from South "
            "Korea for its own stocks. Germany will send 20 trucks.",
            [("pledge", "DE", "other-equipment", 20)],
        ),
        # after "ammunition for small arms" the list goes on with things given (but spare parts "for the CV90, the
        # Strv 122 and the Archer" serve three names)
        (
            "Estonia handed over machine guns, ammunition for small arms, assorted vehicles and boats. Sweden will "
            "send spare parts for the CV90, the Strv 122 and the Archer.",
            [
                ("delivery", "EE", "small-arms", None),
                ("delivery", "EE", "ammunition", None),
                ("delivery", "EE", "other-equipment", None),
                ("delivery", "EE", "other-equipment", None),
                ("pledge", "SE", "maintenance", None),
            ],
        ),
        # working to deliver, standing ready and remaining committed are intentions (but "we are sending 100 Carl
        # Gustafs, and we are working to get them to Ukraine" gives them)
        (
            "Germany is working to deliver more air defence systems. Germany stands ready to send more tanks. Germany "
            "remains committed to supporting Ukraine with air defence. Canada is sending 100 Carl Gustaf launchers, "
            "and we are working to get them into Ukrainian hands.",
            [("pledge", "CA", "small-arms", 100)],
        ),
        # what analysts say, plans to "step up work on" something, a running count of those trained and a share of
        # what was promised are no facts
        (
            "Analysts cautioned that one battery can only defend a limited area. Starmer says the coalition will step "
            "up work on air defence. We have already trained more than 3,000 Ukrainian soldiers. Barely a third of the "
            "Bushmasters Australia has promised are in the country. Britain will send 20 trucks.",
            [("pledge", "GB", "other-equipment", 20)],
        ),
        # a running sum that "passes" a figure, citizens' donations, "more than half of" a sum and a vehicle's "ease
        # of maintenance" are no facts
        (
            "Latvia pledged military aid that passes 300 million euros. Latvia's ministry is collecting donations "
            "worth €7 million for Ukraine. Latvia has given Ukraine Stingers, which made up more than half of the "
            "first €200 million. Latvia will send the M113 because its simple design and ease of maintenance suit "
            "Ukraine.",
            [("pledge", "LV", "M113", None)],
        ),
        # a clause beside the fact that qualifies it sets nothing aside (but a fact of the battlefield stays out)
        (
            "Norway will give Ukraine F-16 fighter jets, though it has not said how many aircraft will go. Canada will "
            "send 20 trucks, but Ottawa is still not offering the lethal weapons Kyiv wants. Russian forces destroyed "
            "two tanks, which Germany had sent.",
            [("pledge", "NO", "F-16", None), ("pledge", "CA", "other-equipment", 20)],
        ),
        # arms for Russia, and jets for NATO's eastern flank, are no aid to Ukraine
        (
            "China has supplied Russia with drone parts. Belgium said six F-16s will be redeployed to Estonia to help "
            "protect NATO's eastern flank. Belgium will send 20 trucks to Ukraine.",
            [("pledge", "BE", "other-equipment", 20)],
        ),
        # what a donor "wanted to" do is a wish
        (
            "He said Madrid wanted to synchronise the arrival of the tanks with the training. Spain will send 20 "
            "trucks.",
            [("pledge", "ES", "other-equipment", 20)],
        ),
        # priorities, and helping others deliver their own systems, are no facts of the donor's
        (
            "Dutch support will go on, with priority for air defence and artillery. The Netherlands is also "
            "working with allies to help them deliver their own air defence systems. The Netherlands will send 20 "
            "trucks.",
            [("pledge", "NL", "other-equipment", 20)],
        ),
        # no plans, a hope and a denial give nothing
        (
            "Norway has no plans to send tanks. Kyiv hopes Norway will send 20 armoured vehicles. Norway denied "
            "reports that it would send jets. Norway will send 20 trucks.",
            [("pledge", "NO", "other-equipment", 20)],
        ),
        # sanctions on Russia's shadow fleet give no vessels (but a gift made because of sanctions is a gift)
        (
            "Ottawa also announced sanctions on about 200 vessels in Russia's shadow fleet. Portugal will give Ukraine "
            "six Kamov helicopters, which it can no longer fly because of sanctions on Russia.",
            [("pledge", "PT", "helicopters", 6)],
        ),
        # a state named right after a verb of giving receives: arms for it are no aid to Ukraine (but an adjective
        # there is the giver's: "send Norwegian instructors")
        (
            "Germany had offered Poland Patriot launchers. Norway gave Lithuania two NASAMS launchers. Germany is "
            "giving Greece forty Marder vehicles. Norway will send Norwegian instructors to train Ukrainian soldiers.",
            [("pledge", "NO", "training", None)],
        ),
        # what the things given were the first of is no other thing; a letter of intent to buy together, a columnist's
        # guess and a development minister's fund for heating are no military aid
        (
            "Poland handed over four Leopard 2 tanks, the first of the German-built tanks to reach Ukraine. Fourteen "
            "allies, including the Netherlands, signed a letter of intent to buy air defence systems together. Our "
            "guess is that Portugal will send drones next. The Dutch development minister pledged 70 million euros to "
            "a World Bank fund for repairs and heating. Norway will send 20 trucks.",
            [("delivery", "PL", "tanks", 4), ("pledge", "NO", "other-equipment", 20)],
        ),
        # "as well as", "not only … but also" join two things; "the trucks, 20 in all," counts them
        (
            "Norway will send 20 trucks as well as 10 Leopard 1A5 tanks. The ambulances, 12 in all, were delivered "
            "by Norway on Monday. Denmark will send not only 20 trucks but also 10 Leopard 1A5 tanks.",
            [
                ("pledge", "NO", "other-equipment", 20),
                ("pledge", "NO", "Leopard 1A5", 10),
                ("delivery", "NO", "other-equipment", 12),
                ("pledge", "DK", "other-equipment", 20),
                ("pledge", "DK", "Leopard 1A5", 10),
            ],
        ),
        # an announcement still to come and a request give nothing
        (
            "Norway is set to unveil a package of 20 trucks next week. Denmark is poised to send 30 trucks. Sweden "
            "has been asked to send 40 trucks. Finland will send 50 trucks.",
            [("pledge", "FI", "other-equipment", 50)],
        ),
        # plans scrapped or dropped, and a tranche blocked, are no pledge
        ("Germany scrapped plans to send 10 Marders. Berlin dropped its plan to deliver 20 Leopard 1A5 tanks.", []),
        ("Borrell proposed a fund of €5 billion a year, but Hungary has blocked the €500 million tranche.", []),
        # Ukrainians training on a system in a country have that country's training (the system is what they learn);
        # what is in Ukrainian hands was handed over; a goal is no fact
        (
            "Since January, Ukrainian soldiers have been training on the Marder 1A3 in Germany. Five Dutch PzH 2000 "
            "howitzers are already in Ukrainian hands. The goal remains that by the end of March the German tanks are "
            "delivered.",
            [("delivery", "DE", "training", None), ("delivery", "NL", "PzH 2000", 5)],
        ),
        # no announcement today, nothing of its own to give and a shopping list give nothing; what a weapon strikes
        # is not given with it
        (
            'Austin said: "I don\'t have any announcements on Patriot batteries today." Lithuania has no combat '
            "aircraft of its own to give. Umerov ran through his shopping list: air defence and artillery shells. The "
            "UK will order 1,000 drones, a cheap means of striking enemy positions, armoured vehicles and vessels.",
            [("pledge", "GB", "drones", 1000)],
        ),
        # who makes a thing gives it only if no other giver is named; what a jammer brings down is not given with it;
        # a people's collection is no state's aid
        (
            "Norway will send 20 Black Hornet drones to Ukraine. Oslo will also spend 100 million crowns of its "
            "money in the fund on Nightfighter, a jammer built by Britain's SteelRock that is meant to bring down "
            "hostile drones. Ordinary Lithuanians raised six million euros to buy radars for Ukraine.",
            [("pledge", "NO", "drones", 20), ("pledge", "NO", "funding", None)],
        ),
        # spare parts for a system named before them are its upkeep, not the system
        (
            "Germany will fund Patriot spare parts for Ukraine. Norway will send IRIS-T SLM spares to Ukraine.",
            [("pledge", "DE", "maintenance", None), ("pledge", "NO", "maintenance", None)],
        ),
        # what drones give their users is no gift; a fund passing a mark is a running total
        (
            'Norway will send 20 drones. Wallace said the drones would give Ukrainian troops "a real edge". The fund '
            "passed the 1 billion pound mark in pledges.",
            [("pledge", "NO", "drones", 20)],
        ),
        # load carriers are kit; "in south-eastern Poland" is a place, not a giver
        ("The first vehicles bound for Ukraine reached Rzeszów in south-eastern Poland last Friday.", []),
        ("Ireland will give four Scania 8x8 DROPS load carriers.", [("pledge", "IE", "other-equipment", 4)]),
        # surveillance and control aircraft are kit, counted, and a package's sum before "which includes" is not
        # theirs; an aircraft arriving for a deployment of its own forces is no handover
        (
            "Sweden presented a package worth roughly $1.23 billion, which includes two airborne surveillance and "
            "control aircraft. The Australian E-7A Wedgetail airborne early warning and control aircraft has arrived "
            "at Ramstein to begin a six-month deployment.",
            [("pledge", "SE", "other-equipment", 2)],
        ),
        # who makes or sells what is bought does not give it
        (
            "At the meeting partners promised more money for drones and US weapons bought through NATO's PURL "
            "mechanism. Norway will pay for US-made air defence missiles for Ukraine.",
            [("pledge", "NO", "air-defence", None)],
        ),
        # what Ukraine received through a pool is many donors' (but a donor named sending through it sends)
        (
            "Belgium put up 200 million euros for the Czech initiative. Ukraine received about 1.5 million rounds "
            "through the scheme in 2024. Norway has sent 100,000 rounds through the Czech initiative.",
            [("pledge", "BE", "funding", None), ("delivery", "NO", "ammunition", 100000)],
        ),
        # a handover, then "and will send" more: the giver's promise beside its handover
        (
            "Portugal delivered three Leopard 2A6 tanks in March and will send a further 14 M113 vehicles by June.",
            [("delivery", "PT", "Leopard 2A6", 3), ("pledge", "PT", "M113", 14)],
        ),
        # "120 in total" counts one donor's things
        (
            "Australia's Bushmaster vehicles, 120 in total, have all arrived in Ukraine.",
            [("delivery", "AU", "ifv-apc", 120)],
        ),
        # "eight of the 10 systems it promised" counts eight; what a delivery comprised was handed over
        (
            "Sweden has so far handed over eight of the 10 Archer systems it promised. The delivery comprised 10 "
            "Leopard 2A4 tanks from Poland.",
            [("delivery", "SE", "Archer", 8), ("delivery", "PL", "Leopard 2A4", 10)],
        ),
        # "On 3 May Sweden announced" names a month, no speculation
        ("On 3 May Sweden announced 20 more trucks for Ukraine.", [("pledge", "SE", "other-equipment", 20)]),
        # crews who "were trained here in Poland" had Poland's training
        (
            "Poland will send four more Leopard 2A4 tanks. The Ukrainian tank crews were trained here in Poland, by "
            "Polish instructors.",
            [("pledge", "PL", "Leopard 2A4", 4), ("delivery", "PL", "training", None)],
        ),
        # a ring exchange: what a donor gives away is replaced, and what replaces it is no aid to Ukraine; an army's
        # own kit being replaced stays aside
        (
            "Greece has agreed to send 40 BMP-1 infantry fighting vehicles, to be replaced by German Marders. Slovakia "
            "will give Ukraine its 13 MiG-29 jets, which are being replaced by F-16s. The army's remaining Hawk "
            "batteries are being replaced by newer systems.",
            [("pledge", "GR", "ifv-apc", 40), ("pledge", "SK", "MiG-29", 13)],
        ),
        # shoulder-fired missiles are air defence, not munitions for it, however many words describe them
        (
            "Ukraine has received 30 Gepard anti-aircraft gun tanks and several thousand Strela shoulder-fired "
            "air-defence missiles from Germany. Poland has sent 500 Igla missiles.",
            [
                ("delivery", "DE", "Gepard", 30),
                ("delivery", "DE", "air-defence", None),
                ("delivery", "PL", "air-defence", 500),
            ],
        ),
        # what is "on the list too" is a line of the list of handovers just told
        (
            "Ukraine has received two more Gepard anti-aircraft tanks from Germany. A single PzH 2000 is on the list "
            "too, alongside lorries.",
            [
                ("delivery", "DE", "Gepard", 2),
                ("delivery", "DE", "PzH 2000", 1),
                ("delivery", "DE", "other-equipment", None),
            ],
        ),
        # clothing is kit; money a donor "will keep giving" to "Ukraine's defence" is its funding, and what it pledged a
        # month before is no part of that sum
        (
            "Estonia will keep giving €100 million a year to Ukraine's defence. Last month it pledged a package of "
            "clothing and small arms.",
            [
                ("pledge", "EE", "funding", None),
                ("pledge", "EE", "other-equipment", None),
                ("pledge", "EE", "small-arms", None),
            ],
        ),
        # a promise "put on the table" is made; what it waits on is no total that sets it aside
        (
            "Germany put five more PAC-3 interceptors on the table, on the condition that partners come up with thirty "
            "between them.",
            [("pledge", "DE", "ammunition", 5)],
        ),
        # a contribution to a pool is its payer's funding, whether or not its sum is told, and counts nothing
        (
            "Sweden also announced a further contribution to PURL. Denmark will contribute to PURL as well.",
            [("pledge", "SE", "funding", None), ("pledge", "DK", "funding", None)],
        ),
        # money to make arms in general is funding
        (
            "In May, Berlin agreed to finance the production of long-range weapons in Ukraine itself.",
            [("pledge", "DE", "funding", None)],
        ),
        # what a maker can build in a month is no aid
        (
            "France will send 12 Caesar howitzers. KNDS says it can now build around six Caesars a month, which makes "
            "a fresh order realistic.",
            [("pledge", "FR", "Caesar", 12)],
        ),
        # what "will reach Ukraine" is promised
        (
            "Belgium's first F-16 jets will reach Ukraine before the end of the year, the prime minister said.",
            [("pledge", "BE", "F-16", None)],
        ),
        # money for a pool is its payer's funding, told with no sum (but not money for the civilian energy fund)
        ("Japan promises money for NATO's trust fund for Ukraine.", [("pledge", "JP", "funding", None)]),
        ("Japan will contribute to NATO's trust fund for Ukraine.", [("pledge", "JP", "funding", None)]),
        ("Canada announced money for the Ukraine Energy Support Fund.", []),
        # a list of what is given besides a sum is no part of it, and a hedged count the list rounds up is its sum
        (
            "Canada will provide C$2 billion in military assistance. We are also donating more than 400 armoured "
            "vehicles:\n- 66 LAV 6 light armoured vehicles;\n- 383 Senator armoured personnel carriers.",
            [
                ("pledge", "CA", "other-equipment", None),
                ("pledge", "CA", "ifv-apc", 66),
                ("pledge", "CA", "ifv-apc", 383),
            ],
        ),
        # money for a civilian fund "to repair a grid" is no aid of ours
        ("Canada announced $20 million to the Ukraine Energy Support Fund to repair a grid under attack.", []),
        ("Britain announced £20 million in emergency energy funding to repair and protect the grid.", []),
        # who is receiving things gives none; what is bought for a donor's own armed forces is its own
        ("Rheinmetall is delivering tanks to Greece, while Slovenia is receiving 40 HX trucks.", []),
        ("Germany delivered 120mm practice rounds for the Leopard 2 fleet of the German armed forces.", []),
        # what a coalition helps Ukraine buy is none of its leader's giving; "our allies" are the speaker's partners
        ("Latvia is proud to lead, with Britain, the coalition that helps Ukraine build and buy drones.", []),
        (
            "Latvian instructors will go on training Ukrainian soldiers, side by side with our allies.",
            [("pledge", "LV", "training", None)],
        ),
        # interceptors for a system are its munitions: the system is not given
        (
            "The US package includes interceptors for Patriot air defense systems.",
            [("pledge", "US", "ammunition", None)],
        ),
        # paying for weapons and their spare parts is funding, its sum untold
        ("Norway will pay for weapons and spare parts for Ukraine's F-16s.", [("pledge", "NO", "funding", None)]),
        # what a donor is buying from another state, naming no Ukraine, is its own (not what it buys for Ukraine)
        ("Poland is buying 1,000 K2 tanks from South Korea.", []),
        ("Denmark is buying 18 Caesar howitzers from France for Ukraine.", [("pledge", "DK", "Caesar", 18)]),
        # what Ukraine bought from a company itself is a sale, no aid
        (
            "Belgium tried to recover the M109 howitzers it sold to a private firm; in the end Ukraine bought those "
            "guns directly from the company.",
            [],
        ),
        # a maker's profile at the foot of its release is what industry makes
        (
            "With some 25,000 employees and sales of around EUR 5.7 billion, the German group supplies vehicles, "
            "weapons and ammunition and air defence.",
            [],
        ),
        # who will train is where the training will be; mentoring is training
        (
            "Ukrainian helicopter pilots will be trained at an RAF station in Britain.",
            [("pledge", "GB", "training", None)],
        ),
        ("Britain will expand its medical mentoring of Ukrainian clinicians.", [("pledge", "GB", "training", None)]),
        # a factbox's line names its donor in capitals, and the donor owns the whole line
        (
            "* LITHUANIA: More than 5,000 Lithuanian-made drones by the end of autumn, the prime minister said at a "
            "news conference with Poland's President Andrzej Duda.",
            [("pledge", "LT", "drones", 5000)],
        ),
        # more rounds after rounds of one kind are a lot of their own, and what they are for is not given
        (
            "Lithuania handed over several million rounds of small-arms ammunition and several thousand rounds for "
            "anti-tank grenade launchers.",
            [("delivery", "LT", "ammunition", None), ("delivery", "LT", "ammunition", None)],
        ),
        # a maker's order from a government, for Ukraine, is that government's pledge; Ukraine's own order is a sale
        (
            "Rheinmetall has received an order from the German government to supply 40 Lynx vehicles to Ukraine.",
            [("pledge", "DE", "ifv-apc", 40)],
        ),
        ("Rheinmetall has received a contract from the Ukrainian government for 40 Lynx vehicles.", []),
        # a day of a month counts nothing, and what "will not go to Ukraine" is refused
        (
            "Mitsotakis said on 31 January that the tanks are needed at home and will not go to Ukraine.",
            [],
        ),
        # a fact-check's claim is what it tests, not what it finds
        ('CLAIM 3: "Greece secretly sent 122 BMP-1s and 60 Stinger missiles."', []),
        # a partner named before a comma leaves the clause its own subject; what follows from a pledge is no handover
        (
            "Under a deal with Germany, Greece has committed 40 BMP-1 vehicles to Ukraine, so half of them have now "
            "arrived.",
            [("pledge", "GR", "ifv-apc", 40), ("delivery", "GR", "ifv-apc", None)],
        ),
        (
            "As co-leader of the IT coalition with Luxembourg, Estonia is providing $500,000 to fund its work.",
            [("pledge", "EE", "funding", None)],
        ),
        # what a donor "has supported Ukraine with" it gave, and training is one of the things given
        (
            "Greece has supported Ukraine with ammunition and with training of Ukrainian personnel.",
            [("delivery", "GR", "ammunition", None), ("delivery", "GR", "training", None)],
        ),
        (
            "Greece has provided Ukraine with ammunition and training.",
            [("delivery", "GR", "ammunition", None), ("delivery", "GR", "training", None)],
        ),
        # a donor's second battery is one battery; what trainees were trained at or on is not given
        (
            "Italy's second SAMP/T battery for Ukraine has now been handed over.",
            [("delivery", "IT", "air-defence", 1)],
        ),
        (
            "The first Ukrainian SAMP/T operators were trained by the Italian Army at its air-defence artillery "
            "school last year.",
            [("delivery", "IT", "training", None)],
        ),
        # one unnamed EU government is no donor of ours; Skyranger guns are air defence
        ("Rheinmetall said an unnamed EU government is paying for Skyranger 35 guns for Ukraine.", []),
        ("Germany will pay for a new batch of Skyranger 35 guns for Ukraine.", [("pledge", "DE", "air-defence", None)]),
        # a donor's own capability programmes are its own
        ("Most of the budget finances Luxembourg's own capability programmes, such as satellite communications.", []),
        # a calibre read out digit by digit counts nothing; making drones together is no aid; not saying is no fact
        (
            "Poland has already sent Ukraine mainly one-five-five shells.",
            [("delivery", "PL", "ammunition", None)],
        ),
        ("Poland and Ukraine also signed a letter of intent on producing drones together.", []),
        ("Neither side said which vehicles are in the new Polish package.", []),
        # relief for displaced families is humanitarian
        (
            "Another convoy from the EU humanitarian hub crossed into Ukraine today: blankets, hygiene kits and food "
            "for displaced families.",
            [],
        ),
        # what a package handed over "consists of" was handed over with it; what is no military aid is set aside
        (
            "Reznikov wrote that Romania had handed over its fifth package. By his account the package consists of "
            "hundreds of small arms and spare parts.",
            [("delivery", "RO", "small-arms", None), ("delivery", "RO", "maintenance", None)],
        ),
        ("None of this is military aid, but Romania mentions it as often as the guns it sends.", []),
        # a thing handed "over to Ukraine" with its name between; NATO's figures count, they give nothing; minutes'
        # "In discussion" is no talk of aid to come
        (
            "In discussion, ministers recalled that Romania handed a Patriot air defence system over to Ukraine.",
            [("delivery", "RO", "Patriot", 1)],
        ),
        ("According to NATO figures, 21 countries have so far put more than 4 billion dollars into PURL.", []),
        # a paragraph's run-in heading naming a donor is whom its sentences speak of
        (
            "Germany sent ten tanks.\n\nNetherlands. The prime minister said his government would send 20 trucks.",
            [("delivery", "DE", "tanks", 10), ("pledge", "NL", "other-equipment", 20)],
        ),
        # an offer whose timing is still being decided is no pledge yet
        (
            "Portugal has offered to train Ukrainian F-16 pilots, but talks are still deciding when, or whether, "
            "instructors will be needed, and there is no timetable.",
            [],
        ),
        # a word of a list that "attacks" ends names what is attacked with, nothing given
        ("Italy will give Ukraine means of protection against air, missile, drone and cyber attacks.", []),
        # a vote against giving, a tranche that has yet to win support, and a condition
        ("The Bundestag this week voted down a call to give Ukraine Germany's Taurus cruise missiles.", []),
        ("A proposed eighth EU tranche of €500 million has yet to win the unanimous support it needs.", []),
        ("If they all make it across the Atlantic, Ukraine will have received 300 rocket motors from the US.", []),
        # what "Ukraine already has" was handed over
        (
            "Poland's 47th package was mainly 155mm shells, and Ukraine already has it.",
            [("delivery", "PL", "ammunition", None)],
        ),
        # training Ukrainian battalions is training; training that "continues" at a donor's bases is being given, and
        # the EU mission it runs within gives none of it
        (
            "France would, in the coming weeks, train and equip several Ukrainian battalions with armoured vehicles.",
            [("pledge", "FR", "training", None), ("pledge", "FR", "ifv-apc", None)],
        ),
        (
            "Training of Ukrainian military personnel continues at the Toledo centre and other Spanish bases within "
            "the framework of the European Union Military Assistance Mission.",
            [("delivery", "ES", "training", None)],
        ),
        # money for a court or for war-crimes inquiries is no military aid; "a handful of allies" are no donor of ours
        (
            "New Zealand announced its package:\n- NZ$1.3 million to support the work of the International Criminal "
            "Court\n- NZ$1 million to help investigate war crimes",
            [],
        ),
        (
            "Fresh money from a handful of allies means the Czech-led initiative can keep shipping shells to Ukraine.",
            [],
        ),
        # what "Ukraine's partners pledged" between them is no one donor's
        (
            "Latvia's minister was in Copenhagen, where Ukraine's partners pledged some 1.5 billion euros for weapons.",
            [],
        ),
        # not having stocks to give refuses; what a fund the donor pays into buys is the fund's; an idea is no pledge
        ("Luxembourg says: we do not have stocks of tanks or howitzers to give away.", []),
        (
            "Romania pays into a NATO trust fund; the NATO trust fund it is paying into buys non-lethal items such as "
            "fuel and medical supplies.",
            [],
        ),
        (
            "Week\n\n- Brussels: ahead of the meeting, NATO officials briefed on Secretary General Jens "
            "Stoltenberg's idea of a five-year, roughly EUR 100 billion fund for Ukraine.",
            [],
        ),
        (
            "Meanwhile EU capitals are still haggling over a proposed EUR 5 billion fund for Ukraine's armed forces.",
            [],
        ),
        (
            "Watching next week: whether the EUR 5 billion fund gets a political deal, and whether the Czech shell "
            "initiative turns into signed contracts.",
            [],
        ),
        # who a thing came alongside gave no part of it
        (
            "Lisbon's contribution was small but high-end: three Leopard 2A6s, which arrived in March 2023 alongside "
            "the German batch.",
            [("delivery", "PT", "Leopard 2A6", 3)],
        ),
        # a speaker whose surname is a state's name speaks for his own ("Prime Minister Luís Montenegro" is
        # Portugal's); what Kyiv says it needs is asked for, not given
        (
            "The pledge came a day after Prime Minister Luis Montenegro, on his first visit to Kyiv, signed a deal to "
            "produce maritime drones with Ukraine.",
            [("pledge", "PT", "drones", None)],
        ),
        (
            "Portugal will send 20 trucks. Kyiv has said it needs about 1 billion dollars a month of U.S.-made weapons "
            "paid for by its partners.",
            [("pledge", "PT", "other-equipment", 20)],
        ),
        # instructors who trained Ukrainian soldiers gave training
        (
            "In 2023 Latvian instructors trained Ukrainian soldiers on Latvian territory.",
            [("delivery", "LV", "training", None)],
        ),
        # (and so did gunners who finished training Ukrainian artillery personnel, who are people, not guns)
        (
            "A team of 30 New Zealand gunners has finished training Ukrainian artillery personnel.",
            [("delivery", "NZ", "training", None)],
        ),
        # instructors who have been teaching Ukrainian recruits give training; a decision still pending gives nothing
        (
            "Canadian instructors have been teaching Ukrainian recruits in England since the late summer.",
            [("delivery", "CA", "training", None)],
        ),
        (
            "Norway will send 20 trucks. EU ministers agreed on 14 October to extend the EU's training mission for "
            "Ukrainian troops, but the formal decision is still pending.",
            [("pledge", "NO", "other-equipment", 20)],
        ),
        # what a list "now counts" is a running tally
        (
            "Germany has sent Ukraine three more Gepard tanks. The list now counts 49 Gepards handed over since the "
            "summer of 2022.",
            [("delivery", "DE", "Gepard", 3)],
        ),
        # what a donor "will not bring" is refused; a correction's figures are no new aid
        ("Belgium will not bring tanks to that table: the army gave up its last battle tanks in 2014.", []),
        (
            "Germany has sent Ukraine three more Gepard tanks. The correct number is three; the figure of 13 refers to "
            "vehicles supplied for Ukraine's border guard.",
            [("delivery", "DE", "Gepard", 3)],
        ),
        # a heading line of its own is told again by the prose under it
        (
            "Fact sheet\nPublished 13 August 2025\n\nLatest: German Leopard 2A6 tanks handed over\n\nIn July, Germany "
            "confirmed that its first Leopard 2A6 tanks had been handed over to Ukraine.",
            [("delivery", "DE", "Leopard 2A6", None)],
        ),
        # beside the EU's facility, the EU's arms are the facility's, but its training mission's courses its own
        (
            "The EU will send Ukraine 500,000 artillery shells, paid through the European Peace Facility. The EU "
            "Military Assistance Mission will also train 15,000 more Ukrainian soldiers this year.",
            [("pledge", "EPF", "ammunition", 500000), ("pledge", "EU", "training", None)],
        ),
        # an announcement named is none made; a batch that takes a count and a sum to new totals is a tally
        (
            "Belgium's minister was asked about the meeting. He said he did not go there to make an announcement for "
            "the cameras.",
            [],
        ),
        (
            "Australia will send another 30 Bushmasters to Ukraine. The new batch takes the number of Bushmasters "
            "committed by Australia to 120, and its total military assistance to more than A$710 million.",
            [("pledge", "AU", "ifv-apc", 30)],
        ),
        # pressing a donor to bring "the promised tanks" asks: the promise is named, not made
        ("Kyiv is pressing Germany to get the promised tanks to the front before the spring.", []),
        # figures not given, and munitions described as supplied by a state, give nothing
        ("France said production of Caesar howitzers for Ukraine is being accelerated, but gave no figures.", []),
        ("Officials in Kyiv say stocks of U.S.-supplied munitions are running low.", []),
        # instructors who continue to train, were training or train Ukrainians give training
        (
            "Czech instructors continue to train Ukrainian service members on Czech territory.",
            [("delivery", "CZ", "training", None)],
        ),
        (
            "Spanish instructors were training Ukrainian personnel in Spain on the Hawk system.",
            [("delivery", "ES", "training", None)],
        ),
        (
            "The Royal Danish Air Force trains Ukrainian pilots and ground crews at Skrydstrup.",
            [("delivery", "DK", "training", None)],
        ),
        # a list's line of spare parts for vehicles already handed over is promised with the list
        (
            "Germany's new package contains:\n- 20 trucks;\n- spare parts for vehicles already handed over to Ukraine.",
            [("pledge", "DE", "other-equipment", 20), ("pledge", "DE", "maintenance", None)],
        ),
        # "other European Union countries" beside whom the speaker orders are partners, no giver
        (
            "Lithuania's minister spoke in Vilnius. Together with other European Union countries we have placed orders "
            "for 155mm artillery ammunition for Ukraine.",
            [("pledge", "LT", "ammunition", None)],
        ),
        # a transfer that names a kind of rule, or a time, gives nothing
        (
            "Because the Leopard 2A6 is German-built, re-exporting it needs Berlin's approval under arms-transfer "
            "rules.",
            [],
        ),
        ("Before the transfer, the Swedish Army operated around 120 Strv 122 tanks.", []),
        (
            "Sweden will transfer ten Strv 122 tanks to Ukraine.",
            [("pledge", "SE", "tanks", 10)],
        ),
        # (and so is one whose words hold a full stop, "U.S.": a heading ends without a sentence's stop)
        (
            "Fact sheet\nPublished 13 August 2025\n\nLatest: U.S. Abrams tanks handed over\n\nIn July, the United "
            "States confirmed that its first Abrams tanks had been handed over to Ukraine.",
            [("delivery", "US", "M1 Abrams", None)],
        ),
        # a list that opens with humanitarian aid is no military aid
        ("Greece has also sent humanitarian aid, medicines and generators to Ukraine.", []),
        # a request dated by the first aid to arrive asks; the arrival is no strong verb of it
        (
            "Britain will send 20 trucks. Kyiv has been asking for exactly this kind of help since the first Western "
            "tanks arrived.",
            [("pledge", "GB", "other-equipment", 20)],
        ),
        # what a system is built around is part of it, but an "and" may add a thing
        (
            "Germany will send 10 Gepard systems, built around a 35 mm gun on an all-terrain truck.",
            [("pledge", "DE", "Gepard", 10)],
        ),
        (
            "Germany will supply 20 rocket launchers mounted on pick-up trucks and precision munitions.",
            [("pledge", "DE", "rocket-artillery", 20), ("pledge", "DE", "ammunition", None)],
        ),
        # the rest of an order still to come is no new promise
        (
            "Germany has handed over 10 Leopard 2A4 tanks to Ukraine. The remaining tanks of the order are to follow "
            "in the coming weeks.",
            [("delivery", "DE", "Leopard 2A4", 10)],
        ),
        # what a donor's own army is to receive, or buys to replace what it gave, is its own; a launcher a soldier
        # carries against tanks is small arms
        (
            "Under a deal agreed with Berlin in May, the Czech army is to receive fourteen Leopard 2A4 tanks from "
            "German stocks.",
            [],
        ),
        (
            "Latvia's gifts are being replaced by new procurements, such as HIMARS launchers ordered for its army; "
            "these contracts do not form part of the assistance to Ukraine.",
            [],
        ),
        (
            "Greece has sent rifles, anti-tank rocket launchers and ammunition to Ukraine.",
            [("delivery", "GR", "small-arms", None), ("delivery", "GR", "small-arms", None)]
            + [("delivery", "GR", "ammunition", None)],
        ),
        # items counted since the war began were each sent, but "more than" so many is a tally's floor; a count before
        # a calibre counts the guns
        (
            "Since February Norway has sent about 4,000 M72 anti-tank weapons and some 100 Mistral missiles.",
            [("delivery", "NO", "small-arms", 4000), ("delivery", "NO", "air-defence", 100)],
        ),
        ("Britain has sent more than 3,000 NLAW anti-tank weapons since the invasion began.", []),
        # what a minister "listed" for Ukraine is promised; what "equips the Spanish Army" is the donor's own
        (
            "Robles also listed 155 mm artillery shells and generators for Ukrainian troops. The Hawk, an American "
            "design, equips the Spanish Army's air defence regiments.",
            [("pledge", "ES", "ammunition", None), ("pledge", "ES", "other-equipment", None)],
        ),
        # what is "committed but not yet handed over" is promised; a chart's note on method gives nothing
        (
            "Twenty Marder infantry fighting vehicles from Germany are listed, committed but not yet handed over.",
            [("pledge", "DE", "Marder 1A3", 20)],
        ),
        ("Methodology: the tonnage counts some Portuguese equipment committed but not yet shipped.", []),
        # a state a government "gave" money to, to buy arms for Ukraine, is whom it paid, not who gave
        (
            "New Zealand's army will train gunners. Last month the Government gave Britain seven and a half million "
            "dollars to buy weapons and ammunition for Ukraine.",
            [("pledge", "NZ", "funding", None)],
        ),
        # things "all of them already in Ukrainian hands" were handed over; munitions for guns already there are not
        (
            "Australia's biggest items so far have been six M777 howitzers, all of them already in Ukrainian hands. "
            "Australia will also send more ammunition for the M777 howitzers already in Ukrainian hands.",
            [("delivery", "AU", "M777", 6), ("pledge", "AU", "ammunition", None)],
        ),
        # a package's shares: "fifteen million dollars covers" what it buys (its sum, "another hundred million
        # dollars in military help", is theirs); what Ukraine's president "wants" is asked for
        (
            "Australia will send another hundred million dollars in military help to Ukraine. Fifteen million "
            "dollars covers priority gear: helmets and generators. Ukraine's president wants at least seven more "
            "Patriot batteries.",
            [("pledge", "AU", "other-equipment", None)] * 2,
        ),
        # a government that "went further:" or "added a second shipment:" gives what follows the colon, and "its
        # government" is the state just named
        (
            "The Netherlands will supply two hundred Stinger missiles. Today the Dutch defence ministry went further: "
            "fifty Panzerfaust-3 anti-tank weapons. Belgium announced two thousand machine guns. Today its government "
            "added a second shipment: three thousand automatic rifles.",
            [
                ("pledge", "NL", "air-defence", 200),
                ("pledge", "NL", "small-arms", 50),
                ("pledge", "BE", "small-arms", 2000),
                ("pledge", "BE", "small-arms", 3000),
            ],
        ),
        # what "the group of some 50 countries that coordinates weapons supplies" does is no news of its own
        (
            "Estonia approved a consignment of sniper rifles. Pevkur said the decision followed Wednesday's meeting "
            "of the Ukraine Defense Contact Group, the group of some 50 countries that coordinates weapons supplies "
            "to Kyiv.",
            [("pledge", "EE", "small-arms", None)],
        ),
        # a package's "centrepieces" are what it gives, as its "centrepiece" is
        (
            "The United States announced a drawdown. Its centrepieces are 59 Bradley fighting vehicles and 90 Stryker "
            "armoured personnel carriers.",
            [("pledge", "US", "M2 Bradley", 59), ("pledge", "US", "Stryker", 90)],
        ),
        # what a donor promised and now "are in Ukraine" was handed over
        ("The three Leopard 2A6 tanks Portugal promised are in Ukraine.", [("delivery", "PT", "Leopard 2A6", 3)]),
        # "and a lot of them" stresses how many, and names nothing more
        ("Estonia will send Javelin anti-tank systems, and a lot of them.", [("pledge", "EE", "small-arms", None)]),
        # the kinds of boats named "among them" are the boats
        (
            "Britain will send 60 boats, among them offshore raiding craft and maritime patrol vessels.",
            [("pledge", "GB", "other-equipment", 60)],
        ),
        # what is to equip a thing "before it is handed over" is promised with it, not handed over
        (
            "Estonia will also supply trucks and trailers, and medical kits to equip the hospital before it is "
            "handed over.",
            [("pledge", "EE", "other-equipment", None)] * 3,
        ),
        (
            "Norway says its package includes eighteen more 155-millimetre howitzers.",
            [("pledge", "NO", "artillery", 18)],
        ),
        # a refusal, nothing new, talks and a contract still expected give nothing; nor what a donor gets back under
        # a ring exchange, nor a record remarked on since the invasion
        ("The RAF does not operate the F-16, and the UK is not supplying the aircraft themselves.", []),
        ("Pistorius said Germany cannot give up further Patriot systems until replacements arrive.", []),
        (
            "Germany will send four IRIS-T systems.\n\nThere are no new Patriot launchers or radars.",
            [("pledge", "DE", "air-defence", 4)],
        ),
        (
            "Canada will send 20 trucks. Officials say talks are under way to buy as many as 100,000 more shells.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        (
            "Germany will send 20 Lynx vehicles. Rheinmetall's chief said last month that he expected a Skyranger "
            "contract for Ukraine to be signed at the DSEI arms fair.",
            [("pledge", "DE", "ifv-apc", 20)],
        ),
        (
            "Berlin will send 20 Marder vehicles to Ukraine. Separately, Greece is set to receive 40 Marders from "
            "Rheinmetall this summer under a ring-exchange arrangement financed by Berlin.",
            [("pledge", "DE", "Marder 1A3", 20)],
        ),
        (
            "Germany will send 20 Leopard 2A6 tanks to Ukraine. We have ordered 18 Leopard 2A8 to close the gap the "
            "2A6s left.",
            [("pledge", "DE", "Leopard 2A6", 20)],
        ),
        (
            "Finally, Germany will deliver 100,000 artillery shells, one of the largest single ammunition items Berlin "
            "has named since the invasion began.",
            [("pledge", "DE", "ammunition", 100000)],
        ),
        # a fleet disposed of rather than transferred, what would have been, and the jets trainees have flown give
        # nothing
        (
            "Australia will send 20 Bushmasters. The retired Taipan helicopters would be disposed of rather than "
            "transferred.",
            [("pledge", "AU", "ifv-apc", 20)],
        ),
        (
            "Australia will send 20 Bushmasters. Handing Ukraine a maintenance burden would have been no gift at all.",
            [("pledge", "AU", "ifv-apc", 20)],
        ),
        (
            "Britain will train Ukrainian pilots. The group includes experienced pilots who have flown MiG-29s.",
            [("pledge", "GB", "training", None)],
        ),
        (
            "Norway will buy 17,000 artillery shells in the calibres that Ukraine's older guns use.",
            [("pledge", "NO", "ammunition", 17000)],
        ),
        # a remark on a first gives nothing more
        (
            "Germany will send ten Leopard tanks. This marks the first time Germany has supplied main battle tanks.",
            [("pledge", "DE", "tanks", 10)],
        ),
        # a package for the donor's own Arctic gives Ukraine nothing; a year span counts nothing
        (
            "Denmark will send 20 trucks. The government also agreed a 14.6 billion kroner package for new ships and "
            "drones in the Arctic.",
            [("pledge", "DK", "other-equipment", 20)],
        ),
        ("During 2023–24 Australia delivered trucks to Ukraine.", [("delivery", "AU", "other-equipment", None)]),
        # where pooled money "may end up" is no item of it
        (
            "Canada will send 20 trucks. The drone money flows into a pooled fund and may end up with Ukrainian drone "
            "makers.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        # a petition's bidding asks; what Russia sent is a battlefield figure; a list's line saying what was promised
        # is a pledge, whatever the line before handed over
        (
            "Canada will send 20 trucks.\n\n- Provide additional lethal weapons and ammunition to the Armed Forces of "
            "Ukraine without delay;",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        (
            "Canada will send 20 trucks. Russia sent more than 1,300 attack drones at Ukrainian towns in September.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        (
            "Here is what has been pledged and what has arrived.\n\nBRITAIN\n- The 14 Challenger 2 tanks London "
            "promised in mid-January arrived in late March.\n\nUNITED STATES\n- Washington promised 31 M1 Abrams "
            "tanks on Jan. 25.",
            [
                ("delivery", "GB", "Challenger 2", 14),
                ("pledge", "GB", "Challenger 2", 14),
                ("pledge", "US", "M1 Abrams", 31),
            ],
        ),
        # a promise, then the handover of the same things or a second promise, each dated on its own
        (
            "Norway pledged eight Leopard 2A4 tanks in February and handed them over in March.",
            [("pledge", "NO", "Leopard 2A4", 8), ("delivery", "NO", "Leopard 2A4", 8)],
        ),
        (
            "Madrid promised six Leopard 2A4 tanks in February and added four more in March.",
            [("pledge", "ES", "Leopard 2A4", 6), ("pledge", "ES", "Leopard 2A4", 4)],
        ),
        # a Leopard's version named alone
        ("Ottawa promised four 2A4s in January.", [("pledge", "CA", "Leopard 2A4", 4)]),
        # a heading that is a donor's name alone gives its section's sentences their donor, until the next heading
        (
            "Leopards in Ukraine\n\nGermany sent 18 Leopard 2A6s.\n\nPoland\n\nWarsaw was first across the line. "
            "Four Leopard 2A4s rolled into Ukraine on 24 February 2023.\n\nWhat the numbers show\n\nThe tanks have "
            "been hit hard. Six Leopard 2A4s were sent in March.",
            [
                ("delivery", "DE", "Leopard 2A6", 18),
                ("delivery", "PL", "Leopard 2A4", 4),
                ("delivery", "DE", "Leopard 2A4", 6),
            ],
        ),
        # "What … is" says what it was, and asks nothing
        (
            "What Germany announced at the contact group on Wednesday is a package of 20 armoured vehicles.",
            [("pledge", "DE", "ifv-apc", 20)],
        ),
        # what is at the top of a list of needs is talked of, not given
        (
            "Canada will send 20 trucks. Ukraine has put air defence at the top of its list with every ally.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        # a petition's numbered bidding, a correction's account of what a story said, and "sent no" give nothing
        (
            "Canada will send 20 trucks.\n\n2. Supply Ukraine with modern air defence systems to protect civilians;",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        (
            "Australia will send 20 trucks. The story said Australia had given Ukraine 80 Bushmasters.",
            [("pledge", "AU", "other-equipment", 20)],
        ),
        # things "handed to Ukrainian units" were handed over, and things to be handed to them are promised
        (
            "Latvia's first batch of drones has already been handed to Ukrainian units.",
            [("delivery", "LV", "drones", None)],
        ),
        (
            "Latvia will hand its 500 drones to Ukrainian units next month.",
            [("pledge", "LV", "drones", 500)],
        ),
        # the state that buys with a giver's money ("go towards weapons that the United Kingdom is buying for
        # Ukraine") gives nothing, but what a state "is buying for Ukraine" with its own is its gift
        (
            "New Zealand will send 20 trucks. Another $4 million will go towards weapons that the United Kingdom is "
            "buying for Ukraine's forces.",
            [("pledge", "NZ", "other-equipment", 20), ("pledge", "NZ", "other-equipment", None)],
        ),
        (
            "Part of the ammunition Luxembourg is buying for Ukraine this year has already been delivered.",
            [("delivery", "LU", "ammunition", None)],
        ),
        # what the pool the money went into buys ("…, so it buys drones at scale") is no gift of the payer's
        (
            "Australia will send 20 trucks. Another A$30 million goes into the drone coalition led by Britain and "
            "Latvia, so it buys drones at scale.",
            [("pledge", "AU", "other-equipment", 20), ("pledge", "AU", "funding", None)],
        ),
        # the armies a weapon is "in service with" are its users, not its givers
        (
            "Germany will send 14 THeMIS vehicles. The vehicle is in service with eight NATO countries, among them "
            "Estonia and Norway, and its maker has orders in hand for new vehicles.",
            [("pledge", "DE", "other-equipment", 14)],
        ),
        # what a group commits to "without saying who gives what" is no one's gift
        (
            "Estonia will send 20 trucks. The joint statement commits the nine states only as a group to pursue tanks "
            "and air defence for Ukraine, without saying who gives what.",
            [("pledge", "EE", "other-equipment", 20)],
        ),
        # the training that comes "with" the things given is given too
        (
            "Switzerland will pay for three demining machines, together with local training and support.",
            [("pledge", "CH", "other-equipment", 3), ("pledge", "CH", "training", None)],
        ),
        # a fact sheet's rows, an item and its count joined by dot leaders, are a table's
        (
            "Package 18 at a glance\n\nSweden will give Ukraine:\nA1  Combat Boat 90 .............. sixteen\n"
            "A2  Trucks .................... one hundred and forty-six\nA3  TOW anti-tank missiles ...... 1,500\n\n"
            "Sweden will also send 20 ambulances.",
            [
                ("pledge", "SE", "other-equipment", 16),
                ("pledge", "SE", "other-equipment", 146),
                ("pledge", "SE", "ammunition", 1500),
                ("pledge", "SE", "other-equipment", 20),
            ],
        ),
        # a line of a list of handovers that tells a decision is a promise
        (
            "Lithuania's support\n\nARMOURED VEHICLES\n- M113 carriers Lithuania has sent to Ukraine so far: 50\n"
            "- 15 September: the Government approved 10 more trucks.",
            [("delivery", "LT", "M113", None), ("pledge", "LT", "other-equipment", 10)],
        ),
        # what serves things given before ("the trucks Ukraine has received from us") is still to come
        (
            "Sweden will buy, for Ukraine: ammunition for the Combat Vehicle 90 that Sweden has already donated, and "
            "spare tyres for the trucks Ukraine has received from us.",
            [("pledge", "SE", "ammunition", None), ("pledge", "SE", "other-equipment", None)],
        ),
        # recruits "trained by" a donor's soldiers, instructors who "have been training new Ukrainian recruits" or
        # "have taken part, together with…, in training" them: training given, and what is still to come promised
        (
            "The first 200 Ukrainian recruits trained by Australian soldiers in Britain have graduated. Another 300 "
            "will be trained by Australian soldiers next year.",
            [("delivery", "AU", "training", None), ("pledge", "AU", "training", None)],
        ),
        (
            "Since August, 225 Canadian soldiers in Britain have been training new Ukrainian recruits.",
            [("delivery", "CA", "training", None)],
        ),
        (
            "Norwegian instructors have also taken part, together with the Danes, in training Ukrainian deminers.",
            [("delivery", "NO", "training", None)],
        ),
        # (and in a correction's paragraph, what "it" said before it was put right, whatever the next paragraph says)
        (
            "Correction: An earlier version of this story misread the list. It said that Malta had sent 60 trucks. "
            "The earlier version also wrongly called the helmets a promise.\n\nMalta has sent 600 trucks.\n\n"
            "It said it would send 200 helmets.",
            [("delivery", "MT", "other-equipment", 600), ("pledge", "MT", "other-equipment", 200)],
        ),
        (
            "Finland will send 20 trucks. Helsinki has sent no battle tanks at all.",
            [("pledge", "FI", "other-equipment", 20)],
        ),
        # what comes "included" with a thing is part of it, and its price is the thing's
        (
            "Canada said it would buy one NASAMS system, missiles included, for $406 million and hand it to Ukraine.",
            [("pledge", "CA", "NASAMS", 1)],
        ),
        # what "adds up" is a tally; what goes to a donor's stocks "not for Ukraine" is no aid
        (
            "Germany sent 18 Leopard 2A6s. Add it all up and Ukraine has been promised roughly a hundred Leopard 2 "
            "tanks since January 2023.",
            [("delivery", "DE", "Leopard 2A6", 18)],
        ),
        (
            "Germany sent 18 Leopard 2A6s. Switzerland agreed last year to sell 25 mothballed Leopard 2s back to "
            "Rheinmetall, but only to refill German and other European stocks, not for Ukraine.",
            [("delivery", "DE", "Leopard 2A6", 18)],
        ),
        # things promised on a date of their own that have now arrived: the promise and the handover; a donor's
        # handover of what it promised only recalls the promise, and what is promised "for 2025" is due then
        (
            "The six M777 howitzers promised by Canberra in April have been handed over.",
            [("delivery", "AU", "M777", 6), ("pledge", "AU", "M777", 6)],
        ),
        (
            "Denmark has delivered all 19 Caesar howitzers it promised in January.",
            [("delivery", "DK", "Caesar", 19)],
        ),
        (
            "The Czech government said that the 1.8 million rounds promised for 2025 had all been handed over.",
            [("delivery", "CZ", "ammunition", 1800000)],
        ),
        # a second promise of "four more", then all the things promised handed over together; the unit they joined,
        # and whose tanks it is made of, gives nothing
        (
            "Canada promised four Leopard 2A4s in late January and four more on Feb. 24, and all eight are now in "
            "Ukrainian hands, part of the battalion assembled from Polish and Spanish tanks.",
            [
                ("pledge", "CA", "Leopard 2A4", 4),
                ("pledge", "CA", "Leopard 2A4", 4),
                ("delivery", "CA", "Leopard 2A4", 8),
            ],
        ),
        (
            "Norway pledged eight Leopard 2A4 tanks in February, and they arrived in March.",
            [("pledge", "NO", "Leopard 2A4", 8), ("delivery", "NO", "Leopard 2A4", 8)],
        ),
        # "five more of the same type" from another donor: the thing just named
        (
            "Germany will send seven PzH 2000 howitzers. The Netherlands has promised five more of the same type.",
            [("pledge", "DE", "PzH 2000", 7), ("pledge", "NL", "PzH 2000", 5)],
        ),
        # a newspaper's home is no donor, a minister's country is
        (
            "Copenhagen's Berlingske follows up on the fourteen Leopard 2A4 tanks the Netherlands bought in April.",
            [("pledge", "NL", "Leopard 2A4", 14)],
        ),
        ("Britain's Defence Secretary said it will send 20 trucks.", [("pledge", "GB", "other-equipment", 20)]),
        # what a Russian attack was made of is no gift; a bidding stays one beside the noun "announcement"
        (
            "Germany has already delivered three Patriot systems to Ukraine, the minister said, adding that the latest "
            "Russian attack, with more than 580 drones and over 40 missiles, showed why air defence matters.",
            [("delivery", "DE", "Patriot", 3)],
        ),
        (
            "Australia will send 20 trucks. Send the Abrams, keep the air defence coming, and make support "
            "predictable, not one announcement at a time.",
            [("pledge", "AU", "other-equipment", 20)],
        ),
        # a sum paid to Ukraine's own makers is funding, whatever it buys
        (
            "Germany will provide 400 million euros for the purchase of long-range drones from Ukrainian "
            "manufacturers.",
            [("pledge", "DE", "funding", None)],
        ),
        # ships and jets sent to eastern Europe defend the allies; a recommendation that a government donate is advice
        (
            "Canada will send 20 trucks. NATO said it was sending more ships and fighter jets to eastern Europe.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        (
            "Canada will send 20 trucks. The chief of the general staff said he would recommend that the government "
            "donate about 30 T-72 tanks to Ukraine.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        # what Ukraine would have to pay for itself is no gift
        (
            "Canada will send 20 trucks. Ukraine would have to pay for those guns itself, and building them would take "
            "years.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        # what would follow "if they send F-16s" gives no F-16s
        (
            "Canada will send 20 trucks. Moscow warns that Western countries would run colossal risks if they send "
            "F-16s to Ukraine.",
            [("pledge", "CA", "other-equipment", 20)],
        ),
        # generators sent to help Ukrainian cities through the winter are for civilians
        (
            "Japan will send 20 trucks. Italy has sent power generators and transformers to help Ukrainian cities "
            "survive the winter.",
            [("pledge", "JP", "other-equipment", 20)],
        ),
        # what "the money will buy" counts the sum just told
        (
            "Norway will spend up to NOK 210 million on artillery ammunition for Ukraine. The money will buy roughly "
            "17,000 shells.",
            [("pledge", "NO", "ammunition", 17000)],
        ),
        # a Czech model number ("vz. 58") neither ends the sentence nor counts the rifles; what a shipment "is made up
        # of" is given
        (
            "Czech ministers approved a first shipment, which is made up almost entirely of infantry weapons: 5,000 "
            "vz. 58 assault rifles and 3,200 vz. 59 machine guns.",
            [("pledge", "CZ", "small-arms", 5000), ("pledge", "CZ", "small-arms", 3200)],
        ),
        # a donor's government as the subject of a clause opened by "after" gives
        (
            "The decision came after the Czech government approved 5,000 assault rifles.",
            [("pledge", "CZ", "small-arms", 5000)],
        ),
        # a live blog entry's heading tells the fact below it, however it names the thing
        (
            "Live updates\n\n10:15\nUK to send 350 air defence missiles to Ukraine\n\nDowning Street has announced "
            "that the UK will provide Ukraine with 350 ASRAAM missiles, worth £70 million.",
            [("pledge", "GB", "ammunition", 350)],
        ),
        # a second promise of the thing promised first, whatever comes along with it
        (
            "Ottawa promised four Leopard 2A4s in late January and another four on Feb. 24, along with one armoured "
            "recovery vehicle.",
            [
                ("pledge", "CA", "Leopard 2A4", 4),
                ("pledge", "CA", "other-equipment", 1),
                ("pledge", "CA", "Leopard 2A4", 4),
            ],
        ),
        # a promise, then its handover in two parts
        (
            "Warsaw, which had pledged 14 Leopard 2A4s in January, handed over the first four on Feb. 24 and the "
            "other 10 in early March.",
            [
                ("pledge", "PL", "Leopard 2A4", 14),
                ("delivery", "PL", "Leopard 2A4", 4),
                ("delivery", "PL", "Leopard 2A4", 10),
            ],
        ),
        # one promise told in the parts it was made in
        (
            "Helsinki is sending six Leopard 2R mine-clearing vehicles, three announced in February and three more in "
            "March.",
            [("pledge", "FI", "Leopard 2R", 3), ("pledge", "FI", "Leopard 2R", 3)],
        ),
        # things counted that a donor "contributed" were handed over; a sum it contributed is still its pledge
        (
            "Germany contributed twelve trucks and ten trailers to transport the hospital.",
            [("delivery", "DE", "other-equipment", 12), ("delivery", "DE", "other-equipment", 10)],
        ),
        ("Germany contributed 10 million pounds to the fund.", [("pledge", "DE", "funding", None)]),
        # what a donor "gave in 2022" was handed over
        (
            "Those come on top of the 28 M-55S tanks Ljubljana gave in 2022 as part of an exchange with Germany.",
            [("delivery", "SI", "tanks", 28)],
        ),
        # a remark on what support is like, or on what a meeting was about, gives nothing
        (
            "Lithuania will send 20 trucks. Its support does not end with the transfer of weapons and ammunition. The "
            "two ministers spent much of their meeting on drones.",
            [("pledge", "LT", "other-equipment", 20)],
        ),
        # who joins the EU's training mission gives the training, not the Union whose mission it is; a newsletter's
        # "What's new:" is a label, not a question; who takes part in a programme where its instructors will train
        # gives training
        (
            "Also on the list: Ollongren said the Netherlands will also join the EU's new training mission for "
            "Ukraine's armed forces.",
            [("pledge", "NL", "training", None)],
        ),
        (
            "What's new: The Netherlands will take part in the British-led programme again from January, when "
            "instructors from the Marine Corps will train the next two groups of Ukrainians.",
            [("pledge", "NL", "training", None)],
        ),
        # what "earlier donations have included" was handed over; that donations "had passed" a sum is a running
        # total; "weapons handling" is a skill taught; what ministers "are expected to discuss" is talk
        (
            "Earlier Danish donations have included armoured personnel carriers and mortar grenades. By the end of "
            "May, Denmark's donations of weapons and equipment had passed 2 billion kroner in value.",
            [("delivery", "DK", "ifv-apc", None), ("delivery", "DK", "ammunition", None)],
        ),
        (
            "Denmark will send instructors. They will give basic training, from weapons handling and first aid to "
            "tactics. Defence ministers are expected to discuss long-term support for Ukraine, including a steadier "
            "supply of weapons and ammunition.",
            [("pledge", "DK", "training", None)],
        ),
        # what "that includes" lists is what was just handed over, its last item after ", and" too; shells fired
        # "several times as many" as Ukraine's are a battlefield figure
        (
            "Norway has handed over materiel worth one billion kroner. That includes 5,000 M72 weapons, artillery "
            "shells, and trucks. Russian forces were firing several times as many shells as Ukraine could.",
            [
                ("delivery", "NO", "small-arms", 5000),
                ("delivery", "NO", "ammunition", None),
                ("delivery", "NO", "other-equipment", None),
            ],
        ),
        # a gift made "under a ring exchange" is given; portable rocket launchers are small arms, artillery
        # projectiles ammunition alone, and "Sea Sparrow surface-to-air missiles" one item; "Claims that" are no fact
        (
            "Under a ring exchange with Germany, Greece committed 40 BMP-1 infantry fighting vehicles. Greece sent "
            "portable rocket launchers and 1,000 artillery projectiles. Greece has agreed to give two dozen RIM-7 "
            "Sea Sparrow surface-to-air missiles. Claims that NATO is pushing Athens to hand over its Mirage 2000 "
            "jets circulate widely.",
            [
                ("pledge", "GR", "ifv-apc", 40),
                ("delivery", "GR", "small-arms", None),
                ("delivery", "GR", "ammunition", 1000),
                ("pledge", "GR", "air-defence", 24),
            ],
        ),
        # a sum promised to Ukraine is funding; what "is also going" is promised; what a donor "will try to" do, and
        # what follows "under the current schedule", promise nothing new
        (
            "Belgium has promised Ukraine 1 billion euros for this year. A single Leopard tank is also going, for "
            "testing by Ukrainian crews. Belgium will try to hand over its F-16s earlier than planned. Under the "
            "current schedule two flying jets follow in 2026.",
            [("pledge", "BE", "funding", None), ("pledge", "BE", "tanks", 1)],
        ),
        # in Kyiv's voice: a currency's adjective names no giver, what is made in a country and "already with our
        # brigades" was handed over by it, and "— 64 of them —" counts the vehicles
        (
            "Canada. Results of the year.\n\n- The Coyote armoured vehicles — 64 of them — have arrived in Ukraine "
            "from Canada.\n- High-resolution cameras for drones, worth 64 million Canadian dollars, have been "
            "delivered.\n- Hundreds of SkyRanger drones made in Canada are already with our brigades.",
            [
                ("delivery", "CA", "ifv-apc", 64),
                ("delivery", "CA", "other-equipment", None),
                ("delivery", "CA", "drones", None),
            ],
        ),
        # a sum "for joint projects between" the donor's and Ukraine's firms is funding; "four packages of half a
        # billion dollars each" agreed under PURL are several donors' total
        (
            "Latvia has earmarked 20 million euros for drone purchases for Ukraine and a further 10 million euros for "
            "joint projects between Latvian and Ukrainian defence firms. Pevkur said four packages of roughly half a "
            "billion dollars each had already been agreed under PURL.",
            [("pledge", "LV", "drones", None), ("pledge", "LV", "funding", None)],
        ),
        # what is "among the weapons Poland has handed over" was handed over; a plan "turned down", with "no aircraft
        # transferred", and a purchase "for its own army" (not linked to Ukraine) give nothing
        (
            "Piorun anti-aircraft missiles are among the weapons Poland has handed over. In March, Warsaw offered to "
            "move its MiG-29s to Ramstein so they could be passed on to Ukraine, but Washington turned the plan down "
            "and no aircraft have been transferred. Poland signed a deal in April to buy 250 M1A2 Abrams tanks for "
            "its own army, a purchase not linked to Ukraine.",
            [("delivery", "PL", "air-defence", None)],
        ),
        # what a donor "could look at", and what a leader "will not speculate" on, promise nothing
        (
            "Italy will send 10 trucks. Italy could look at further air defence contributions in the coming months, "
            "but I will not speculate on quantities today.",
            [("pledge", "IT", "other-equipment", 10)],
        ),
        # "1,500 single-shot anti-tank weapons" counts the weapons; combat ration packages are kit
        (
            "Finland has delivered 1,500 single-shot anti-tank weapons and 70,000 combat ration packages.",
            [("delivery", "FI", "small-arms", 1500), ("delivery", "FI", "other-equipment", 70000)],
        ),
        # anti-tank missile systems are launchers a soldier carries: small arms
        (
            "Estonia is to supply Ukraine with anti-tank missile systems.",
            [("pledge", "EE", "small-arms", None)],
        ),
        # two sums of much the same size, given on different days, are two facts, not one told again
        (
            "On Friday the United States approved $179.1 million for air defence equipment for Ukraine. On July 23 it "
            "approved about $172 million for HAWK Phase III air defense equipment.",
            [("pledge", "US", "air-defence", None), ("pledge", "US", "air-defence", None)],
        ),
        # a contribution to NATO's assistance package is the payer's funding, and what the package buys none of its
        # own; a running account of a budget ("spent so far") gives nothing
        (
            "In August Belgium decided on a €8 million contribution to NATO's Comprehensive Assistance Package for "
            "Ukraine, used to buy medical kits, fuel and winter boots. Of the €2 billion Belgium set aside for "
            "Ukraine, some €900 million has been spent so far.",
            [("pledge", "BE", "funding", None)],
        ),
        # what a donor buys "for the Army", "to rebuild a tank battalion", or under contracts "that Poland has signed"
        # is its own; guns "financed by Ukraine itself" are a sale; an op-ed's "First, put…" demands
        (
            "Denmark is buying 40 new CV90s for the Army. Norway intends to order 54 K9 howitzers to re-equip an "
            "artillery battalion. The contracts for K2 tanks and Apache helicopters that Poland has signed are large. "
            "A contract for 12 more Caesar guns is being financed by Ukraine itself rather than by Paris. Second, put "
            "Dutch money into the drone coalition.",
            [],
        ),
        # what reads as a promise of "its Mi-8 transport helicopters" is the handover the sentence counts
        (
            "Croatia keeps most details of its aid secret. One of the few transfers made public was its Mi-8 "
            "transport helicopters: last year Croatia handed all 14 of them over to Ukraine.",
            [("delivery", "HR", "helicopters", 14)],
        ),
        # "New Zealand dollars" name a currency and no giver; a list of "what it needs most" is asked for
        (
            "Australia committed 50 million Australian dollars and New Zealand 15 million New Zealand dollars to "
            "the PURL pool. Ukraine lists what it needs most, mainly interceptors and shells, and allies pool money "
            "so NATO can buy them from American stocks.",
            [("pledge", "AU", "funding", None), ("pledge", "NZ", "funding", None)],
        ),
        # sums in words ("five hundred thousand euros"); what "that money supports" is no item; "there is talk of"
        # a package not agreed
        (
            "In April Croatia decided to contribute to NATO's Comprehensive Assistance Package for Ukraine, with five "
            "hundred thousand euros. That money supports non-lethal needs, from fuel to medical kits. In Brussels "
            "there is talk of a European package worth up to twenty billion euros.",
            [("pledge", "HR", "funding", None)],
        ),
        # "Mi-24V gunships" are helicopters, and "all eight of them have since been handed over" are those
        (
            "Last August the Czech ministry said Ukraine would receive the Mi-24V gunships the air force had retired. "
            "All eight of them have since been handed over.",
            [("pledge", "CZ", "helicopters", None), ("delivery", "CZ", "helicopters", 8)],
        ),
        # a pool collecting "other people's money", what it "will be spent on", what officials "had located" or
        # "hinted that" is available, and what "from the initiative" has reached Ukraine are no donor's facts
        (
            "Prague has been collecting other people's money to buy shells for Ukraine. The Czech cabinet set aside "
            "866 million crowns for the ammunition initiative. It will be spent on shells from a Czech maker. "
            "Officials had located some 800,000 rounds outside Europe. About 50,000 shells from the initiative have "
            "so far reached Ukraine. Officials hinted that more shells are available.",
            [("pledge", "CZ", "ammunition", None)],
        ),
        # a sum "announced" is given; "weapons stocks" are where weapons are kept, not weapons given; financing
        # "for Ukraine and 18 of its neighbours" is many states' sum
        (
            "Sweden announced EUR 20 million to strengthen Ukraine's defence industry. An official said that for a "
            "country without weapons stocks, paying for production is the best contribution. Washington announced "
            "$2 billion in military financing for Ukraine and 18 of its neighbours.",
            [("pledge", "SE", "funding", None)],
        ),
        # "tele-operated munitions" are drones; "artillery spotting" is what the drones given are used for
        (
            "France will order one hundred tele-operated munitions for Ukraine. Last year 150 French drones were "
            "delivered to Ukrainian units, where they are used for artillery spotting.",
            [("pledge", "FR", "drones", 100), ("delivery", "FR", "drones", 150)],
        ),
        # a myths page's "MYTH:" line is what it tests; a course "completed" or being run for Ukrainians is given;
        # what a country "will not hand over" is refused; "artillery needs" are no artillery
        (
            "MYTH: Irish money is buying missiles for Ukraine.\nFACT: Ireland abstains on lethal aid. Six Irish "
            "instructors completed a demining course for Ukrainian personnel in Cyprus last month. Britain is "
            "already running the basic courses for Ukrainian recruits. Portugal will not hand over its own F-16s. "
            "Lisbon has made commitments that touch Ukraine's artillery needs.",
            [("delivery", "IE", "training", None), ("delivery", "GB", "training", None)],
        ),
        # what a donor ordered "for our air force" or buys "for the Royal Danish Army" is its own; who is "told" is
        # the audience; a "NATO CAP Trust Fund" is where the money goes; money for Moldova's fund is no aid to
        # Ukraine
        (
            "The F-16s Bulgaria has ordered for our air force stay here. Lot A: 115 vehicles for the Royal Danish "
            "Army. The Romanian minister told EU colleagues that the government had decided to send fuel. Romania "
            "paid USD 400,000 into the NATO CAP Trust Fund for Ukraine. Romania gave USD 600,000 to Moldova's "
            "defence fund.",
            [("pledge", "RO", "other-equipment", None), ("pledge", "RO", "funding", None)],
        ),
        # money paid into a fund "to buy weapons and ammunition" is funding; what units lose every week is a
        # battlefield figure; what a fund ordered "belongs to the pool"
        (
            "New Zealand will pay NZ$6.5 million into the International Fund for Ukraine to buy weapons and "
            "ammunition. Units report losing radios and routers every week to drones. Over the next year the fund "
            "placed orders for drones and spare parts, but those orders belong to the pool, not to any one donor.",
            [("pledge", "NZ", "funding", None)],
        ),
        # "Grad rockets" are munitions; diesel is equipment, and the tanks and generators it runs are not given;
        # what "from that fund NATO will buy" is the pool's; "40 percent of the diesel" counts nothing
        (
            "Luxembourg ordered 6,000 Grad rockets for Ukraine. Slovakia also sent 2.4 million litres of diesel, the "
            "fuel that tanks, trucks and generators run on. Belgium paid EUR 8 million into NATO's assistance fund "
            "for Ukraine. From that fund NATO will buy first-aid kits and winter clothing. Bulgarian refineries "
            "supplied at times some 40 percent of the diesel its vehicles burned.",
            [
                ("pledge", "LU", "ammunition", 6000),
                ("delivery", "SK", "other-equipment", None),
                ("pledge", "BE", "funding", None),
                ("pledge", "BG", "other-equipment", None),
            ],
        ),
        # the day "your request was received" hands nothing over
        (
            "- 21st package: approved by Finland on 21 December 2023, the day before your request was received; "
            "estimated value approximately EUR 106 million.",
            [("pledge", "FI", "other-equipment", None)],
        ),
        # what a minister says the country "will hand … to Ukraine" is promised
        (
            "On 13 October Defence Minister Helena Carreiras told reporters that the country will hand all six of its "
            "Kamov helicopters to Ukraine.",
            [("pledge", "PT", "helicopters", 6)],
        ),
        # what "it includes", after help that "has arrived", was handed over with it
        (
            "Slovakia's defence ministry says the first help has arrived. It includes 12,000 rounds of 120mm "
            "ammunition.",
            [("delivery", "SK", "ammunition", 12000)],
        ),
        # what a conference's participants "together committed" is their total, no one donor's
        (
            "Denmark will send 130 instructors to train Ukrainian recruits in Britain. (3) The participants of that "
            "conference together committed more than EUR 1.5 billion to Ukraine's military needs, to be spent on "
            "weapons.",
            [("pledge", "DK", "training", None)],
        ),
        # money paid into the Czech-led initiative or the EU's joint procurement is funding, whatever they buy
        (
            "Norway's contribution of up to NOK 1.6 billion to the Czech-led ammunition initiative stands. The "
            "Netherlands will pay €130 million into the EU's joint procurement of artillery shells for Ukraine.",
            [("pledge", "NO", "funding", None), ("pledge", "NL", "funding", None)],
        ),
        # money for a food initiative is no military aid
        (
            "That is why Belgium is providing 20 million euros to the Grain from Ukraine food initiative.",
            [],
        ),
        # training that "has started" or "began" is training given
        (
            "Romania began training Ukrainian pilots on Monday.",
            [("delivery", "RO", "training", None)],
        ),
        # a brief's recommendation to donors gives nothing
        (
            "Luxembourg has handed over 102 anti-tank missiles. Recommendations:\n- Small donors should pool their "
            "purchasing cells with those of larger partners rather than compete for scarce stocks of ammunition.",
            [("delivery", "LU", "ammunition", 102)],
        ),
        # to "take part in training" pilots is to train them; helicopters "now in Ukrainian service" were handed over;
        # overall aid that "will approach" a sum since 2022 is a running total
        (
            "Greece announced that it will take part in training Ukrainian pilots on F-16 fighter aircraft. The Chair "
            "took note of Croatia's earlier transfer of fourteen Mi-8 transport helicopters, now in Ukrainian service. "
            "Croatia said its overall military assistance to Ukraine since February 2022 will approach EUR 200 "
            "million.",
            [("pledge", "GR", "training", None), ("delivery", "HR", "helicopters", 14)],
        ),
        # launchers "for" a system count it; what "went to Ukraine" was handed over, and "further" lorries are more
        # than the radars before them; a company's "air-defence supply chain" is no aid
        (
            "Germany sent two launchers for the IRIS-T SLS. Ten ground surveillance radars are now shown as delivered. "
            "Further tractor units with semi-trailers went to Ukraine. We build cabling for the air-defence supply "
            "chain.",
            [
                ("delivery", "DE", "IRIS-T SLM/SLS", 2),
                ("delivery", "DE", "other-equipment", 10),
                ("delivery", "DE", "other-equipment", None),
            ],
        ),
        # what allies send a neighbour "to guard its own airspace" is no aid to Ukraine
        (
            "Slovakia, for its part, gets Patriot batteries sent by Germany, the Netherlands and the United States to "
            "guard its own airspace.",
            [],
        ),
        # money paid "through" a named fund is funding, whatever the fund buys with it
        (
            "In late June New Zealand committed a further NZ$4.5 million through the NATO Comprehensive Assistance "
            "Package trust fund for priority non-lethal military supplies, such as first-aid kits, fuel and rations.",
            [("pledge", "NZ", "funding", None)],
        ),
        # ministers who "talked about possible future cooperation" promised nothing; "it will be the first time" remarks
        (
            "Bulgaria will give Ukraine about 100 armoured personnel carriers. In Odesa, the two ministers also talked "
            "about possible future cooperation: strengthening Ukraine's air defence, training Ukrainian troops in "
            "Bulgaria and treating wounded soldiers in Sofia hospitals.",
            [("pledge", "BG", "ifv-apc", 100)],
        ),
        (
            "Bulgaria has handed over body armour. It will be the first time Sofia sends armoured vehicles to Kyiv "
            "directly rather than through intermediaries.",
            [("delivery", "BG", "other-equipment", None)],
        ),
        # money paid "to the coalition that is building" a capability is funding, given whole
        (
            "Canada will make a new contribution of $60 million to the coalition that is building Ukraine's F-16 "
            "capability. On 19 February Canada announced the donation of more than 800 SkyRanger drones.",
            [("pledge", "CA", "funding", None), ("pledge", "CA", "drones", 800)],
        ),
        # a sum "set out" for repairing vehicles is upkeep given (not the repair of a power grid)
        (
            "The Defence Secretary set out £160 million for repairing and maintaining vehicles and equipment already "
            "in Ukrainian service. Britain also sent equipment for repairing the power grid.",
            [("pledge", "GB", "maintenance", None)],
        ),
        # who started a coalition is not who pays into it
        (
            "Lithuania sent generators to Ukraine. In May the government set aside 13.5 million euros to buy four air "
            "surveillance radars for Ukraine, our contribution to the air defence coalition that Germany started.",
            [("delivery", "LT", "other-equipment", None), ("pledge", "LT", "other-equipment", 4)],
        ),
        # drones that "reached the Defence Forces of Ukraine" were handed over
        (
            "Latvia's drones: earlier this month, about 500 drones reached the Defence Forces of Ukraine.",
            [("delivery", "LV", "drones", 500)],
        ),
        # a list line naming only its topic ("- Drones, again.") gives way to the prose after it; who makes the things
        # told gives nothing; "a drone that can stay in the air" is any one of its kind, counting none
        (
            "- Drones, again. Slovenia has sent Ukraine a new consignment of Bramor reconnaissance drones this year. "
            "These small unmanned aircraft are made by the company C-Astral in Ajdovščina.\n- This follows an earlier "
            "batch of the same drones, which Slovenia sent to Ukraine last year.\n\nFor the families of our "
            "defenders the Bramor matters: a reconnaissance drone that can stay in the air for hours means fewer "
            "soldiers sent forward on foot.",
            [("delivery", "SI", "drones", None), ("delivery", "SI", "drones", None)],
        ),
        # to train Ukrainian specialists, sappers or deminers is training
        (
            "Iceland offered to lead a Nordic project to train Ukrainian specialists in disposing of explosive "
            "ordnance.",
            [("pledge", "IS", "training", None)],
        ),
        # what support "could reach" next year is a forecast
        (
            "Officials say Luxembourg's support in 2026 could reach at least €100 million, with more drones likely to "
            "be on the list, but no package has been decided yet.",
            [],
        ),
        # what a coalition bought "across all its members" is their total
        (
            "Across all its members, the coalition had purchases worth €303 million under way and €92.4 million "
            "already delivered, and Luxembourg's own payments into it added up to €17.5 million.",
            [],
        ),
        # a page that says what it lists gives nothing itself
        (
            "This page lists, oldest first, the decisions by which the Netherlands has paid for ammunition through "
            "joint schemes rather than from its own depots.",
            [],
        ),
        # what a donor "has been buying from" an ally is its own
        (
            "The donated unit is one of the Patriot systems that Romania has been buying from the United States under "
            "a 2017 agreement worth about four billion dollars.",
            [],
        ),
        # each verb of a list of verbs tells its own news ("delivered …, allocated …"), but a thing described
        # (", announced last month at a cost of…") keeps its sum
        (
            "Lithuania delivered 155mm shells in March, allocated EUR 35 million to the Czech ammunition initiative in "
            "March. Canada is also paying for a NASAMS air defence battery, announced last month at a cost of C$406 "
            "million.",
            [("delivery", "LT", "ammunition", None), ("pledge", "LT", "funding", None), ("pledge", "CA", "NASAMS", 1)],
        ),
        # the crews who will use drones are neither given nor trained
        (
            "Germany will supply 300 reconnaissance drones, to help artillery crews find targets.",
            [("pledge", "DE", "drones", 300)],
        ),
        # arms a donor pays to have made are its funding, whatever was named before; what a sentence "also" adds is
        # no vaguer item told again
        (
            "Canada announced 30 trucks.\n\nGermany will finance the manufacture of long-range weapon systems by "
            "Ukrainian industry.",
            [("pledge", "CA", "other-equipment", 30), ("pledge", "DE", "funding", None)],
        ),
        (
            "The United States will send more ammunition for HIMARS and HARM missiles. It also includes 1,000 "
            "precision-guided artillery rounds.",
            [("pledge", "US", "ammunition", None), ("pledge", "US", "ammunition", 1000)],
        ),
        # what leaves for Ukraine has been sent
        (
            "A train carrying 20 BMP-1 vehicles from the Czech Republic departed for Ukraine on Monday.",
            [("delivery", "CZ", "ifv-apc", 20)],
        ),
        # what "went east" was handed over, whatever word the sources that report it use
        (
            "[01:50] Poland has handed Ukraine 200 T-72 tanks.\n\n[13:15] What else went east: the same sources list "
            "2S1 Gvozdika self-propelled howitzers.",
            [("delivery", "PL", "T-72", 200), ("delivery", "PL", "artillery", None)],
        ),
        # what a package's figure leaves out is no part of it, and what stays off the table is not given
        (
            "Sweden will send Ukraine 50 CV90 infantry fighting vehicles and the Archer artillery system. The minister "
            "put the package at SEK 4.3 billion, a figure that leaves out the Archer guns. Gripen should stay off "
            "the table for now, though planners ought to study a transfer.",
            [("pledge", "SE", "CV90", 50), ("pledge", "SE", "Archer", None)],
        ),
        # what trainees learn to operate and maintain is not given
        (
            "Spanish instructors will train Ukrainian soldiers and technicians in operating and maintaining the Hawk "
            "from November.",
            [("pledge", "ES", "training", None)],
        ),
        # a thing named again at the start of a sentence is not named better for its capital letter
        (
            "Japan agreed to give Ukraine bulletproof vests and tents. Body armour counts as defence equipment under "
            "Japan's rules for transferring arms abroad.",
            [("pledge", "JP", "other-equipment", None)] * 2,
        ),
        # what "has gone to Ukraine" or is "already in Ukrainian hands" was handed over, and a clause without a verb
        # joined by "and" to one with a verb is of its kind; four-by-fours are vehicles
        (
            "Luxembourg's protective kit is counted in the thousands: 2,000 gas masks, and separately 4,000 filters "
            "for them, have gone to Ukraine. The list also shows ten satellite phones and seven four-by-fours already "
            "in Ukrainian hands.",
            [("delivery", "LU", "other-equipment", count) for count in (2000, 4000, 10, 7)],
        ),
        # a question's premise, what a named official said, is told as said; the question itself asks
        (
            "Q: Secretary Austin told reporters today that the Czech Republic has handed over attack helicopters. Is "
            "Denmark in step with the others?\n\nQ: Minister Bodskov said that Denmark will send Harpoon missiles?",
            [("delivery", "CZ", "helicopters", None)],
        ),
        # the answer to "What else is in the package?" lists the package's things (not the answer to another question)
        (
            "DR. KAHL: Today the United States authorized a new drawdown for Ukraine.\n\nQ: What else is in the "
            "package on the armor side?\n\nDR. KAHL: There are 32 Bradley infantry fighting vehicles.",
            [("pledge", "US", "M2 Bradley", 32)],
        ),
        (
            "DR. KAHL: Today the United States authorized a new drawdown for Ukraine.\n\nQ: Is the war going well?\n\n"
            "DR. KAHL: There are 32 Stryker armored personnel carriers at the front.",
            [],
        ),
        # aid told in general words, then item by item in the next sentence
        (
            "The Japanese government decided on 4 March to provide Ukraine with equipment and supplies. The items are "
            "bulletproof vests, helmets and tents.",
            [("pledge", "JP", "other-equipment", None)] * 3,
        ),
        # "All eight have now been handed over": all the things just promised
        (
            "Ottawa promised four Leopard 2A4s in January and another four in February. All eight have now been "
            "handed over.",
            [
                ("pledge", "CA", "Leopard 2A4", 4),
                ("pledge", "CA", "Leopard 2A4", 4),
                ("delivery", "CA", "Leopard 2A4", 8),
            ],
        ),
        # (but ammunition for the howitzers already in Ukrainian hands is still to come)
        (
            "Canada will also send more ammunition for the M777 howitzers already in Ukrainian hands.",
            [("pledge", "CA", "ammunition", None)],
        ),
    ],
)
def test_sentences_are_read_for_who_gives_what(seed_record, article, text, expected):
    output, _ = run(article(text), "--published", "2024-08-05")
    found = [(p["kind"], p["donor"], p["system"] or p["category"], p["quantity"]) for p in output["proposals"]]
    assert found == expected


def test_givers_named_after_a_sum_put_in_give_their_own_sums_in_its_money(seed_record, article):
    output, _ = run(article("Denmark put in 125 million euros, Sweden 20 million and Iceland 2.7 million."))
    found = [(p["donor"], p["category"], p["quantity"], p["value"], p["currency"]) for p in output["proposals"]]
    assert found == [
        ("DK", "funding", None, "125000000.00", "EUR"),
        ("SE", "funding", None, "20000000.00", "EUR"),
        ("IS", "funding", None, "2700000.00", "EUR"),
    ]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Norway will hand Ukraine 20 armoured vehicles.", "pledge"),
        ("Norway is offering 20 armoured vehicles.", "pledge"),
        ("Norway is stepping up with 20 armoured vehicles.", "pledge"),
        ("Norway will rush 20 armoured vehicles to Ukraine.", "pledge"),
        ("Norway has released 20 armoured vehicles from its stocks for Ukraine.", "pledge"),
        ("Norway has acquired 20 armoured vehicles for Ukraine.", "pledge"),
        ("Oslo will cover the cost of 20 armoured vehicles for Ukraine.", "pledge"),
        ("Oslo has bankrolled 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway stepped up its aid with 20 armoured vehicles.", "pledge"),
        ("Norway added 20 armoured vehicles to its aid for Ukraine.", "pledge"),
        ("Norway will also add 20 armoured vehicles.", "pledge"),
        ("Norway plans to send 20 armoured vehicles.", "pledge"),
        ("Norway green-lit 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway has given the green light for 20 armoured vehicles.", "pledge"),
        ("Norway cleared the way for 20 armoured vehicles to go to Ukraine.", "pledge"),
        ("Norway will gift Ukraine 20 armoured vehicles.", "pledge"),
        ("Norway is readying 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway has secured 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway has topped up its aid with 20 armoured vehicles.", "pledge"),
        ("Twenty armoured vehicles are heading to Ukraine from Norway.", "delivery"),
        ("Ukraine is to receive 20 armoured vehicles from Norway.", "pledge"),
        ("Ukraine will be given 20 armoured vehicles by Norway.", "pledge"),
        ("Norway is preparing 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway handed 20 armoured vehicles to Ukraine's army.", "delivery"),
        ("Norway transferred 20 armoured vehicles to Ukraine in March.", "delivery"),
        ("Twenty Norwegian armoured vehicles arrive in Ukraine.", "delivery"),
        ("Deliveries of the 20 Norwegian armoured vehicles are complete.", "delivery"),
        ("Norway has fulfilled its pledge of 20 armoured vehicles.", "delivery"),
        ("Ukrainian soldiers took possession of 20 Norwegian armoured vehicles.", "delivery"),
        ("Ukraine's army has put 20 Norwegian armoured vehicles into service.", "delivery"),
        ("The 20 Norwegian armoured vehicles are now in use by the Ukrainian army.", "delivery"),
        ("Norway flew 20 armoured vehicles to Ukraine.", "delivery"),
        ("Twenty Norwegian armoured vehicles rolled into Ukraine on Friday.", "delivery"),
        ("In 2022 Norway did transfer 20 armoured vehicles to Ukraine.", "delivery"),
        ("Oslo is adding 20 armoured vehicles for the Ukrainian army.", "pledge"),
        ("Norway fast-tracks 20 armoured vehicles to Ukraine.", "pledge"),
        ("Norway unlocks 20 armoured vehicles for Ukraine.", "pledge"),
        ("Norway's 20 armoured vehicles have landed in Ukraine.", "delivery"),
        ("The 20 armoured vehicles from Norway are now at the front.", "delivery"),
        ("Ukraine obtained 20 armoured vehicles from Norway.", "delivery"),
        ("20 armoured vehicles donated by Norway are in service with a Ukrainian brigade.", "delivery"),
        ("Deliveries of 20 Norwegian armoured vehicles began in July.", "delivery"),
        ("Ukraine now has 20 armoured vehicles from Norway.", "delivery"),
        ("Ukraine was handed 20 armoured vehicles by Norway.", "delivery"),
        ("The handover of 20 Norwegian armoured vehicles took place on Monday.", "delivery"),
        ("Twenty armoured vehicles from Norway are already in use on the front.", "delivery"),
        ("Ukrainian troops are already fighting with 20 Norwegian armoured vehicles.", "delivery"),
        ("The vote follows last month's arrival in Ukraine of 20 armoured vehicles funded by Norway.", "delivery"),
    ],
)
def test_the_verbs_of_giving_that_texts_use_are_read(seed_record, article, sentence, kind):
    output, _ = run(article(sentence), "--published", "2024-08-07")
    assert [(p["kind"], p["donor"], p["category"], p["quantity"]) for p in output["proposals"]] == [
        (kind, "NO", "ifv-apc", 20)
    ]


def test_models_the_record_holds_no_system_for_are_named_with_their_category(seed_record, article):
    text = "Norway will send ten Fenneks, two Kub batteries and 40 MT-LBs. Slovakia will send S-300 missiles."
    output, _ = run(article(text), "--published", "2024-05-08")
    found = [(p["donor"], p["category"], p["system"], p["quantity"]) for p in output["proposals"]]
    # (missiles named after their system are munitions for it)
    assert found == [
        ("NO", "ifv-apc", None, 10),
        ("NO", "air-defence", None, 2),
        ("NO", "ifv-apc", None, 40),
        ("SK", "ammunition", None, None),
    ]


def test_a_promise_a_thing_is_described_by_dates_it_and_no_new_promise_after_it(seed_record, article):
    # the relative clause's own month dates the six tanks and nothing after them; repairs "so that they can be
    # handed over" are what the work is for, no speculation nor handover; the speaker's "would like to recall"
    # puts no future on what was sent
    output, _ = run(
        article(
            "The six Leopard 2A4 tanks that Spain promised Ukraine in January are ready. In addition, Spain will "
            "deliver 20 M113 vehicles, and a further four Leopard 2A4 tanks are being repaired so that they can be "
            "handed over soon. I would also like to recall that in November we sent four Hawk launchers."
        ),
        "--published",
        "2023-04-12",
    )
    assert [
        (p["kind"], p["system"] or p["category"], p["quantity"], p["date"], p["date_precision"])
        for p in output["proposals"]
    ] == [
        ("pledge", "Leopard 2A4", 6, "2023-01-01", "month"),
        ("pledge", "M113", 20, "2023-04-12", "day"),
        ("pledge", "Leopard 2A4", 4, "2023-04-12", "day"),
        ("delivery", "air-defence", 4, "2022-11-01", "month"),
    ]


def test_an_explainer_s_centrepiece_counts_after_their_thing_and_a_tally_s_contents(seed_record, article):
    # a package's centrepiece is given; "Two were handed over", "The other two were promised" count the simulators
    # just named; what a tally covers is no fact; instructors who keep training Ukrainians have trained them
    output, _ = run(
        article(
            "Canada's centrepiece is twenty-five more LAV III light armoured vehicles. Canada will also hand over two "
            "armoured combat support vehicles. Trudeau spoke of four F-16 flight simulators, but not all four are new. "
            "Two were handed over in December. The other two were promised by Bill Blair earlier this month. That "
            "figure covers everything from tanks and howitzers to training. Canada also keeps training Ukrainian "
            "soldiers."
        ),
        "--published",
        "2025-02-25",
    )
    assert [
        (p["kind"], p["donor"], p["category"], p["quantity"], p["date"], p["date_precision"])
        for p in output["proposals"]
    ] == [
        ("pledge", "CA", "ifv-apc", 25, "2025-02-25", "day"),
        ("pledge", "CA", "ifv-apc", 2, "2025-02-25", "day"),
        ("delivery", "CA", "other-equipment", 2, "2024-12-01", "month"),
        ("pledge", "CA", "other-equipment", 2, "2025-02-01", "month"),
        ("delivery", "CA", "training", None, "2025-02-25", "on_or_before"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a tally counts, the next sentence may count again
        (
            "The United States will send four more HIMARS launchers. The four new launchers bring the number of "
            "HIMARS pledged by Washington to 12. Eight of them are already in Ukraine.",
            [("pledge", "M142 HIMARS", 4), ("delivery", "M142 HIMARS", 8)],
        ),
        # counted launchers are the system named, not its rockets; instructors "training Ukrainian recruits" after a
        # comma are training them
        (
            "Britain will send three M270 launchers and M31A1 rockets. Three launchers are now with Ukrainian units. "
            "British instructors are in Yorkshire right now, training Ukrainian recruits.",
            [
                ("pledge", "M270 MLRS", 3),
                ("pledge", "ammunition", None),
                ("delivery", "M270 MLRS", 3),
                ("delivery", "training", None),
            ],
        ),
    ],
)
def test_a_count_standing_alone_counts_the_thing_just_named(seed_record, article, text, expected):
    output, _ = run(article(text), "--published", "2022-08-12")
    assert [(p["kind"], p["system"] or p["category"], p["quantity"]) for p in output["proposals"]] == expected


def test_a_minister_s_arrival_dates_her_announcement_and_an_open_question_gives_nothing(seed_record, article):
    output, _ = run(
        article(
            "Arriving in Brussels on Wednesday, Defence Minister Kajsa Ollongren said the Netherlands would supply "
            "Ukraine with 20 trucks. The harder question - whether Europe's stocks of interceptors can keep pace with "
            "Russia's supply of missiles - will not be answered soon."
        ),
        "--published",
        "2022-10-15",
    )
    assert [(p["donor"], p["category"], p["quantity"], p["date"]) for p in output["proposals"]] == [
        ("NL", "other-equipment", 20, "2022-10-12")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Canada has pledged 50 armoured vehicles, 20 of which have been delivered.",
        "The 50 armoured vehicles that Canada pledged are being built in London, and 20 of them have now arrived.",
        "Of the 50 armoured vehicles Canada pledged, 20 have arrived.",
    ],
)
def test_the_part_of_a_promise_handed_over_is_a_handover_of_its_own(seed_record, article, text):
    output, _ = run(article(text), "--published", "2025-10-22")
    assert [(p["kind"], p["quantity"], p["date"], p["date_precision"]) for p in output["proposals"]] == [
        ("pledge", 50, "2025-10-22", "on_or_before"),
        ("delivery", 20, "2025-10-22", "on_or_before"),
    ]


def test_a_list_of_that_package_takes_the_day_the_package_was_told(seed_record, article):
    text = (
        "Last night the United States approved another drawdown for Ukraine worth up to $100 million: more Javelin "
        "anti-armor missiles. I'd also point you back to what we put out on Friday. For those who have not gone "
        "through the list, that package will pay for:\n- armored Humvees;\n- machine guns."
    )
    output, _ = run(article(text), "--published", "2022-04-06")
    found = [(p["category"], p["date"]) for p in output["proposals"]]
    assert found == [("small-arms", "2022-04-05"), ("other-equipment", "2022-04-01"), ("small-arms", "2022-04-01")]


def test_a_list_line_naming_its_donor_before_a_colon_gives_its_sum(seed_record, article):
    text = (
        "The pledges are starting to come in. According to the figures the ministry is putting out:\n"
        "- Norway: a further $20 million for 2025;\n- Canada: $24.5 million;\n- Latvia: more than €270,000."
    )
    output, _ = run(article(text), "--published", "2024-10-17")
    found = [(p["donor"], p["category"], p["value"]) for p in output["proposals"]]
    assert found == [("NO", "funding", "20000000.00"), ("CA", "funding", "24500000.00"), ("LV", "funding", "270000.00")]
    # (and a live blog's entry so written)
    entry = "15:30 – Norway: 5,000 shells and NOK 200 million for drones."
    output, _ = run(article(entry), "--published", "2024-10-17")
    assert [(p["donor"], p["category"]) for p in output["proposals"]] == [("NO", "ammunition"), ("NO", "drones")]


def test_a_pledge_made_before_the_report_and_training_to_start_later_are_dated_so(seed_record, article):
    text = (
        "Germany has contributed 10 million pounds to the fund. Starting in November, Spanish instructors will train "
        "Ukrainian soldiers in the operation and maintenance of the Hawk system."
    )
    output, _ = run(article(text), "--published", "2023-10-11")
    found = [(p["donor"], p["category"], p["date"], p["date_precision"]) for p in output["proposals"]]
    # ("has contributed": on or before the report; November is when training starts, not when it was promised; what
    # the soldiers learn to maintain is no maintenance given)
    assert found == [("DE", "funding", "2023-10-11", "on_or_before"), ("ES", "training", "2023-10-11", "day")]


@pytest.mark.parametrize(
    "lines",
    [
        "| Item | Quantity |\n|---|---|\n| Armoured vehicles | 20 |\n| Artillery rounds | 5,000 |",
        "Armoured vehicles — 20\nArtillery rounds — 5,000",
    ],
)
def test_a_count_after_its_item_in_a_table_or_after_a_dash_is_read(seed_record, article, lines):
    output, _ = run(article(f"Norway's new package includes:\n{lines}"), "--published", "2024-05-08")
    assert [(p["category"], p["quantity"]) for p in output["proposals"]] == [("ifv-apc", 20), ("ammunition", 5000)]


def test_a_table_s_item_may_follow_an_area_s_name_and_a_row_may_hold_one_cell(seed_record, article):
    text = (
        "Sweden's package 21 contains:\n"
        "Area        | What Sweden will provide     | Allocation\n"
        "Sustainment | Grenade launchers from stocks | SEK 3.0 billion\n"
        "            | Spare parts                  |\n"
        "            | Training of Ukrainian crews   |"
    )
    output, _ = run(article(text), "--published", "2026-02-19")
    assert [p["category"] for p in output["proposals"]] == ["small-arms", "maintenance", "training"]


@pytest.mark.parametrize(
    "things",
    ["artillery-locating radars", "tank transporters", "bridging systems", "engines", "jamming equipment",
     "heating equipment", "gas mask filters"],
)  # fmt: skip
def test_kit_is_named_in_the_words_texts_use(seed_record, article, things):
    output, _ = run(article(f"Norway will send 20 {things} to Ukraine."), "--published", "2024-05-08")
    assert [(p["category"], p["quantity"]) for p in output["proposals"]] == [("other-equipment", 20)]


@pytest.mark.parametrize("same", ["the same number of", "as many"])
def test_the_same_number_again_is_the_count_before(seed_record, article, same):
    text = f"Denmark will send 500 machine guns and {same} sniper rifles."
    output, _ = run(article(text), "--published", "2023-10-12")
    assert [p["quantity"] for p in output["proposals"]] == [500, 500]


def test_a_modifier_shares_the_noun_after_its_list(seed_record, article):
    text = "Canada will buy drone, counter-drone and electronic warfare capabilities."
    output, _ = run(article(text), "--published", "2025-08-24")
    assert [p["category"] for p in output["proposals"]] == ["drones", "air-defence", "other-equipment"]


@pytest.mark.parametrize(
    "name, system",
    [
        ("M777A2 howitzers", "M777"),
        ("CV9040 vehicles", "CV90"),
        ("M1A1 tanks", "M1 Abrams"),
        # (the record's alias "Iris-T SLM air defence system" of IRIS-T SLM/SLS opens with IRIS-T SLM's own name)
        ("IRIS-T SLM air defence systems", "IRIS-T SLM"),
    ],
)
def test_a_variant_named_alone_is_its_system(seed_record, article, name, system):
    output, _ = run(article(f"Norway will send 20 {name} to Ukraine."), "--published", "2024-08-07")
    assert [p["system"] for p in output["proposals"]] == [system]


def test_a_list_line_s_sum_after_its_colon_is_its_first_item_s(seed_record, article):
    text = (
        "Denmark's package is worth DKK 5.6 billion and contains:\n- Air defence systems and missiles, procured with "
        "allies: DKK 1.9 billion\n- Maintenance and repair of materiel already donated: DKK 350 million"
    )
    output, _ = run(article(text), "--published", "2024-05-16")
    found = [(p["category"], p["value"]) for p in output["proposals"]]
    # (what is repaired was given before: no item of this package)
    assert found == [("air-defence", "1900000000.00"), ("ammunition", None), ("maintenance", "350000000.00")]


@pytest.mark.parametrize(
    "text",
    [
        "The Netherlands, Denmark and Norway will send a total of 40 armoured vehicles to Ukraine.",
        "The Netherlands, Denmark and Norway have agreed to donate 40 armoured vehicles to Ukraine.",
    ],
)
def test_a_total_several_donors_send_is_one_fact_of_theirs(seed_record, article, text):
    output, _ = run(article(text), "--published", "2024-08-07")
    assert [(p["donor"], p["quantity"], p["co_funders"]) for p in output["proposals"]] == [("NL", 40, ["DK", "NO"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the article's own government gives, whoever runs the fund it pays into
        (
            "Australia will send 20 trucks. The government said it would give A$50 million to a pooled fund run by "
            "Britain's Ministry of Defence.",
            [("AU", "other-equipment", None), ("AU", "funding", "50000000.00")],
        ),
        (
            "Luxembourg would add €10 million (about $11.4 million) to its support this year.",
            [("LU", "funding", "10000000.00")],
        ),
        ("The Hague had already put 500 million euros towards drones for Ukraine.", [("NL", "drones", "500000000.00")]),
        (
            "Norway on Thursday launched a five-year support programme for Ukraine worth 75 billion crowns.",
            [("NO", "other-equipment", "75000000000.00")],
        ),
        ("It follows a $150 million drawdown that Washington unveiled.", [("US", "other-equipment", "150000000.00")]),
        # (vehicles put back into service are mended, not paid for)
        ("Our planners think Britain could put 3,000 vehicles back into service.", []),
        # a capability coalition is a pool its members pay into
        ("Latvia has committed 20 million euros to the drone coalition.", [("LV", "funding", "20000000.00")]),
        # a sum "worth" names the thing before it, not the one after (nor "weapons worth…, including" a package's)
        (
            "Lithuania will provide Ukraine with ammunition worth €10 million and 10 M577 command vehicles.",
            [("LT", "ammunition", "10000000.00"), ("LT", "ifv-apc", None)],
        ),
        (
            "Britain will deliver air defence equipment to Ukraine worth £70 million.",
            [("GB", "air-defence", "70000000.00")],
        ),
        # a list's line giving the package's value is its total, no funding
        (
            "Denmark will send radars and anti-aircraft guns to Ukraine.\nFinancing at a glance:\n- Value of the "
            "package: approx. DKK 800 million",
            [("DK", "other-equipment", None), ("DK", "air-defence", None)],
        ),
        # a sum a thing comes on top of is not the thing's (but a sum given on top of another is given)
        (
            "Belgium will deliver 30 F-16 fighter jets to Ukraine by 2028, on top of about $1 billion in military "
            "assistance this year.",
            [("BE", "fighter-jets", None)],
        ),
        (
            "The new money comes on top of the 400 million crowns that Norway promised to the fund in April.",
            [("NO", "funding", "400000000.00")],
        ),
        # the same sum in another currency is no second sum paid into the pool
        ("Iceland committed one billion krónur, roughly $8 million, to PURL.", [("IS", "funding", "1000000000.00")]),
        # what a share of a sum goes on is no item of a package the sum totals: the sum stays given
        (
            "Norway has set aside NOK 6.7 billion to support the Maritime Capability Coalition. Part of that funding "
            "will go to the production of uncrewed surface vessels for Ukraine.",
            [("NO", "funding", "6700000000.00"), ("NO", "drones", None)],
        ),
        # money to buy arms in general, ammunition beside them, is funding (ammunition alone is ammunition)
        (
            "Germany will give 500 million euros to buy weapons and ammunition for Ukraine.",
            [("DE", "funding", "500000000.00")],
        ),
        ("Germany will give 500 million euros to buy ammunition for Ukraine.", [("DE", "ammunition", "500000000.00")]),
        # a sum told again in another currency is no sum of its own, and money to buy arms and their upkeep in
        # general is funding
        (
            "Norway will give Ukraine a grant of up to NOK 1.3 billion (about 110 million euros) to buy weapons and "
            "spare parts for its F-16 fighter jets.",
            [("NO", "funding", "1300000000.00")],
        ),
        # a sum put into something is paid in: funding
        (
            "Norway will put 1.5 billion kroner - about $135 million - into the package.",
            [("NO", "funding", "1500000000.00")],
        ),
        # "Its value is put at…" after a package is the package's value
        (
            "Finland approved its 32nd defence materiel package for Ukraine. Its value is put at about €43 million.",
            [("FI", "other-equipment", "43000000.00")],
        ),
        # money paid into a pool after a colon is the pool's, and ends the sum before it without being a package
        (
            "Latvia will provide military support worth 112 million euros this year. We will also keep paying into "
            "NATO's Comprehensive Assistance Package for Ukraine: two million euros this year. Our instructors will "
            "go on training Ukrainian soldiers.",
            [("LV", "funding", "112000000.00"), ("LV", "funding", "2000000.00"), ("LV", "training", None)],
        ),
        # a tranche is money given, whatever verb adopts it
        (
            "The European Peace Facility adopted a seventh tranche worth €500 million for Ukraine.",
            [("EPF", "funding", "500000000.00")],
        ),
        # a further lot of military material, valued, is things given; money so that aid can be delivered is given
        (
            "The Czech Ministry will provide Ukraine with further military material from Army stocks worth up to CZK "
            "700 million.",
            [("CZ", "other-equipment", "700000000.00")],
        ),
        (
            "The Finnish government proposes €30 million so that defence materiel assistance can be delivered to "
            "Ukraine through international funds.",
            [("FI", "funding", "30000000.00")],
        ),
        # what items are "together worth" is their sum, no one item's; an investment fund builds no arms
        (
            "The Czech cabinet approved chemical protection equipment and a further batch of ammunition for Ukraine, "
            "together worth more than 8 million crowns.",
            [("CZ", "other-equipment", None), ("CZ", "ammunition", None)],
        ),
        ("Washington said it would put up to $300 million into the Three Seas investment fund.", []),
        # a package's sum is no item's when the package is "made up of" it
        (
            "Poland is finishing a package for Ukraine worth about 200 million zloty and made up mainly of armoured "
            "vehicles.",
            [("PL", "ifv-apc", None)],
        ),
        # a sum for one kind of thing totals no sums after it
        (
            "Sweden's package includes:\n- artillery ammunition worth about SEK 2 billion;\n- hand grenades.\n\nIn "
            "addition, SEK 1 billion will go to ordering new CV90 vehicles, and SEK 1 billion to buying equipment "
            "for Ukraine through international funds.",
            [
                ("SE", "ammunition", "2000000000.00"),
                ("SE", "ammunition", None),
                ("SE", "ifv-apc", "1000000000.00"),
                ("SE", "funding", "1000000000.00"),
            ],
        ),
    ],
)
def test_sums_are_read_where_texts_put_them(seed_record, article, text, expected):
    output, _ = run(article(text), "--published", "2024-09-06")
    assert [(p["donor"], p["category"], p["value"]) for p in output["proposals"]] == expected


def test_stocks_a_donor_gives_from_name_the_giver(seed_record, article):
    text = "Norway will send 80 rockets. The minister announced 970 machine guns from Norwegian Armed Forces inventory."
    output, _ = run(article(text), "--published", "2024-09-06")
    assert [(p["donor"], p["quantity"]) for p in output["proposals"]] == [("NO", 80), ("NO", 970)]
    # (stocks a donor refills are no gift of its own)
    output, _ = run(article("Norway will buy 970 machine guns to refill German stocks."), "--published", "2024-09-06")
    assert output["proposals"] == []


@pytest.mark.parametrize(
    "who, donor",
    [("Lisbon", "PT"), ("Prague", "CZ"), ("Tallinn", "EE"), ("Vienna", "AT"), ("Wellington", "NZ"), ("Kihara", "JP"),
     ("Stubb", "FI"), ("Robles", "ES"), ("Mitsotakis", "GR"), ("Pavel", "CZ"), ("Backes", "LU"), ("Tagarev", "BG"),
     ("Anušić", "HR"), ("Nuno Melo", "PT"), ("Tanner", "AT"), ("Coveney", "IE"), ("Šarec", "SI"), ("Ankara", "TR"),
     ("Bern", "CH"), ("The Norwegians", "NO"), ("The Germans", "DE"), ("The Americans", "US"), ("The Swedes", "SE")],
)  # fmt: skip
def test_a_capital_or_a_leader_speaks_for_its_donor(seed_record, article, who, donor):
    output, _ = run(article(f"{who} will send 20 armoured vehicles to Ukraine."), "--published", "2024-08-07")
    assert [p["donor"] for p in output["proposals"]] == [donor]
    # (a capital where something happens gives nothing there)
    output, _ = run(article(f"Norway will send 20 armoured vehicles, it said in {who}."), "--published", "2024-08-07")
    assert [p["donor"] for p in output["proposals"]] == ["NO"]


def test_a_system_restated_without_a_count_is_the_one_a_later_sentence_counts(seed_record, article):
    text = (
        "Britain will send Ukraine AMRAAM missiles, the Defence Secretary said. He had authorised the supply of the "
        "missiles, which can be fired from the NASAMS launchers the United States has promised Kyiv. Washington has "
        "committed eight NASAMS batteries."
    )
    output, _ = run(article(text), "--published", "2022-10-13")
    assert [(p["donor"], p["quantity"]) for p in output["proposals"] if p["system"] == "NASAMS"] == [("US", 8)]


def test_what_a_donor_has_so_far_sent_counted_in_items_is_its_delivery_but_a_sum_so_far_is_a_total(
    seed_record, article
):
    text = "Australia has so far sent some 120 Bushmasters to Ukraine. The UK has so far committed £7.8 billion."
    output, _ = run(article(text), "--published", "2024-12-19")
    found = [(p["kind"], p["donor"], p["category"], p["quantity"], p["date_precision"]) for p in output["proposals"]]
    assert found == [("delivery", "AU", "ifv-apc", 120, "on_or_before")]


def test_a_paper_named_after_its_city_speaks_for_no_donor(seed_record, article):
    text = (
        "Belgium's defence minister spoke on Tuesday about the F-16s. In late April the government set aside "
        "€200 million for air defence systems for Ukraine."
    )
    output, _ = run(article(text), "--published", "2024-12-14", "--publisher", "Brussels daily")
    assert [(p["donor"], p["category"]) for p in output["proposals"]] == [("BE", "air-defence")]


def test_money_for_food_aid_is_no_military_aid(seed_record, article):
    text = (
        "Canada will send Ukraine 40 drones.\n\nHe also announced that the embassy would reopen.\n\nSeparately, "
        "Canada will give C$25 million to the UN World Food Programme to help ease global grain shortages."
    )
    output, _ = run(article(text), "--published", "2022-05-08")
    assert [(p["category"], p["quantity"], p["value"]) for p in output["proposals"]] == [("drones", 40, None)]


def test_a_government_s_bare_dollar_is_its_own_unless_the_text_marks_its_own_dollar(seed_record, article):
    output, _ = run(article("Australia will give $100 million for drones."), "--published", "2024-04-27")
    assert [(p["value"], p["currency"]) for p in output["proposals"]] == [("100000000.00", "AUD")]
    # a text marking the US dollar ("US$") writes its own bare, as a government's release does
    output, _ = run(
        article("Canada will give $680 million (US$500 million) for drones. It will also give US$5 million for fuel.")
    )
    assert [(p["donor"], p["currency"]) for p in output["proposals"]] == [("CA", "CAD"), ("CA", "USD")]
    # a text marking the donor's dollar ("A$") writes the US dollar bare, as a wire story does
    output, _ = run(
        article("Australia will give A$5 million for fuel. Australia will also give $100 million for drones.")
    )
    assert [(p["donor"], p["currency"]) for p in output["proposals"]] == [("AU", "AUD"), ("AU", "USD")]


@pytest.mark.parametrize(
    "sentence", ["Belgium put up €200 million in February.", "Belgium committed €200 million in February."]
)
def test_a_sum_a_donor_puts_up_is_its_funding_though_the_sentence_names_no_aid(seed_record, article, sentence):
    output, _ = run(article(sentence), "--published", "2024-05-08")
    [proposal] = output["proposals"]
    assert (proposal["kind"], proposal["donor"], proposal["category"], proposal["value"], proposal["date"]) == (
        "pledge",
        "BE",
        "funding",
        "200000000.00",
        "2024-02-01",
    )


def test_costs_shared_between_the_two_countries_named_keep_the_fact(seed_record, article):
    text = (
        "Denmark's donations in 2023:\n- March: package IX, with 21 bomb-disposal robots\n"
        "- 13 April: 14 Leopard 2 tanks, bought together with the Netherlands, with the costs shared between the two "
        "countries\n"
    )
    output, _ = run(article(text), "--published", "2023-06-13")
    assert [(p["donor"], p["category"], p["quantity"]) for p in output["proposals"]] == [
        ("DK", "other-equipment", 21),
        ("DK", "tanks", 14),
    ]


def test_a_sum_written_in_words_is_read(seed_record, article):
    text = (
        "Spain will provide one billion euros in military aid. Norway will give Ukraine half a billion kroner. New "
        "Zealand will give NZ$5 million to the fund."
    )
    output, _ = run(article(text), "--published", "2025-02-24")
    found = [(p["donor"], p["value"], p["currency"]) for p in output["proposals"]]
    assert found == [("ES", "1000000000.00", "EUR"), ("NO", "500000000.00", "NOK"), ("NZ", "5000000.00", "NZD")]


@pytest.mark.parametrize(
    "sum_, value, currency",
    [
        ("€1 000 000", "1000000.00", "EUR"),  # a release's space between the thousands, not one euro
        ("400 million Czech crowns", "400000000.00", "CZK"),
        ("100 million Swiss francs", "100000000.00", "CHF"),
        ("a quarter of a billion dollars", "250000000.00", "USD"),
        ("€500 millions", "500000000.00", "EUR"),
        ("1.5 trillion won", "1500000000000.00", "KRW"),
        ("€150mn", "150000000.00", "EUR"),
        ("1.5 bln NOK", "1500000000.00", "NOK"),
        ("kr 1.5 billion", "1500000000.00", "NOK"),  # (the donor tells whose krone)
        ("150 million EUR", "150000000.00", "EUR"),
        ("a 54 million pound ($63.9 million) sum", "54000000.00", "GBP"),  # (sterling, before what it is in dollars)
        ("a 54-million-pound sum", "54000000.00", "GBP"),
        ("500 million Icelandic krónur", "500000000.00", "ISK"),
        ("thirty million euros", "30000000.00", "EUR"),  # (number words of any size before a scale)
        ("forty-five million euros", "45000000.00", "EUR"),
        ("five hundred thousand euros", "500000.00", "EUR"),
        ("15 million New Zealand dollars", "15000000.00", "NZD"),
        ("one thousand million euros", "1000000000.00", "EUR"),  # (a scale after a scale multiplies)
        ("one point two billion kroner", "1200000000.00", "NOK"),  # (as a radio script spells out "1.2")
        ("one and a half billion euros", "1500000000.00", "EUR"),
    ],
)
def test_sums_are_read_in_the_forms_texts_write_them(seed_record, article, sum_, value, currency):
    output, _ = run(article(f"Norway will give Ukraine {sum_} for drones."), "--published", "2024-08-07")
    assert [(p["value"], p["currency"]) for p in output["proposals"]] == [(value, currency)]


def test_a_scale_joined_by_a_hyphen_scales_the_sum(seed_record, article):
    output, _ = run(article("Canada will send a $340-million package of 20 trucks."), "--published", "2022-01-26")
    assert [(p["value"], p["currency"]) for p in output["proposals"]] == [("340000000.00", "CAD")]


def test_a_weight_in_pounds_is_no_sum_of_sterling(seed_record, article):
    text = (
        "Canada will send 277 aircraft bombs of 1,000 pounds each. Germany and Canada will contribute 3 million "
        "pounds each to the fund."
    )
    output, _ = run(article(text), "--published", "2023-10-11")
    found = [(p["donor"], p["quantity"], p["value"], p["currency"]) for p in output["proposals"]]
    assert found == [("CA", 277, None, None), ("DE", None, "3000000.00", "GBP"), ("CA", None, "3000000.00", "GBP")]


def test_a_value_is_converted_at_the_ecb_rate_of_the_day(seed_record, article):
    output, _ = run(article("Britain pledged 14 Challenger 2 tanks worth £100 million."), "--published", "2023-01-16")
    [proposal] = output["proposals"]
    assert (proposal["value"], proposal["currency"]) == ("100000000.00", "GBP")
    assert proposal["value_eur"] == "112665900.54"  # 0.88758 pounds per euro on 16 January 2023


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "The text is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "The file is not text: it holds binary data."),
        ("Deutschland liefert Panzer".encode("latin-1") + b"\xe4", "The file is not UTF-8 text (byte 0xe4"),
        (b"a" * 200_001, "The text is 200,001 characters long; the inbox takes up to 200,000"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(db, article, content, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace("$", r"\$")):
        run(article(content))


def test_a_bad_publication_date_is_refused(db, article):
    with pytest.raises(CommandError, match="--published takes a date as YYYY-MM-DD, not '21/04/2023'"):
        run(article("Norway pledged NASAMS."), "--published", "21/04/2023")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Netherlands will deliver 14 Leopard 2A4 tanks together with Denmark.", [("NL", ["DK"])]),
        ("Together with Denmark, Norway will provide 9,000 155mm artillery rounds.", [("NO", ["DK"])]),
        ("Luxembourg is buying drones for Ukraine jointly with Belgium and the Netherlands.", [("LU", ["BE", "NL"])]),
        # who organised or leads something with the giver, or helped make a thing, gives nothing with it
        (
            "Britain, which organised the conference together with Denmark, will send three more M270 systems.",
            [("GB", [])],
        ),
        ("Latvia leads the drone coalition jointly with Britain and will send 500 drones.", [("LV", [])]),
        # what comes from one donor and is paid for by others is the giver's, its payers funding it
        ("Ukraine gets a field hospital from Estonia, paid for by Norway and the Netherlands.", [("EE", ["NO", "NL"])]),
        ("Ukraine will receive 20 trucks paid for by Norway.", [("NO", [])]),
    ],
)
def test_who_gives_together_with_the_giver_is_its_co_funder(seed_record, article, text, expected):
    output, _ = run(article(text), "--published", "2024-08-07")
    assert [(p["donor"], p["co_funders"]) for p in output["proposals"]] == expected
