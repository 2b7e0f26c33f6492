#include <filesystem>

#include "engine/answers_yaml.hpp"
#include "engine/files.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

// careermap convert -q Q.yaml --mapping M.yaml -o DIR [--dry-run] FORM.csv...
// One answers YAML per valid row, named after the participant; every bad row named with
// its line and reason.
int cmd_convert(const Args& args, std::ostream& out, std::ostream& err) {
  const auto in = load_inputs(args, err);
  if (!in) return kUsage;
  const Questionnaire* q = &in->q;
  const Batch& b = in->batch;
  const bool dry = args.has("--dry-run");
  const std::filesystem::path dir = args.get("-o");
  if (!dry) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      err << dir.string() << ": error: cannot create the output folder: " << ec.message() << '\n';
      return kUsage;
    }
  }
  for (const auto& a : b.valid) {
    const std::string path = (dir / (a.participant + ".yaml")).string();
    if (!dry) write_file_atomically(path, answers_to_yaml(*q, a));
    out << a.file << " -> " << path << (dry ? " (dry run: not written)" : "") << '\n';
  }
  summarize(b.valid.size(), b.invalid, err);
  return b.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
