#include "yaml_read.hpp"
#include "yaml_doc.hpp"

#include "engine/files.hpp"
#include "engine/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>
#include <vector>

#include <yaml.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/null.h>
#include <yaml-cpp/node/detail/memory.h>
#include <yaml-cpp/node/detail/node.h>

#include "engine/answers.hpp"
#include "engine/messages.hpp"

namespace careermap::yaml {
namespace {
struct NodeAccess {};
}  // namespace
}  // namespace careermap::yaml

// yaml-cpp makes a Node of the nodes it built only inside its own NodeBuilder (the Node
// constructor that takes them is private); Node befriends every as_if<T, S>, so this one,
// for a type of ours alone, makes the Node of the nodes the Reader below built.
template <>
struct YAML::as_if<careermap::yaml::NodeAccess, careermap::yaml::NodeAccess> {
  static Node of(detail::node& root, const detail::shared_memory_holder& memory) { return Node(root, memory); }
};

namespace careermap::yaml {
namespace {

Location place(const YAML::Mark& m, const std::string& file) {
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

}  // namespace


namespace {

template <class N>
Location at_of(const N& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};  // a missing key has no place (and Mark() would throw)
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

template <class N>
std::string kind_of_node(const N& node) {
  if (!node.IsDefined()) return "nothing";
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "text";
    default: return "nothing";
  }
}

template <class N>
std::optional<std::string> scalar_of(const N& node, const std::string& file, const std::string& item,
                                     Diagnostics& diags) {
  if (node.IsScalar()) return node.Scalar();
  diags.error(at(node, file), item, trf("expected text, got {value}", {{"value", std::string(kind_of(node))}}));
  return std::nullopt;
}

template <class N>
void warn_unknown(const N& node, std::initializer_list<std::string_view> known, const std::string& file,
                  const std::string& item, Diagnostics& diags) {
  if (!node.IsMap()) return;
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    bool ok = false;
    for (auto k : known) ok = ok || key == k;
    // A key is named only when it is an id: any other key may be text from a person.
    if (!ok)
      diags.warning(at(kv.first, file), item,
                    valid_participant_id(key) ? trf("unknown key '{key}' is ignored", {{"key", key}})
                                              : tr("an unknown key is ignored"));
  }
}

}  // namespace

Location at(const YAML::Node& node, const std::string& file) { return at_of(node, file); }
Location at(const Ref& node, const std::string& file) { return at_of(node, file); }
std::string kind_of(const YAML::Node& node) { return kind_of_node(node); }
std::string kind_of(const Ref& node) { return kind_of_node(node); }
std::optional<std::string> scalar(const YAML::Node& node, const std::string& file, const std::string& item,
                                  Diagnostics& diags) {
  return scalar_of(node, file, item, diags);
}
std::optional<std::string> scalar(const Ref& node, const std::string& file, const std::string& item,
                                  Diagnostics& diags) {
  return scalar_of(node, file, item, diags);
}
void warn_unknown_keys(const YAML::Node& node, std::initializer_list<std::string_view> known,
                       const std::string& file, const std::string& item, Diagnostics& diags) {
  warn_unknown(node, known, file, item, diags);
}
void warn_unknown_keys(const Ref& node, std::initializer_list<std::string_view> known, const std::string& file,
                       const std::string& item, Diagnostics& diags) {
  warn_unknown(node, known, file, item, diags);
}

Error error_of(const YAML::Exception& e, const std::string& file, bool malformed) {
  const std::string msg(e.msg);
  return Error(place(e.mark, file), "",
               malformed ? trf("malformed YAML: {msg}", {{"msg", msg}}) : trf("unexpected YAML: {msg}", {{"msg", msg}}));
}

namespace {

// A key as a message may show it: a code (an item id, a field) quoted; anything else
// (which may be free text) only described.
std::string shown_key(const std::string& key) {
  const bool code = !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
  return code ? key : "";
}

// Builds the nodes from the parser's events in the one pass that checks them, and throws
// Error at the first breach of the policy: nothing is read twice, and a breach stops the
// reading where it stands (at most kMaxYamlNodes nodes, kMaxYamlDepth levels made).
class Reader final : public YAML::EventHandler {
 public:
  explicit Reader(const std::string& file) : file_(file), memory_(std::make_shared<YAML::detail::memory_holder>()) {}

