// Shared plumbing of the careermap subcommands: argument parsing, where the data
// lives, loading a questionnaire and a batch of answers with their diagnostics.
// Only the program uses this; the libraries know nothing of command lines.
#pragma once

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

namespace careermap::cli {

// Exit statuses of every subcommand.
inline constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

struct Args {
  std::map<std::string, std::string> options;  // "-q" -> value; flags -> ""
  std::vector<std::string> positional;
  bool has(const std::string& k) const { return options.count(k) > 0; }
  std::string get(const std::string& k, const std::string& fallback = "") const;
};

struct OptionSpec {
  std::set<std::string> with_value;  // e.g. {"-q", "-o", "--format"}
  std::set<std::string> flags;       // e.g. {"--dry-run"}
};

// Parses argv[first..]; unknown options and missing values give nullopt and a message.
std::optional<Args> parse_args(int argc, char** argv, int first, const OptionSpec& spec,
                               std::string& error);

// Keeps freed memory in the process for reuse instead of handing it back to the kernel
// after every document: rendering allocates and frees the same large buffers (libharu's
// 128 KB glyph map among them) once per PDF, and fresh pages cost a fault each.
void tune_memory();

// The folder holding questionnaires/ and templates/: $CAREERMAP_DATA, else the
// source tree the program was built from.
std::string data_dir();
// The font for PDFs: $CAREERMAP_FONT, else IPAex Gothic.
std::string font_path();

void print(std::ostream& err, const Diagnostics& diags);

// Loads the questionnaire at `path`, printing its diagnostics to `err`. Returns nullopt
// when it cannot be used (unreadable, malformed, or with errors).
std::optional<Questionnaire> load_questionnaire(const std::string& path, std::ostream& err);

struct Batch {
  std::vector<Answers> valid;          // usable answers, in the order given
  std::vector<std::string> invalid;    // files with errors
};

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

// Today's date (local time) as YYYY-MM-DD, and now (UTC) as an ISO 8601 time stamp.
std::string today();
std::string now_utc();

// "careermap: 4 of 5 answers files used; invalid: a.yaml" to `err` when any was invalid.
void summarize(size_t used, const std::vector<std::string>& invalid, std::ostream& err);

}  // namespace careermap::cli
