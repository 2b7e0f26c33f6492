#include "engine/item_stats.hpp"
#include "engine/responses.hpp"
#include "tools/commands.hpp"

namespace careermap::cli {

// careermap analyze (options: its row in tools/command_table.cpp): item statistics and alpha per scene scale.
int cmd_analyze(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.get("--format", "text");
  const auto in = load_inputs(args, err);
  if (!in) return kUsage;
  const Batch& b = in->batch;
  const ItemAnalysis a = analyze_items(in->q, collect_responses(in->q, b.valid));
  out << (format == "json" ? item_analysis_json(a) : item_analysis_text(in->q, a));
  summarize(b.valid.size(), b.invalid, err);
  return b.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
