// careermap-bench: benchmarks that print figures (not timed tests).
//   careermap-bench scoring [--rows N] [--per-scene K] [--repeat R]
//     scores N synthetic participants x (12 K) items with score_batch(); prints the
//     time of the scoring itself (table already in memory) for each repeat and the median.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "engine/batch_scores.hpp"
#include "tools/cli.hpp"
#include "tools/synthetic.hpp"

namespace {

using namespace careermap;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

int bench_scoring(const cli::Args& args) {
  const size_t rows = std::stoul(args.get("--rows", "1000000"));
  const int per_scene = std::stoi(args.get("--per-scene", "5"));
  const int repeat = std::stoi(args.get("--repeat", "5"));
  Diagnostics d;
  const Model model = Model::load((std::filesystem::path(cli::data_dir()) / "questionnaires" / "model.yaml").string(), d);
  const Questionnaire q = Questionnaire::parse(synthetic::questionnaire_yaml(model, per_scene), "bench.yaml", model, d);
  if (d.has_errors()) {
    cli::print(std::cerr, d);
    return cli::kUsage;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const ItemResponses r = synthetic::responses(q, rows, 42);
  const double gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "scoring: " << rows << " participants x " << r.items.size() << " items x "
            << model.scene_count() << " scenes\n";
  std::cout << "  table: " << r.values.size() * sizeof(float) / 1e6 << " MB, generated in " << gen << " s\n";
  std::vector<double> wall, cpu;
  double checksum = 0;
  BatchScores b;  // reused: the first run also pays for the output's fresh memory
  for (int k = 0; k < repeat; ++k) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    score_batch_into(q, r, {}, b);
    cpu.push_back(cpu_seconds() - c0);
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
    checksum = 0;
    for (int c : b.current) checksum += c;
    std::cout << "  run " << k + 1 << ": wall " << wall.back() << " s, cpu " << cpu.back() << " s\n";
  }
  const double first_wall = wall[0], first_cpu = cpu[0];
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  std::cout << "  first run (fresh output memory): wall " << first_wall << " s, cpu " << first_cpu << " s\n";
  std::cout << "  median: wall " << wall[wall.size() / 2] << " s, cpu " << cpu[cpu.size() / 2]
            << " s (checksum " << checksum << ")\n";
  return cli::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careermap;
  const std::string what = argc > 1 ? argv[1] : "";
  std::string error;
  const auto args = cli::parse_args(argc, argv, 2, {{"--rows", "--per-scene", "--repeat"}, {}}, error);
  if (!args || what != "scoring") {
    std::cerr << (error.empty() ? "" : error + "\n")
              << "usage: careermap-bench scoring [--rows N] [--per-scene K] [--repeat R]\n";
    return cli::kUsage;
  }
  return bench_scoring(*args);
}
