// Fuzzes the CSV reader and the CSV intake through the mapping of `form --csv`'s header.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/csv_intake.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  static Diagnostics setup;
  static const Questionnaire q = Questionnaire::load(CAREERMAP_SOURCE_DIR "/questionnaires/presession-v1.yaml", setup);
  static const Mapping m = [] {
    const Templates t = Templates::load(CAREERMAP_SOURCE_DIR "/templates/form.yaml", setup);
    std::string yaml = "questionnaire: presession-v1\ncolumns:\n";
    int n = 0;
    for (const auto& [header, target] : form_columns(q, t, Lang::ja, 2))
      yaml += "  \"c" + std::to_string(n++) + "\": " + target.text() + "\n";
    return Mapping::parse(yaml, "m.yaml", q, setup);
  }();
  Diagnostics d;
  CsvReader reader(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv");
  CsvIntake intake(q, m, reader, d);
  Answers a;
  for (Diagnostics row; intake.next(a, row); row = {}) {
  }
  return 0;
}
