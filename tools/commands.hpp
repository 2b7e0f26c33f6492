// The subcommands of `careermap`, one function each (one file each), and the table
// that main() dispatches on. A new command is one row here and one function.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>

#include "engine/archive.hpp"
#include "engine/templates.hpp"
#include "tools/cli.hpp"
#include "tools/help.hpp"

namespace careermap::cli {

int cmd_validate(const Args& args, std::ostream& out, std::ostream& err);
int cmd_score(const Args& args, std::ostream& out, std::ostream& err);
int cmd_analyze(const Args& args, std::ostream& out, std::ostream& err);
int cmd_render(const Args& args, std::ostream& out, std::ostream& err);
int cmd_demo(const Args& args, std::ostream& out, std::ostream& err);
int cmd_mapping(const Args& args, std::ostream& out, std::ostream& err);
int cmd_convert(const Args& args, std::ostream& out, std::ostream& err);
int cmd_form(const Args& args, std::ostream& out, std::ostream& err);
int cmd_import(const Args& args, std::ostream& out, std::ostream& err);
int cmd_archive(const Args& args, std::ostream& out, std::ostream& err);
int cmd_export(const Args& args, std::ostream& out, std::ostream& err);
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err);

// Submissions of answers files (YAML, or CSV through `mapping`) for the archive, handed to
// `each` one at a time as they are read (each_submission returns how many inputs could not
// be read at all), or all together (submissions_of, for small sets).
int each_submission(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                    const std::string& cohort, const std::string& session, std::ostream& err,
                    const std::function<void(Submission&&)>& each);
std::vector<Submission> submissions_of(const Questionnaire& q, const std::vector<std::string>& files,
                                       const Mapping* mapping, const std::string& cohort, const std::string& session,
                                       std::ostream& err);

// Rendering career maps, batch after batch (files a chunk at a time keep memory flat).
struct RenderSettings {
  std::string dir;
  Lang lang = Lang::ja;
  std::string date;
  unsigned jobs = 1;
  std::string password;  // empty: not encrypted
};
using NextBatch = std::function<std::optional<Batch>()>;  // nullopt when there is no more
// Batches of `files` (which must outlive the source), participant ids checked across them.
NextBatch file_batches(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                       std::ostream& err);
// Renders every batch `next` gives; prints paths, problems and a summary. Returns the exit status.
int render_batches(const Questionnaire& q, const NextBatch& next, const RenderSettings& s, std::ostream& out,
                   std::ostream& err);

// The archive named by --archive, for a command (`create`: import only). Says on `err` while
// it waits for another careermap. nullopt, the reason printed, when it cannot be used: the
// command then exits with kUsage. With `q`, the validated answers of its submissions are made
// where the archive has none for its rules (ArchiveOptions::questionnaire).
std::optional<Archive> open_archive(const Args& args, bool create, std::ostream& err,
                                    const Questionnaire* q = nullptr);

// Empty when every cohort in `asked` has valid submissions among `chosen` (those of `archive`
// for `asked`), or, when none is asked for, when `chosen` is not empty; else the problem, for
// `FILE: error: ` + it: "--cohorts: no valid submissions of cohort 2024 (the archive holds
// cohorts 2025, 2026); nothing was done". Cohort ids from the archive are named only when
// they pass the id rule (the others are counted); `asked` must already have passed it.
std::string missing_cohorts(const Archive& archive, std::string_view option, const std::vector<std::string>& asked,
                            const std::vector<Submission>& chosen);

// The records of --cohort in --archive (shared by score and render; only --meeting's when
// given): archive_records below; nullopt,
// the reason printed, when the archive cannot be used or holds no valid answers of --cohort.
std::optional<Batch> archive_batch(const Args& args, const Questionnaire& q, std::ostream& err);
// The records of `cohort` in `archive` (records_batch; only `meeting` when not empty), each
// assembled from the newest version of every part; `name` names the archive in messages
// ("A.db#12"). A stored submission that no longer reads against `q` is printed and invalid.
Batch archive_records(const Archive& archive, const Questionnaire& q, const std::string& cohort,
                      const std::string& meeting, const std::string& name, std::ostream& err);

// The table of commands (tools/command_table.cpp).
std::span<const Command> commands();

}  // namespace careermap::cli
