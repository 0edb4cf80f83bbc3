"""Walk every HTML page a role can open: each GET rule of the url map with the world's real ids.

The checks over "every page" (the favicon, times shown as people write them, labelled form
fields) share this walk, so a new page is checked by all of them without being listed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from tests.robustness.world import World, build_url

# Pages that are files or redirects-by-design, never HTML a person reads.
SKIP_PREFIXES = ("/static/", "/api/", "/lang/")
SKIP_WORDS = ("logout", "download", "export", ".csv", ".xlsx", ".pdf", ".json")


@dataclass
class Page:
    url: str
    status: int
    html: str


def html_pages(app, client, world: World) -> Iterator[Page]:
    """Every GET page (real path values) answering HTML, in url-map order, as ``client``'s user."""
    seen: set[str] = set()
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        if "GET" not in rule.methods or rule.rule.startswith(SKIP_PREFIXES):
            continue
        if any(word in rule.rule for word in SKIP_WORDS):
            continue
        values = {name: _value(rule.rule, name, world) for name in rule.arguments}
        url = build_url(rule, values)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        html = response.get_data(as_text=True) if response.mimetype == "text/html" else None
        status = response.status_code
        response.close()
        if html is not None and not 300 <= status < 400:  # a redirect's body is never shown
            yield Page(url, status, html)


def _value(rule: str, name: str, world: World) -> str:
    if name == "question_id" and ("/answers/" in rule or "/void" in rule):
        return str(world.ids["paper_question"])
    if name == "code" and rule.startswith("/lang/"):
        return "en"
    return world.params[name]


class _Text(HTMLParser):
    """What a reader sees: text outside <script>, <style> and <template>, plus the values of
    buttons (other attributes, data-* or a datetime-local value, are not shown as written)."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._skip += 1
        values = dict(attrs)
        if tag == "input" and values.get("type") in ("submit", "button", "reset"):
            self.parts.append(values.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


class _Fields(HTMLParser):
    """Form fields and how each is named: a <label for>, a wrapping <label>, aria-label(ledby),
    or (buttons) their own text/value."""

    UNNAMED_OK = {"hidden", "submit", "button", "reset", "image"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, dict]] = []  # (tag, attrs, inside a label?)
        self.label_for: set[str] = set()
        self.ids: set[str] = set()
        self._in_label = 0

    def handle_starttag(self, tag, attrs):
        values = {k: (v or "") for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "label":
            self._in_label += 1
            if values.get("for"):
                self.label_for.add(values["for"])
        elif tag in ("input", "select", "textarea"):
            if tag == "input" and values.get("type", "text") in self.UNNAMED_OK:
                return
            self.fields.append((tag, {**values, "_in_label": bool(self._in_label)}))

    def handle_endtag(self, tag):
        if tag == "label" and self._in_label:
            self._in_label -= 1


def unlabelled_fields(html: str) -> list[str]:
    """Fields a screen reader would announce without a name, as ``tag name=… id=…``."""
    parser = _Fields()
    parser.feed(html)
    missing = []
    for tag, values in parser.fields:
        named = (
            values["_in_label"]
            or values.get("id") in parser.label_for
            or values.get("aria-label", "").strip()
            or any(part in parser.ids for part in values.get("aria-labelledby", "").split())
        )
        if not named:
            missing.append(f"<{tag} name={values.get('name')!r} id={values.get('id')!r}>")
    return missing
