// The one YAML policy (engine/yaml_read.hpp): UTF-8 only, no anchors or aliases, bounded
// depth and size, no key twice in one map. Exact messages, and a property test against an
// independent reference on random documents.
#include "yaml_read.hpp"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <sstream>

#include "engine/utf8.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

// The message `yaml::parse` throws, or "" when it accepts the text.
std::string refusal(const std::string& text) {
  try {
    yaml::parse(text, "f.yaml");
    return "";
  } catch (const Error& e) {
    return e.diagnostic().format();
  }
}

// Where the trees `a` and `b` first differ (kind, tag, style, scalar, place, entries and
// their order), or "" when they are the same.
std::string difference(const YAML::Node& a, const YAML::Node& b, const std::string& path = "/") {
  std::ostringstream d;
  if (a.Type() != b.Type()) d << "type " << a.Type() << " vs " << b.Type();
  else if (a.Tag() != b.Tag()) d << "tag '" << a.Tag() << "' vs '" << b.Tag() << "'";
  else if (a.Style() != b.Style()) d << "style " << a.Style() << " vs " << b.Style();
  else if (a.Mark().pos != b.Mark().pos || a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column)
    d << "mark " << a.Mark().line << ":" << a.Mark().column << " vs " << b.Mark().line << ":" << b.Mark().column;
  else if (a.IsScalar() && a.Scalar() != b.Scalar()) d << "scalar '" << a.Scalar() << "' vs '" << b.Scalar() << "'";
  else if (a.size() != b.size()) d << "size " << a.size() << " vs " << b.size();
  if (!d.str().empty()) return path + ": " + d.str();
  auto i = a.begin(), j = b.begin();
  for (size_t n = 0; i != a.end(); ++i, ++j, ++n) {
    const std::string at = path + std::to_string(n) + "/";
    std::string x = a.IsMap() ? difference(i->first, j->first, at + "key") + difference(i->second, j->second, at)
                              : difference(*i, *j, at);
    if (!x.empty()) return x;
  }
  return "";
}

// A random block-and-flow document of plain, quoted, tagged, empty and literal values, its
// keys all different (so the policy accepts it).
struct Document {
  std::mt19937& rng;
  std::string text;
  int keys = 0;
  std::string scalar() {
    switch (rng() % 14) {
      case 9: return "\"esc \\\" \\\\ \\n \\u3042 \\x41 # not a comment\"";
      case 10: return "\"two\n            lines\"";
      case 11: return "a:b http://x.example/y - z";
      case 12: return "v#not-a-comment";
      case 13: return "'it''s\n            folded'";
      case 0: return "\"quoted " + std::to_string(rng() % 100) + "\"";
      case 1: return "'single ''q'''";
      case 2: return "~";
      case 3: return "!!str " + std::to_string(rng() % 10);
      case 4: return "!mine v";
      case 5: return "null";
      case 6: return "テキスト " + std::to_string(rng() % 7);
      default: return std::to_string(static_cast<int>(rng() % 2000) - 1000);
    }
  }
  std::string flow(int depth) {
    if (depth > 3 || rng() % 3 == 0) return scalar();
    const bool map = rng() % 2;
    std::string s = map ? "{" : "[";
    for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i)
      s += (i ? ", " : "") + (map ? "k" + std::to_string(keys++) + ": " : std::string()) + flow(depth + 1);
    return s + (map ? "}" : "]");
  }
  void block(int depth, const std::string& indent) {
    const bool list = depth > 0 && rng() % 3 == 0;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 4); i < n; ++i) {
      text += indent + (list ? "- " : "k" + std::to_string(keys++) + ":");
      const unsigned what = depth > 2 ? rng() % 3 : rng() % 5;
      if (what == 0) text += (list ? "" : " ") + scalar() + "\n";
      else if (what == 1) text += (list ? "" : " ") + flow(0) + "\n";
      else if (what == 2) text += list ? "|\n" + indent + "  line one\n" + indent + "  line two\n" : "\n";
      else {
        text += "\n";
        block(depth + 1, indent + "  ");
      }
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_policy)

