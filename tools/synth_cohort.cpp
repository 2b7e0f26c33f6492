// careermap-synth: writes a synthetic cohort of fictional answers files for any
// questionnaire, for trying careermap at scale and for the benchmarks.
//   careermap-synth -q Q.yaml -n N -o DIR [--seed S] [--cohort C]
#include <filesystem>
#include <fstream>
#include <iostream>

#include "engine/answers_yaml.hpp"
#include "tools/cli.hpp"
#include "tools/synthetic.hpp"

int main(int argc, char** argv) {
  using namespace careermap;
  using V = cli::Value;
  const cli::Syntax syntax{{{"-q", V::text, "Q.yaml", {}, true},
                            {"-n", V::number, "N", {}, true, 1, 100'000'000},
                            {"-o", V::text, "DIR", {}, true},
                            {"--seed", V::number, "S", {}, false, 0, 999'999'999},
                            {"--cohort", V::id, "C"}}};
  std::optional<cli::Args> args;
  try {
    args = cli::parse_args(argc, argv, 1, syntax);
  } catch (const cli::UsageError& e) {
    std::cerr << "careermap-synth: " << e.what() << "\nusage: careermap-synth -q Q.yaml -n N -o DIR [--seed S] [--cohort C]\n";
    return cli::kUsage;
  }
  const auto q = cli::load_questionnaire(args->get("-q"), std::cerr);
  if (!q) return cli::kUsage;
  const long n = std::stol(args->get("-n"));
  std::mt19937_64 rng(std::stoull(args->get("--seed", "1")));
  const std::filesystem::path dir = args->get("-o");
  std::filesystem::create_directories(dir);
  char id[32];
  for (long i = 1; i <= n; ++i) {
    std::snprintf(id, sizeof id, "s%06ld", i);
    Answers a = synthetic::answers(*q, id, rng);
    a.cohort = args->get("--cohort");
    std::ofstream(dir / (std::string(id) + ".yaml")) << answers_to_yaml(*q, a);
  }
  std::cerr << "careermap-synth: " << n << " answers files written to " << dir.string() << "\n";
  return cli::kOk;
}
