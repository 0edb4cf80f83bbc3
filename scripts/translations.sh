#!/usr/bin/env bash
# Message catalogs (docs/i18n.md). Chinese is the source language: msgids are the Chinese UI
# strings, and quiz/translations/en holds the English catalog.
#
#   scripts/translations.sh update    extract msgids from quiz/**.py and templates/**.html,
#                                     merge them into the English .po, fill msgstrs from
#                                     scripts/translations_en.json, then compile the .mo.
#                                     Exits 1 (after compiling) if a msgid has no English yet;
#                                     the new msgids are listed and added to the JSON as "".
#   scripts/translations.sh compile   compile the .po files into the .mo files the app loads.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=quiz/translations
POT=$DIR/messages.pot
LOCALE=en
PO=$DIR/$LOCALE/LC_MESSAGES/messages.po
PYTHON=${PYTHON:-python}

compile() {
  pybabel compile -d "$DIR" --statistics
}

update() {
  mkdir -p "$DIR"
  # Keep these keywords in step with EXTRA_KEYWORDS in tests/test_i18n.py. Babel's defaults
  # already cover _, gettext, ngettext, pgettext and npgettext.
  pybabel -q extract -F babel.cfg --no-wrap --sort-by-file \
    -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k lazy_pgettext:1c,2 -k N_ \
    --add-comments=TRANSLATORS: \
    --project="cyberweek-quiz" --copyright-holder="cyberweek-quiz" \
    -o "$POT" . >/dev/null
  if [ -f "$PO" ]; then
    # No fuzzy matching: a near-miss guess is worse than a reported gap; the JSON is the source
    # of every English string, so obsolete entries are dropped rather than kept as #~ comments.
    pybabel -q update -i "$POT" -d "$DIR" -l "$LOCALE" --no-wrap --no-fuzzy-matching --ignore-obsolete
  else
    pybabel -q init -i "$POT" -d "$DIR" -l "$LOCALE" --no-wrap
  fi
  status=0
  "$PYTHON" scripts/apply_translations.py "$PO" scripts/translations_en.json || status=$?
  compile
  return "$status"
}

case "${1:-}" in
  update) update ;;
  compile) compile ;;
  *) echo "usage: $0 update|compile" >&2; exit 2 ;;
esac
