#!/usr/bin/env bash
# Every message of the code is in po/ja.po and translated: xgettext makes the POT from the
# sources (the keywords of engine/messages.hpp), msgcmp checks that ja.po translates each msgid
# (a fuzzy or empty translation counts as missing) and holds no msgid the code lost, and each
# translation has the same {placeholders} as its msgid; and no message of the code is printed
# without gettext (tests/i18n/unmarked.py).
#   tests/i18n/catalogue_test.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
mkdir -p "$2"
work=$(cd "$2" && pwd)
fail() { echo "catalogue_test: $*" >&2; exit 1; }
cd "$src"
pot="$work/careermap.pot"
git_files=$(ls engine/*.cpp engine/*.hpp reports/*.cpp reports/*.hpp tools/*.cpp tools/*.hpp)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C++ --no-wrap --package-name=careermap -o "$pot" \
  --keyword= --keyword=tr:1 --keyword=trf:1 --keyword=trn:1,2 --keyword=N_:1 --keyword=NC_:1c,2 \
  --keyword=tr_in:1c,2 $git_files
[ -s "$pot" ] || fail "xgettext found no message"
echo "catalogue_test: $(grep -c '^msgid ' "$pot") messages in the code" >&2
msgcmp po/ja.po "$pot" || fail "po/ja.po lacks (or leaves untranslated or fuzzy) the messages above"
msgcmp --use-untranslated "$pot" po/ja.po || fail "po/ja.po holds messages the code no longer has (above)"
[ -z "$(msgattrib --only-fuzzy po/ja.po)" ] || fail "po/ja.po has fuzzy entries"
# Placeholders: one line per entry "msgid<TAB>msgstr" (no wrap), compared as sorted sets.
msgcat --no-wrap po/ja.po | awk '
  function holders(s,   out, n, i, j, a, t) {
    n = 0; out = ""
    while (match(s, /\{[a-z_]+\}/)) { a[++n] = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH) }
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    for (i = 1; i <= n; i++) out = out a[i]
    return out
  }
  /^msgid / { id = substr($0, 7) }
  /^msgid_plural / { id = substr($0, 14) }
  /^msgstr/ { s = $0; sub(/^msgstr(\[[0-9]\])? /, "", s); if (id != "\"\"" && holders(id) != holders(s)) { print "placeholders differ: " id " -> " s; bad = 1 } }
  END { exit bad }' || fail "a translation's placeholders differ from its msgid's"
# Every message the code prints goes through gettext (no bare English literal in a diagnostic).
python3 "$src/tests/i18n/unmarked.py" "$src" || fail "messages above are printed without gettext (tr, trf, trn)"
echo "catalogue_test: ok"