  // The document read (a null node when there was none).
  YAML::Node root() const;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    value(m, a, nullptr);
    YAML::detail::node& n = make(m, "");
    n.set_null();
    add(n);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { refuse_alias(m); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& v) override {
    value(m, a, &v);
    YAML::detail::node& n = make(m, tag);
    n.set_scalar(v);
    add(n);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value style) override {
    open(m, a, false, tag, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    open(m, a, true, tag, style);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark& m, const std::string&) override { refuse_alias(m); }

 private:
  struct Frame {
    YAML::Mark mark;                          // where the collection starts
    bool map = false;
    bool key_next = true;                     // in a map: the next value is a key
    std::map<std::string, YAML::Mark> keys;  // scalar keys seen, where
    YAML::detail::node* node = nullptr;       // the collection being built
    YAML::detail::node* key = nullptr;        // in a map: the key whose value comes next
  };

  [[noreturn]] void refuse_alias(const YAML::Mark& m) {
    throw Error(place(m, file_), "", tr("YAML anchors and aliases (& and *) are not accepted; write each value out"));
  }

  void count(const YAML::Mark& m, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) refuse_alias(m);
    if (++nodes_ > kMaxYamlNodes)
      throw Error(place(m, file_), "",
                  trf("more than {max_yaml_nodes} values in one file",
                      {{"max_yaml_nodes", std::to_string(kMaxYamlNodes)}}));
  }

  // A node of the enclosing collection is complete: in a map it is a key or a value.
  void done(const YAML::Mark& m, const std::string* scalar_key) {
    if (stack_.empty() || !stack_.back().map) return;
    Frame& f = stack_.back();
    if (f.key_next && scalar_key) {
      auto [it, fresh] = f.keys.emplace(*scalar_key, m);
      if (!fresh)
        throw Error(place(m, file_), shown_key(*scalar_key),
                    trf("the key is given twice (first at {value}:{value_a})",
                        {{"value", std::to_string(it->second.line + 1)},
                         {"value_a", std::to_string(it->second.column + 1)}}));
    }
    f.key_next = !f.key_next;
  }

  void value(const YAML::Mark& m, YAML::anchor_t anchor, const std::string* scalar) {
    count(m, anchor);
    static const std::string null_key = "~";
    done(m, scalar ? scalar : &null_key);
  }

  void open(const YAML::Mark& m, YAML::anchor_t anchor, bool map, const std::string& tag,
            YAML::EmitterStyle::value style) {
    count(m, anchor);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth)
      throw Error(place(m, file_), "",
                  trf("lists and maps nested deeper than {max_yaml_depth} levels",
                      {{"max_yaml_depth", std::to_string(kMaxYamlDepth)}}));
    YAML::detail::node& n = make(m, tag);
    n.set_type(map ? YAML::NodeType::Map : YAML::NodeType::Sequence);
    n.set_style(style);
    stack_.push_back(Frame{m, map, true, {}, &n, nullptr});
  }

  void close() {
    const YAML::Mark m = stack_.back().mark;
    YAML::detail::node& n = *stack_.back().node;
    stack_.pop_back();
    done(m, nullptr);
    add(n);
  }

  YAML::detail::node& make(const YAML::Mark& m, const std::string& tag) {
    YAML::detail::node& n = memory_->create_node();
    n.set_mark(m);
    n.set_tag(tag);
    return n;
  }

  // A complete node goes into the collection it is in: a list's next entry, a map's key
  // or the value of the key before it; outside any, it is the document.
  void add(YAML::detail::node& n) {
    if (stack_.empty()) {
      root_ = &n;
      return;
    }
    Frame& f = stack_.back();
    if (!f.map) {
      f.node->push_back(n, memory_);
    } else if (!f.key) {
      f.key = &n;
    } else {
      f.node->insert(*f.key, n, memory_);
      f.key = nullptr;
    }
  }

  const std::string& file_;
  size_t nodes_ = 0;
  std::vector<Frame> stack_;
  YAML::detail::shared_memory_holder memory_;
  YAML::detail::node* root_ = nullptr;
};

YAML::Node Reader::root() const {
  if (!root_) return YAML::Node();
  return YAML::as_if<NodeAccess, NodeAccess>::of(*root_, memory_);
}

// What the DocBuilder throws where the Reader would refuse the text (a breach of the
// policy): the text is then read as before, and the Reader says where.
struct NotPlain {};

}  // namespace

