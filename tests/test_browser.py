"""The pages in a real browser: Debian's Chromium driven by Playwright against the live server.

Each page is drawn at phone width (390 px) and on a 1440 px screen and saved under
test-output/screenshots/ (not committed): look at them before calling a page done.
"""

import datetime
import json
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from . import records

# the live server reads the database from another thread, so the data must be committed
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1440, "height": 900}}
PAGES = {
    "overview": "/",
    "donors": "/donors/",
    "donor": "/donors/de/",
    "category": "/categories/tanks/",
    "system": "/systems/leopard-2a6/",
    "meetings": "/meetings/",
    "meeting": "/meetings/udcg-100/",
    "pledges": "/pledges/",
    "deliveries": "/deliveries/",
    "gap": "/gap/",
}


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server's database access is safe
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
            + ["--disable-sync"],
        )
        yield browser
        browser.close()
    # only for this module: a subprocess started later (tests/test_production.py) must not inherit it
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def site(live_server, settings, categories_again):
    """The seed record plus two rounds of generated pledges and deliveries, served by the live server."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("loaddata", "reference", "seed_record", verbosity=0)
    records.grow(2)
    return live_server.url


def new_context(browser, viewport="desktop"):
    """A browser context whose pages record each Content-Security-Policy violation they meet."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    context.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));"
    )
    return context


def open_page(browser, url, viewport="desktop", context=None):
    """A page loaded in a fresh context (or in `context`), with every console error and uncaught exception
    collected in page.errors, and the response in page.response."""
    page = (context or new_context(browser, viewport)).new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.response = page.goto(url)
    return page


def csp_violations(page):
    """The Content-Security-Policy violations a page reported while it loaded and drew, as events and in its
    console: Chromium logs each refusal ("Refused to … because it violates the … Content Security Policy
    directive"). The admin's pages have no favicon link, so the browser's own /favicon.ico 404 is not counted."""
    page.wait_for_load_state("networkidle")
    assert page.response.status == 200, page.url
    assert "default-src 'self'" in page.response.headers["content-security-policy"], page.url
    refused = [error for error in page.errors if "Content Security Policy" in error]
    return page.evaluate("window.cspViolations") + refused


def series(page, chart_id):
    """The series the server handed the page for one chart."""
    return json.loads(page.locator(f"#{chart_id}-data").text_content())


def drawn(page, chart_id):
    """What Chart.js drew: its labels and each dataset's points, once the chart exists."""
    page.wait_for_function(f"Chart.getChart('{chart_id}') && Chart.getChart('{chart_id}').data.labels.length > 0")
    return page.evaluate(
        f"""(() => {{
            const chart = Chart.getChart('{chart_id}');
            return {{labels: chart.data.labels, data: chart.data.datasets.map(d => d.data)}};
        }})()"""
    )


# the public pages without charts, and the admin pages editors work in; {item} is a line item with deliveries
PLAIN_PAGES = {
    "ammunition": "/categories/ammunition/",
    "compare": "/compare/",
    "data": "/data/",
    "releases": "/releases/",
    "release-changes": "/releases/1/changes/",
}
ADMIN_PAGES = {
    "admin-pledges": "/admin/pledges/pledge/",
    "admin-line-items": "/admin/pledges/lineitem/",
    "admin-line-item": "/admin/pledges/lineitem/{item}/change/",
    "admin-new-pledge": "/admin/pledges/pledge/add/",
    "admin-new-delivery": "/admin/pledges/delivery/add/",
    "admin-review": "/admin/pledges/lineitem/{item}/review/",
    "admin-import": "/admin/pledges/importrun/upload/",
    "admin-inbox": "/admin/pledges/inboxtext/",
    "admin-inbox-add": "/admin/pledges/inboxtext/add/",
}


@pytest.fixture
def signed_in_site(site, django_user_model):
    """The site with a release cut, and the session cookie of a signed-in editor with every right."""
    from django.test import Client

    from pledges import releases
    from pledges.models import LineItem

    user = django_user_model.objects.create_superuser("chief-editor", password="a-long-password-123")
    releases.cut(user, datetime.date(2024, 1, 31), "The seed record")
    client = Client()
    client.force_login(user)
    item = LineItem.objects.filter(deliveries__isnull=False).order_by("pk").first()
    return site, {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}, item.pk


