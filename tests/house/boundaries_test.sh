#!/bin/bash
# boundaries.sh must fail on each kind of breach, naming the place, and pass the real tree.
set -u
src=${1:?usage: boundaries_test.sh SOURCE_DIR}
check="$src/tests/house/boundaries.sh"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t"/engine/private "$t"/reports "$t"/tools "$t"/tests/engine
printf '#include <yaml-cpp/yaml.h>\n' > "$t/engine/private/y.hpp"
printf '#include "y.hpp"\n' > "$t/engine/a.cpp"
printf '#include "y.hpp"\n' > "$t/tests/engine/a_test.cpp"
printf '#pragma once\n#include <string>\n' > "$t/engine/ok.hpp"
out=$(bash "$check" "$t"); rc=$?
[ "$rc" = 0 ] && [ "$out" = "boundaries: ok" ] || { echo "clean tree refused ($rc): $out"; exit 1; }

printf '#pragma once\n#include <sqlite3.h>\n' > "$t/engine/b.hpp"
printf '#include "engine/private/y.hpp"\n' > "$t/reports/r.cpp"
printf '\n#include "reports/r.hpp"\n' > "$t/engine/c.cpp"
printf '#include "tools/cli.hpp"\n' > "$t/reports/d.cpp"
want="engine/b.hpp:2: a header includes a library's header (keep it in the .cpp, or in private/)
reports/r.cpp:1: includes engine's private header y.hpp
engine/c.cpp:2: the engine includes a floor above it
reports/d.cpp:1: the reports include the program's floor"
out=$(bash "$check" "$t"); rc=$?
[ "$rc" = 1 ] && [ "$out" = "$want" ] || { printf 'breaches: rc %s\n--- got\n%s\n--- want\n%s\n' "$rc" "$out" "$want"; exit 1; }

out=$(bash "$check" "$src"); rc=$?
[ "$rc" = 0 ] || { echo "$out"; exit 1; }
echo "boundaries_test: ok"
