// Fuzzes the templates loader: any bytes give diagnostics or an Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/templates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  Diagnostics d;
  try {
    const Templates t = Templates::parse(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml", d);
    (void)t.list("profile");
    (void)t.find("csv.participant");
  } catch (const Error&) {
  }
  return 0;
}
