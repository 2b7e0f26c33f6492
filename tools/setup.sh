#!/usr/bin/env bash
# careermap set-up: installs the Debian packages it needs (only those missing), builds,
# then runs what was asked:
#   tools/setup.sh demo    build and render the sample cohort into out/
#   tools/setup.sh test    build and run every test (then again under ASan and UBSan)
#   tools/setup.sh build   build only
# Idempotent; quiet when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-build}"
case "$what" in demo|test|build) ;; *) echo "usage: tools/setup.sh demo|test|build" >&2; exit 2 ;; esac

# gettext: msgfmt builds po/ja.po into the catalogue; xgettext and msgcmp check it (tests/i18n).
packages=(
  g++ cmake ninja-build pkg-config
  libeigen3-dev libhpdf-dev libyaml-cpp-dev libyaml-dev libboost-test-dev libharfbuzz-dev libsqlite3-dev libqpdf-dev libglpk-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev libicu-dev nettle-dev libfmt-dev libdeflate-dev
  libfreetype-dev
  fonts-ipaexfont-gothic poppler-utils qpdf
  dpkg-dev groff-base gettext
)
# Only for `test`: node runs the answer page's script and the browser test, which drives
# Debian's chromium (tests/browser/README.md); python3-openpyxl fills the form kit's workbook
# as Excel would save it (the round-trip test).
test_packages=(nodejs chromium python3-openpyxl)
if [ "$what" = test ]; then packages+=("${test_packages[@]}"); fi
missing=()
if [ "$what" = test ] && ! command -v npm >/dev/null; then missing+=(npm); fi
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -- --quiet

case "$what" in
  demo) ./build/careermap demo -o out ;;
  test)
    # puppeteer-core and axe-core, exactly as package-lock.json pins them; again only when the
    # lock changed. puppeteer-core never downloads a browser: the test uses /usr/bin/chromium.
    if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.careermap-lock.json; then
      echo "setup: installing the browser test's npm packages"
      PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
      cp tests/browser/package-lock.json tests/browser/node_modules/.careermap-lock.json
    fi
    ctest --test-dir build --output-on-failure -j"$(nproc)"  # the suites side by side, one per core
    bash tools/sanitize.sh  # the same tests under AddressSanitizer and UndefinedBehaviorSanitizer
    ;;
  build) ;;
esac