// Builds a Doc of what FastRead reads, under the same policy as the Reader: at most
// kMaxYamlNodes values and kMaxYamlDepth levels, no text key (or null key, taken as "~")
// twice in one map; a breach throws NotPlain.
class DocBuilder {
 public:
  explicit DocBuilder(Doc& doc) : d_(doc) {
    d_.nodes_.clear();
    if (d_.texts_.empty()) d_.texts_.emplace_back();
    d_.used_texts_ = 1;
    d_.root_ = Doc::kNone;
    stack_.clear();
  }

  void null(const YAML::Mark& m) { add(make(m, YAML::NodeType::Null)); }
  void scalar(const YAML::Mark& m, const char*, std::string_view v) {
    const uint32_t i = make(m, YAML::NodeType::Scalar);
    if (d_.used_texts_ < d_.texts_.size()) d_.texts_[d_.used_texts_].assign(v);
    else d_.texts_.emplace_back(v);
    d_.nodes_[i].text = static_cast<uint32_t>(d_.used_texts_++);
    add(i);
  }
  void open(const YAML::Mark& m, bool map, YAML::EmitterStyle::value) {
    const uint32_t i = make(m, map ? YAML::NodeType::Map : YAML::NodeType::Sequence);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) throw NotPlain{};
    stack_.push_back({i, Doc::kNone});
  }
  void close() {
    const uint32_t i = stack_.back().node;
    stack_.pop_back();
    if (d_.nodes_[i].type == YAML::NodeType::Map) check_keys(i);
    add(i);
  }
  Ref root() {
    if (d_.root_ == Doc::kNone) {  // no document: a null node without a place, as yaml-cpp's
      d_.root_ = make(YAML::Mark::null_mark(), YAML::NodeType::Null);
    }
    return d_.root();
  }

 private:
  struct Frame {
    uint32_t node, last;  // the collection, its last child so far
  };

  uint32_t make(const YAML::Mark& m, YAML::NodeType::value type) {
    if (d_.nodes_.size() >= kMaxYamlNodes) throw NotPlain{};
    Doc::Node& n = d_.nodes_.emplace_back();
    n.type = type;
    n.line = m.line;
    n.column = m.column;
    n.pos = m.pos;
    return static_cast<uint32_t>(d_.nodes_.size() - 1);
  }

  // A complete node goes into the collection it is in (after its last child), or is the document.
  void add(uint32_t i) {
    if (stack_.empty()) {
      d_.root_ = i;
      return;
    }
    Frame& f = stack_.back();
    Doc::Node& parent = d_.nodes_[f.node];
    if (f.last == Doc::kNone) parent.first = i;
    else d_.nodes_[f.last].next = i;
    f.last = i;
    ++parent.children;
  }

  // The map `i` holds no text key twice (a null key is "~", as the Reader takes it).
  void check_keys(uint32_t i) {
    keys_.clear();
    for (uint32_t k = d_.nodes_[i].first; k != Doc::kNone; k = d_.nodes_[d_.nodes_[k].next].next) {
      const Doc::Node& key = d_.nodes_[k];
      if (key.type == YAML::NodeType::Scalar) keys_.push_back(d_.texts_[key.text]);
      else if (key.type == YAML::NodeType::Null) keys_.push_back("~");
    }
    if (keys_.size() <= 8) {
      for (size_t a = 0; a < keys_.size(); ++a)
        for (size_t b = a + 1; b < keys_.size(); ++b)
          if (keys_[a] == keys_[b]) throw NotPlain{};
      return;
    }
    std::sort(keys_.begin(), keys_.end());
    if (std::adjacent_find(keys_.begin(), keys_.end()) != keys_.end()) throw NotPlain{};
  }

  Doc& d_;
  std::vector<Frame> stack_;
  std::vector<std::string_view> keys_;
};

namespace {

// The yaml-cpp nodes of what FastRead reads, built by the Reader (under the policy).
class NodeSink {
 public:
  explicit NodeSink(const std::string& file) : reader_(file) {}
  void null(const YAML::Mark& m) { reader_.OnNull(m, YAML::NullAnchor); }
  void scalar(const YAML::Mark& m, const char* tag, std::string_view v) {
    reader_.OnScalar(m, tag, YAML::NullAnchor, std::string(v));
  }
  void open(const YAML::Mark& m, bool map, YAML::EmitterStyle::value style) {
    if (map) reader_.OnMapStart(m, "?", YAML::NullAnchor, style);
    else reader_.OnSequenceStart(m, "?", YAML::NullAnchor, style);
  }
  void close() { reader_.OnMapEnd(); }  // the Reader closes a list and a map alike
  YAML::Node root() const { return reader_.root(); }

