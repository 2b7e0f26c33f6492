// Command-line arguments of careermap's programs: what each subcommand accepts (a Syntax),
// and parsing argv against it with a precise message for every mistake.
//
// Parsing stops at the first problem and throws UsageError with a message that names the
// option: an unknown option, an option without its value (also when the next word is
// another option of the command), a value given to a flag, an option given twice, a value
// of the wrong form (choices, dates, whole numbers, ids), an argument where the command
// takes no files, a required option or the files missing, two alternatives of one group
// (Option::either), an option without the one it goes with (Option::under). `--` ends the options (what follows
// is a file even if it starts with '-'); `--opt=value` works for long options. Values quoted
// in messages are escaped (careermap::escaped) and cut at 60 bytes.
// Plain values; thread-safe.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace careermap::cli {

// A mistake in the command line; main() prints it with the command's usage, exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What an option's value must be.
enum class Value {
  flag,    // no value
  text,    // any non-empty text (a file name, a password)
  choice,  // one of the words of `Option::value`, separated by '|': "json|csv"
  date,    // a calendar date YYYY-MM-DD (engine/date.hpp)
  number,  // a whole number from Option::min to Option::max, digits only
  id,      // an id: letters, digits, '_' and '-', 1 to 64 (the participant id rule)
  ids,     // ids separated by commas: "2025,2026"
};

// One option of a command, as the parser checks it and as the help, the usage line and the
// manual page show it: they are all made from this one table, so they cannot drift apart.
struct Option {
  std::string_view name;   // "-q", "--format"
  Value kind = Value::text;
  std::string_view value = {};  // the value as usage shows it: "Q.yaml", "json|csv", "N"; empty for a flag
  std::string_view help = {};   // what it does, for the help and the manual page (one sentence, no period)
  bool required = false;
  long min = 0, max = 0;   // for Value::number
  // Alternatives: options with the same nonzero `either` are shown together where the first
  // of them stands, "(-o BLANK.pdf | --csv)"; `joined` puts an option in the alternative of the
  // option before it: "(ANSWERS... | --archive A.db --cohort C)". parse_args refuses two
  // alternatives given together ("give -o BLANK.pdf or --csv, not both", in the order given);
  // that one is given at all, and the files alternative, the command checks with its own words.
  int either = 0;
  bool joined = false;
  // The option this one goes with: shown in [ ] after it (and the options joined to it),
  // "--html -o FORM.html [--participant ID [--name NAME]]"; parse_args refuses it without
  // that one: "--name and --cohort go with --participant ID" (every option that goes with it).
  std::string_view under = {};
  bool in_usage = true;    // false: left out of the usage line (a discouraged option), still in the help
};

enum class Files { none, optional, required };

struct Syntax {
  std::vector<Option> options;
  Files files = Files::none;
  std::string_view files_name = {};  // as usage shows them: "ANSWERS...", "FORM.csv..."
  std::string_view files_help = {};  // what they are, for the help and the manual page
  int files_either = 0;              // the files are the first alternative of that `either` group
};

// The arguments of a command as its usage line shows them, from `syntax` alone: required
// options bare, optional ones in [ ], alternatives in ( | ), the files last (or in their
// alternative), an option that goes with another in [ ] after it:
// "-q Q.yaml [--mapping M.yaml] [ANSWERS...]".
std::string usage_of(const Syntax& syntax);

struct Args {
  std::map<std::string, std::string> options;  // "-q" -> value; flags -> ""
  std::vector<std::string> positional;
  bool has(const std::string& k) const { return options.count(k) > 0; }
  std::string get(const std::string& k, const std::string& fallback = "") const;
};

// An option as usage and the help show it: "-q Q.yaml", "--csv" (a flag).
std::string name_and_value(const Option& o);

// Parses argv[first..] against `syntax`. Throws UsageError on the first problem.
Args parse_args(int argc, const char* const* argv, int first, const Syntax& syntax);

// `value` for a message: careermap::escaped (engine/archive_names.hpp: control, bidirectional
// and zero-width characters as \xNN or \u{NNNN}, '\\' doubled, bytes that are not UTF-8 as
// \xNN) of its first 60 bytes at most, cut before a character, with "…" when it was cut.
std::string escaped(std::string_view value);
// escaped(value) in single quotes: '事後'.
std::string quoted(std::string_view value);

// The ids of an ids value, in order ("2025,2026" -> {"2025", "2026"}).
std::vector<std::string> split_ids(const std::string& value);

}  // namespace careermap::cli