// The one pass builds the very nodes yaml-cpp's own YAML::Load builds: on every YAML file
// of the project and on random documents.
BOOST_AUTO_TEST_CASE(the_nodes_read_in_one_pass_are_those_yaml_load_builds) {
  int files = 0, plain = 0;
  for (const char* dir : {"questionnaires", "templates", "tests/data"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(CAREERMAP_SOURCE_DIR) + "/" + dir)) {
      if (e.path().extension() != ".yaml") continue;
      const std::string text = yaml::read_file(e.path().string());
      YAML::Node ours;
      try {
        ours = yaml::parse(text, "f.yaml");
      } catch (const Error&) {
        continue;  // refused by the policy (a test's bad input)
      }
      BOOST_TEST(difference(ours, YAML::Load(text)) == "", e.path().string());
      files++;
      plain += yaml::parse_plain(text, "f.yaml").has_value();
    }
  BOOST_TEST(files > 40);
  BOOST_TEST(plain > 30);  // most read by libyaml
  for (const char* sample : {"p01", "p02", "p03"})
    BOOST_TEST(yaml::parse_plain(yaml::read_file(std::string(CAREERMAP_SOURCE_DIR) + "/questionnaires/samples/" + sample + ".yaml"),
                                 "f.yaml")
                   .has_value());
  std::mt19937 rng(20261202);
  for (int c = 0; c < 2000; ++c) {
    Document doc{rng, "", 0};
    doc.block(0, "");
    BOOST_TEST(difference(yaml::parse(doc.text, "f.yaml"), YAML::Load(doc.text)) == "", "case " << c << ":\n" << doc.text);
  }
  BOOST_TEST(yaml::parse("", "f.yaml").IsNull());
  BOOST_TEST(yaml::parse("# only a comment\n", "f.yaml").IsNull());
  BOOST_TEST(YAML::Load("# only a comment\n").IsNull());
}

// libyaml's reading (plain documents) and yaml-cpp's give the same nodes or the same message
// for any text: valid random documents and those with characters put in, taken out or
// swapped (YAML's indicators, spaces, line breaks, quotes, text in Japanese).
BOOST_AUTO_TEST_CASE(the_fast_reading_gives_what_yaml_cpp_gives_for_any_text) {
  const auto outcome = [](const std::function<YAML::Node()>& read) {
    try {
      return std::make_pair(read(), std::string());
    } catch (const Error& e) {
      return std::make_pair(YAML::Node(), e.diagnostic().format());
    }
  };
  std::mt19937 rng(20261205);
  const std::vector<std::string> bits = {":", "-", " ", "  ", "\n", "[", "]", "{", "}", ",", "#", "'", "\"", "|",
                                         ">", "?", "---\n", "...\n", "\\", "あ", "~", "!", "&", "*", "%", "@", "`",
                                         "\n  ", "- ", ": ", "null", "\"\\u3042\"", "|-\n", ">+\n"};
  int accepted = 0, refused = 0, read_plain = 0;
  for (int c = 0; c < 3000; ++c) {
    Document doc{rng, "", 0};
    doc.block(0, "");
    std::string text = doc.text;
    for (int m = 0, n = static_cast<int>(rng() % 4); m < n && !text.empty(); ++m) {
      const size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.insert(at, bits[rng() % bits.size()]); break;
        case 1: text.erase(at, 1 + rng() % 3); break;
        default: std::swap(text[at], text[rng() % text.size()]);
      }
    }
    if (c % 2)  // half of them plain (no tags, no | blocks), as the answers files are
      for (const std::string odd : {"!!str ", "!mine ", "|"})
        for (size_t at = text.find(odd); at != std::string::npos; at = text.find(odd)) text.erase(at, odd.size());
    if (first_invalid_utf8(text) != std::string::npos) continue;  // a cut Japanese character: refused before YAML
    const auto plain = outcome([&] { return yaml::parse_plain(text, "f.yaml").value_or(YAML::Node(YAML::NodeType::Undefined)); });
    read_plain += plain.second.empty() && plain.first.IsDefined();
    const auto fast = outcome([&] { return yaml::parse(text, "f.yaml"); });
    const auto slow = outcome([&] { return yaml::parse_with_yaml_cpp(text, "f.yaml"); });
    BOOST_TEST(fast.second == slow.second, "case " << c << ": [" << fast.second << "] vs [" << slow.second << "]\n" << text);
    if (fast.second.empty() && slow.second.empty())
      BOOST_TEST(difference(fast.first, slow.first) == "", "case " << c << ":\n" << text);
    (slow.second.empty() ? accepted : refused)++;
  }
  BOOST_TEST(accepted > 1000);
  BOOST_TEST(refused > 300);
  BOOST_TEST(read_plain > 300);  // libyaml read them
}

