"""What of a pasted page is the article: advertisements, "Also read" links, photo captions, bylines and a
release's masthead are set aside; a currency note such as "($1 = 0.9489 euros)" is kept apart as evidence of the rate.

Sentences keep the exact characters of the text, so a proposal's quote can be found in it verbatim.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .numbers import RATE_NOTE_RE

# "[42]", "[citation needed]": an encyclopedia's reference marks
REFERENCE_MARK_RE = re.compile(r"\[(?:\d+|citation needed)\]")
# the marks a list's line opens with: "•", "-", "▪️" (a thread's emoji square), "►"
BULLET = r"[•*\-–▪◾◦‣●■►▶✓✔➤]\ufe0f?"
LINK_RE = re.compile(rf"^(?:{BULLET})?\s*(also read|read more|read also|related|see also|watch|more on this)\b", re.I)
# ("[Photo caption: …]" in brackets too)
CAPTION_RE = re.compile(
    r"^\[?(photo caption|photo|caption|image|file photo|pictured)\s*[:\-]|REUTERS/|\(Photo by", re.I
)
BYLINE_RE = re.compile(
    r"^\(?(reporting by|writing by|editing by|additional reporting|compiled by)\b"
    r"|^by [A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3}$"
    r"|^some information for this report came from",
    re.I,
)
# "Press release | Ministry of Defence | 14 December 2023": the page's heading, no part of what it says
MASTHEAD_RE = re.compile(
    r"^(?:[^|]*\|\s*)?(?:press|news|media)\s+release\b|^for\s+immediate\s+release\b"
    # "Federal Ministry of Defence | News | 19 March 2024": a heading's cells end with its date
    r"|\|\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\s*$",
    re.I,
)
# a line that opens a new item, not the rest of a sentence broken over lines: a bullet, a number, a table's row, a
# speaker, a rule
WRAPPED_LINE_START_RE = re.compile(
    rf"^\s*(?:{BULLET}|[—=|>]|\d+[.)]\s|[A-Z][A-Z.'’ -]{{1,30}}(?:\s*\([^()]*\))?:|P\d{{3}}\b)"
)
# a fact sheet's dot leaders between an item and its count ("A1  Combat Boat 90 ........ sixteen"): a table's cell
# rule, its rows one per line
LEADER_RE = re.compile(r" *(?:\.{4,}|…{2,}) *")
AD_MARKER_RE = re.compile(r"\bsponsored\b|^advertisement$|^ad$", re.I)
# what an advertisement says: the reader addressed, a call to act, a list of goods
AD_LINE_RE = re.compile(r"\b(you|your|donat\w*|subscribe|click|buy now|order now|offer|shop)\b|!|^\s*[•*]", re.I)
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sen", "rep", "gov", "st", "no", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "approx", "e.g", "i.e",
    # Czech and Slovak arms designations: "vz. 58 assault rifles" (vzor, model)
    "vz",
}  # fmt: skip
BOUNDARY_RE = re.compile(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])")


@dataclass
class Article:
    title: str = ""
    sentences: list = field(default_factory=list)  # (paragraph number, text), verbatim
    set_aside: list = field(default_factory=list)  # (why, text): what was not the article
    rate_notes: list = field(default_factory=list)
    # paragraph numbers of the lines under the title that restate it before the story starts ("Wallace authorises
    # AMRAAM supply after…"): what they give, the story gives again with its own date
    standfirst: set = field(default_factory=set)

    @property
    def body(self):
        """The article's sentences as one text: what near-duplicates are compared on."""
        return " ".join(sentence for _, sentence in self.sentences)


