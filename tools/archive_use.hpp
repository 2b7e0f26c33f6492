// The archive as the commands use it: opening the one named by --archive, the submissions of
// answers files for import, and the records of a cohort for score, render and the demo. The
// part of `import`, `archive`, `export`, `cohort`, `score` and `render` they share. Problems
// are printed with their place; nothing throws but what Archive itself does.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/archive.hpp"
#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "tools/args.hpp"
#include "tools/cli.hpp"
#include "tools/file_list.hpp"

namespace careermap::cli {

// Submissions of answers files (YAML, or CSV through `mapping`) for the archive, handed to
// `each` one at a time as they are read (each_submission returns how many inputs could not
// be read at all), or all together (submissions_of, for small sets).
// YAML files are read and checked on `jobs` threads (read_answers): the submissions, and
// their order, are the same for any `jobs`.
int each_submission(const Questionnaire& q, const FileList& files, const Mapping* mapping,
                    const std::string& cohort, const std::string& session, std::ostream& err,
                    const std::function<void(Submission&&)>& each, unsigned jobs = 1);
std::vector<Submission> submissions_of(const Questionnaire& q, const std::vector<std::string>& files,
                                       const Mapping* mapping, const std::string& cohort, const std::string& session,
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
                            const std::set<std::string>& found);

// The records of --cohort in --archive (shared by score and render; only --meeting's when
// given): archive_records below; nullopt,
// the reason printed, when the archive cannot be used or holds no valid answers of --cohort.
std::optional<Batch> archive_batch(const Args& args, const Questionnaire& q, std::ostream& err);
// The records of `cohort` in `archive` (records_batch; only `meeting` when not empty), each
// assembled from the newest version of every part; `name` names the archive in messages
// ("A.db#12"). A stored submission that no longer reads against `q` is printed and invalid.
Batch archive_records(const Archive& archive, const Questionnaire& q, const std::string& cohort,
                      const std::string& meeting, const std::string& name, std::ostream& err);

}  // namespace careermap::cli
