"""Fill a .po catalog's msgstrs from a JSON mapping ``{Chinese msgid: English msgstr}``.

Run by ``scripts/translations.sh update`` after ``pybabel update``; see docs/i18n.md.

* Every msgid found in the mapping gets its translation, and its ``fuzzy`` flag is cleared.
* A msgid that the mapping lacks (or maps to ``""``) is left empty, listed on stderr and added
  to the mapping as ``""`` so the translator only has to fill in the blanks. Exit status 1.
* A translation whose placeholders (``%(name)s``, ``%s``, ``%%``, ``{name}``) differ from its
  msgid's is refused (left empty, listed, exit status 1): it would fail or mislead at runtime.
* Mapping keys no catalog entry uses any more are kept (another branch may still need them)
  and only counted.

Plural entries (``ngettext``) are keyed by the singular msgid and map to a list of forms.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po, write_po

# %(name)s, %(name)02d, %s, %d, %%  and  str.format-style {name}
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^{}]*\}")


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def _key(message) -> str:
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def _check(message, value) -> str | None:
    """Why ``value`` cannot be ``message``'s translation, or None."""
    if isinstance(message.id, tuple | list):
        if not isinstance(value, list) or not value or not all(value):
            return "plural msgid needs a non-empty list of forms"
        for form in value:
            if placeholders(form) - placeholders(message.id[1]) - placeholders(message.id[0]):
                return f"placeholders of {form!r} differ from the msgid's"
        return None
    if not isinstance(value, str):
        return "translation must be a string"
    if placeholders(value) != placeholders(message.id):
        return f"placeholders {sorted(placeholders(value))} != {sorted(placeholders(message.id))}"
    return None


def apply(po_path: Path, mapping_path: Path) -> int:
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    mapping: dict = (
        json.loads(mapping_path.read_text(encoding="utf-8")) if mapping_path.exists() else {}
    )

    missing: list[str] = []
    refused: list[str] = []
    translated = 0
    used: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        key = _key(message)
        used.add(key)
        value = mapping.get(key)
        problem = "no translation" if value in (None, "", []) else _check(message, value)
        if problem:
            message.string = ("", "") if isinstance(message.id, tuple | list) else ""
            (missing if value in (None, "", []) else refused).append(f"{key!r}: {problem}")
            mapping.setdefault(key, "")
        else:
            message.string = tuple(value) if isinstance(message.id, tuple | list) else value
            translated += 1
        message.flags.discard("fuzzy")
    catalog.fuzzy = False

    with po_path.open("wb") as handle:
        write_po(handle, catalog, width=None, sort_by_file=True)
    mapping_path.write_text(
        json.dumps(mapping, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

    unused = len(set(mapping) - used)
    print(
        f"{po_path}: {translated} translated, {len(missing)} missing, {len(refused)} refused"
        + (f"; {unused} mapping keys not used by this catalog" if unused else "")
    )
    for line in missing:
        print(f"  missing  {line}", file=sys.stderr)
    for line in refused:
        print(f"  refused  {line}", file=sys.stderr)
    if missing:
        print(
            f"Add English for the empty entries in {mapping_path} and run the update again.",
            file=sys.stderr,
        )
    return 1 if missing or refused else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "po", type=Path, help="catalog to fill, e.g. quiz/translations/en/LC_MESSAGES/messages.po"
    )
    parser.add_argument(
        "mapping", type=Path, help="JSON {msgid: translation}, e.g. scripts/translations_en.json"
    )
    args = parser.parse_args(argv)
    return apply(args.po, args.mapping)


if __name__ == "__main__":
    sys.exit(main())
