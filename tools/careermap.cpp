// careermap: questionnaire answers -> 12-scene placement -> personal career map PDF.
#include <iostream>
#include <string>

#include "engine/messages.hpp"
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
  std::cerr << careermap::trf("careermap: unknown command '{command}'", {{"command", careermap::cli::escaped(name)}})
            << "\n" << careermap::cli::overview(careermap::cli::commands());
  return careermap::cli::kUsage;
}

// `careermap --lang ja|en COMMAND ...`: the language of the messages, before the command
// (a command's own --lang is the language of what it writes). Removes the option from argv.
// False when its value is neither ja nor en (left in `bad`).
bool global_lang(int& argc, char**& argv, std::optional<careermap::Lang>& lang, std::string& bad) {
  if (argc < 2) return true;
  std::string_view a = argv[1], value;
  int used = 0;
  if (a == "--lang" && argc >= 3) value = argv[2], used = 2;
  else if (a.rfind("--lang=", 0) == 0) value = a.substr(7), used = 1;
  else if (a == "--lang") value = "", used = 1;
  else return true;
  lang = careermap::parse_lang(value);
  if (!lang) {
    bad = value;
    return false;
  }
  argv[used] = argv[0];
  argv += used;
  argc -= used;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careermap::cli;
  tune_memory();
  std::optional<careermap::Lang> lang;
  std::string bad_lang;
  const bool lang_ok = global_lang(argc, argv, lang, bad_lang);
  start_messages(lang);
  if (!lang_ok) {
    std::cerr << careermap::trf("careermap: --lang '{value}': expected ja or en", {{"value", escaped(bad_lang)}}) << "\n";
    return kUsage;
  }
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
      std::cerr << careermap::trf("careermap help: unexpected argument '{argument}'", {{"argument", escaped(argv[3])}})
                << "\n" << careermap::tr("usage:") << " careermap help [COMMAND | --man]\n";
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