BOOST_AUTO_TEST_CASE(a_node_read_as_what_it_is_not_becomes_an_error_at_its_place) {
  const YAML::Node root = yaml::parse("a: 1\nb: [x, y]\n", "f.yaml");
  std::string msg;
  try {
    yaml::guarded("f.yaml", [&] { return root["b"].as<int>(); });
  } catch (const Error& e) {
    msg = e.diagnostic().format();
  }
  BOOST_TEST(msg == "f.yaml:2:4: error: unexpected YAML: bad conversion");
  BOOST_TEST(yaml::guarded("f.yaml", [&] { return root["a"].as<int>(); }) == 1);
  BOOST_TEST(refusal("a: [1\n") == "f.yaml:2:1: error: malformed YAML: end of sequence flow not found");
}

BOOST_AUTO_TEST_CASE(anchors_and_aliases_are_refused_where_they_stand) {
  const std::string msg = "error: YAML anchors and aliases (& and *) are not accepted; write each value out";
  BOOST_TEST(refusal("a: &x [1, 2]\nb: *x\n") == "f.yaml:1:4: " + msg);
  BOOST_TEST(refusal("a: 1\nb: [2, &y 3]\n") == "f.yaml:2:8: " + msg);
  BOOST_TEST(refusal("a: &z {k: v}\n") == "f.yaml:1:4: " + msg);
  BOOST_TEST(refusal("a: 'text & more * stars'\nb: x&y\n") == "");  // & and * inside text are text
}

