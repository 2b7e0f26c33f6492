// Diagnostics and the one error type of careermap's libraries.
//
// A Diagnostic is one problem found in an input file, with where it is and which
// item it concerns; it formats as `FILE:LINE:COL: error: ITEM: message`. Loaders
// collect every problem they find in a Diagnostics list instead of stopping at the
// first. Error is the only exception the libraries throw: it carries one Diagnostic
// and is raised when no useful result can be made (an unreadable file, YAML that does
// not parse, a PDF that cannot be written). Value types; not shared between threads.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace careermap {

enum class Severity { note, warning, error };

struct Location {
  std::string file;  // as the user named it
  int line = 0;      // 1-based; 0 = the file as a whole
  int column = 0;    // 1-based; 0 = the whole line
};

struct Diagnostic {
  Location where;
  Severity severity = Severity::error;
  std::string item;  // item id or key path; empty when the problem is the file itself
  std::string message;

  // `FILE:LINE:COL: error: ITEM: message`; LINE/COL and ITEM are left out when unknown.
  std::string format() const;
};

class Diagnostics {
 public:
  void error(Location where, std::string item, std::string message);
  void warning(Location where, std::string item, std::string message);
  void note(Location where, std::string item, std::string message);
  void add(Diagnostic d) { list_.push_back(std::move(d)); }

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& list() const { return list_; }
  bool empty() const { return list_.empty(); }

 private:
  std::vector<Diagnostic> list_;
};

// The single exception type of the engine and reports libraries.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  Error(Location where, std::string item, std::string message);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

}  // namespace careermap
