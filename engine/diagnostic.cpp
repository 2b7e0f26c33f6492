#include "engine/diagnostic.hpp"

#include <algorithm>

#include "engine/messages.hpp"

namespace careermap {

std::string Diagnostic::format() const {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  out += ": " + (severity == Severity::error     ? tr("error: ")
                  : severity == Severity::warning ? tr("warning: ")
                                                  : tr("note: "));
  if (!item.empty()) out += item + ": ";
  out += message;
  return out;
}

void Diagnostics::error(Location where, std::string item, std::string message) {
  list_.push_back({std::move(where), Severity::error, std::move(item), std::move(message)});
}

void Diagnostics::warning(Location where, std::string item, std::string message) {
  list_.push_back({std::move(where), Severity::warning, std::move(item), std::move(message)});
}

void Diagnostics::note(Location where, std::string item, std::string message) {
  list_.push_back({std::move(where), Severity::note, std::move(item), std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::warning;
  }));
}

Error::Error(Diagnostic d) : std::runtime_error(d.format()), diagnostic_(std::move(d)) {}

Error::Error(Location where, std::string item, std::string message)
    : Error(Diagnostic{std::move(where), Severity::error, std::move(item), std::move(message)}) {}

}  // namespace careermap
