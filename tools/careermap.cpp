// careermap: questionnaire answers -> 12-scene placement -> personal career map PDF.
#include <iostream>
#include <string>

#include "tools/commands.hpp"

namespace {

bool asks_help(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

const careermap::cli::Command* command_named(std::string_view name) {
  for (const auto& c : careermap::cli::commands())
    if (c.name == name) return &c;
  return nullptr;
}

int unknown_command(std::string_view name) {
  std::cerr << "careermap: unknown command '" << careermap::cli::escaped(name) << "'\n"
            << careermap::cli::overview(careermap::cli::commands());
  return careermap::cli::kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careermap::cli;
  tune_memory();
  if (argc < 2) {
    std::cerr << overview(commands());
    return kUsage;
  }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || (name == "help" && argc == 2)) {
    std::cout << overview(commands());
    return kOk;
  }
  if (name == "help") {  // careermap help COMMAND | careermap help --man
    const std::string what = argv[2];
    if (argc > 3) {
      std::cerr << "careermap help: unexpected argument '" << escaped(argv[3])
                << "'\nusage: careermap help [COMMAND | --man]\n";
      return kUsage;
    }
    if (what == "--man") {
      std::cout << man_page(commands(), CAREERMAP_VERSION);
      return kOk;
    }
    const Command* c = command_named(what);
    if (!c) return unknown_command(what);
    std::cout << command_help(*c);
    return kOk;
  }
  const Command* c = command_named(name);
  if (!c) return unknown_command(name);
  if (asks_help(argc, argv)) {
    std::cout << command_help(*c);
    return kOk;
  }
  const std::string usage = usage_of(c->syntax);
  return run_guarded(c->name, usage, [&] { return c->run(parse_args(argc, argv, 2, c->syntax), std::cout, std::cerr); },
                     std::cerr);
}
