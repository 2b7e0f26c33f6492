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
  std::string error;
  const auto args = cli::parse_args(argc, argv, 1, {{"-q", "-n", "-o", "--seed", "--cohort"}, {}}, error);
  if (!args || !args->has("-q") || !args->has("-n") || !args->has("-o")) {
    std::cerr << (error.empty() ? "" : error + "\n")
              << "usage: careermap-synth -q Q.yaml -n N -o DIR [--seed S] [--cohort C]\n";
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
