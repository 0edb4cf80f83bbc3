"""The English catalog: complete, compiled, in step with the source, placeholders intact.

Chinese is the source language (msgids are the Chinese UI strings); quiz/translations/en holds
the English catalog. When a test here fails, run ``scripts/translations.sh update`` and fill the
empty entries it adds to scripts/translations_en.json (docs/i18n.md).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from gettext import GNUTranslations
from importlib.resources import files
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
# The catalogs ship in the package (so these tests also run against an installed wheel); the
# sources they are checked against (babel.cfg, the code and templates) are in a checkout only.
TRANSLATIONS = Path(str(files("quiz") / "translations"))
needs_checkout = pytest.mark.skipif(
    not (ROOT / "babel.cfg").is_file(), reason="needs the repository's sources (babel.cfg)"
)
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
MO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo"
FIX = (
    "run scripts/translations.sh update and fill the empty entries in scripts/translations_en.json"
)

#: The -k options of scripts/translations.sh, on top of Babel's default keywords.
EXTRA_KEYWORDS = ["_l", "lazy_gettext", "lazy_ngettext:1,2", "lazy_pgettext:1c,2", "N_"]

# %(name)s, %(name)02d, %s, %d, %%  and  str.format-style {name}  (as scripts/apply_translations.py)
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^{}]*\}")
NAMED = re.compile(r"%\(([^)]*)\)")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _catalog():
    with PO.open("rb") as handle:
        return read_po(handle)


def _messages():
    return [m for m in _catalog() if m.id]


def _key(message):
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def _where(message) -> str:
    return ", ".join(f"{path}:{line}" for path, line in message.locations[:3]) or "?"


# -- The app ------------------------------------------------------------------------------------


def test_english_home_page_is_cyber_week_quiz(client):
    assert "网安周知识竞赛" in client.get("/").get_data(as_text=True)
    client.get("/lang/en")
    english = client.get("/").get_data(as_text=True)
    assert 'lang="en"' in english
    assert "Cyber Week Quiz" in english
    assert "网安周知识竞赛" not in english


def test_flask_babel_loads_the_compiled_catalog(app):
    from flask_babel import force_locale, gettext

    with app.test_request_context("/"):
        with force_locale("en"):
            assert gettext("网安周知识竞赛") == "Cyber Week Quiz"
            assert gettext("第 %(n)s / %(total)s 题", n=3, total=10) == "Question 3 of 10"
        assert gettext("网安周知识竞赛") == "网安周知识竞赛"


def test_catalogs_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "translations/**/*" in config["tool"]["setuptools"]["package-data"]["quiz"]


# -- The catalog ---------------------------------------------------------------------------------


def test_every_entry_is_translated_and_not_fuzzy():
    catalog = _catalog()
    assert not catalog.fuzzy, "the catalog header is marked fuzzy: pybabel compile would skip it"
    problems = [
        f"{_key(m)!r} ({_where(m)}): {'fuzzy' if m.fuzzy else 'untranslated'}"
        for m in _messages()
        if m.fuzzy or not all(_strings(m))
    ]
    assert not problems, f"{len(problems)} entries need English ({FIX}):\n" + "\n".join(problems)


def test_translations_are_not_copies_of_the_chinese():
    copies = [
        f"{_key(m)!r} ({_where(m)})"
        for m in _messages()
        if CJK.search(_key(m)) and _key(m) in _strings(m)
    ]
    assert not copies, "msgstr is the untranslated msgid:\n" + "\n".join(copies)


def test_placeholders_match():
    problems = []
    for message in _messages():
        ids = list(message.id) if isinstance(message.id, tuple) else [message.id]
        for string in filter(None, _strings(message)):
            wanted = Counter(PLACEHOLDER.findall(ids[-1]))
            got = Counter(PLACEHOLDER.findall(string))
            if isinstance(message.id, tuple):  # a plural form may drop the count (“one item”)
                ok = not (got - wanted - Counter(PLACEHOLDER.findall(ids[0])))
            else:
                ok = got == wanted
            if not ok:
                problems.append(
                    f"{_key(message)!r} -> {string!r}: {sorted(got)} != {sorted(wanted)}"
                )
    assert not problems, "placeholders differ between msgid and msgstr:\n" + "\n".join(problems)


def test_translations_format_like_their_msgids():
    """Jinja's newstyle gettext always applies ``%``: a stray % in English would raise."""
    problems = []
    for message in _messages():
        msgid = _key(message)
        variables = {name: 1 for name in NAMED.findall(msgid)}
        try:
            msgid % variables
        except (KeyError, TypeError, ValueError):
            continue  # not a format string (Python-side message without variables)
        for string in filter(None, _strings(message)):
            try:
                string % variables
            except (KeyError, TypeError, ValueError) as error:
                problems.append(f"{msgid!r} -> {string!r}: {error}")
    assert not problems, "\n".join(problems)


def test_translations_add_no_markup():
    """Templates autoescape, and a translated string is trusted as HTML: keep it plain text."""
    problems = [
        f"{_key(m)!r} -> {s!r}"
        for m in _messages()
        for s in _strings(m)
        if any(ch in s and ch not in _key(m) for ch in "<>&")
    ]
    assert not problems, "\n".join(problems)


def test_compiled_mo_is_valid_and_matches_the_po():
    with MO.open("rb") as handle:
        GNUTranslations(handle)  # the loader Flask-Babel uses; raises on a corrupt file
    with MO.open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    expected = {m.id: m.string for m in _messages() if not m.fuzzy and all(_strings(m))}
    stale = sorted(set(compiled.items()) ^ set(expected.items()), key=str)
    assert not stale, (
        f"messages.mo is out of date with messages.po ({len(stale)} differences, e.g. "
        f"{stale[:3]}): run scripts/translations.sh compile"
    )


# -- The source ----------------------------------------------------------------------------------


def _extract_from_source() -> dict[str, list[str]]:
    """msgid -> locations, extracted in-process the way scripts/translations.sh does it."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, filename="babel.cfg")
    for pattern, method in method_map:
        if method == "jinja2":  # fail on a template Jinja cannot parse instead of skipping it
            options_map.setdefault(pattern, {})["silent"] = "false"
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update(parse_keywords(EXTRA_KEYWORDS))
    found: dict[str, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


@needs_checkout
def test_catalog_has_every_msgid_in_the_current_source():
    extracted = _extract_from_source()
    assert "网安周知识竞赛" in extracted and any(
        loc.startswith("templates/") for locs in extracted.values() for loc in locs
    ), "extraction found nothing in templates: is Jinja2's Babel extractor available?"
    in_catalog = {_key(m) for m in _messages()}
    missing = sorted(set(extracted) - in_catalog, key=lambda key: extracted[key][0])
    assert not missing, (
        f"{len(missing)} msgids in the source are not in {PO.relative_to(ROOT)} ({FIX}):\n"
        + "\n".join(f"  {extracted[key][0]}  {key!r}" for key in missing)
    )
