#include "engine/score_csv.hpp"
#include "engine/score_json.hpp"
#include "engine/scoring.hpp"
#include "tools/commands.hpp"
#include "tools/shard.hpp"

namespace careermap::cli {

// careermap score (options: its row in tools/command_table.cpp): one placement per participant
// and meeting (their record as of that meeting)
int cmd_score(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.get("--format", "json");
  const Shard shard = shard_option(args);
  const bool from_archive = answers_from_archive(args);
  auto in = load_inputs(args, err);
  if (!in) return kUsage;
  const Questionnaire* q = &in->q;
  std::optional<Batch> stored = from_archive ? archive_batch(args, *q, err) : std::nullopt;
  if (from_archive && !stored) return kUsage;
  const Batch b =
      shard_of(from_archive ? std::move(*stored) : records_batch(*q, std::move(in->batch), meeting_option(args, *q)), shard);
  const auto placements = score(*q, b.valid);
  std::vector<std::string> meetings;
  for (const auto& a : b.valid) meetings.push_back(a.meeting);
  out << (format == "csv" ? score_csv(*q, b.valid, placements) : score_json(*q, placements, meetings));
  summarize(b.valid.size(), b.invalid, err);
  return b.invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