 private:
  Reader reader_;
};

// libyaml reads about six times faster than yaml-cpp. It gives the same events for the plain
// documents careermap's files are; for anything else the two might read differently (tags,
// anchors, directives, carriage returns, tabs, '?', a byte order mark, an empty value, a
// block of text after | or >, more than one document) or libyaml
// refuses, and for any breach of the policy, this gives nullopt and yaml-cpp reads the text
// as it always has, with its messages. Marks are yaml-cpp's: columns and positions in bytes
// (libyaml counts characters).
//
// What it reads goes to a Sink: the yaml-cpp nodes (NodeSink) or a light Doc (DocBuilder),
// by null(mark), scalar(mark, tag, text), open(mark, map, style), close() and root().
template <class Sink>
class FastRead {
 public:
  FastRead(std::string_view text, Sink& sink) : text_(text), reader_(sink) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~FastRead() { yaml_parser_delete(&parser_); }
  FastRead(const FastRead&) = delete;
  FastRead& operator=(const FastRead&) = delete;

  std::optional<decltype(std::declval<Sink&>().root())> run() {
    // Line breaks yaml-cpp does not take as such (YAML 1.2), or counts otherwise; tabs; a BOM;
    // '?', which yaml-cpp refuses in some places where libyaml takes it for text.
    for (const char* odd : {"\r", "\t", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "?"})
      if (text_.find(odd) != std::string_view::npos) return std::nullopt;
    if (text_.rfind("\xEF\xBB\xBF", 0) == 0) return std::nullopt;
    try {
      // One document, then the end of the text: anything after it (another document, or
      // what yaml-cpp may take for part of the first) is for yaml-cpp.
      for (bool document_ended = false;;) {
        // The event is freed however the Reader takes it (a breach throws).
        struct Event {
          yaml_event_t e{};
          ~Event() { yaml_event_delete(&e); }
        } event;
        if (!yaml_parser_parse(&parser_, &event.e)) return std::nullopt;
        const yaml_event_type_t type = event.e.type;
        if (document_ended && type != YAML_STREAM_END_EVENT) return std::nullopt;
        if (!take(event.e)) return std::nullopt;
        if (type == YAML_STREAM_END_EVENT) return reader_.root();
        document_ended = document_ended || type == YAML_DOCUMENT_END_EVENT;
      }
    } catch (const Error&) {
      return std::nullopt;  // a breach: yaml-cpp finds it again and says where
    } catch (const NotPlain&) {
      return std::nullopt;  // the same, from the DocBuilder
    }
  }

 private:
  // Hands one event to the Reader; false for an event yaml-cpp might read otherwise.
  bool take(const yaml_event_t& e) {
    const auto plain = [](const unsigned char* anchor, const unsigned char* tag) { return !anchor && !tag; };
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        return !e.data.document_start.version_directive &&
               e.data.document_start.tag_directives.start == e.data.document_start.tag_directives.end;
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        if (!plain(s.anchor, s.tag)) return false;
        // A literal or folded block (| or >): yaml-cpp places some otherwise.
        if (s.style == YAML_LITERAL_SCALAR_STYLE || s.style == YAML_FOLDED_SCALAR_STYLE) return false;
        const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        if (s.style == YAML_PLAIN_SCALAR_STYLE) {
          if (value.empty()) return false;
          // (the null words are at most four bytes: a short string, never allocated)
          if (value.size() <= 4 && YAML::IsNullString(std::string(value))) reader_.null(mark(e.start_mark));
          else reader_.scalar(mark(e.start_mark), "?", value);
        } else {
          reader_.scalar(mark(e.start_mark), "!", value);
        }
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
        if (!plain(e.data.sequence_start.anchor, e.data.sequence_start.tag)) return false;
        reader_.open(mark(e.start_mark), false,
                     e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? YAML::EmitterStyle::Flow
                                                                             : YAML::EmitterStyle::Block);
        return true;
      case YAML_MAPPING_START_EVENT:
        if (!plain(e.data.mapping_start.anchor, e.data.mapping_start.tag)) return false;
        reader_.open(mark(e.start_mark), true,
                     e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? YAML::EmitterStyle::Flow
                                                                           : YAML::EmitterStyle::Block);
        return true;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: reader_.close(); return true;
      case YAML_ALIAS_EVENT: return false;
      default: return true;  // the stream's start, the document's end
    }
  }

