#include "tools/commands.hpp"
#include "tools/read_answers.hpp"

namespace careermap::cli {

// careermap validate (options: its row in tools/command_table.cpp).
// Prints every problem of the questionnaire and of each answers file (or CSV row) to
// stderr; reads one at a time, so a CSV of any length takes the memory of one row.
int cmd_validate(const Args& args, std::ostream& out, std::ostream& err) {
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  out << args.get("-q") << ": ok\n";
  std::map<std::string, std::string> seen;
  const ReadResult r = read_answers(*q, args.positional, mapping ? &*mapping : nullptr, err, &seen,
                                    [&](AnswersRead& a) {
                                      if (a.ok) out << a.answers.file << ": ok\n";
                                    });
  summarize(r.valid, r.invalid, err);
  return r.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
