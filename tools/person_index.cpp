#include "tools/person_index.hpp"

#include <functional>

namespace careermap::cli {

std::string_view PersonIndex::id(uint32_t person) const {
  const size_t end = person + 1 < start_.size() ? start_[person + 1] : ids_.size();
  return std::string_view(ids_).substr(start_[person], end - start_[person]);
}

void PersonIndex::grow() {
  std::vector<uint32_t>(slots_.empty() ? 1024 : slots_.size() * 2).swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (uint32_t p = 0; p < start_.size(); ++p) {
    size_t s = std::hash<std::string_view>{}(id(p)) & mask;
    while (slots_[s]) s = (s + 1) & mask;
    slots_[s] = p + 1;
  }
}

std::pair<uint32_t, bool> PersonIndex::add(std::string_view id_) {
  if (2 * (start_.size() + 1) > slots_.size()) grow();  // at most half full
  const size_t mask = slots_.size() - 1;
  size_t s = std::hash<std::string_view>{}(id_) & mask;
  for (; slots_[s]; s = (s + 1) & mask)
    if (id(slots_[s] - 1) == id_) return {slots_[s] - 1, false};
  const auto person = static_cast<uint32_t>(start_.size());
  start_.push_back(static_cast<uint32_t>(ids_.size()));
  ids_ += id_;
  slots_[s] = person + 1;
  return {person, true};
}

}  // namespace careermap::cli
