// Fuzzes the answers intake, then scores and builds the career map content of what it read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/answers.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/career_map.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  static Diagnostics setup;
  static const Questionnaire q = Questionnaire::load(CAREERMAP_SOURCE_DIR "/questionnaires/presession-v1.yaml", setup);
  static const Templates t = Templates::load(CAREERMAP_SOURCE_DIR "/templates/careermap.yaml", setup);
  Diagnostics d;
  const Answers a = parse_answers(q, std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", d);
  if (!d.has_errors()) {
    const auto p = score(q, std::vector<Answers>{a});
    build_career_map(q, a, p[0], t, Lang::ja, "2026-07-01");
  }
  return 0;
}
