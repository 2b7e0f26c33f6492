// Fuzzes the mapping loader against the shipped questionnaire: any bytes give diagnostics
// or an Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  static const Questionnaire q = [] {
    Diagnostics d;
    return Questionnaire::load(CAREERMAP_SOURCE_DIR "/questionnaires/presession-v1.yaml", d);
  }();
  Diagnostics d;
  try {
    const Mapping m = Mapping::parse(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", q, d);
    for (const auto& c : m.columns) (void)m.find(c.header);
  } catch (const Error&) {
  }
  return 0;
}
