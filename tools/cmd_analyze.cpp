#include "engine/item_stats.hpp"
#include "engine/responses.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

// careermap analyze -q Q.yaml [--format text|json] ANSWERS...
int cmd_analyze(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.get("--format", "text");
  if (!args.has("-q") || args.positional.empty() || (format != "json" && format != "text")) {
    err << "careermap analyze: needs -q QUESTIONNAIRE and answers files; --format text or json\n";
    return kUsage;
  }
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  const Batch b = load_batch(*q, args.positional, err, nullptr, mapping ? &*mapping : nullptr);
  const ItemAnalysis a = analyze_items(*q, collect_responses(*q, b.valid));
  out << (format == "json" ? item_analysis_json(a) : item_analysis_text(*q, a));
  summarize(b, b.valid.size() + b.invalid.size(), err);
  return b.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
