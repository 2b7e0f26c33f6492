// The light tree of plain YAML (engine/private/yaml_doc.hpp) against what it replaces on the
// answers path: the tree is the one yaml::parse_plain builds (kinds, texts, marks, entries,
// values by key), read where and only where parse_plain reads; and the answers read through
// it are those read through yaml-cpp's nodes (parse_answers_with_nodes), diagnostics word for
// word, on the project's files and on random and mutated answers documents.
#include "yaml_doc.hpp"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <functional>
#include <random>
#include <sstream>

#include "answers_intake.hpp"
#include "engine/answers_blob.hpp"
#include "engine/utf8.hpp"
#include "tests/testutil.hpp"
#include "yaml_read.hpp"

using namespace careermap;

namespace {

// Where the light node `a` and yaml-cpp's `b` first differ, or "" when they agree on all a
// reader asks: kind, text, mark, size, the entries in order, and every key's value by key.
std::string difference(const yaml::Ref& a, const YAML::Node& b, const std::string& path = "/") {
  std::ostringstream d;
  if (a.IsDefined() != b.IsDefined()) d << "defined " << a.IsDefined() << " vs " << b.IsDefined();
  else if (!a.IsDefined()) return "";
  else if (a.Type() != b.Type()) d << "type " << a.Type() << " vs " << b.Type();
  else if (a.Mark().pos != b.Mark().pos || a.Mark().line != b.Mark().line || a.Mark().column != b.Mark().column)
    d << "mark " << a.Mark().line << ":" << a.Mark().column << " vs " << b.Mark().line << ":" << b.Mark().column;
  else if (a.Scalar() != b.Scalar()) d << "scalar '" << a.Scalar() << "' vs '" << b.Scalar() << "'";
  else if (a.size() != b.size()) d << "size " << a.size() << " vs " << b.size();
  else if (yaml::kind_of(a) != yaml::kind_of(b)) d << "kind " << yaml::kind_of(a) << " vs " << yaml::kind_of(b);
  if (!d.str().empty()) return path + ": " + d.str();
  auto j = b.begin();
  size_t n = 0;
  for (const auto& i : a) {
    if (j == b.end()) return path + ": more entries";
    const std::string at = path + std::to_string(n++) + "/";
    std::string x;
    if (a.IsMap()) {
      x = difference(i.first, j->first, at + "key") + difference(i.second, j->second, at);
      // The value by key: a text key finds the first equal text key's value; none other is found.
      const std::string& key = i.first.Scalar();
      const YAML::Node& bb = b;
      if (x.empty() && (i.first.IsScalar() || (!key.empty() && bb[key])))
        x = difference(a[key], bb[key], at + "[" + key + "]");
    } else {
      x = difference(i, *j, at);
    }
    if (!x.empty()) return x;
    ++j;
  }
  if (j != b.end()) return path + ": fewer entries";
  if (a.IsMap()) {
    const YAML::Node& bb = b;
    for (const char* key : {"absent", "~", "null", ""})
      if (std::string x = difference(a[key], bb[key], path + "[" + key + "]"); !x.empty()) return x;
  }
  return "";
}

// What reading `text` gives, by both ways: "" and the tree's difference, or the message.
std::string compare_trees(const std::string& text, bool& light) {
  yaml::Doc doc;
  std::string ours, theirs;
  bool read = false;
  std::optional<YAML::Node> node;
  try {
    read = yaml::read_plain(text, "f.yaml", doc);
  } catch (const Error& e) {
    ours = e.diagnostic().format();
  }
  try {
    node = yaml::parse_plain(text, "f.yaml");
  } catch (const Error& e) {
    theirs = e.diagnostic().format();
  }
  if (ours != theirs) return "thrown [" + ours + "] vs [" + theirs + "]";
  if (read != node.has_value()) return std::string("read ") + (read ? "by one only (light)" : "by one only (nodes)");
  light = read;
  return read ? difference(doc.root(), *node) : "";
}

// Everything a reading of answers gives: the answers (their blob, file and places) and the
// diagnostics, as text.
std::string outcome(const Answers& a, const Diagnostics& d) {
  std::string s = a.file + "\n" + encode_answers(a) + "\n";
  for (const auto& [id, v] : a.values) {
    s += id + "@" + v.where.file + ":" + std::to_string(v.where.line) + ":" + std::to_string(v.where.column) + "\n";
    for (const auto& e : v.episodes) s += " ep@" + e.where.file + ":" + std::to_string(e.where.line) + "\n";
  }
  for (const auto& x : d.list()) s += x.format() + "\n";
  return s;
}

std::string compare_answers(const Questionnaire& q, const std::string& text, const std::string& file) {
  Diagnostics d1, d2;
  const Answers light = parse_answers(q, text, file, d1);
  const Answers nodes = parse_answers_with_nodes(q, text, file, d2);
  const std::string a = outcome(light, d1), b = outcome(nodes, d2);
  return a == b ? "" : "light:\n" + a + "nodes:\n" + b;
}

// Random answers documents for `q`: its items (and some unknown keys) in a random order,
// each given a value of the right kind or a wrong one (out of range, of another type, a
// full-width number, blank, a list, a map, free text), episodes with good and bad fields;
// block and flow style; sometimes a key twice. A `clean` one holds every item, each answer
// good.
struct AnswersWriter {
  std::mt19937& rng;
  const Questionnaire& q;
  bool clean = false;
  std::string text;

