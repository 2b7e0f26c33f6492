#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <memory>
#include <utility>
#include <thread>

#include "engine/comparison.hpp"
#include "engine/numbers.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/career_map.hpp"
#include "reports/career_map_pdf.hpp"
#include "reports/font.hpp"
#include "tools/commands.hpp"
#include "tools/record_stream.hpp"
#include "tools/shard.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

// What rendering one participant produced: diagnostics to print, in input order.
struct Outcome {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  bool ok = false;
};

// Progress on a terminal: counts only, never a value from a file.
void tell_files_read(size_t n, size_t all) {
  std::fprintf(stderr, "%s\n",
               trf("careermap render: {n} of {all} files read", {{"n", std::to_string(n)}, {"all", std::to_string(all)}})
                   .c_str());
}

}  // namespace

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
  std::vector<std::string> invalid;  // over every batch
  // PDF names given so far, without letter case (on Windows and macOS disks p01.pdf and
  // P01.pdf are one file): each of one person's meetings gets one.
  std::set<std::string> names;
  std::map<std::string, std::pair<std::string, std::string>> people;  // id without case -> id, its file
  auto fold = [](std::string id) {
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
  };
  size_t failed = 0, attempted = 0;
  while (std::optional<Batch> b = next()) {
    invalid.insert(invalid.end(), b->invalid.begin(), b->invalid.end());
    const auto placements = score(q, b->valid);
    // A later meeting's map compares with the person's latest earlier meeting in the batch,
    // or among the earlier records that come with one meeting's (after the `shown` ones).
    const size_t shown = b->valid.size();
    std::move(b->earlier.begin(), b->earlier.end(), std::back_inserter(b->valid));
    const std::vector<int> earlier = earlier_meetings(q, b->valid);
    std::vector<Outcome> outcomes(shown);
    for (size_t i = 0; i < shown; ++i) {
      const Answers& a = b->valid[i];
      const auto [other, fresh] = people.emplace(fold(a.participant), std::make_pair(a.participant, a.file));
      if (!fresh && other->second.first != a.participant) {
        outcomes[i].diagnostics.push_back(
            {{a.file, 0, 0},
             Severity::error,
             "participant",
             trf("'{id}' and '{other}' ({file}) differ only in letter case: on Windows and macOS "
                 "disks their PDFs would "
                 "be one file; rename one",
                 {{"id", a.participant},
                  {"other", other->second.first},
                  {"file", other->second.second}})});
        continue;
      }
      // <id>.pdf for a person's only record, <id>-<meeting>.pdf for each of several.
      const bool several = i < b->several.size() && b->several[i];
      std::string name = a.participant + (several && !a.meeting.empty() ? "-" + a.meeting : "");
      for (int k = 2; names.count(fold(name)); ++k) name = a.participant + "-" + std::to_string(k);
      names.insert(fold(name));
      outcomes[i].path = (std::filesystem::path(s.dir) / (name + ".pdf")).string();
    }
    std::atomic<size_t> next_index{0};
    auto work = [&] {
      for (size_t i = next_index++; i < shown; i = next_index++) {
        const Answers& a = b->valid[i];
        Outcome& o = outcomes[i];
        if (o.path.empty()) continue;  // refused above
        try {
          CareerMapContent c = build_career_map(q, a, placements[i], templates, s.lang, s.date);
          if (earlier[i] >= 0)
            c.comparison = build_comparison(q, compare_meetings(q, b->valid[earlier[i]], a), templates, s.lang);
          for (const auto& w : c.warnings)
            o.diagnostics.push_back({{a.file, 0, 0}, Severity::warning, w.field,
                                     trf("participant {id}: {code} cannot be drawn by the font; shown as 〓",
                                         {{"id", a.participant}, {"code", num::code_point(w.code)}})});
          write_career_map_pdf(c, font, o.path, s.password);
          o.ok = true;
        } catch (const Error& e) {
          o.diagnostics.push_back(e.diagnostic());
          if (o.diagnostics.back().where.file.empty()) o.diagnostics.back().where = {a.file, 0, 0};  // the document's
        } catch (const std::exception& e) {  // on a worker thread: main's net cannot catch it
          o.diagnostics.push_back({{o.path, 0, 0},
                                   Severity::error,
                                   "",
                                   trf("cannot write: {reason}", {{"reason", e.what()}})});
        }
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::min<size_t>(s.jobs, shown); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const auto& o : outcomes) {
      for (const auto& d : o.diagnostics) err << d.format() << '\n';
      if (o.ok) out << o.path << '\n';
      else ++failed;
    }
    attempted += shown;
  }
  summarize(attempted, invalid, err);
  if (failed)
    err << trf("careermap: {failed} of {all} PDFs could not be written",
               {{"failed", std::to_string(failed)}, {"all", std::to_string(attempted)}})
        << '\n';
  return invalid.empty() && failed == 0 ? kOk : kInvalid;
}

// careermap render (options: its row in tools/command_table.cpp): one PDF per participant and
// meeting (their record as of that meeting), from files or the archive alike.
int cmd_render(const Args& args, std::ostream& out, std::ostream& err) {
  const bool from_archive = answers_from_archive(args);
  const Shard shard = shard_option(args);
  if (args.has("--password") && args.has("--password-file"))
    throw UsageError(tr("give --password-file F or --password P, not both"));
  const Lang lang = *parse_lang(args.get("--lang", "ja"));
  const std::string date = args.get("--date", today());
  const unsigned jobs = args.has("--jobs") ? static_cast<unsigned>(std::stoul(args.get("--jobs")))
                                           : std::max(1u, std::thread::hardware_concurrency());
  std::string password = args.get("--password");
  if (args.has("--password"))
    err << "careermap render: " << tr("warning: ")
        << tr("--password can be seen by other users of this computer (for example with ps); put "
              "the password in a file "
              "and give --password-file F instead")
        << '\n';
  if (args.has("--password-file")) {
    try {
      password = read_password_file(args.get("--password-file"));
    } catch (const Error& e) {
      err << e.diagnostic().format() << '\n';
      return kUsage;
    }
  }
  const auto q = load_questionnaire(args.get("-q"), err);
  if (!q) return kUsage;
  std::optional<Mapping> mapping;
  if (!load_mapping(args, *q, mapping, err)) return kUsage;
  const RenderSettings settings{args.get("-o"), lang, date, jobs, password};
  if (from_archive) {
    std::optional<Batch> once = archive_batch(args, *q, err);
    if (!once) return kUsage;
    once = shard_of(std::move(*once), shard);
    return render_batches(*q, [&once] { return std::exchange(once, std::nullopt); }, settings, out, err);
  }
  // A record may join parts from several files: every file is read (and kept on disk) before
  // the first map, then the maps are drawn a few people at a time (record_stream.hpp).
  const bool tty = ::isatty(STDERR_FILENO);
  RecordStream stream(*q, args.positional, mapping ? &*mapping : nullptr, meeting_option(args, *q), shard, err,
                      [tty](size_t n, size_t all) {
                        if (tty) tell_files_read(n, all);
                      });
  return render_batches(*q, [&stream] { return stream.next(); }, settings, out, err);
}

}  // namespace careermap::cli