def wider_than_the_screen(page):
    """How many pixels the page runs past the screen's right edge: only the scrolling table boxes may."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("name", PAGES)
def test_each_chart_page_at_phone_and_desktop_width(browser, site, name):
    """At each width: nothing the content-security policy refuses, every chart drawn with the series the server
    handed the page, nothing wider than the screen, no error in the console, and a screenshot to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in VIEWPORTS:
        page = open_page(browser, site + PAGES[name], viewport)
        assert csp_violations(page) == []
        canvases = page.locator("canvas[data-chart]")
        for index in range(canvases.count()):
            chart_id = canvases.nth(index).get_attribute("id")
            expected = series(page, chart_id)
            assert drawn(page, chart_id) == {
                "labels": expected["labels"],
                "data": [dataset["data"] for dataset in expected["datasets"]],
            }
        # the horizontal bar charts are still as tall as their bars: the script sets the height, no style attribute
        for box in page.locator(".chart-canvas--tall").all():
            assert box.evaluate("b => b.style.height").endswith("rem")
        overflow = wider_than_the_screen(page)
        assert overflow <= 0, f"{name} is {overflow}px wider than a {viewport} screen"
        page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)
        assert page.errors == []
        page.context.close()


@pytest.mark.parametrize("name", [*PLAIN_PAGES, *ADMIN_PAGES])
def test_no_other_page_is_wider_than_the_screen(browser, signed_in_site, name):
    site, session, item = signed_in_site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = {**PLAIN_PAGES, **ADMIN_PAGES}[name].format(item=item)
    for viewport in VIEWPORTS:
        context = new_context(browser, viewport)
        if name in ADMIN_PAGES:
            context.add_cookies([session])
        page = open_page(browser, site + path, context=context)
        assert page.response.status == 200, f"{path}: {page.response.status}"
        overflow = wider_than_the_screen(page)
        assert overflow <= 0, f"{name} is {overflow}px wider than a {viewport} screen"
        page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)
        assert page.errors == []  # a missing favicon, for one, is an error in the console
        context.close()


def test_overview_chart_draws_the_months_of_the_record(browser, site):
    page = open_page(browser, site + "/")
    chart = drawn(page, "overview-monthly")
    # generated pledges from March 2022 (the lines start at zero the month before) to their last delivery in
    # July 2022; the seed's pledges have no value in euros, so no month of theirs is drawn
    assert chart["labels"][0] == "2022-02-01"
    assert chart["labels"][-1] == "2022-07-01"
    pledged, delivered = chart["data"]
    assert pledged[-1] == pytest.approx(2 * (3 * 10_000_000 + 2 * 2_500_000 + 3 * 1_000_000.5))
    assert delivered == sorted(delivered)
    page.context.close()


def test_changing_a_filter_changes_the_chart_and_the_table(browser, site):
    page = open_page(browser, site + "/pledges/")
    before = drawn(page, "pledges-categories")
    assert "Ammunition" in before["labels"]

    page.check("input[name=donor][value=de]")  # a checkbox: no Ctrl-click needed
    page.click("text=Apply filters")
    page.wait_for_url("**/pledges/?*donor=de*")

    after = drawn(page, "pledges-categories")
    # Germany's repair centre has no value: a row of the table, not an empty bar
    assert after["labels"] == ["Tanks"]
    donors = page.locator("table.records tbody tr td:nth-child(2)").all_text_contents()
    assert donors and set(donors) == {"Germany"}
    assert page.errors == []
    page.context.close()


def test_pages_print_without_navigation_or_filters(browser, site):
    page = open_page(browser, site + "/pledges/")
    page.emulate_media(media="print")
    assert not page.locator("nav[aria-label=Main]").is_visible()
    assert not page.locator("details.filters-box").is_visible()
    assert page.locator(".chart-table table").first.is_visible()
    page.pdf(path=SCREENSHOTS / "pledges-print.pdf")
    page.context.close()


def test_an_invalid_filter_shows_its_error_in_the_browser(browser, site):
    page = open_page(browser, site + "/pledges/?date_after=2023-13-45&page=-1")
    assert page.locator(".field--date .error").text_content().strip() == "Enter a valid date."
    page.screenshot(path=SCREENSHOTS / "pledges-invalid-filter.png", full_page=False)
    page.context.close()


def test_headline_figures_of_a_million_line_items_stay_inside_their_cards(browser, site):
    """A large record's figures ("217,085 of 1,000,000") wrap inside their card instead of running out of it."""
    for viewport in VIEWPORTS:
        page = open_page(browser, site + "/", viewport)
        overflowing = page.evaluate(
            """(() => {
                const figures = [...document.querySelectorAll('.headline dd:not(.small)')];
                figures.forEach(figure => { figure.textContent = '217,085 of 1,000,000'; });
                return figures.length ? figures.filter(f => f.parentElement.scrollWidth > f.parentElement.clientWidth)
                    .length : -1;
            })()"""
        )
        assert overflowing == 0, f"{overflowing} headline figures run out of their card on a {viewport} screen"
        page.context.close()


