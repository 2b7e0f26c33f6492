#!/bin/bash
# boundaries.sh must fail on each kind of breach, however the include is spelled, naming the
# place, and pass the real tree.
set -u
src=${1:?usage: boundaries_test.sh SOURCE_DIR}
check="$src/tests/house/boundaries.sh"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t"/engine/private/sub "$t"/reports "$t"/tools/private "$t"/tests/engine "$t"/tests/fuzz
printf '#include <yaml-cpp/yaml.h>\n' > "$t/engine/private/y.hpp"
printf '#include <sqlite3.h>\n' > "$t/engine/private/sub/z.h"
printf '#include "y.hpp"\n' > "$t/engine/a.cpp"
printf '#include "y.hpp"\n#include "engine/private/sub/z.h"\n' > "$t/tests/engine/a_test.cpp"
printf '#pragma once\n#include <string>\n#include "engine/answers.hpp"\n' > "$t/engine/ok.hpp"
out=$(bash "$check" "$t"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "boundaries: ok" ] || { echo "clean tree refused ($rc): $out"; exit 1; }

printf '#pragma once\n#include <sqlite3.h>\n' > "$t/engine/b.hpp"
printf '#  include  <harfbuzz/hb.h>\n' > "$t/engine/c.h"
printf '# include "fmt/format.h"\n' > "$t/tools/d.hpp"
printf '#include <hb-ot-layout.h>\n' > "$t/tools/private/p.hpp"
printf '#include "engine/private/y.hpp"\n' > "$t/reports/r.cpp"
printf '#include "../engine/private/sub/z.h"\n' > "$t/tests/fuzz/f.cpp"
printf '\n#include "reports/r.hpp"\n' > "$t/engine/e.cpp"
printf '#include <tools/cli.hpp>\n' > "$t/reports/g.cpp"
printf '#include "../tools/cli.hpp"\n' > "$t/reports/h.cpp"
want="engine/b.hpp:2: a header includes a library's header (keep it in the .cpp, or in private/)
engine/c.h:1: a header includes a library's header (keep it in the .cpp, or in private/)
tools/d.hpp:1: a header includes a library's header (keep it in the .cpp, or in private/)
tools/private/p.hpp:1: a header includes a library's header (keep it in the .cpp, or in private/)
reports/r.cpp:1: includes engine's private header y.hpp
tests/fuzz/f.cpp:1: includes engine's private header z.h
engine/e.cpp:2: the engine includes a floor above it
reports/g.cpp:1: the reports include the program's floor
reports/h.cpp:1: the reports include the program's floor"
out=$(bash "$check" "$t"); rc=$?
out=$(sort <<<"$out")
want=$(sort <<<"$want")
[ "$rc" = 1 ] && [ "$out" = "$want" ] || { printf 'breaches: rc %s\n--- got\n%s\n--- want\n%s\n' "$rc" "$out" "$want"; exit 1; }

out=$(bash "$check" "$src"); rc=$?
[ "$rc" = 0 ] || { echo "$out"; exit 1; }
echo "boundaries_test: ok"
