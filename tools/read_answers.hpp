// Answers files and CSV rows read in order, the way every command takes its
// answers: each YAML file, and each data row of a CSV (through a mapping), is read,
// checked, printed about and handed on in order, so memory holds a few at a time (4 × jobs
// YAML files, or one row) whatever the files hold (plus the participant ids seen, to check
// they are unique).
// Problems are printed to `err` as they are found; nothing throws.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/answers.hpp"
#include "engine/csv_read.hpp"
#include "engine/mapping.hpp"
#include "tools/file_list.hpp"

namespace careermap::cli {

struct ReadResult {
  size_t valid = 0;
  std::vector<std::string> invalid;  // files (or FILE:LINE of CSV rows) with errors
  int unread = 0;                    // files of which nothing could be read (also in `invalid`)
};

// What a command makes of one answers read from that read alone (Prepare, below).
class Prepared {
 public:
  virtual ~Prepared() = default;
};

// One answers read: a YAML file or a CSV row, valid or not.
struct AnswersRead {
  Answers answers;                       // answers.file: the file, or FILE:LINE of a CSV row
  bool ok = false;                       // no error
  bool csv_row = false;
  std::string_view raw;                  // the bytes received: the file, or the CSV's header and the row
  const Diagnostics* problems = nullptr;  // what was said about it
  Prepared* prepared = nullptr;          // what Prepare made of it, when one was given
};
using EachAnswers = std::function<void(AnswersRead& r)>;
// Work on one answers read that depends on that read alone, done before it is handed on: on
// the thread that read a YAML file (so that `each`, which runs in order on one thread, has
// less to do), on the calling thread for a CSV row. It sees the read before the participant
// ids are checked across files, so `ok` there is the read's own verdict; `each` is handed
// what it made (AnswersRead::prepared) with the final one, which a duplicate id may have
// turned invalid. Called from several threads at once: it must touch nothing shared.
using Prepare = std::function<std::unique_ptr<Prepared>(const AnswersRead& r)>;

// How the participant ids of the answers read are checked unique across them (the rule of
// check_unique_participants, engine/answers.hpp): told each answers with an id, before it is
// printed about, it adds the error of a duplicate to `d`.
class IdCheck {
 public:
  virtual ~IdCheck() = default;
  virtual void check(const Questionnaire& q, const Answers& a, Diagnostics& d) = 0;
};

// A form's table: a CSV (*.csv) or an Excel workbook (*.xlsx, *.xlsm; an old *.xls is
// refused by XlsxReader with a message), by its name's ending in any case.
bool is_form_table(const std::string& f);
// The rows of the form table `f`: an XlsxReader for a workbook, otherwise a CsvReader.
std::unique_ptr<RowSource> open_rows(const std::string& f);

// Reads `files` in order (form tables, is_form_table, through `mapping`; an error without one;
// a folder's YAML files, tools/file_list.hpp),
// calling `each` for every answers read; participant ids are checked unique across all of
// them and against `seen` (the ids of earlier calls) unless `seen` is null. A file that
// cannot be read at all, or a CSV without rows, is listed invalid without a call.
// YAML files are read and checked on `jobs` threads, up to 4 × jobs files ahead of the one
// handed on (tools/in_order.hpp); `each`, the checks across files and the printing run on
// the calling thread in the order of `files`, so all they see is the same for any `jobs`.
// `progress`, when given, is told how many of `files` are done after each one. `ids`, when
// given, checks the ids instead of `seen`. `prepare`, when given, is called for every answers
// read handed to `each` (Prepare).
ReadResult read_answers(const Questionnaire& q, const FileList& files, const Mapping* mapping, std::ostream& err,
                        std::map<std::string, std::string>* seen, const EachAnswers& each, unsigned jobs = 1,
                        const std::function<void(size_t)>& progress = {}, IdCheck* ids = nullptr,
                        const Prepare& prepare = {});
// The same, for files (and folders) as given.
ReadResult read_answers(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                        std::ostream& err, std::map<std::string, std::string>* seen, const EachAnswers& each,
                        unsigned jobs = 1);

// The message for a CSV given without --mapping, with a command that makes one.
std::string needs_mapping(const Questionnaire& q, const std::string& csv);

}  // namespace careermap::cli