  std::string pick(const std::vector<std::string>& from) { return from[rng() % from.size()]; }
  std::string number(std::optional<double> min, std::optional<double> max) {
    const double lo = min.value_or(-5), hi = max.value_or(lo + 10);
    if (clean) return std::to_string(static_cast<int>(std::ceil(lo)));
    const int v = static_cast<int>(lo) + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 3)) - 1;
    return std::to_string(v);
  }
  std::string wrong() {
    return pick({"", "~", "null", "\"quoted\"", "[1, 2]", "{a: 1}", "４", "１９９８", "2.5", "-1", "1e3", "+3",
                 "'3'", "自由な記述", "\"x\\ny\"", "yes", "0x10", ".5", "[]", "{}", "\"\""});
  }
  std::string option(const std::vector<Option>& options) {
    if (options.empty() || (!clean && rng() % 5 == 0)) return wrong();
    const std::string& v = options[rng() % options.size()].value;
    return rng() % 3 ? v : "\"" + v + "\"";
  }
  std::string value(const Item& item, const std::string& indent) {
    if (!clean && rng() % 6 == 0) return wrong();
    switch (item.type) {
      case ItemType::likert: {
        const Scale& s = q.scales[item.scale];
        return number(s.min, s.max);
      }
      case ItemType::number: return number(item.min, item.max);
      case ItemType::choice: return option(item.options);
      case ItemType::text: return pick({"\"テキスト\"", "plain words", "'single ''q'''", "\"a\\u200Eb\"", "12"});
      case ItemType::multi: {
        std::string s = "[";
        const size_t n = rng() % (clean ? item.options.size() + 1 : 4);
        for (size_t k = 0; k < n; ++k) s += (k ? ", " : "") + (clean ? item.options[k].value : option(item.options));
        return s + "]";
      }
      case ItemType::episodes: {
        if (rng() % 4 == 0) return "[]";
        std::string s;
        for (int k = 0, n = 1 + static_cast<int>(rng() % 3); k < n; ++k) {
          const bool flow = rng() % 2;
          std::string entry;
          int fields = 0;
          for (const auto& f : item.fields) {
            if (!clean && rng() % 4 == 0) continue;
            const std::string v = f.type == ItemType::number   ? number(f.min, f.max)
                                  : f.type == ItemType::choice ? option(f.options)
                                  : clean                      ? pick({"\"題\"", "t"})
                                                               : pick({"\"題\"", "t", "", "[x]"});
            const std::string key = !clean && rng() % 12 == 0 ? "unknown_" + f.id : f.id;
            entry += flow ? (fields ? ", " : "") + key + ": " + v
                          : (fields ? "\n" + indent + "    " : "") + key + ": " + v;
            ++fields;
          }
          s += "\n" + indent + "  - " + (flow ? "{" + entry + "}" : fields ? entry : "{}");
        }
        return s;
      }
    }
    return wrong();
  }

  void write() {
    std::vector<std::string> header = {"questionnaire: " + (rng() % 8 ? q.id : pick({"other", "", "[x]"})),
                                       "participant: " + pick({"p01", "\"p-2\"", "ｐ０３", "a b", "", "p/1", "x_9"}),
                                       "name: " + pick({"\"試験 太郎\"", "\"a\\u202Eb\"", "~", "[n]"}),
                                       "cohort: " + pick({"c1", "ｃ１", "c 1", ""}),
                                       "meeting: " + pick({q.meetings.empty() ? "m1" : q.meetings[0].id, "m9", "ｍ１", "~"}),
                                       "session: " + pick({"pre", "post", "mid"}),
                                       "extra: 1", "お名前: x"};
    if (clean) header = {"questionnaire: " + q.id, "participant: p01", "cohort: c1"};
    std::shuffle(header.begin(), header.end(), rng);
    if (!clean) header.resize(rng() % header.size() + 1);
    for (const auto& h : header) text += h + "\n";
    if (!clean && rng() % 10 == 0) return;
    text += "answers:";
    if (!clean && rng() % 12 == 0) {
      text += pick({" ~", " [1]", " text", " {}"}) + "\n";
      return;
    }
    std::vector<const Item*> items;
    for (const auto& item : q.items)
      if (clean || rng() % 4) items.push_back(&item);
    std::shuffle(items.begin(), items.end(), rng);
    for (const Item* item : items) text += "\n  " + item->id + ": " + value(*item, "  ");
    for (int k = 0, n = clean ? 0 : static_cast<int>(rng() % 3); k < n; ++k)
      text += "\n  " + pick({"unknown_item", "a_1x", "お名前", "fix_individual_9", "~", "\"quoted key\""}) + ": 1";
    if (!clean && !items.empty() && rng() % 15 == 0) text += "\n  " + items[0]->id + ": 1";  // a key twice
    text += "\n";
  }
};