def test_no_admin_page_breaks_the_content_security_policy(browser, site, django_user_model):
    from pledges.models import LineItem, Pledge

    django_user_model.objects.create_superuser("csp-admin", password="csp-admin-password-1")
    context = new_context(browser)
    page = open_page(browser, site + "/admin/login/", context=context)
    assert csp_violations(page) == []
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "csp-admin-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(site + "/admin/")
    pledge, item = Pledge.objects.order_by("pk").first(), LineItem.objects.order_by("pk").first()
    for path in [
        "/admin/",
        "/admin/pledges/pledge/",
        f"/admin/pledges/pledge/{pledge.pk}/change/",
        f"/admin/pledges/pledge/{pledge.pk}/history/",
        f"/admin/pledges/pledge/{pledge.pk}/review/",
        "/admin/pledges/lineitem/",
        f"/admin/pledges/lineitem/{item.pk}/change/",
        "/admin/pledges/delivery/add/",
        "/admin/pledges/importrun/",
        "/admin/pledges/importrun/upload/",
        "/admin/pledges/release/",
    ]:
        assert csp_violations(open_page(browser, site + path, context=context)) == [], path


def test_a_chart_downloads_as_a_png(browser, site):
    page = open_page(browser, site + "/deliveries/")
    drawn(page, "deliveries-monthly")
    with page.expect_download() as download:
        page.click("a[data-png-for=deliveries-monthly]")
    assert download.value.suggested_filename == "aidtracker-deliveries-monthly.png"
    assert Path(download.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.errors == []
    page.context.close()


def test_the_pledge_form_previews_the_eur_value_as_an_editor_types(browser, signed_in_site):
    site, session, _ = signed_in_site
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_cookies([session])
    page = context.new_page()
    page.goto(site + "/admin/pledges/pledge/add/")
    page.fill("#id_date", "2023-04-21")
    page.click("#line_items-group .add-row a")
    page.fill("#id_line_items-0-value_reported", "30000000")
    page.select_option("#id_line_items-0-currency", "CAD")
    shown = page.locator("#line_items-0 .fieldBox.field-eur .readonly")
    shown.filter(has_text="EUR per CAD").wait_for()
    assert shown.text_content().startswith("€20,189,784 at 0.6729927990 EUR per CAD (ECB, 21 Apr 2023)")
    # a typed value is taken as reported by the source, in plain sight, unless the editor says otherwise
    assert page.input_value("#id_line_items-0-value_basis") == "reported"
    context.close()


def test_the_eur_preview_follows_the_meeting_when_the_pledge_has_no_date(browser, signed_in_site):
    """An undated pledge takes its meeting's first day: choosing or changing the meeting (an autocomplete,
    whose change only jQuery hears) converts again at that day's rate."""
    site, session, _ = signed_in_site
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_cookies([session])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "/admin/pledges/pledge/add/")
    page.click("#line_items-group .add-row a")
    page.fill("#id_line_items-0-value_reported", "30000000")
    page.select_option("#id_line_items-0-currency", "CAD")
    shown = page.locator("#line_items-0 .fieldBox.field-eur .readonly")
    shown.filter(has_text="Give the pledge's date or its meeting").wait_for()

    def pick_meeting(typed, name):
        page.click("#id_meeting + .select2 .select2-selection")
        page.keyboard.type(typed)
        page.locator(".select2-results__option", has_text=name).first.click()

    pick_meeting("11th", "11th Ukraine Defense Contact Group")
    shown.filter(has_text="(ECB, 21 Apr 2023)").wait_for()
    pick_meeting("9th", "9th Ukraine Defense Contact Group")
    shown.filter(has_text="(ECB, 14 Feb 2023)").wait_for()
    assert errors == []
    context.close()


def test_the_release_pages_at_phone_and_desktop_width(browser, site):
    """Drawn at 390 and 1440 px into test-output/screenshots/: look at them before calling a page done."""
    from pledges import releases

    from .test_releases import edit_the_record

    releases.cut(None, datetime.date(2024, 1, 31), "The seed record and two generated rounds")
    edit_the_record()
    releases.cut(None, datetime.date(2024, 2, 29), "Corrections")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "release-pledges": "/pledges/?release=2&sort=-value",
        "release-deliveries": "/deliveries/?release=2",
        "release-changes": "/releases/2/changes/",
    }
    for name, path in pages.items():
        for viewport in VIEWPORTS:
            page = open_page(browser, site + path, viewport)
            assert page.locator("h1").count() == 1
            overflow = wider_than_the_screen(page)
            assert overflow <= 0, f"{name} is {overflow}px wider than a {viewport} screen"
            page.screenshot(path=SCREENSHOTS / f"{name}-{viewport}.png", full_page=True)
            assert page.errors == []
            page.context.close()


