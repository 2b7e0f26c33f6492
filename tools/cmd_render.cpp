#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <memory>
#include <thread>
#include <utility>

#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/font.hpp"
#include "tools/archive_use.hpp"
#include "tools/commands.hpp"
#include "tools/render_batches.hpp"
#include "tools/record_stream.hpp"
#include "tools/shard.hpp"
#include "engine/messages.hpp"

namespace careermap::cli {

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
  // the first map, then the maps are drawn a few people at a time (record_stream.hpp). The
  // files are read at the first batch asked for, after the templates, the font and the output
  // folder are found usable: a missing one is said at once, not after reading every file.
  const bool tty = ::isatty(STDERR_FILENO);
  std::optional<RecordStream> stream;
  return render_batches(
      *q,
      [&]() -> std::optional<Batch> {
        if (!stream)
          stream.emplace(*q, FileList(args.positional), mapping ? &*mapping : nullptr, meeting_option(args, *q), shard,
                         err, [tty](size_t n, size_t all) {
                           if (tty) tell_files_read(n, all);
                         },
                         jobs);
        return stream->next();
      },
      settings, out, err);
}

}  // namespace careermap::cli
