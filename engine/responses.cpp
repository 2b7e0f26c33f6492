#include "engine/responses.hpp"

namespace careermap {

ItemResponses collect_responses(const Questionnaire& q, std::span<const Answers> batch) {
  ItemResponses r(q.keyed_items(), batch.size());
  for (size_t c = 0; c < r.items.size(); ++c) {
    const std::string& id = q.items[r.items[c]].id;
    for (size_t n = 0; n < batch.size(); ++n)
      if (const Answer* a = batch[n].find(id); a && a->number) r.at(n, c) = static_cast<float>(*a->number);
  }
  return r;
}

}  // namespace careermap