def test_the_inbox_shows_progress_while_it_reads_then_the_proposals_fit_the_screen(browser, signed_in_site):
    from .inbox_set.labelled import SEEDS

    site, session, _ = signed_in_site
    article = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for viewport in VIEWPORTS:
        context = new_context(browser, viewport)
        context.add_cookies([session])
        page = open_page(browser, site + "/admin/pledges/inboxtext/add/", context=context)
        page.fill("#id_text", article)
        page.fill("#id_published_on", "2023-04-21")
        # the page as the request leaves: a listener added after the page's own keeps the browser on it
        shown, disabled = page.evaluate(
            """() => {
                const form = document.getElementById("inboxtext_form");
                form.addEventListener("submit", (event) => event.preventDefault());
                const save = form.querySelector("input[name=_save]");
                form.requestSubmit(save);
                return [!document.getElementById("inbox-progress").hidden, save.disabled];
            }"""
        )
        assert shown and disabled
        with page.expect_navigation():
            page.evaluate("document.getElementById('inboxtext_form').submit()")
        assert "6 proposals, 6 to decide" in page.content()
        overflow = wider_than_the_screen(page)
        assert overflow <= 0, f"the inbox text's page is {overflow}px wider than a {viewport} screen"
        page.screenshot(path=SCREENSHOTS / f"admin-inbox-text-{viewport}.png", full_page=True)
        context.close()


def test_the_canada_fact_takes_one_save_and_twelve_fields_in_the_admin(browser, signed_in_site):
    """Issue 17's fact, entered as an editor would from the article: 'Canada pledged 21,000 rounds of 155 mm
    ammunition worth CAD 30 million at the Ramstein meeting of 21 April 2023', with a new source and its quote.
    Main before the one-page form took 16 fields and 2 saves (the source on its own page first)."""
    from pledges.models import Pledge, PledgeCitation, Source

    site, session, _ = signed_in_site
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.add_cookies([session])
    page = context.new_page()
    saves, filled = [], []
    page.on("request", lambda request: request.method == "POST" and saves.append(request.url))
    page.goto(site + "/admin/pledges/pledge/add/")

    def fill(name, text):
        page.fill(f"#id_{name}", text)
        filled.append(name)

    def pick(name, typed, shown):
        """An autocomplete field: open it, type, choose the answer."""
        page.click(f"#id_{name} + .select2 .select2-selection")
        page.keyboard.type(typed)
        page.locator(".select2-results__option", has_text=shown).first.click()
        filled.append(name)

    pick("donor", "Canada", "Canada")
    pick("meeting", "11th", "11th Ukraine Defense Contact Group")
    pick("line_items-0-category", "Ammu", "Ammunition")
    fill("line_items-0-description", "155 mm rounds")
    fill("line_items-0-quantity", "21000")
    fill("line_items-0-value_reported", "30000000")
    page.select_option("#id_line_items-0-currency", "CAD")
    filled.append("line_items-0-currency")
    fill("citations-0-new_title", "Allies at Ramstein pledge more ammunition and air defence")
    fill("citations-0-new_publisher", "Reuters")
    fill("citations-0-new_url", "https://example.org/2023/04/21/ramstein")
    fill("citations-0-new_published_on", "2023-04-21")
    fill("citations-0-quote", "Canada will send 21,000 rounds of 155 mm ammunition worth CAD 30 million.")
    # the EUR value is previewed at the meeting's day before the save
    page.locator("#line_items-0 .fieldBox.field-eur .readonly").filter(has_text="EUR per CAD").wait_for()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "admin-canada-fact-1440.png", full_page=True)
    with page.expect_navigation():
        page.click("input[name=_save]")
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_text_contents()

    assert (len(filled), len(saves)) == (12, 1), (filled, saves)
    pledge = Pledge.objects.get(donor__name="Canada")
    item = pledge.line_items.get()
    assert (pledge.title, pledge.date, pledge.meeting.number) == (
        "21,000 × 155 mm rounds",
        datetime.date(2023, 4, 21),
        11,
    )
    assert (item.quantity, item.currency, str(item.value_eur), item.value_basis) == (
        21000,
        "CAD",
        "20189783.97",
        "reported",
    )
    source = Source.objects.get(url="https://example.org/2023/04/21/ramstein")
    assert (source.publisher, source.published_on) == ("Reuters", datetime.date(2023, 4, 21))
    assert PledgeCitation.objects.get(pledge=pledge, source=source).quote.startswith("Canada will send 21,000")
    context.close()