class _TextOfHtml(HTMLParser):
    """The text of an HTML page, a line per block; scripts, styles, navigation and captions dropped."""

    SKIP = {"script", "style", "nav", "footer", "aside", "figcaption", "noscript", "header", "form", "button"}
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr", "section", "article", "blockquote", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html):
    parser = _TextOfHtml()
    parser.feed(html)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def split_sentences(line):
    """A line's sentences, verbatim; a full stop after "Mr" or "U.S" ends none."""
    sentences, start = [], 0
    for match in BOUNDARY_RE.finditer(line):
        before = line[start : match.start()].split()
        word = before[-1].lower().strip('("“') if before else ""
        if match.group()[0] == "." and (word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)):
            continue
        if LEADER_RE.fullmatch(line, max(0, match.start() - 3), match.end()):
            continue  # (a dot leader ends no sentence: "TOW anti-tank missiles ........ 1,500")
        sentences.append(line[start : match.end()].strip())
        start = match.end()
    rest = line[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _unwrapped(lines):
    """The lines of a text, with a sentence broken over several lines by a fixed width (an e-mailed release, a
    teletext page: "A fresh shipment of military aid / reached Ukraine yesterday") joined again: a line that ends no
    sentence runs on into the next when that one goes on in lower case, or when both fill most of a narrow width."""
    width = max((len(line.rstrip()) for line in lines), default=0)
    joined = []
    for line in lines:
        before = joined[-1].rstrip() if joined else ""
        if before and line.strip() and _runs_on(before, line.strip(), width):
            joined[-1] += "\n" + line  # (kept as written, so that a quote is found in the text verbatim)
        else:
            joined.append(line)
    return joined


def _runs_on(before, line, width):
    if re.search(r"[.!?:;\"”)\]]$", before) or any(WRAPPED_LINE_START_RE.match(part) for part in (before, line)):
        return False
    if "|" in before or "|" in line or LEADER_RE.search(before) or LEADER_RE.search(line):
        return False  # (a table's rows, one per line)
    # (a line of a list or a heading ends in a number or a capital: "Armoured vehicles — 20", "AID BATCH TO UA")
    filled = width <= 80 and len(before) >= width * 0.6 and len(before.split()) >= 5
    return line[:1].islower() or filled and bool(re.search(r"[a-z,]$", before))


def _is_nameplate(line):
    return not re.search(r"[a-z]", line) or " | " in line


def _is_headline(line):
    return len(line) < 200 and not re.search(r"[.!?\"”:]$", line)


def clean(text):
    """The article in a pasted text: its title, its sentences, and what was set aside and why."""
    article = Article()
    # ("…industry".[42] By then…": an encyclopedia's reference marks are no part of what it says, and hide where its
    # sentences end)
    lines = [REFERENCE_MARK_RE.sub("", line).strip() for line in _unwrapped(text.splitlines())]
    lines = [line for line in lines if line]
    ad_until = -1
    for number, line in enumerate(lines):
        if number <= ad_until:
            continue
        if AD_MARKER_RE.search(line) and len(line) < 80:
            ad_until = _advertisement_end(lines, number)
            start = number
            while start > 0 and _is_headline(lines[start - 1]) and lines[start - 1] != article.title:
                start -= 1  # the advertisement's own heading, printed above the "Sponsored" line
            _remove_sentences_of(article, lines[start:number])
            article.set_aside.extend(("advertisement", ad_line) for ad_line in lines[start : ad_until + 1])
            continue
        if number == 0 and _is_headline(line):
            article.title = line
            continue
        if (
            article.title
            and not article.sentences
            and _is_nameplate(article.title)
            and _is_nameplate(line)
            and number + 1 < len(lines)
            and _is_headline(lines[number + 1])
        ):
            # "DEFENCE PROCUREMENT EUROPE", then "Industry | Land Systems": the outlet's sections above the headline,
            # which restates the story as the lines under a headline do
            article.set_aside.append(("masthead", line))
            continue
        if article.title and not article.sentences and line != article.title and _is_headline(line):
            article.standfirst.add(number)
        if line == article.title:
            article.set_aside.append(("repeated headline", line))
        elif RATE_NOTE_RE.match(line):
            article.rate_notes.append(line)
        elif LINK_RE.match(line):
            article.set_aside.append(("link to another article", line))
        elif CAPTION_RE.search(line):
            article.set_aside.append(("photo caption", line))
        elif BYLINE_RE.search(line):
            article.set_aside.append(("byline", line))
        elif MASTHEAD_RE.search(line) and len(line) < 120:
            article.set_aside.append(("masthead", line))
        else:
            article.sentences.extend((number, sentence) for sentence in split_sentences(line))
    return article


def _advertisement_end(lines, marker):
    """The last line of the advertisement announced at `marker`: it runs while lines read like one."""
    end = marker
    for number in range(marker + 1, len(lines)):
        if _is_headline(lines[number]) or AD_LINE_RE.search(lines[number]):
            end = number
        else:
            break
    return end


def _remove_sentences_of(article, lines):
    article.sentences = [(number, sentence) for number, sentence in article.sentences if sentence not in lines]


MAX_CHARACTERS = 200_000  # about 30,000 words: far beyond any article, short of a pasted book


class Unreadable(ValueError):
    """A text the inbox cannot take, with the reason said for an editor."""


def read_text(data, name=""):
    """The text of an uploaded or pasted document (bytes or str); HTML is reduced to its text. Raises Unreadable."""
    if isinstance(data, bytes):
        if b"\x00" in data[:8192]:
            raise Unreadable("The file is not text: it holds binary data. Upload a .txt or .html file.")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Unreadable(
                f"The file is not UTF-8 text (byte 0x{error.object[error.start]:02x} at position {error.start}): "
                "save it as UTF-8 and upload it again."
            ) from error
    if len(data) > MAX_CHARACTERS:
        raise Unreadable(
            f"The text is {len(data):,} characters long; the inbox takes up to {MAX_CHARACTERS:,} (about 30,000 words)."
        )
    if name.lower().endswith((".html", ".htm")) or re.match(r"\s*<(?:!doctype|html|body|p|div|article)\b", data, re.I):
        data = html_to_text(data)
    if not data.strip():
        raise Unreadable("The text is empty.")
    return data
