// careermap-bench: benchmarks that print figures (not timed tests).
//   careermap-bench scoring [--rows N] [--per-scene K] [--repeat R] [--threads T]
//     scores N synthetic participants x (12 K) items with score_batch(); prints the
//     time of the scoring itself (table already in memory) for each repeat and the median,
//     and the memory-bandwidth floor: the time to read the table and write the outputs
//     once at the bandwidth measured here (a plain sum and fill over the same bytes).
//     --threads T scores on T threads (default: every core).
//   careermap-bench render [--count N]
//     renders N synthetic participants of presession-v1 one after another (content model,
//     font subset, layout, PDF bytes; nothing written to disk) and prints CPU time and size
//     per PDF: median, 90th percentile and maximum.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <random>
#include <thread>

#include "engine/batch_scores.hpp"
#include "engine/scoring.hpp"
#include "engine/templates.hpp"
#include "reports/career_map.hpp"
#include "reports/career_map_pdf.hpp"
#include "reports/font.hpp"
#include "tools/cli.hpp"
#include "tools/synthetic.hpp"

namespace {

using namespace careermap;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// Seconds to read `v` once (a sum), on `threads` threads over equal parts: the best of 3.
double read_seconds(const std::vector<float>& v, unsigned threads) {
  double best = 1e9;
  for (int k = 0; k < 3; ++k) {
    std::vector<double> sums(threads);
    const auto t0 = std::chrono::steady_clock::now();
    {
      std::vector<std::jthread> pool;
      for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
          const size_t a = v.size() * t / threads, b = v.size() * (t + 1) / threads;
          float s0 = 0, s1 = 0, s2 = 0, s3 = 0;  // NaN-free sums are not needed: only the reading counts
          for (size_t i = a; i + 4 <= b; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
          }
          sums[t] = s0 + s1 + s2 + s3;
        });
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    if (std::accumulate(sums.begin(), sums.end(), 0.0) == 1.5) std::cout << "";  // keeps the sums alive
  }
  return best;
}

// Seconds to write `bytes` of memory already mapped, on `threads` threads: the best of 3.
double write_seconds(size_t bytes, unsigned threads) {
  std::vector<char> out(bytes, 1);
  double best = 1e9;
  for (int k = 0; k < 3; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    {
      std::vector<std::jthread> pool;
      for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t, k] {
          std::fill(out.begin() + bytes * t / threads, out.begin() + bytes * (t + 1) / threads, static_cast<char>(k));
        });
    }
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
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
  const unsigned threads = static_cast<unsigned>(std::stoul(args.get("--threads", "0")));
  const unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  const double table_mb = static_cast<double>(r.values.size() * sizeof(float)) / 1e6;
  const size_t S = static_cast<size_t>(model.scene_count());
  const size_t out_bytes = rows * S * (2 * sizeof(double) + sizeof(int)) + rows * (sizeof(int) + 2 * sizeof(double));
  std::cout << "  table: " << table_mb << " MB, generated in " << gen << " s; outputs " << out_bytes / 1e6 << " MB\n";
  const double rd = read_seconds(r.values, cores), wr = write_seconds(out_bytes, cores);
  std::cout << "  bandwidth on " << cores << " threads: read " << table_mb / 1e3 / rd << " GB/s, write "
            << out_bytes / 1e9 / wr << " GB/s; floor (read the table, write the outputs once): " << rd + wr
            << " s\n";
  std::vector<double> wall, cpu;
  double checksum = 0;
  BatchScores b;  // reused: the first run also pays for the output's fresh memory
  for (int k = 0; k < repeat; ++k) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    score_batch_into(q, r, {}, b, false, threads);
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

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

void print_spread(const char* what, std::vector<double> v, const char* unit) {
  std::sort(v.begin(), v.end());
  std::cout << "  " << what << ": median " << v[v.size() / 2] << unit << ", p90 " << v[v.size() * 9 / 10] << unit
            << ", max " << v.back() << unit << "\n";
}

int bench_render(const cli::Args& args) {
  const size_t count = std::stoul(args.get("--count", "1000"));
  const std::filesystem::path data = cli::data_dir();
  const auto q = cli::load_questionnaire((data / "questionnaires" / "presession-v1.yaml").string(), std::cerr);
  if (!q) return cli::kUsage;
  Diagnostics d;
  const Templates t = Templates::load((data / "templates" / "careermap.yaml").string(), d);
  const FontSource font(cli::font_path());
  std::mt19937_64 rng(7);
  std::vector<Answers> batch;
  char id[32];
  for (size_t i = 0; i < count; ++i) {
    std::snprintf(id, sizeof id, "s%06zu", i + 1);
    batch.push_back(synthetic::answers(*q, id, rng));
  }
  const auto placements = score(*q, batch);
  std::vector<double> ms, kb;
  const double c0 = thread_cpu_seconds();
  for (size_t i = 0; i < count; ++i) {
    const double t0 = thread_cpu_seconds();
    const CareerMapContent c = build_career_map(*q, batch[i], placements[i], t, Lang::ja, "2026-07-01");
    const std::string pdf = career_map_pdf(c, font);
    ms.push_back((thread_cpu_seconds() - t0) * 1000);
    kb.push_back(static_cast<double>(pdf.size()) / 1024);
  }
  std::cout << "render: " << count << " synthetic participants, one thread, " << (thread_cpu_seconds() - c0)
            << " s CPU in all\n";
  print_spread("CPU per PDF", ms, " ms");
  print_spread("size per PDF", kb, " KB");
  return cli::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace careermap;
  cli::tune_memory();
  const std::string what = argc > 1 ? argv[1] : "";
  using V = cli::Value;
  const cli::Syntax syntax{{{"--rows", V::number, "N", {}, false, 1, 100'000'000},
                            {"--per-scene", V::number, "K", {}, false, 1, 1000},
                            {"--repeat", V::number, "R", {}, false, 1, 1'000'000},
                            {"--threads", V::number, "T", {}, false, 1, 1024},
                            {"--count", V::number, "N", {}, false, 1, 1'000'000}}};
  try {
    if (what != "scoring" && what != "render") throw cli::UsageError("say scoring or render");
    const cli::Args args = cli::parse_args(argc, argv, 2, syntax);
    return what == "scoring" ? bench_scoring(args) : bench_render(args);
  } catch (const cli::UsageError& e) {
    std::cerr << "careermap-bench: " << e.what() << "\n"
              << "usage: careermap-bench scoring [--rows N] [--per-scene K] [--repeat R] [--threads T]\n"
                 "       careermap-bench render [--count N]\n";
    return cli::kUsage;
  } catch (const std::exception& e) {  // e.g. no data beside the program: say why, not abort()
    std::cerr << "careermap-bench: " << e.what() << "\n";
    return cli::kUsage;
  }
}
