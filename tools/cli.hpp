// Shared plumbing of the careermap subcommands: running one safely, where the data
// lives, loading a questionnaire and a batch of answers with their diagnostics.
// Only the program uses this; the libraries know nothing of command lines.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "engine/answers.hpp"
#include "engine/diagnostic.hpp"
#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "engine/templates.hpp"
#include "tools/args.hpp"

namespace careermap::cli {

// Exit statuses of every subcommand.
inline constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

// Runs one subcommand's `run` and turns whatever it throws into a message on `err` and an
// exit status, so that no exception ends the program: UsageError -> its message and the
// command's usage, 2; careermap::Error -> its diagnostic, 1; std::filesystem_error ->
// `PATH: error: what failed: why`, 2; std::bad_alloc -> "out of memory", 2; any other
// exception -> "internal error", 2. `name` and `usage` name the command in messages.
int run_guarded(std::string_view name, std::string_view usage, const std::function<int()>& run, std::ostream& err);

// The password in the bytes of a password file: the bytes with one trailing LF or CR LF
// (and a leading UTF-8 byte order mark) removed, nothing else; spaces count. Throws
// careermap::Error naming `file` when that is empty, holds another line break or is not UTF-8.
std::string password_of(std::string_view bytes, const std::string& file);
// The password in the file at `path` (read_file, at most 4 KB): password_of its bytes.
std::string read_password_file(const std::string& path);

// Keeps freed memory in the process for reuse instead of handing it back to the kernel
// after every document: rendering allocates and frees the same large buffers (libharu's
// 128 KB glyph map among them) once per PDF, and fresh pages cost a fault each.
void tune_memory();

// The folder holding questionnaires/ and templates/ (never a path compiled in, so a copied
// or installed tree uses its own): $CAREERMAP_DATA when set; else share/careermap beside the
// program's folder (PREFIX/bin/careermap -> PREFIX/share/careermap: installed, or a .deb
// unpacked anywhere); else, in a build tree, the source tree named by the path in
// careermap-data.txt beside the program, relative to it. Throws std::filesystem_error
// naming the folder (run_guarded: "PATH: error: ...", exit status 2) when CAREERMAP_DATA, or
// else every place looked in, holds no templates/.
// data_dir() is data_dir_of(/proc/self/exe, getenv("CAREERMAP_DATA")).
std::string data_dir();
std::string data_dir_of(const std::filesystem::path& program, const char* env);
// Where the message catalogues are, found as the data is: installed, PREFIX/share/locale beside
// PREFIX/bin (when it holds ja/LC_MESSAGES/careermap.mo); else the build tree's locale/ beside
// the program. Never fails: without a catalogue the messages are English.
std::string locale_dir();
std::string locale_dir_of(const std::filesystem::path& program);
// Chooses the message language (`careermap --lang L` when given, else the environment as
// gettext reads it) and binds the catalogue: the start of main().
void start_messages(std::optional<Lang> asked);
// The font for PDFs: $CAREERMAP_FONT, else IPAex Gothic.
std::string font_path();

void print(std::ostream& err, const Diagnostics& diags);

// Loads the questionnaire at `path`, printing its diagnostics to `err`. Returns nullopt
// when it cannot be used (unreadable, malformed, or with errors).
std::optional<Questionnaire> load_questionnaire(const std::string& path, std::ostream& err);

// The texts of templates/NAME in the data folder (data_dir), printing their diagnostics.
Templates load_templates(const std::string& name, std::ostream& err);

struct Batch {
  std::vector<Answers> valid;          // usable answers, in the order given
  std::vector<std::string> invalid;    // files with errors
  // A batch of records (records_batch): valid[i] is a record of person[i] (0, 1, ...); the
  // records of one person are adjacent, in meeting order, so the records before valid[i]
  // with the same person are that person's earlier meetings. Empty in a batch of files.
  std::vector<int> person;
  // (records_batch) several[i]: that person has records of several meetings (whether or not
  // only one meeting's were asked for), so their PDFs are named by meeting.
  std::vector<bool> several;
  // (records_batch of one meeting) the records of the people in `valid` at earlier meetings,
  // in no particular order: what their maps compare with; neither scored nor rendered.
  std::vector<Answers> earlier;
};

// The participants' records (engine/records.hpp) of the answers in `versions` (oldest first):
// one Answers per person and meeting at which they sent something, each the newest version of
// every part as of that meeting; only the records of `meeting` when it is not empty (then
// the records of the same people at the meetings before it in `earlier`).
Batch records_batch(const Questionnaire& q, Batch versions, const std::string& meeting);

// The meeting given by --meeting ID or by the older --session pre|post (the first or the last
// meeting, as `session:` in an answers file): "" when neither is given. Throws UsageError,
// listing the questionnaire's meeting ids, when --meeting names no meeting.
std::string meeting_option(const Args& args, const Questionnaire& q);

// Loads every answers file, prints each file's diagnostics to `err` as it goes, and
// checks participant ids are unique (also against `seen`, the ids of earlier batches, when
// given). Never stops at the first bad file.
// Files ending in .csv are read through `mapping` (an error without one).
Batch load_batch(const Questionnaire& q, const std::vector<std::string>& files, std::ostream& err,
                 std::map<std::string, std::string>* seen = nullptr, const Mapping* mapping = nullptr);

// Loads the mapping named by --mapping, if any; prints its diagnostics. Returns false
// when it was given but cannot be used.
bool load_mapping(const Args& args, const Questionnaire& q, std::optional<Mapping>& out, std::ostream& err);

// What most commands start from: the questionnaire (-q), the mapping (--mapping, if any)
// and the answers files (positional) loaded into a batch. nullopt when the questionnaire
// or the mapping cannot be used (diagnostics already printed).
struct Inputs {
  Questionnaire q;
  std::optional<Mapping> mapping;
  Batch batch;
};
std::optional<Inputs> load_inputs(const Args& args, std::ostream& err);

// Whether score or render reads the archive (--archive A.db --cohort C) rather than answers
// files; UsageError when neither, both, or only half of --archive A.db --cohort C is given.
bool answers_from_archive(const Args& args);

// Today's date (local time) as YYYY-MM-DD, and now (UTC) as an ISO 8601 time stamp.
std::string today();
std::string now_utc();

// "careermap: 4 of 5 answers used; invalid: a.yaml" to `err` when any was invalid.
void summarize(size_t used, const std::vector<std::string>& invalid, std::ostream& err);

}  // namespace careermap::cli
