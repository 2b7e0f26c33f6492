#include "tools/read_answers.hpp"

#include <cctype>
#include <optional>
#include <span>

#include "engine/csv_intake.hpp"
#include "engine/files.hpp"
#include "engine/messages.hpp"
#include "engine/xlsx_read.hpp"
#include "tools/cli.hpp"
#include "tools/in_order.hpp"

namespace careermap::cli {
namespace {

// True when the file name `f` ends with the extension `end` (lower case), in any case:
// Windows and spreadsheets write FORM.CSV as often as form.csv.
bool ends_with(const std::string& f, std::string_view end) {
  if (f.size() <= end.size()) return false;
  for (size_t i = 0; i < end.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(f[f.size() - end.size() + i])) != end[i]) return false;
  return true;
}
}  // namespace

bool is_workbook(const std::string& f) { return ends_with(f, ".xlsx") || ends_with(f, ".xlsm") || ends_with(f, ".xls"); }
bool is_form_table(const std::string& f) { return ends_with(f, ".csv") || is_workbook(f); }

std::unique_ptr<RowSource> open_rows(const std::string& f) {
  if (is_workbook(f)) return std::make_unique<XlsxReader>(f);
  return std::make_unique<CsvReader>(f);
}

namespace {

// A word of a command line as a POSIX shell reads it back.
std::string shell_word(const std::string& s) {
  const bool plain = !s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                                       "_-./=+,:@%") == std::string::npos;
  if (plain) return s;
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string needs_mapping(const Questionnaire& q, const std::string& csv) {
  std::string base = csv.substr(0, csv.rfind('.'));
  if (const size_t slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
  const MessageArg command{"command", "careermap mapping -q " + shell_word(q.file) + " --init " + shell_word(csv) +
                                          " -o " + shell_word(base + ".mapping.yaml")};
  return is_workbook(csv) ? trf("a workbook needs --mapping; make one with: {command}", {command})
                          : trf("a CSV file needs --mapping; make one with: {command}", {command});
}

namespace {

// Reads answers files one at a time and hands each on; counts what could and could not be used.
// The ids checked against a map of every key seen (check_unique_participants).
class SeenCheck : public IdCheck {
 public:
  explicit SeenCheck(std::map<std::string, std::string>& seen) : seen_(seen) {}
  void check(const Questionnaire& q, const Answers& a, Diagnostics& d) override {
    check_unique_participants(q, std::span(&a, 1), d, seen_);
  }

 private:
  std::map<std::string, std::string>& seen_;
};

class AnswersReader {
 public:
  AnswersReader(const Questionnaire& q, const Mapping* mapping, std::ostream& err, IdCheck* ids,
                const EachAnswers& each, const Prepare& prepare)
      : q_(q), mapping_(mapping), err_(err), ids_(ids), each_(each), prepare_(prepare) {}

  // Reads `files` in order: a run of YAML files read and checked on `jobs` threads, handed
  // on in order on this one.
  void read(const FileList& files, unsigned jobs, const std::function<void(size_t)>& progress) {
    const auto done = [&](size_t n) {
      if (progress) progress(n);
    };
    std::string name;
    for (size_t i = 0; i < files.size();) {
      name = files[i];
      if (const Diagnostic* problem = files.problem(i)) {
        Diagnostics d;
        d.add(*problem);
        unread(name, d);
        done(++i);
        continue;
      }
      if (is_form_table(name)) {
        read_table(name);
        done(++i);
        continue;
      }
      size_t end = i + 1;
      while (end < files.size() && !files.problem(end) && !is_form_table(files[end])) ++end;
      std::vector<YamlRead> slots(4 * static_cast<size_t>(jobs));
      in_order(
          end - i, jobs, slots.size(),
          [&](size_t k) {
            YamlRead& y = slots[k % slots.size()];
            y = read_yaml(q_, files[i + k]);
            if (!y.unread) y.prepared = prepare(std::move(y.answers), y.d, y.bytes, false, y.answers);
          },
          [&](size_t k) {
            hand_on(slots[k % slots.size()]);
            done(i + k + 1);
          });
      i = end;
    }
  }
  ReadResult r;

 private:
  // Hands on one answers after checking its participant id against the others; gives back
  // what `each_` left of them (a YAML file's go back to their slot, and the worker that
  // reads into it next frees them, not this thread).
  void hand_on(Answers& a, Diagnostics& d, std::string_view raw, bool csv_row, Prepared* prepared) {
    if (ids_ && !a.participant.empty()) ids_->check(q_, a, d);
    print(err_, d);
    AnswersRead read{std::move(a), !d.has_errors(), csv_row, raw, &d, prepared};
    if (read.ok) ++r.valid;
    else r.invalid.push_back(read.answers.file);
    each_(read);
    a = std::move(read.answers);
  }

  void unread(const std::string& f, const Diagnostics& d) {
    print(err_, d);
    r.invalid.push_back(f);
    ++r.unread;
  }

  // What prepare_ makes of one read (none without it), the answers moved in and back out.
  std::unique_ptr<Prepared> prepare(Answers&& a, const Diagnostics& d, std::string_view raw, bool csv_row,
                                    Answers& back) const {
    if (!prepare_) return nullptr;
    AnswersRead read{std::move(a), !d.has_errors(), csv_row, raw, &d, nullptr};
    std::unique_ptr<Prepared> made = prepare_(read);
    back = std::move(read.answers);
    return made;
  }

  // One YAML file read and checked (on any thread: it depends on the file alone).
  struct YamlRead {
    std::string file, bytes;
    bool unread = false;  // nothing could be read
    Answers answers;
    Diagnostics d;
    std::unique_ptr<Prepared> prepared;
  };
  static YamlRead read_yaml(const Questionnaire& q, const std::string& f) {
    YamlRead y{f, {}, false, {}, {}, nullptr};
    try {
      y.bytes = read_file(f, kMaxAnswersBytes, tr("an answers file"));
    } catch (const Error& e) {
      y.d.add(e.diagnostic());
      y.unread = true;
      return y;
    }
    y.answers = parse_answers(q, y.bytes, f, y.d);
    y.answers.file = f;
    return y;
  }
  void hand_on(YamlRead& y) {
    if (y.unread) return unread(y.file, y.d);
    hand_on(y.answers, y.d, y.bytes, false, y.prepared.get());
  }

  // A CSV or workbook of a form service, row by row through the mapping.
  void read_table(const std::string& f) {
    Diagnostics d;
    if (!mapping_) {
      d.error({f, 0, 0}, "", needs_mapping(q_, f));
      return unread(f, d);
    }
    const std::unique_ptr<RowSource> rows = open_rows(f);
    RowSource& reader = *rows;
    CsvIntake intake(q_, *mapping_, reader, d);
    if (!intake.usable()) return unread(f, d);
    print(err_, d);
    std::string raw;
    for (size_t n = 0;; ++n) {
      Diagnostics row;
      Answers a;
      if (!intake.next(a, row)) {
        print(err_, row);
        if (row.has_errors()) {
          r.invalid.push_back(f);
          if (n == 0) ++r.unread;
        }
        break;
      }
      raw = intake.header_raw();
      raw += reader.raw();
      const std::unique_ptr<Prepared> prepared = prepare(std::move(a), row, raw, true, a);
      hand_on(a, row, raw, true, prepared.get());
    }
  }

  const Questionnaire& q_;
  const Mapping* mapping_;
  std::ostream& err_;
  IdCheck* ids_;
  const EachAnswers& each_;
  const Prepare& prepare_;
};

}  // namespace

ReadResult read_answers(const Questionnaire& q, const FileList& files, const Mapping* mapping, std::ostream& err,
                        std::map<std::string, std::string>* seen, const EachAnswers& each, unsigned jobs,
                        const std::function<void(size_t)>& progress, IdCheck* ids, const Prepare& prepare) {
  std::optional<SeenCheck> by_map;
  if (!ids && seen) ids = &by_map.emplace(*seen);
  AnswersReader reader(q, mapping, err, ids, each, prepare);
  reader.read(files, jobs, progress);
  return reader.r;
}

ReadResult read_answers(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
                        std::ostream& err, std::map<std::string, std::string>* seen, const EachAnswers& each,
                        unsigned jobs) {
  return read_answers(q, FileList(files), mapping, err, seen, each, jobs);
}

}  // namespace careermap::cli