BOOST_AUTO_TEST_CASE(nesting_is_bounded_at_64_levels) {
  auto nested = [](int n) { return std::string(n, '[') + std::string(n, ']') + "\n"; };
  BOOST_TEST(refusal(nested(yaml::kMaxYamlDepth)) == "");
  BOOST_TEST(refusal(nested(yaml::kMaxYamlDepth + 1)) ==
             "f.yaml:1:65: error: lists and maps nested deeper than 64 levels");
  // 100,000 levels: refused at the 65th, without recursing any further.
  BOOST_TEST(refusal("a:\n  b: " + nested(100000)) == "f.yaml:2:68: error: lists and maps nested deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(a_file_holds_at_most_200000_values) {
  auto list = [](size_t n) {
    std::string s = "[";
    for (size_t i = 0; i < n; ++i) s += i ? ",1" : "1";
    return s + "]\n";
  };
  BOOST_TEST(refusal(list(yaml::kMaxYamlNodes - 1)) == "");  // the list itself is a value
  BOOST_TEST(refusal(list(yaml::kMaxYamlNodes)) ==
             "f.yaml:1:" + std::to_string(2 * yaml::kMaxYamlNodes) + ": error: more than 200000 values in one file");
}

BOOST_AUTO_TEST_CASE(a_key_twice_names_both_places) {
  BOOST_TEST(refusal("participant: p1\nname: n\nparticipant: p2\n") ==
             "f.yaml:3:1: error: participant: the key is given twice (first at 1:1)");
  BOOST_TEST(refusal("answers:\n  eps:\n    - {from: 2019, title: t, from: 2020}\n") ==
             "f.yaml:3:30: error: from: the key is given twice (first at 3:8)");
  // A key that may be free text is not repeated in the message.
  BOOST_TEST(refusal("columns:\n  お名前: name\n  お名前: name\n") ==
             "f.yaml:3:3: error: the key is given twice (first at 2:3)");
  // The same key in two maps, a key equal to a value, a list as a key: all fine.
  BOOST_TEST(refusal("a: {k: 1}\nb: {k: 1}\nk: k\n? [k, k]\n: k\n") == "");
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_or_holds_nul_is_refused_with_its_line) {
  BOOST_TEST(refusal("a: 1\nb: caf\xe9\n") == "f.yaml:2: error: the file is not UTF-8 text (save it as UTF-8)");
  BOOST_TEST(refusal(std::string("a: 1\n\nb: a\0b\n", 12)) == "f.yaml:3: error: the file holds a NUL byte; it is not a text file");
}

// Random documents in flow style, with line breaks between entries; the reference walks
// the generated tree in document order and predicts the first breach and its place.
BOOST_AUTO_TEST_CASE(random_documents_agree_with_a_reference_of_the_policy) {
  std::mt19937 rng(20261201);
  struct Writer {
    std::mt19937& rng;
    std::string text;
    int line = 1, col = 1;
    std::string first;  // the reference's verdict: the first breach
    size_t nodes = 0;
    void put(const std::string& s) {
      for (char c : s) {
        text += c;
        if (c == '\n') line++, col = 1;
        else col++;
      }
    }
    std::string here() const { return "f.yaml:" + std::to_string(line) + ":" + std::to_string(col) + ": error: "; }
    void breach(const std::string& m) {
      if (first.empty()) first = m;
    }
    void count() {
      if (++nodes > yaml::kMaxYamlNodes) breach(here() + "more than 200000 values in one file");
    }
    void sep() { put(rng() % 3 == 0 ? ",\n " : ", "); }
    void node(int depth) {
      const unsigned kind = depth > 70 ? 0 : rng() % (depth > 3 && rng() % 2 ? 6 : 3);
      if (kind == 0 || kind >= 3) {
        count();
        put("v" + std::to_string(rng() % 4));
        return;
      }
      count();
      if (depth + 1 > yaml::kMaxYamlDepth) breach(here() + "lists and maps nested deeper than 64 levels");
      const bool chain = rng() % 4 == 0;  // deep chains reach the depth bound
      const int n = chain ? 1 : static_cast<int>(rng() % 4);
      if (kind == 1) {
        put("[");
        for (int i = 0; i < n; ++i) {
          if (i) sep();
          node(depth + 1);
        }
        put("]");
      } else {
        put("{");
        std::map<std::string, std::pair<int, int>> keys;
        for (int i = 0; i < n; ++i) {
          if (i) sep();
          const std::string k = "k" + std::to_string(rng() % 5);
          count();
          auto [it, fresh] = keys.emplace(k, std::make_pair(line, col));
          if (!fresh)
            breach(here() + k + ": the key is given twice (first at " + std::to_string(it->second.first) + ":" +
                   std::to_string(it->second.second) + ")");
          put(k + ": ");
          node(depth + 1);
        }
        put("}");
      }
    }
  };
  int refused = 0, accepted = 0;
  for (int c = 0; c < 3000; ++c) {
    Writer w{rng, "", 1, 1, "", 0};
    w.node(0);
    w.put("\n");
    const std::string got = refusal(w.text);
    BOOST_TEST(got == w.first, "case " << c << ":\n" << w.text);
    (got.empty() ? accepted : refused)++;
  }
  BOOST_TEST(refused > 300);  // both verdicts are exercised
  BOOST_TEST(accepted > 300);
}

BOOST_AUTO_TEST_SUITE_END()
