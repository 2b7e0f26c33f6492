#!/bin/bash
# The house's boundaries, checked on the tree (docs/ARCHITECTURE.md "Floors and boundaries"):
# 1. no header (.hpp or .h) outside engine/private/ or reports/private/ includes a library's
#    header (yaml-cpp, SQLite, libharu, HarfBuzz, qpdf, libxlsxwriter, GLPK, libzip, expat,
#    ICU, nettle, {fmt}, Eigen), however the include is spelled: those stay inside the .cpp
#    files that use them;
# 2. a floor's private/ files are included only by that floor and its tests, by whatever path;
# 3. the floors point down only: engine/ includes neither reports/ nor tools/, reports/ not tools/.
# Prints every breach as FILE:LINE: what, and fails when there is one.
set -u
root=${1:?usage: boundaries.sh SOURCE_DIR}
cd "$root" || exit 2
fail=0
breach() { echo "$1: $2"; fail=1; }
# An include line, as the preprocessor reads it: spaces around '#', <...> or "...".
inc='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]'
sources() { find "$@" \( -name '*.hpp' -o -name '*.h' -o -name '*.cpp' \) -not -path '*/node_modules/*' 2>/dev/null; }

libs='(yaml-cpp/|sqlite3\.h|hpdf|hb\.h|hb-[a-z-]*\.h|harfbuzz/|qpdf/|xlsxwriter|glpk\.h|zip\.h|expat|unicode/|nettle/|fmt/|Eigen/|eigen3/)'
while IFS= read -r hit; do
  breach "${hit%%:*}:$(cut -d: -f2 <<<"$hit")" "a header includes a library's header (keep it in the .cpp, or in private/)"
done < <(find engine reports tools tests \( -name '*.hpp' -o -name '*.h' \) -not -path 'engine/private/*' \
           -not -path 'reports/private/*' -not -path '*/node_modules/*' -print0 2>/dev/null |
         xargs -0 grep -nE "$inc([./]*[A-Za-z0-9_-]+/)*$libs" /dev/null)

for floor in engine reports; do
  [ -d "$floor/private" ] || continue
  others=$(for d in engine reports tools tests; do [ -d "$d" ] && echo "$d"; done)
  while IFS= read -r h; do
    name=$(basename "$h")
    while IFS= read -r hit; do
      file=${hit%%:*}
      case "$file" in "$floor"/*|tests/"$floor"/*) continue ;; esac
      breach "$file:$(cut -d: -f2 <<<"$hit")" "includes $floor's private header $name"
    done < <(sources $others | xargs grep -nE "$inc([^\"<>]*/)?${name//./\\.}[\">]" /dev/null)
  done < <(find "$floor/private" -type f)
done

while IFS= read -r hit; do breach "${hit%%:*}:$(cut -d: -f2 <<<"$hit")" "the engine includes a floor above it"; done \
  < <(sources engine | xargs grep -nE "$inc([.][.]/)*(reports|tools)/" /dev/null)
while IFS= read -r hit; do breach "${hit%%:*}:$(cut -d: -f2 <<<"$hit")" "the reports include the program's floor"; done \
  < <(sources reports | xargs grep -nE "$inc([.][.]/)*tools/" /dev/null)

if [ "$fail" = 0 ]; then echo "boundaries: ok"; fi
exit $fail