// `text` with up to three characters (of YAML's indicators, spaces, line breaks, quotes,
// Japanese) put in, taken out or swapped; never a cut UTF-8 character.
std::string mutated(std::mt19937& rng, std::string text) {
  static const std::vector<std::string> bits = {":", "-", " ", "  ", "\n", "[", "]", "{", "}", ",", "#", "'", "\"",
                                                "|", ">", "?", "---\n", "...\n", "\\", "あ", "~", "!", "&", "*",
                                                "\n  ", "- ", ": ", "null", "\t", "\r", "%", "@"};
  for (int m = 0, n = static_cast<int>(rng() % 4); m < n && !text.empty(); ++m) {
    const size_t at = rng() % text.size();
    switch (rng() % 3) {
      case 0: text.insert(at, bits[rng() % bits.size()]); break;
      case 1: text.erase(at, 1 + rng() % 3); break;
      default: std::swap(text[at], text[rng() % text.size()]);
    }
  }
  return text;
}

std::vector<std::string> project_yaml_files() {
  std::vector<std::string> files;
  for (const char* dir : {"questionnaires", "templates", "tests/data"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(CAREERMAP_SOURCE_DIR) + "/" + dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_doc)

// The light tree is parse_plain's tree, read where and only where parse_plain reads: on every
// YAML file of the project and on random answers documents, mutated.
BOOST_AUTO_TEST_CASE(the_light_tree_is_the_tree_parse_plain_builds) {
  int light = 0, files = 0;
  for (const auto& f : project_yaml_files()) {
    bool read = false;
    BOOST_TEST(compare_trees(yaml::read_file(f), read) == "", f);
    light += read;
    files++;
  }
  BOOST_TEST(files > 40);
  BOOST_TEST(light > 30);
  const Questionnaire q = test::source_questionnaire("questionnaires/presession-v1.yaml");
  std::mt19937 rng(20261202);
  int plain = 0, other = 0;
  for (int c = 0; c < 2000; ++c) {
    AnswersWriter w{rng, q, c % 4 == 0, ""};
    w.write();
    const std::string text = mutated(rng, w.text);
    if (first_invalid_utf8(text) != std::string::npos) continue;
    bool read = false;
    BOOST_TEST(compare_trees(text, read) == "", "case " << c << ":\n" << text);
    (read ? plain : other)++;
  }
  BOOST_TEST_MESSAGE("light " << plain << ", as before " << other);
  BOOST_TEST(plain > 600);  // both ways are exercised
  BOOST_TEST(other > 300);
  bool read = false;
  BOOST_TEST(compare_trees("", read) == "");  // no document: a null node without a place
  BOOST_TEST(read);
  BOOST_TEST(compare_trees("# only a comment\n", read) == "");
  BOOST_TEST(compare_trees("a: caf\xe9\n", read) == "");  // refused before YAML, by both
  BOOST_TEST(compare_trees("a: 1\na: 2\n", read) == "");  // a key twice: read by neither
  BOOST_TEST(!read);
  BOOST_TEST(compare_trees("~: 1\n\"~\": 2\n", read) == "");  // a null key is "~"
  BOOST_TEST(!read);
}

// The policy's bounds hold on the light tree as on the nodes: 64 levels, 200,000 values, a
// key twice in a map of many keys; beyond them the text is left to yaml::parse.
BOOST_AUTO_TEST_CASE(the_light_tree_keeps_the_policy_bounds) {
  yaml::Doc doc;
  const auto nested = [](int n) { return std::string(n, '[') + std::string(n, ']') + "\n"; };
  BOOST_TEST(yaml::read_plain(nested(yaml::kMaxYamlDepth), "f.yaml", doc));
  BOOST_TEST(!yaml::read_plain(nested(yaml::kMaxYamlDepth + 1), "f.yaml", doc));
  const auto list = [](size_t n) {
    std::string s = "[";
    for (size_t i = 0; i < n; ++i) s += i ? ",1" : "1";
    return s + "]\n";
  };
  BOOST_TEST(yaml::read_plain(list(yaml::kMaxYamlNodes - 1), "f.yaml", doc));
  BOOST_TEST(doc.root().size() == yaml::kMaxYamlNodes - 1);
  BOOST_TEST(!yaml::read_plain(list(yaml::kMaxYamlNodes), "f.yaml", doc));
  std::string many;
  for (int k = 0; k < 50; ++k) many += "k" + std::to_string(k) + ": " + std::to_string(k) + "\n";
  BOOST_TEST(yaml::read_plain(many, "f.yaml", doc));
  BOOST_TEST(doc.root()["k49"].Scalar() == "49");
  BOOST_TEST(!yaml::read_plain(many + "k7: again\n", "f.yaml", doc));
  BOOST_TEST(!yaml::read_plain("a: &x 1\nb: *x\n", "f.yaml", doc));
}

// parse_answers through the light tree gives what it gave through yaml-cpp's nodes: the
// same answers, places and diagnostics, word for word, for the project's files read against
// each questionnaire, and for random and mutated answers documents of each.
BOOST_AUTO_TEST_CASE(answers_read_through_the_light_tree_are_those_read_through_the_nodes) {
  std::vector<Questionnaire> qs;
  for (const char* path : {"questionnaires/presession-v1.yaml", "tests/data/tiny/course.yaml",
                           "tests/data/form/workshop.yaml"})
    qs.push_back(test::source_questionnaire(path));
  qs.push_back(test::tiny_questionnaire());
  for (const auto& f : project_yaml_files()) {
    const std::string text = yaml::read_file(f);
    for (const auto& q : qs) BOOST_TEST(compare_answers(q, text, f) == "", f << " against " << q.id);
  }
  std::mt19937 rng(20261203);
  int valid = 0, invalid = 0, light = 0;
  yaml::Doc doc;
  for (int c = 0; c < 1500; ++c) {
    const Questionnaire& q = qs[c % qs.size()];
    AnswersWriter w{rng, q, c % 3 == 0, ""};
    w.write();
    const std::string text = c % 3 == 1 ? mutated(rng, w.text) : w.text;
    if (first_invalid_utf8(text) != std::string::npos) continue;
    BOOST_TEST(compare_answers(q, text, "r.yaml") == "", "case " << c << " (" << q.id << "):\n" << text);
    Diagnostics d;
    parse_answers(q, text, "r.yaml", d);
    (d.has_errors() ? invalid : valid)++;
    light += yaml::read_plain(text, "r.yaml", doc);
  }
  BOOST_TEST_MESSAGE("valid " << valid << ", invalid " << invalid << ", light " << light);
  BOOST_TEST(light > 700);
  BOOST_TEST(valid > 30);  // valid files and each kind of mistake are exercised
  BOOST_TEST(invalid > 500);
}

BOOST_AUTO_TEST_SUITE_END()
