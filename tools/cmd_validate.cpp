#include "tools/commands.hpp"

namespace careermap::cli {

// careermap validate -q Q.yaml [ANSWERS...]
// Prints every problem of the questionnaire and of each answers file to stderr.
int cmd_validate(const Args& args, std::ostream& out, std::ostream& err) {
  const auto in = load_inputs(args, err);
  if (!in) return kUsage;
  const Batch& b = in->batch;
  out << args.get("-q") << ": ok\n";
  for (const auto& a : b.valid) out << a.file << ": ok\n";
  summarize(b.valid.size(), b.invalid, err);
  return b.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
