#include <unistd.h>

#include <cstdio>

#include "engine/messages.hpp"
#include "engine/score_csv.hpp"
#include "engine/score_json.hpp"
#include "engine/scoring.hpp"
#include "tools/archive_use.hpp"
#include "tools/commands.hpp"
#include "tools/in_order.hpp"
#include "tools/record_stream.hpp"
#include "tools/shard.hpp"

namespace careermap::cli {
namespace {

// The output of score over batch after batch, as one CSV (its header once) or one JSON
// document (the participants of every batch in one list): the same bytes as for one batch.
class ScoreOutput {
 public:
  ScoreOutput(const Questionnaire& q, bool csv, std::ostream& out) : q_(q), csv_(csv), out_(out) {}
  void add(const Batch& b) {
    const auto placements = score(q_, b.valid);
    std::vector<std::string> meetings;
    for (const auto& a : b.valid) meetings.push_back(a.meeting);
    const std::string text = csv_ ? score_csv(q_, b.valid, placements) : score_json(q_, placements, meetings);
    if (csv_) {  // header, rows
      out_ << (first_ ? std::string_view(text) : std::string_view(text).substr(text.find('\n') + 1));
    } else {  // {"questionnaire": ..., "participants": [\n ELEMENTS]}\n, or [] when none
      constexpr std::string_view kList = "\"participants\": [";
      const size_t head = text.find(kList) + kList.size();
      if (first_) out_ << std::string_view(text).substr(0, head);
      if (!b.valid.empty()) out_ << (any_ ? ",\n" : "\n") << std::string_view(text).substr(head + 1, text.size() - head - 4);
      any_ = any_ || !b.valid.empty();
    }
    first_ = false;
  }
  void finish() {
    if (!csv_) out_ << "]}\n";
  }

 private:
  const Questionnaire& q_;
  const bool csv_;
  std::ostream& out_;
  bool first_ = true, any_ = false;
};

}  // namespace

// careermap score (options: its row in tools/command_table.cpp): one placement per participant
// and meeting (their record as of that meeting). From files it streams (record_stream.hpp):
// memory holds a few hundred people's answers, whatever the number of files.
int cmd_score(const Args& args, std::ostream& out, std::ostream& err) {
  const bool csv = args.get("--format", "json") == "csv";
  const Shard shard = shard_option(args);
  const bool from_archive = answers_from_archive(args);
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  ScoreOutput output(*q, csv, out);
  size_t used = 0;
  std::vector<std::string> invalid;
  const auto each = [&](const Batch& b) {
    output.add(b);
    used += b.valid.size();
    invalid.insert(invalid.end(), b.invalid.begin(), b.invalid.end());
  };
  if (from_archive) {
    std::optional<Batch> stored = archive_batch(args, *q, err);
    if (!stored) return kUsage;
    each(shard_of(std::move(*stored), shard));
  } else {
    const bool tty = ::isatty(STDERR_FILENO);
    RecordStream stream(*q, FileList(args.positional), mapping ? &*mapping : nullptr, meeting_option(args, *q), shard, err,
                        [tty](size_t n, size_t all) {
                          if (tty)
                            std::fprintf(stderr, "%s\n",
                                         trf("careermap score: {n} of {all} files read",
                                             {{"n", std::to_string(n)}, {"all", std::to_string(all)}})
                                             .c_str());
                        },
                        all_cores());
    while (const std::optional<Batch> b = stream.next(1024)) each(*b);
  }
  output.finish();
  summarize(used, invalid, err);
  return invalid.empty() ? kOk : kInvalid;
}

}  // namespace careermap::cli
