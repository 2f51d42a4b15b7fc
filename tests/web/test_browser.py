"""The pages in real headless Chromium (the system's /usr/bin/chromium): drawn, clickable,
and the seed article's claims added through the Extract form. Screenshots go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import ARTIFACTS, Server

CHROMIUM = Path("/usr/bin/chromium")
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"
SEED_ARTICLE = SEED / "union-resolve-2022-article.txt"
SHOTS = ARTIFACTS / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push([e.violatedDirective, e.sourceFile || "", e.blockedURI || ""]));
"""

# Skipped on a machine without Chromium, except under CI (CI=true), where .ci/run installs
# it: there a missing browser must fail, not pass quietly.
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)",
)

if CHROMIUM.exists():
    from playwright.sync_api import Browser, ConsoleMessage, Page, Response, sync_playwright


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page, and what went wrong in it: script errors and refused requests."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.offsite: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.add_init_script(_LISTEN)
        page.on("console", self._console)
        page.on("request", self._request)
        page.on("response", self._response)

    def _console(self, msg: ConsoleMessage) -> None:
        # "Failed to load resource" repeats what _response recorded, with the URL; CSP
        # reports are collected with their source by the listener in __init__.
        text = msg.text
        if msg.type == "error" and not (
            "Failed to load resource" in text or "Content Security Policy" in text
        ):
            self.errors.append(msg.text)

    def _response(self, response: Response) -> None:
        # Pages that are meant to fail (the 404 test) do not use check().
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def _request(self, request: object) -> None:
        url = str(getattr(request, "url", ""))
        if not url.startswith((self.base, "data:", "about:")):
            self.offsite.append(url)

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status == 200, path
        self.page.wait_for_load_state("networkidle")

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def violations(self) -> list[list[str]]:
        found: list[list[str]] = self.page.evaluate("window.__csp || []")
        return found

    def check(self) -> None:
        assert self.errors == [], self.errors
        # vis-timeline's standalone build also injects its stylesheet as <style> elements;
        # the CSP refuses them, which is harmless (the same CSS is loaded as a file). Any
        # other refusal is a bug in our pages.
        other = [
            v
            for v in self.violations()
            if not (v[0] == "style-src-elem" and v[1].endswith("vis-timeline-graph2d.min.js"))
        ]
        assert other == [], other
        assert self.offsite == [], f"requests off the server: {self.offsite}"


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), server.url)
    try:
        yield watched
    finally:
        context.close()


def visible_size(page: Page, selector: str) -> tuple[int, float]:
    """How many elements match, and the largest area among them."""
    result = page.eval_on_selector_all(
        selector,
        "els => [els.length, Math.max(0, ...els.map(e => {"
        " const r = e.getBoundingClientRect(); return r.width * r.height; }))]",
    )
    return int(result[0]), float(result[1])


def test_table_to_activity(page: Watched) -> None:
    page.goto("/activities")
    p = page.page
    p.wait_for_selector("#timeline .vis-item")
    page.shot("activities")
    # The opening window holds the latest years; all years draw every activity.
    p.select_option("#timeline-years", "all")
    p.wait_for_timeout(300)
    count, area = visible_size(p, "#timeline .vis-item")
    assert count >= 49 and area > 0
    # Filter by searching an alias, then click through.
    p.fill("input[name=q]", "Allied Resolve")
    p.click("form.filters button[type=submit]")
    p.wait_for_load_state("networkidle")
    assert p.locator("table.activities tbody tr").count() >= 1
    p.click("table.activities >> text=Union Resolve 2022")
    p.wait_for_url("**/activities/union-resolve-2022")
    p.wait_for_load_state("networkidle")
    p.wait_for_selector("#map .leaflet-overlay-pane path", state="attached")
    p.wait_for_selector("#map path.leaflet-interactive", state="attached")  # the activity's places
    paths, path_area = visible_size(p, "#map .leaflet-overlay-pane path")
    assert paths > 10 and path_area > 0
    places, place_area = visible_size(p, "#map path.leaflet-interactive")
    assert places >= 1 and place_area > 0
    items, item_area = visible_size(p, "#timeline .vis-item")
    assert items >= 3 and item_area > 0
    assert p.locator(".verdicts li").count() == 3
    assert p.locator("details.finding").count() > 10
    page.shot("activity-union-resolve-2022")
    page.check()


