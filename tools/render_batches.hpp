// Rendering career maps batch after batch (a chunk of files at a time keeps memory flat):
// the part of `render` that `demo` and rendering from the archive share. Each map is drawn on
// one of `jobs` threads and printed in input order; a person's several meetings get one PDF
// each. Failures are printed with their place and counted; nothing throws.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "engine/text.hpp"
#include "tools/cli.hpp"

namespace careermap::cli {

struct RenderSettings {
  std::string dir;
  Lang lang = Lang::ja;
  std::string date;
  unsigned jobs = 1;
  std::string password;  // empty: not encrypted
};
using NextBatch = std::function<std::optional<Batch>()>;  // nullopt when there is no more
// Progress on a terminal (stderr): "careermap render: N of ALL files read"; counts only,
// never a value from a file.
void tell_files_read(size_t n, size_t all);
// Batches of `files` (which must outlive the source), participant ids checked across them.
NextBatch file_batches(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                       std::ostream& err);
// Renders every batch `next` gives; prints paths, problems and a summary. Returns the exit status.
int render_batches(const Questionnaire& q, const NextBatch& next, const RenderSettings& s, std::ostream& out,
                   std::ostream& err);

}  // namespace careermap::cli
