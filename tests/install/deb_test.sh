#!/usr/bin/env bash
# The Debian package, as a user gets it: cpack builds careermap_*.deb from this build tree;
# it is unpacked (dpkg -x) into a fresh folder and the unpacked program, run from another
# folder with CAREERMAP_DATA unset, renders the samples with the data it carries, gives the
# same bytes as the build tree's program, and uses its own edited copy of a template; then
# cmake --install into another prefix.
#   tests/install/deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
debs=("$tmp"/pkg/careermap_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "no single careermap_*.deb in $(ls "$tmp/pkg")"
deb=${debs[0]}
echo "deb_test: $(basename "$deb") $(stat -c %s "$deb") bytes"

root="$tmp/root"
dpkg -x "$deb" "$root"
bin="$root/usr/bin/careermap"
data="$root/usr/share/careermap"
[ -x "$bin" ] || fail "no usr/bin/careermap in the package"
# What apt must install with it on a fresh Debian 12: every library the program links, and the font.
depends=$(dpkg-deb -f "$deb" Depends)
echo "deb_test: Depends: $depends"
for soname in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  lib=$(ldd "$bin" | awk -v n="$soname" '$1 == n {print $3}')
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null) || fail "no package owns $soname ($lib)"
  owner=${owner%%:*}
  [[ ", $depends," == *", $owner "* || ", $depends," == *", $owner,"* ]] || fail "Depends lacks $owner (for $soname): $depends"
done
[[ "$depends" == *fonts-ipaexfont-gothic* ]] || fail "Depends lacks fonts-ipaexfont-gothic: $depends"

for f in questionnaires/model.yaml questionnaires/presession-v1.yaml templates/careermap.yaml templates/form.yaml \
         templates/cohort.yaml; do
  cmp -s "$data/$f" "$src/$f" || fail "usr/share/careermap/$f is not the source's"
done
# The Japanese messages: the catalogue msgfmt built, found beside the unpacked program.
cmp -s "$root/usr/share/locale/ja/LC_MESSAGES/careermap.mo" "$build/locale/ja/LC_MESSAGES/careermap.mo" ||
  fail "usr/share/locale/ja/LC_MESSAGES/careermap.mo is not the build's catalogue"
said=$(cd "$tmp" && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=ja_JP.UTF-8 "$bin" nosuch 2>&1 | head -1 || true)
[ "$said" = "careermap: 'nosuch' というコマンドはありません" ] || fail "the unpacked program's Japanese message: $said"
# No path of this machine's build is compiled into the program.
! grep -qaF "$src" "$bin" || fail "the program holds the source path $src"

# The manual page: the one the build made, and man(1) reads it without a warning.
cmp -s "$root/usr/share/man/man1/careermap.1" "$build/careermap.1" || fail "the packaged man page differs"
warnings=$(groff -man -Tutf8 -ww -z "$root/usr/share/man/man1/careermap.1" 2>&1)
[ -z "$warnings" ] || fail "groff: $warnings"

# Run from a folder far from the source tree and the build, with no CAREERMAP_DATA.
work="$tmp/elsewhere"
mkdir "$work"
cd "$work"
unset CAREERMAP_DATA
samples=("$data"/questionnaires/samples/*.yaml)
"$bin" render -q "$data/questionnaires/presession-v1.yaml" -o maps --date 2026-07-01 "${samples[@]}" >render.out 2>render.err ||
  { cat render.err >&2; fail "the unpacked program could not render the samples"; }
[ -s render.err ] && { cat render.err >&2; fail "rendering the samples said something on stderr"; }
[ "$(ls maps | wc -l)" -eq "${#samples[@]}" ] || fail "expected ${#samples[@]} PDFs, got: $(ls maps)"
# The same bytes as the build tree's program on the source's data.
"$build/careermap" render -q "$src/questionnaires/presession-v1.yaml" -o ref --date 2026-07-01 \
  "$src"/questionnaires/samples/*.yaml >/dev/null 2>&1 || fail "the build's program could not render the samples"
for pdf in ref/*.pdf; do cmp -s "$pdf" "maps/$(basename "$pdf")" || fail "maps/$(basename "$pdf") differs from the build's"; done
"$bin" demo -o demo >/dev/null 2>demo.err || { cat demo.err >&2; fail "demo failed"; }
[ -s demo/cohort.pdf ] && [ -s demo/p05.pdf ] || fail "demo wrote no cohort.pdf / p05.pdf"

# The unpacked tree's own templates are the ones used: edit one, the output follows.
"$bin" form -q "$data/questionnaires/presession-v1.yaml" --csv --lang en >before.csv
before=$(head -c 200 before.csv)
[[ "$before" == *"Participant ID"* ]] || fail "form --csv: no 'Participant ID' in: $before"
sed -i 's/en: Participant ID}/en: Member number}/' "$data/templates/form.yaml"
"$bin" form -q "$data/questionnaires/presession-v1.yaml" --csv --lang en >after.csv
after=$(head -c 200 after.csv)
[[ "$after" == *"Member number"* && "$after" != *"Participant ID"* ]] || fail "the edited template was not used: $after"
# cmake --install into any prefix gives the same tree: program, data, manual page.
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in bin/careermap share/careermap/templates/form.yaml share/careermap/questionnaires/model.yaml share/man/man1/careermap.1 \
         share/locale/ja/LC_MESSAGES/careermap.mo; do
  [ -f "$tmp/prefix/$f" ] || fail "cmake --install put no $f"
done
"$tmp/prefix/bin/careermap" validate -q "$tmp/prefix/share/careermap/questionnaires/presession-v1.yaml" \
  "$tmp"/prefix/share/careermap/questionnaires/samples/*.yaml || fail "the installed program could not validate the samples"
echo "deb_test: ok"