def test_activities_timeline_colours_legend_order_and_hover(page: Watched) -> None:
    page.goto("/activities")
    p = page.page
    p.wait_for_selector("#timeline .vis-item")
    # Every bar carries a colour class the legend explains.
    legend = p.eval_on_selector_all(
        "#timeline-legend .swatch", "els => els.map(e => e.className.split(' ')[1])"
    )
    bars = p.eval_on_selector_all(
        "#timeline .vis-item",
        "els => els.map(e => [...e.classList].find(c => c.startsWith('t-')) || '')",
    )
    assert bars and set(bars) <= set(legend), (set(bars), legend)
    # Solid colours differ: the settled outcomes are not drawn in one grey.
    colours = p.eval_on_selector_all(
        "#timeline-legend .swatch", "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert len(set(colours)) == len(colours) >= 2
    # The busiest State first; sorted by code on request.
    labels = p.locator("#timeline .vis-labelset .vis-label").all_inner_texts()
    counts = [int(x.rsplit("(", 1)[1].rstrip(")")) for x in labels]
    assert counts == sorted(counts, reverse=True)
    p.select_option("#timeline-order", "code")
    p.wait_for_timeout(300)
    codes = [
        x.split(" ")[0] for x in p.locator("#timeline .vis-labelset .vis-label").all_inner_texts()
    ]
    assert codes == sorted(codes)
    # The opening window: at most two years, not the whole span.
    axis = p.locator("#timeline .vis-time-axis .vis-text").all_inner_texts()
    years = {int(t) for t in axis if len(t) == 4 and t.isdigit()}
    assert years and max(years) - min(years) <= 2, axis
    # The axis in ISO form: months as 01-12, no month names.
    assert not any(c.isalpha() for t in axis for c in t), axis
    # Hover: the headline's prior-notification line, on a bar inside the opening window
    # (vis-timeline keeps bars outside it in the page, clipped, where the pointer cannot
    # reach them).
    inside = p.eval_on_selector_all(
        "#timeline .vis-item",
        """els => {
            const panel = document.querySelector('#timeline .vis-center').getBoundingClientRect();
            return els.findIndex(e => {
                const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                return x > panel.left && x < panel.right && y > panel.top && y < panel.bottom;
            });
        }""",
    )
    assert inside >= 0, "no bar inside the opening window"
    p.locator("#timeline .vis-item").nth(inside).hover()
    tip = p.wait_for_selector("div.vis-tooltip", state="visible")
    assert "Prior notification" in tip.inner_text() or "No prior-notification" in tip.inner_text()
    p.select_option("#timeline-years", "all")
    p.wait_for_timeout(300)
    axis = p.locator("#timeline .vis-time-axis .vis-text").all_inner_texts()
    years = {int(t) for t in axis if len(t) == 4 and t.isdigit()}
    assert years and max(years) - min(years) >= 10, axis
    page.check()


def test_activity_map_labels_zone_and_host(page: Watched) -> None:
    import httpx

    data = httpx.get(page.base + "/activities/union-resolve-2022.json", timeout=60).json()
    names = sorted(x["name"] for x in data["locations"] if x["lat"] is not None)
    assert names
    page.goto("/activities/union-resolve-2022")
    p = page.page
    p.wait_for_selector("#map .leaflet-tooltip.place-label")
    labels = sorted(p.locator("#map .leaflet-tooltip.place-label").all_inner_texts())
    assert labels == names
    # The zone's land is filled in a colour of its own, apart from the land outside it.
    zone = p.eval_on_selector_all(
        "#map path.map-zone", "els => els.map(e => e.getAttribute('fill'))"
    )
    outside = p.eval_on_selector_all(
        "#map path.map-outside", "els => els.map(e => e.getAttribute('fill'))"
    )
    assert zone and outside and set(zone).isdisjoint(outside)
    zone_paths, zone_area = visible_size(p, "#map path.map-zone")
    assert zone_paths >= 1 and zone_area > 0
    # The host State's border, drawn once per host.
    hosts, host_area = visible_size(p, "#map path.map-host")
    assert hosts == len(data["activity"]["host_states"]) and host_area > 0
    assert p.locator(".map-legend li").count() == 5
    sea = p.eval_on_selector("#map", "e => getComputedStyle(e).backgroundColor")
    assert sea == "rgb(207, 227, 243)"  # the sea apart from land outside the zone
    page.check()


def test_link_to_a_finding_opens_it(page: Watched) -> None:
    page.goto("/activities/union-resolve-2022#independent-ch05.prior_notification")
    assert page.page.eval_on_selector(
        "details[id='independent-ch05.prior_notification']", "d => d.open"
    )
    page.check()


def test_sort_by_clicking_a_header(page: Watched) -> None:
    page.goto("/activities")
    p = page.page
    p.click("table.activities thead >> text=Start")
    p.wait_for_load_state("networkidle")
    p.click("table.activities thead >> text=Start")  # again: descending
    p.wait_for_load_state("networkidle")
    assert "order=desc" in p.url
    firsts = p.locator("table.activities tbody tr td:nth-child(3)").all_inner_texts()
    assert firsts == sorted(firsts, reverse=True)
    page.check()


def test_timeline_click_opens_the_activity(page: Watched) -> None:
    page.goto("/activities?q=zapad-2021")
    p = page.page
    p.wait_for_selector("#timeline .vis-item")
    p.locator("#timeline .vis-item").first.click()
    p.wait_for_url("**/activities/zapad-2021*")
    page.check()


def test_state_year_and_rules_pages(page: Watched) -> None:
    page.goto("/states/RUS/2021")
    assert page.page.locator(".finding").count() >= 4
    page.shot("state-year-rus-2021")
    page.goto("/rules")
    assert page.page.locator("table.rules tbody tr").count() >= 15
    page.shot("rules")
    page.goto("/rules/ch05.prior_notification")
    page.page.wait_for_selector("canvas.param-chart")
    count, area = visible_size(page.page, "canvas.param-chart:not([hidden])")
    assert count >= 1 and area > 0
    drawn = page.page.eval_on_selector(
        "canvas.param-chart:not([hidden])",
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }",
    )
    assert drawn > 100  # pixels painted: the chart is not blank
    page.shot("rule-ch05-prior-notification")
    page.goto("/states")
    assert page.page.locator("table.states tbody tr").count() >= 40
    page.page.click("table.states >> text=2021 >> nth=0")
    page.page.wait_for_url("**/states/*/2021")
    page.goto("/rules/diff?a=vd1999&b=vd2011")
    page.shot("rules-diff")
    page.goto("/login")
    page.shot("login")
    page.check()


