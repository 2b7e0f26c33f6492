#!/bin/bash
# The house's boundaries, checked on the tree (docs/ARCHITECTURE.md "Floors and boundaries"):
# 1. no header outside a floor's private/ folder includes a library's header (yaml-cpp,
#    SQLite, libharu, HarfBuzz, qpdf, libxlsxwriter, GLPK, libzip, expat, ICU, nettle, Eigen):
#    those stay inside the .cpp files that use them;
# 2. a floor's private/ headers are included only by that floor (and its tests);
# 3. the floors point down only: engine/ includes neither reports/ nor tools/, reports/ not tools/.
# Prints every breach as FILE:LINE: what, and fails when there is one.
set -u
root=${1:?usage: boundaries.sh SOURCE_DIR}
cd "$root" || exit 2
fail=0
breach() { echo "$1: $2"; fail=1; }

libs='yaml-cpp/|sqlite3\.h|hpdf|hb\.h|hb-[a-z]*\.h|qpdf/|xlsxwriter|glpk\.h|zip\.h|expat\.h|unicode/|nettle/|Eigen/'
while IFS= read -r hit; do
  breach "${hit%%:#*}" "a header includes a library's header (keep it in the .cpp, or in private/)"
done < <(find engine reports tools tests -name '*.hpp' -not -path '*/private/*' -not -path '*/node_modules/*' -print0 |
         xargs -0 grep -nE "^#include <($libs)" /dev/null)

for floor in engine reports; do
  [ -d "$floor/private" ] || continue
  for h in "$floor"/private/*.hpp; do
    name=$(basename "$h")
    while IFS= read -r hit; do
      breach "${hit%%:#*}" "includes $floor's private header $name"
    done < <(grep -rnE "^#include \"($floor/private/)?$name\"" --include='*.cpp' --include='*.hpp' \
               $(for d in engine reports tools tests/engine tests/reports tests/e2e tests/tools; do
                   [ -d "$d" ] && [ "$d" != "$floor" ] && [ "$d" != "tests/$floor" ] && echo "$d"; done) /dev/null)
  done
done

while IFS= read -r hit; do breach "${hit%%:#*}" "the engine includes a floor above it"; done \
  < <(grep -rnE '^#include "(reports|tools)/' engine /dev/null)
while IFS= read -r hit; do breach "${hit%%:#*}" "the reports include the program's floor"; done \
  < <(grep -rnE '^#include "tools/' reports /dev/null)

if [ "$fail" = 0 ]; then echo "boundaries: ok"; fi
exit $fail
