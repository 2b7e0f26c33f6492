// `--shard K/N`: part K of N of a batch, so that score, render and import can run as N jobs
// of an array (Slurm job arrays, Kubernetes Indexed Jobs; docs/SCALE.md) whose outputs
// together are those of one run.
//
// The split is by participant id, stable everywhere: a person belongs to part
// 1 + FNV-1a-64(id bytes) mod N, whatever the platform, the order of the files or the other
// people; a submission without a valid id (a quarantined file) goes by its file name
// instead. So all records of a person (every meeting, every part) land in the same shard,
// and each record is scored and drawn exactly as in the whole run. Every shard still reads
// every file (the id is inside it), and reports every invalid one.
// parse_shard() never throws; shard_option() throws UsageError on a malformed K/N.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "tools/args.hpp"
#include "tools/cli.hpp"

namespace careermap::cli {

struct Shard {
  uint32_t k = 1, n = 1;  // part k of n, 1 <= k <= n; 1/1 is the whole batch
  bool whole() const { return n == 1; }
};

inline constexpr uint32_t kMaxShards = 100000;

// "K/N" with whole numbers (digits only) 1 <= K <= N <= kMaxShards; nullopt otherwise.
std::optional<Shard> parse_shard(std::string_view text);

// The --shard of `args` (1/1 when not given); UsageError, naming the value, when malformed.
Shard shard_option(const Args& args);

// FNV-1a, 64 bits, of the bytes of `s`.
uint64_t fnv1a64(std::string_view s);

// Whether the person `participant` (or, when it is empty, the file `source`) is in `shard`.
bool in_shard(const Shard& shard, std::string_view participant, std::string_view source = {});

// The records of `b` (a records_batch) of the people in `shard`, the others left out.
Batch shard_of(Batch b, const Shard& shard);

}  // namespace careermap::cli
