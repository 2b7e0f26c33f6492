#include "tools/help.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace careermap::cli {
namespace {

// A text of the table as the terminal shows it: in the message language (tr); the manual page
// keeps the table's English (as_written).
using Say = std::string (*)(std::string_view);
std::string in_message_language(std::string_view text) { return tr(std::string(text).c_str()); }
std::string as_written(std::string_view text) { return std::string(text); }

// What an option does, with the range of a number.
std::string option_help(const Option& o, Say say = as_written) {
  std::string h = say(o.help);
  if (o.kind == Value::number)
    h += say == as_written ? "; " + std::string(o.value) + " from " + std::to_string(o.min) + " to " + std::to_string(o.max)
                           : trf("; {value} from {min} to {max}", {{"value", std::string(o.value)},
                                                                  {"min", std::to_string(o.min)},
                                                                  {"max", std::to_string(o.max)}});
  return h;
}

// What the help lists for a command: each option, then the files, with what they do.
std::vector<std::pair<std::string, std::string>> entries(const Syntax& s) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : s.options) out.emplace_back(name_and_value(o), option_help(o, in_message_language));
  if (s.files != Files::none) out.emplace_back(std::string(s.files_name), in_message_language(s.files_help));
  return out;
}

// Text for roff: backslashes and hyphens escaped, a leading '.' or '\'' made harmless.
std::string roff(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == '\\') s += "\\e";
    else if (c == '-') s += "\\-";
    else s += c;
  }
  if (!s.empty() && (s[0] == '.' || s[0] == '\'')) s.insert(0, "\\&");
  return s;
}

// "-q Q.yaml" in roff: the name bold, the value italic.
std::string roff_label(const std::string& name, const std::string& value) {
  return "\\fB" + roff(name) + "\\fR" + (value.empty() ? "" : " \\fI" + roff(value) + "\\fR");
}

}  // namespace

std::string command_help(const Command& c) {
  std::string s = tr("usage:") + " careermap " + std::string(c.name) + " " + usage_of(c.syntax) + "\n  " +
                  in_message_language(c.help) + "\n";
  const auto list = entries(c.syntax);
  if (list.empty()) return s;
  constexpr size_t kColumn = 22;  // a longer label has its help on the next line
  size_t width = 0;
  for (const auto& [l, h] : list)
    if (l.size() <= kColumn) width = std::max(width, l.size());
  s += "\n";
  for (const auto& [l, h] : list) {
    s += "  " + l;
    if (l.size() > kColumn) s += "\n  " + std::string(width, ' ');
    else s += std::string(width - l.size(), ' ');
    s += "  " + h + "\n";
  }
  return s;
}

std::string overview(std::span<const Command> commands) {
  std::string s = tr("usage:") + " careermap COMMAND [OPTIONS] [FILES...]\n\n" + tr("commands:") + "\n";
  for (const auto& c : commands)
    s += "  " + std::string(c.name) + " " + usage_of(c.syntax) + "\n      " + in_message_language(c.help) + "\n";
  s += "\n" +
       tr("`careermap help COMMAND` (or `careermap COMMAND --help`) shows one command with its options;\n"
          "`careermap help --man` writes the manual page (roff).") +
       "\n" + in_message_language(kExitStatus) + "\n";
  return s;
}

std::string man_page(std::span<const Command> commands, std::string_view version) {
  std::string s = ".TH CAREERMAP 1 \"\" \"careermap " + roff(version) + "\" \"User Commands\"\n.nh\n.ad l\n";
  s += ".SH NAME\ncareermap \\- questionnaire answers to a personal improvement career map (PDF)\n";
  s += ".SH SYNOPSIS\n";
  for (const auto& c : commands) s += ".B careermap " + roff(c.name) + "\n" + roff(usage_of(c.syntax)) + "\n.br\n";
  s += ".B careermap help\n[\\fICOMMAND\\fR | \\fB\\-\\-man\\fR]\n";
  s += ".SH DESCRIPTION\n"
       "careermap reads a questionnaire (YAML) and each participant's answers (YAML, or CSV rows "
       "through a mapping), reports every problem of every file as FILE:LINE:COL, places each "
       "participant on the 12\\-scene improvement matrix and renders a Japanese\\-first PDF career map.\n"
       "A usage error names what is wrong, then shows the command's usage line.\n";
  s += ".SH COMMANDS\n";
  for (const auto& c : commands) {
    s += ".SS " + roff(c.name) + "\n.B careermap " + roff(c.name) + "\n" + roff(usage_of(c.syntax)) + "\n.PP\n" +
         roff(c.help) + "\n";
    for (const auto& o : c.syntax.options)
      s += ".TP\n" + roff_label(std::string(o.name), std::string(o.value)) + "\n" + roff(option_help(o)) + "\n";
    if (c.syntax.files != Files::none)
      s += ".TP\n\\fI" + roff(c.syntax.files_name) + "\\fR\n" + roff(c.syntax.files_help) + "\n";
  }
  s += ".SH EXIT STATUS\n"
       ".TP\n.B 0\neverything valid and done\n"
       ".TP\n.B 1\nsome input was invalid (the rest was still processed) or a PDF could not be written\n"
       ".TP\n.B 2\nusage error (nothing was done), an unusable questionnaire, or an unexpected failure\n";
  s += ".SH ENVIRONMENT\n"
       ".TP\n.B CAREERMAP_DATA\nthe folder holding templates/ and questionnaires/; when set, it is used instead "
       "of PREFIX/share/careermap beside the program's PREFIX/bin (or, in a build tree, the source tree that "
       "careermap\\-data.txt beside the program names)\n"
       ".TP\n.B CAREERMAP_FONT\nthe TrueType font for PDFs (default: IPAex Gothic)\n";
  s += ".SH FILES\n"
       ".TP\n.I PREFIX/share/careermap/questionnaires/\nthe model, the shipped questionnaire and the samples\n"
       ".TP\n.I PREFIX/share/careermap/templates/\nthe texts of the career map, the form and the cohort report\n";
  return s;
}

}  // namespace careermap::cli
