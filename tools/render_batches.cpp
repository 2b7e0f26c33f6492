#include "tools/render_batches.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <utility>

#include "engine/comparison.hpp"
#include "engine/disk_map.hpp"
#include "engine/messages.hpp"
#include "engine/numbers.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/career_map.hpp"
#include "reports/career_map_pdf.hpp"
#include "reports/font.hpp"

namespace careermap::cli {
namespace {

// What rendering one participant produced: diagnostics to print, in input order.
struct Outcome {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
};

}  // namespace

void tell_files_read(size_t n, size_t all) {
  std::fprintf(stderr, "%s\n",
               trf("careermap render: {n} of {all} files read", {{"n", std::to_string(n)}, {"all", std::to_string(all)}})
                   .c_str());
}


NextBatch file_batches(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                       std::ostream& err) {
  constexpr size_t kChunk = 64;
  struct State {
    size_t at = 0;
    std::map<std::string, std::string> seen;  // participant ids of earlier chunks
  };
  auto state = std::make_shared<State>();
  const bool tty = ::isatty(STDERR_FILENO);
  return [&q, &files, mapping, &err, state, tty]() -> std::optional<Batch> {
    if (state->at >= files.size()) return std::nullopt;
    const size_t end = std::min(files.size(), state->at + kChunk);
    const std::vector<std::string> chunk(files.begin() + state->at, files.begin() + end);
    Batch b = load_batch(q, chunk, err, &state->seen, mapping);
    state->at = end;
    if (tty) tell_files_read(end, files.size());
    return b;
  };
}

namespace {

// Rendering batch after batch: one output folder, one name per PDF (without letter case),
// each person once by id.
class MapRenderer {
 public:
  MapRenderer(const Questionnaire& q, const RenderSettings& s, const Templates& t, const FontSource& font)
      : q_(q), s_(s), templates_(t), font_(font) {}

  // Draws one batch's maps over s.jobs threads; prints them in input order.
  void render(Batch& b, std::ostream& out, std::ostream& err) {
    invalid.insert(invalid.end(), b.invalid.begin(), b.invalid.end());
    const auto placements = score(q_, b.valid);
    // A later meeting's map compares with the person's latest earlier meeting in the batch,
    // or among the earlier records that come with one meeting's (after the `shown` ones).
    const size_t shown = b.valid.size();
    std::move(b.earlier.begin(), b.earlier.end(), std::back_inserter(b.valid));
    const std::vector<int> earlier = earlier_meetings(q_, b.valid);
    std::vector<Outcome> outcomes(shown);
    for (size_t i = 0; i < shown; ++i) name_output(b, i, outcomes[i]);
    std::atomic<size_t> next_index{0};
    auto work = [&] {
      for (size_t i = next_index++; i < shown; i = next_index++)
        if (!outcomes[i].path.empty()) draw(b.valid[i], placements[i], earlier[i] >= 0 ? &b.valid[earlier[i]] : nullptr, outcomes[i]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<size_t>(s_.jobs, shown); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& o : outcomes) {
      for (const auto& d : o.diagnostics) err << d.format() << '\n';
      if (o.ok) out << o.path << '\n';
      else ++failed;
    }
    attempted += shown;
  }

  std::vector<std::string> invalid;  // over every batch
  size_t failed = 0, attempted = 0;

 private:
  static std::string fold(std::string id) {
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
  }

  // The PDF's path for record i of the batch: <id>.pdf for a person's only record,
  // <id>-<meeting>.pdf for each of several; refused (no path) for an id that differs from
  // another's only in letter case (on Windows and macOS disks their PDFs would be one file).
  void name_output(const Batch& b, size_t i, Outcome& o) {
    const Answers& a = b.valid[i];
    const std::string folded = fold(a.participant);
    std::optional<std::string> first;
    if (!people_.insert(folded, a.participant + '\0' + a.file)) first = people_.find(folded);
    const std::string_view id = first ? std::string_view(*first).substr(0, first->find('\0')) : std::string_view();
    if (first && id != a.participant) {
      const std::string_view file = std::string_view(*first).substr(id.size() + 1);
      o.diagnostics.push_back(
          {{a.file, 0, 0},
           Severity::error,
           "participant",
           trf("'{id}' and '{other}' ({file}) differ only in letter case: on Windows and macOS "
               "disks their PDFs would "
               "be one file; rename one",
               {{"id", a.participant}, {"other", std::string(id)}, {"file", std::string(file)}})});
      return;
    }
    const bool several = i < b.several.size() && b.several[i];
    std::string name = a.participant + (several && !a.meeting.empty() ? "-" + a.meeting : "");
    for (int k = 2; !names_.insert(fold(name), {}); ++k) name = a.participant + "-" + std::to_string(k);
    o.path = (std::filesystem::path(s_.dir) / (name + ".pdf")).string();
  }

  // One map (on a worker thread): its content, its comparison with `earlier`, its PDF.
  void draw(const Answers& a, const Placement& p, const Answers* earlier, Outcome& o) const {
    try {
      CareerMapContent c = build_career_map(q_, a, p, templates_, s_.lang, s_.date);
      if (earlier) c.comparison = build_comparison(q_, compare_meetings(q_, *earlier, a), templates_, s_.lang);
      for (const auto& w : c.warnings)
        o.diagnostics.push_back({{a.file, 0, 0}, Severity::warning, w.field,
                                 trf("participant {id}: {code} cannot be drawn by the font; shown as 〓",
                                     {{"id", a.participant}, {"code", num::code_point(w.code)}})});
      write_career_map_pdf(c, font_, o.path, s_.password);
      o.ok = true;
    } catch (const Error& e) {
      o.diagnostics.push_back(e.diagnostic());
      if (o.diagnostics.back().where.file.empty()) o.diagnostics.back().where = {a.file, 0, 0};  // the document's
    } catch (const std::exception& e) {  // on a worker thread: main's net cannot catch it
      o.diagnostics.push_back({{o.path, 0, 0}, Severity::error, "", trf("cannot write: {reason}", {{"reason", e.what()}})});
    }
  }

  const Questionnaire& q_;
  const RenderSettings& s_;
  const Templates& templates_;
  const FontSource& font_;
  // Kept for every person of the run, on disk: the PDF names given so far and the ids, both
  // without letter case, and of each id the first person's id and file ("ID\0FILE").
  DiskMap names_, people_;
};

}  // namespace

int render_batches(const Questionnaire& q, const NextBatch& next, const RenderSettings& s, std::ostream& out,
                   std::ostream& err) {
  Diagnostics tdiags;
  const Templates templates =
      Templates::load((std::filesystem::path(data_dir()) / "templates" / "careermap.yaml").string(), tdiags);
  print(err, tdiags);
  if (tdiags.has_errors()) return kUsage;
  const FontSource font(font_path());
  std::error_code ec;
  std::filesystem::create_directories(s.dir, ec);
  if (ec) {
    err << s.dir << ": " << tr("error: ")
        << trf("cannot create the output folder: {reason}", {{"reason", ec.message()}}) << '\n';
    return kUsage;
  }
  MapRenderer r(q, s, templates, font);
  while (std::optional<Batch> b = next()) r.render(*b, out, err);
  summarize(r.attempted, r.invalid, err);
  if (r.failed)
    err << trf("careermap: {failed} of {all} PDFs could not be written",
               {{"failed", std::to_string(r.failed)}, {"all", std::to_string(r.attempted)}})
        << '\n';
  return r.invalid.empty() && r.failed == 0 ? kOk : kInvalid;
}

}  // namespace careermap::cli
