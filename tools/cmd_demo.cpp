#include <algorithm>
#include <filesystem>
#include <utility>

#include "engine/files.hpp"
#include "engine/mapping.hpp"
#include "engine/cohort.hpp"
#include "engine/release_log.hpp"
#include "reports/cohort_report.hpp"
#include "reports/font.hpp"
#include "tools/archive_use.hpp"
#include "tools/commands.hpp"
#include "tools/render_batches.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

std::vector<std::string> yaml_in(const std::filesystem::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace


namespace {

// The sample archive of five years (cohorts of 3 to 5, first and last meeting) and the sample
// cohort 2026's half year, imported as it came in. False when the worksheet's mapping is bad.
bool import_samples(const Questionnaire& q, const std::filesystem::path& data, Archive& archive, std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path more = data / "questionnaires" / "samples" / "archive";
  for (const char* year : {"2022", "2023", "2024", "2025"})
    for (const char* session : {"pre", "post"})
      if (fs::is_directory(more / (std::string(year) + "-" + session)))
        archive.import(submissions_of(q, yaml_in(more / (std::string(year) + "-" + session)), nullptr, year, session, err),
                       "2026-09-30T00:00:00Z");
  const fs::path half = data / "questionnaires" / "samples" / "halfyear";
  Diagnostics mdiags;
  const Mapping worksheet_csv = Mapping::load((half / "worksheet.mapping.yaml").string(), q, mdiags);
  print(err, mdiags);
  if (mdiags.has_errors()) return false;
  archive.import(submissions_of(q, yaml_in(half / "m1"), nullptr, "2026", "", err), "2026-05-20T09:00:00Z");
  archive.import(submissions_of(q, yaml_in(half / "m3"), nullptr, "2026", "", err), "2026-07-15T09:00:00Z");
  archive.import(submissions_of(q, {(half / "m3" / "worksheet.csv").string()}, &worksheet_csv, "2026", "", err),
                 "2026-07-16T09:00:00Z");
  archive.import(submissions_of(q, yaml_in(half / "m5"), nullptr, "2026", "", err), "2026-09-16T09:00:00Z");
  return true;
}

}  // namespace

// careermap demo (options: its row in tools/command_table.cpp): the shipped sample cohort rendered into DIR (default out/).
int cmd_demo(const Args& args, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  const fs::path data = data_dir();
  const std::string dir = args.get("-o", "out");
  const auto q = load_questionnaire((data / "questionnaires" / "presession-v1.yaml").string(), err);
  if (!q) return kUsage;
  const std::vector<std::string> files = yaml_in(data / "questionnaires" / "samples");
  const int status =
      render_batches(*q, file_batches(*q, files, nullptr, err), {dir, Lang::ja, "2026-07-01", 2, ""}, out, err);
  if (status != kOk) return status;
  err << trf("careermap demo: {n} career maps written to {folder}/",
             {{"n", std::to_string(files.size())}, {"folder", dir}})
      << '\n';

  // A sample archive of five years (cohorts of 3 to 5, first and last meeting) and its report;
  // the sample cohort 2026 as its half year came in: the questionnaire at meeting 1, the
  // worksheet by meeting 3 (three as files, one as a CSV row; p04 sends none), the
  // questionnaire again at meeting 5.
  const fs::path db = fs::path(dir) / "archive.db";
  for (const char* f : {"archive.db", "archive.db-wal", "archive.db-shm"}) fs::remove(fs::path(dir) / f);
  ArchiveOptions create;
  create.create = true;
  Archive archive = Archive::open(db.string(), create);
  if (!import_samples(*q, data, archive, err)) return kUsage;
  std::optional<Batch> records = archive_records(archive, *q, "2026", "", db.string(), err);
  const size_t maps = records->valid.size();
  const std::string half_dir = (fs::path(dir) / "halfyear").string();
  if (const int s = render_batches(*q, [&records] { return std::exchange(records, std::nullopt); },
                                   {half_dir, Lang::ja, "2026-09-16", 2, ""}, out, err);
      s != kOk)
    return s;
  err << trf("careermap demo: the 2026 cohort's half year (meetings 1, 3 and 5) imported into {archive} and its {n} "
             "career maps written to {folder}/",
             {{"archive", db.string()}, {"n", std::to_string(maps)}, {"folder", half_dir}})
      << '\n';
  const CohortSummary summary = summarize_cohorts(*q, archive.current(), CohortOptions{});
  append_release(db.string(), {0, "2026-09-30T00:00:00Z", "demo", q->id, summary.min_group, release_of(summary)});
  const FontSource font(font_path());
  const std::string report = (fs::path(dir) / "cohort.pdf").string(), table = (fs::path(dir) / "cohort.csv").string();
  write_cohort_report_pdf(*q, summary, load_templates("cohort.yaml", err), Lang::ja, "2026-09-30", font, report);
  write_file_atomically(table, cohort_csv(*q, summary));
  out << db.string() << '\n' << report << '\n' << table << '\n';
  err << trf("careermap demo: a five-year sample archive (cohorts of 3 to 5) and its cohort report "
             "written to {folder}/",
             {{"folder", dir}})
      << '\n';
  return kOk;
}

}  // namespace careermap::cli
