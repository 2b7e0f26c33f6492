// The participants of a long run of answers, each by a number: 0, 1, ... in the order they
// first came. Compact for many: the ids are kept in one block with where each starts, and a
// table of numbers finds them (about the id's bytes and 16 more each), so 100,000 people
// cost about 2.5 MB. An id is any bytes (an invalid file's id too). Nothing throws but
// std::bad_alloc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace careermap::cli {

class PersonIndex {
 public:
  // The number of `id`, and whether it came just now.
  std::pair<uint32_t, bool> add(std::string_view id);
  size_t size() const { return start_.size(); }
  std::string_view id(uint32_t person) const;

 private:
  void grow();

  std::string ids_;
  std::vector<uint32_t> start_;  // where each id starts in ids_ (it ends where the next starts)
  std::vector<uint32_t> slots_;  // open addressing by the id's hash: person + 1, 0 when free
};

}  // namespace careermap::cli
