// What careermap tells about itself: `careermap --help` (every command), `careermap help
// COMMAND` and `careermap COMMAND --help` (one command with each option), the usage line a
// usage error ends with, and the manual page careermap.1 (roff, `careermap help --man`).
// All are made from the one table of commands the parser reads (Command::syntax), so an
// option the parser accepts is always shown, and nothing is shown that it refuses.
// Plain text in, plain text out; nothing fails.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "engine/messages.hpp"
#include "tools/args.hpp"

namespace careermap::cli {

using CommandFn = int (*)(const Args& args, std::ostream& out, std::ostream& err);

// One row of the table that main() dispatches on.
struct Command {
  std::string_view name;
  std::string_view help;  // one line: what the command does
  Syntax syntax;
  CommandFn run;
};

// "usage: careermap NAME USAGE\n  HELP\n\n" then one line per option and for the files,
// "  -q Q.yaml         the questionnaire (YAML)\n".
std::string command_help(const Command& c);
// Every command with its usage line and one line of help, then how to get more.
std::string overview(std::span<const Command> commands);
// The manual page, roff for man(1): name, synopsis, every command with every option,
// exit status, environment and files. `version` goes in its title line.
std::string man_page(std::span<const Command> commands, std::string_view version);

// The exit statuses of every command, in one line (overview) or as the manual says them.
inline constexpr std::string_view kExitStatus =
    N_("exit status: 0 ok, 1 some input invalid, 2 usage error, unusable questionnaire or internal error");

}  // namespace careermap::cli
