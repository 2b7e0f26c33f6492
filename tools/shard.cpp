#include "tools/shard.hpp"

#include <charconv>

#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

std::optional<uint32_t> whole(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  return v;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto k = whole(text.substr(0, slash)), n = whole(text.substr(slash + 1));
  if (!k || !n || *k < 1 || *k > *n || *n > kMaxShards) return std::nullopt;
  return Shard{*k, *n};
}

Shard shard_option(const Args& args) {
  if (!args.has("--shard")) return {};
  const std::string value = args.get("--shard");
  if (const auto s = parse_shard(value)) return *s;
  throw UsageError(trf("--shard {value}: expected K/N, part K of N parts (whole numbers, 1 <= K <= N <= {max}), such as 2/3",
                       {{"value", std::string(cli::quoted(value))}, {"max", std::to_string(kMaxShards)}}));
}

uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

bool in_shard(const Shard& shard, std::string_view participant, std::string_view source) {
  if (shard.whole()) return true;
  return fnv1a64(participant.empty() ? source : participant) % shard.n == shard.k - 1;
}

Batch shard_of(Batch b, const Shard& shard) {
  if (shard.whole()) return b;
  Batch out;
  out.invalid = std::move(b.invalid);
  for (size_t i = 0; i < b.valid.size(); ++i) {
    if (!in_shard(shard, b.valid[i].participant)) continue;
    out.valid.push_back(std::move(b.valid[i]));
    if (i < b.person.size()) out.person.push_back(b.person[i]);
    if (i < b.several.size()) out.several.push_back(b.several[i]);
  }
  for (auto& e : b.earlier)
    if (in_shard(shard, e.participant)) out.earlier.push_back(std::move(e));
  return out;
}

}  // namespace careermap::cli
