// The subcommands of `careermap`, one function each (one file each), and the table
// that main() dispatches on. A new command is one row here and one function.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string_view>

#include "engine/archive.hpp"
#include "engine/templates.hpp"
#include "tools/cli.hpp"
#include "tools/help.hpp"

namespace careermap::cli {

int cmd_validate(const Args& args, std::ostream& out, std::ostream& err);
int cmd_score(const Args& args, std::ostream& out, std::ostream& err);
int cmd_analyze(const Args& args, std::ostream& out, std::ostream& err);
int cmd_render(const Args& args, std::ostream& out, std::ostream& err);
int cmd_demo(const Args& args, std::ostream& out, std::ostream& err);
int cmd_mapping(const Args& args, std::ostream& out, std::ostream& err);
int cmd_convert(const Args& args, std::ostream& out, std::ostream& err);
int cmd_form(const Args& args, std::ostream& out, std::ostream& err);
int cmd_import(const Args& args, std::ostream& out, std::ostream& err);
int cmd_archive(const Args& args, std::ostream& out, std::ostream& err);
int cmd_export(const Args& args, std::ostream& out, std::ostream& err);
int cmd_cohort(const Args& args, std::ostream& out, std::ostream& err);

// The table of commands (tools/command_table.cpp).
std::span<const Command> commands();

}  // namespace careermap::cli