def test_error_page(page: Watched) -> None:
    response = page.page.goto(page.base + "/activities/no-such-thing")
    assert response is not None and response.status == 404
    assert "no activity 'no-such-thing'" in page.page.inner_text(".error-message")
    page.shot("error-404")


def test_extract_seed_article_and_add(page: Watched, server: Server) -> None:
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"the seed article is not at {SEED_ARTICLE.resolve()}")
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    page.goto("/extract")
    p = page.page
    p.fill("textarea[name=text]", text)
    p.fill("input[name=published]", "2022-02-11")
    p.fill("input[name=url]", "https://example.org/seed-article-browser-test")
    p.fill("input[name=publisher]", "Seed article (browser test)")
    p.click("#extract-form button[type=submit]")
    p.wait_for_load_state("networkidle")
    marks = p.locator("#highlighted mark.k-figure")
    assert marks.count() >= 1
    assert "30,000" in " ".join(marks.all_inner_texts())
    # Nothing is chosen for the reader; a new activity is on offer.
    assert p.input_value("select[name=activity]") == ""
    assert p.locator("select[name=activity] option[value=_new]").count() == 1
    page.shot("extract-read")
    p.select_option("select[name=activity]", "union-resolve-2022")
    p.fill("input[name=token]", server.token)
    p.click("#add-form button[type=submit]")
    p.wait_for_load_state("networkidle")
    assert "Added to" in p.inner_text("section.result h2")
    assert p.locator("table.before-after tbody tr").count() == 3
    page.shot("extract-added")
    # The activity now lists the new source.
    page.goto("/activities/union-resolve-2022")
    assert "Seed article (browser test)" in p.inner_text("footer")
    page.check()


