#!/usr/bin/env bash
# Builds careermap's libFuzzer targets with clang (AddressSanitizer and UBSan on) and runs
# each for SECONDS (default 600), two at a time, each under a 512 MB memory limit
# (-rss_limit_mb: an input that needs more is a finding, like a crash). Corpora grow in build-fuzz/corpus/<target>,
# seeded from the shipped samples and test data; crashes land in build-fuzz/crashes/.
#   tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(questionnaire answers csv line_break model templates mapping archive)
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
    -DCAREERMAP_FUZZ=ON -DCAREERMAP_WERROR=OFF >/dev/null
fi
cmake --build build-fuzz -- --quiet
mkdir -p build-fuzz/crashes
seed() {
  local dir="build-fuzz/corpus/$1" f; mkdir -p "$dir"
  local files=()
  case "$1" in
    questionnaire) files=(questionnaires/*.yaml tests/data/tiny/*.yaml) ;;
    answers) files=(questionnaires/samples/*.yaml tests/data/tiny/*.yaml tests/data/regression/*.yaml) ;;
    csv) files=(tests/data/forms/*.csv) ;;
    model) files=(questionnaires/model.yaml tests/data/tiny/model.yaml) ;;
    templates) files=(templates/*.yaml) ;;
    mapping)
      for f in tests/data/forms/*.csv; do
        ./build-fuzz/careermap mapping -q questionnaires/presession-v1.yaml --init "$f" \
          -o "$dir/seed-$(basename "$f" .csv).yaml" >/dev/null 2>&1 || true
      done ;;
    archive)
      rm -f build-fuzz/seed.db
      ./build-fuzz/careermap import -q questionnaires/presession-v1.yaml --archive build-fuzz/seed.db --cohort 2026 \
        questionnaires/samples/p0[1-3].yaml >/dev/null 2>&1 || true
      [ -f build-fuzz/seed.db ] && cp build-fuzz/seed.db "$dir/seed.db" ;;
    line_break) printf '\x10組織の壁を越える。' > "$dir/a"; printf '\x05改善DX推進（2026年度）' > "$dir/b" ;;
  esac
  for f in "${files[@]}"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"; done
  true
}
run() {
  seed "$1"
  ./build-fuzz/tests/fuzz/fuzz_"$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=512 -max_len=65536 \
    -artifact_prefix=build-fuzz/crashes/"$1"- build-fuzz/corpus/"$1" >build-fuzz/"$1".log 2>&1 || true
  echo "$1: $(grep -E '^#[0-9]+.*(DONE|pulse)' build-fuzz/"$1".log | tail -1)"
  grep -E 'ERROR|SUMMARY|crash-|timeout-|oom-' build-fuzz/"$1".log | head -5 || true
}
pids=()
for t in "${targets[@]}"; do
  run "$t" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
