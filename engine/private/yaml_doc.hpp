// Private to the engine: a plain YAML document read by libyaml into a light tree (one array
// of nodes, the texts beside them), for the answers files on the import, score and render
// paths, where building yaml-cpp's nodes took as long as parsing (issue 18). A Ref answers
// what the answers intake asks of a YAML::Node (kind, text, mark, size, a map's value by
// key, the entries in order) with the same answers that yaml::parse_plain's nodes give.
// read_plain fills a Doc only where yaml::parse_plain would read the text (a plain text
// under the policy, yaml_read.hpp); anywhere else it gives false and the caller reads the
// text as before (yaml::parse), so every node and message is the same. In engine/private/:
// only the engine (and its tests) has it on the include path.
#pragma once

#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/type.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace careermap::yaml {

class Doc;

// A node of a Doc, or none (what a map gives for a key it does not hold). Valid while the
// Doc holds this document.
class Ref {
 public:
  Ref() = default;
  bool IsDefined() const { return doc_ != nullptr; }
  explicit operator bool() const { return IsDefined(); }
  bool operator!() const { return !IsDefined(); }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  // The text of a scalar; "" for any other node (as yaml-cpp).
  const std::string& Scalar() const;
  YAML::Mark Mark() const;
  // The entries of a list, the pairs of a map; 0 for anything else.
  size_t size() const;
  // In a map, the value of the first key that is text equal to `key` (as yaml-cpp's
  // operator[] on a const node); none otherwise.
  Ref operator[](std::string_view key) const;

  // An entry: a list's value (the Ref itself), or a map's pair (first, second).
  struct Entry;
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  friend class Doc;
  Ref(const Doc* doc, uint32_t i) : doc_(doc), i_(i) {}
  const Doc* doc_ = nullptr;
  uint32_t i_ = 0;
};

struct Ref::Entry : Ref {
  Ref first, second;
};

class Ref::Iterator {
 public:
  Entry operator*() const;
  Iterator& operator++();
  bool operator==(const Iterator& o) const { return i_ == o.i_; }
  bool operator!=(const Iterator& o) const { return i_ != o.i_; }

 private:
  friend class Ref;
  Iterator(const Doc* doc, uint32_t i, bool map) : doc_(doc), i_(i), map_(map) {}
  const Doc* doc_;
  uint32_t i_;
  bool map_;
};

// One document's nodes. Reused from file to file (read_plain clears it), so that reading
// a file allocates next to nothing once the first has been read.
class Doc {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    YAML::NodeType::value type = YAML::NodeType::Null;
    uint32_t text = 0;           // a scalar's index in texts_
    uint32_t first = kNone;      // the first child (a map's first key)
    uint32_t next = kNone;       // the next sibling
    uint32_t children = 0;       // entries of a list; keys and values of a map
    int line = 0, column = 0, pos = 0;  // yaml-cpp's mark (0-based, bytes)
  };

  // The document's root: none before a document was read; a null node for an empty one.
  Ref root() const { return root_ == kNone ? Ref() : Ref(this, root_); }

  const Node& node(uint32_t i) const { return nodes_[i]; }
  const std::string& text(uint32_t i) const { return texts_[i]; }

  // Gives the memory back when a large document was read (it is kept for the next otherwise).
  void shrink() {
    size_t bytes = 0;
    for (const auto& t : texts_) bytes += t.capacity();
    if (nodes_.capacity() > 4096 || texts_.size() > 4096 || bytes > (size_t{1} << 20)) *this = Doc();
  }

 private:
  friend class DocBuilder;
  std::vector<Node> nodes_;
  std::vector<std::string> texts_;  // texts_[0] is "" (the text of every node that is not a scalar)
  size_t used_texts_ = 0;           // texts_ beyond this are kept for their capacity
  uint32_t root_ = kNone;
};

// Reads `text` into `doc` when yaml::parse_plain would read it (and gives the same tree);
// false for any other text, which the caller reads with yaml::parse. Throws Error where
// parse_plain throws (text that is not UTF-8, or holds a NUL byte).
bool read_plain(std::string_view text, const std::string& file, Doc& doc);

inline YAML::NodeType::value Ref::Type() const {
  return doc_ ? doc_->node(i_).type : YAML::NodeType::Undefined;
}
inline const std::string& Ref::Scalar() const {
  static const std::string none;
  return doc_ ? doc_->text(doc_->node(i_).text) : none;
}
inline YAML::Mark Ref::Mark() const {
  YAML::Mark m;
  if (!doc_) return YAML::Mark::null_mark();
  const Doc::Node& n = doc_->node(i_);
  m.pos = n.pos;
  m.line = n.line;
  m.column = n.column;
  return m;
}
inline size_t Ref::size() const {
  if (!doc_) return 0;
  const Doc::Node& n = doc_->node(i_);
  return n.type == YAML::NodeType::Map ? n.children / 2 : n.type == YAML::NodeType::Sequence ? n.children : 0;
}
inline Ref Ref::operator[](std::string_view key) const {
  if (!IsMap()) return Ref();
  for (uint32_t k = doc_->node(i_).first; k != Doc::kNone;) {
    const Doc::Node& kn = doc_->node(k);
    if (kn.type == YAML::NodeType::Scalar && doc_->text(kn.text) == key) return Ref(doc_, kn.next);
    k = doc_->node(kn.next).next;
  }
  return Ref();
}
inline Ref::Iterator Ref::begin() const {
  const bool list_or_map = IsMap() || IsSequence();
  return Iterator(doc_, list_or_map ? doc_->node(i_).first : Doc::kNone, IsMap());
}
inline Ref::Iterator Ref::end() const { return Iterator(doc_, Doc::kNone, IsMap()); }
inline Ref::Entry Ref::Iterator::operator*() const {
  Entry e;
  if (map_) {
    e.first = Ref(doc_, i_);
    e.second = Ref(doc_, doc_->node(i_).next);
  } else {
    static_cast<Ref&>(e) = Ref(doc_, i_);
  }
  return e;
}
inline Ref::Iterator& Ref::Iterator::operator++() {
  i_ = doc_->node(i_).next;
  if (map_) i_ = doc_->node(i_).next;
  return *this;
}

}  // namespace careermap::yaml