  // libyaml's mark (characters) as yaml-cpp's (bytes): walks on from the last one (events
  // come in the order of the text), from the start again if one is behind.
  YAML::Mark mark(const yaml_mark_t& m) {
    if (m.index < chars_) chars_ = bytes_ = line_start_ = 0;
    while (chars_ < m.index && bytes_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[bytes_]);
      bytes_ += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++chars_;
      if (c == '\n') line_start_ = bytes_;
    }
    YAML::Mark out;
    out.pos = static_cast<int>(bytes_);
    out.line = static_cast<int>(m.line);
    out.column = static_cast<int>(bytes_ - line_start_);
    return out;
  }

  std::string_view text_;
  Sink& reader_;
  yaml_parser_t parser_{};
  size_t chars_ = 0, bytes_ = 0, line_start_ = 0;  // the last mark: characters, bytes, its line's first byte
};

// Text that is not UTF-8, or holds NUL bytes, is refused before YAML sees it: say where.
void check_text(std::string_view text, const std::string& file) {
  const size_t nul = text.find('\0');
  const size_t bad = nul != std::string_view::npos ? nul : first_invalid_utf8(text);
  if (bad == std::string_view::npos) return;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
  throw Error(Location{file, line, 0}, "",
              text[bad] == '\0' ? tr("the file holds a NUL byte; it is not a text file")
                                 : tr("the file is not UTF-8 text (save it as UTF-8)"));
}

}  // namespace

YAML::Node parse(std::string_view text, const std::string& file) {
  if (auto fast = parse_plain(text, file)) return *fast;
  return parse_with_yaml_cpp(text, file);
}

std::optional<YAML::Node> parse_plain(std::string_view text, const std::string& file) {
  check_text(text, file);
  NodeSink sink(file);
  return FastRead<NodeSink>(text, sink).run();
}

bool read_plain(std::string_view text, const std::string& file, Doc& doc) {
  check_text(text, file);
  DocBuilder builder(doc);
  return FastRead<DocBuilder>(text, builder).run().has_value();
}

YAML::Node parse_with_yaml_cpp(std::string_view text, const std::string& file) {
  check_text(text, file);
  const std::string copy(text);
  try {
    std::istringstream in(copy);
    YAML::Parser parser(in);
    Reader reader(file);
    parser.HandleNextDocument(reader);
    return reader.root();
  } catch (const YAML::Exception& e) {
    throw error_of(e, file, true);
  }
}

std::string read_file(const std::string& path) { return careermap::read_file(path); }

std::optional<double> to_number(const std::string& raw) {
  std::string_view s = raw;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<double> number(const YAML::Node& node, const std::string& file,
                             const std::string& item, Diagnostics& diags) {
  if (node.IsScalar()) {
    if (auto v = to_number(node.Scalar())) return v;
    diags.error(
        at(node, file), item,
        trf("expected a number, got \"{scalar}\"", {{"scalar", std::string(node.Scalar())}}));
    return std::nullopt;
  }
  diags.error(at(node, file), item, trf("expected a number, got {value}", {{"value", std::string(kind_of(node))}}));
  return std::nullopt;
}

LocalText local_text(const YAML::Node& node, const std::string& file, const std::string& item,
                     Diagnostics& diags) {
  LocalText t;
  if (node.IsScalar()) {
    t.ja = t.en = node.Scalar();
  } else if (node.IsMap()) {
    if (node["ja"]) t.ja = scalar(node["ja"], file, item, diags).value_or("");
    if (node["en"]) t.en = scalar(node["en"], file, item, diags).value_or("");
    warn_unknown_keys(node, {"ja", "en"}, file, item, diags);
    if (t.empty()) diags.error(at(node, file), item, tr("text needs ja or en"));
  } else {
    diags.error(
        at(node, file), item,
        trf("expected text or {ja, en}, got {value}", {{"value", std::string(kind_of(node))}}));
  }
  return t;
}

}  // namespace careermap::yaml
