#include <filesystem>

#include "engine/answers_yaml.hpp"
#include "engine/files.hpp"
#include "tools/commands.hpp"
#include "tools/read_answers.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {

// careermap convert (options: its row in tools/command_table.cpp).
// One answers YAML per valid row, named after the participant, written as the row is
// read; every bad row named with its line and reason, and no file written for it.
int cmd_convert(const Args& args, std::ostream& out, std::ostream& err) {
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  const bool dry = args.has("--dry-run");
  const std::filesystem::path dir = args.get("-o");
  if (!dry) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      err << dir.string() << ": " << tr("error: ")
          << trf("cannot create the output folder: {reason}", {{"reason", ec.message()}}) << '\n';
      return kUsage;
    }
  }
  std::map<std::string, std::string> seen;
  const ReadResult r = read_answers(*q, args.positional, &*mapping, err, &seen, [&](AnswersRead& read) {
                                      if (!read.ok) return;
                                      const Answers& a = read.answers;
                                      const std::string path = (dir / (a.participant + ".yaml")).string();
                                      if (!dry) write_file_atomically(path, answers_to_yaml(*q, a));
                                      out << a.file << " -> " << path
                                          << (dry ? tr(" (dry run: not written)") : "") << '\n';
                                    });
  summarize(r.valid, r.invalid, err);
  return r.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
