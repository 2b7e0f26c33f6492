// Fuzzes the archive reader: any bytes, stored as a file and opened as an archive (never
// created), give an Error or a list of submissions, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "engine/archive.hpp"
#include "engine/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace careermap;
  static const std::string path = "/tmp/careermap-fuzz-archive-" + std::to_string(::getpid()) + ".db";
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
  std::remove((path + "-journal").c_str());
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  try {
    const Archive a = Archive::open(path);
    (void)a.schema_version();
    for (const auto& s : a.all()) (void)s.raw.size();
    (void)a.current();
  } catch (const Error&) {
  }
  return 0;
}
