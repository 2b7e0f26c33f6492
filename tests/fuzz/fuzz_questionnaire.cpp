// Fuzzes the questionnaire loader: any bytes give diagnostics or an Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/questionnaire.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  static const Model model = [] {
    Diagnostics d;
    return Model::load(CAREERMAP_SOURCE_DIR "/questionnaires/model.yaml", d);
  }();
  Diagnostics d;
  try {
    Questionnaire::parse(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", model, d);
  } catch (const Error&) {
  }
  return 0;
}