def test_import_a_file(page: Watched, server: Server, tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[2] / "src/csbm/data/dossiers/zapad-2017.yaml"
    copy = tmp_path / "zapad-2017.yaml"
    copy.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    page.goto("/import")
    p = page.page
    p.set_input_files("input[name=files]", str(copy))
    p.fill("input[name=token]", server.token)
    p.click("#import-form button[type=submit]")
    p.wait_for_load_state("networkidle")
    assert "zapad-2017" in p.inner_text("ul.import-report")
    page.shot("import")
    page.check()


def test_no_network_needed(page: Watched) -> None:
    """Nothing is fetched from anywhere but the app (checked on every page above too)."""
    page.goto("/activities/zapad-2017")
    page.page.wait_for_selector("#map path.leaflet-interactive", state="attached")
    page.check()
    assert os.environ.get("CSBM_OFFLINE_CHECKED", "1")


# Every page, as people look at it: on a desktop screen and on a phone.
PAGES = {
    "activities": "/activities",
    "activity-union-resolve-2022": "/activities/union-resolve-2022",
    "activity-zapad-2017": "/activities/zapad-2017",
    "states": "/states",
    "state-year-rus-2021": "/states/RUS/2021",
    "state-year-rus-2021-quota": "/states/RUS/2021/quota",
    "rules": "/rules",
    "rule-ch05-prior-notification": "/rules/ch05.prior_notification",
    "rules-diff": "/rules/diff?a=vd1999&b=vd2011",
    "gaps": "/record/gaps",
    "extract": "/extract",
    "import": "/import",
    "login": "/login",
}
SCREENS = {"desktop": (1400, 1000), "phone": (390, 844)}


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_page_on_desktop_and_phone(browser: Browser, server: Server, screen: str) -> None:
    width, height = SCREENS[screen]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        is_mobile=screen == "phone",
        has_touch=screen == "phone",
    )
    try:
        page = Watched(context.new_page(), server.url)
        wide: dict[str, int] = {}
        for name, path in PAGES.items():
            page.goto(path)
            p = page.page
            if p.locator("#timeline").count():
                p.wait_for_selector("#timeline .vis-item")
            if p.locator("#map").count():
                p.wait_for_selector("#map .leaflet-overlay-pane path", state="attached")
            assert p.locator("h1").first.is_visible(), path
            # Nothing wider than the screen: wide tables scroll in their own box.
            scroll = int(p.evaluate("document.documentElement.scrollWidth"))
            if scroll > width + 1:
                wide[path] = scroll
            SHOTS.mkdir(parents=True, exist_ok=True)
            p.screenshot(path=str(SHOTS / f"{screen}-{name}.png"), full_page=True)
        assert wide == {}, f"pages wider than {width} px: {wide}"
        page.check()
    finally:
        context.close()
