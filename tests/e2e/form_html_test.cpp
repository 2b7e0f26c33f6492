// The answer page of `careermap form --html`: what the real program writes (one self-contained
// file under a policy that forbids every connection, under 200 KB), and that the page's own
// script writes every text of the participant so that careermap reads back the same bytes.
// (tests/browser/ drives the page in chromium and compares its validator with validate.)
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <random>
#include <sstream>

#include "engine/answers.hpp"
#include "engine/json.hpp"
#include "reports/form_html.hpp"
#include "tests/e2e/run.hpp"

namespace fs = std::filesystem;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kWorkshop = kSrc + "/tests/data/form/workshop.yaml";

std::string between(const std::string& s, const std::string& open, const std::string& close) {
  const size_t a = s.find(open);
  if (a == std::string::npos) return "";
  const size_t b = s.find(close, a + open.size());
  return b == std::string::npos ? "" : s.substr(a + open.size(), b - a - open.size());
}

std::string utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) s += static_cast<char>(cp);
  else if (cp < 0x800) s += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
  else if (cp < 0x10000)
    s += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  else
    s += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
          static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
  return s;
}

// A text as a person (or a paste) may give it: every kind of code point a YAML reader could
// take for something else (controls, C1, line and paragraph separators, the BOM, noncharacters,
// quotes, backslashes, YAML's signs, leading and trailing spaces) among Japanese and emoji.
std::string random_text(std::mt19937& rng) {
  static const char32_t kPool[] = {'a', 'Z', '0', ' ', ' ', '\n', '\r', '\t', '"', '\'', '\\', ':', '-', '#', '[', ']', '{', '}', ',',
                                   '&', '*', '!', '|', '>', '%', '@', '`', '~', 0x01, 0x07, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0,
                                   0xE9, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0xFDD0, 0x200B, 0x202E, 0x3000, 0x6539, 0x5584,
                                   0x3042, 0xFF50, 0x1F600, 0x20BB7, 0x10FFFD};
  std::uniform_int_distribution<size_t> len(1, 40), pick(0, std::size(kPool) - 1);
  std::string s;
  for (size_t n = len(rng); n > 0; --n) s += utf8(kPool[pick(rng)]);
  return s;
}

const std::string kTiny = kSrc + "/tests/data/tiny/tiny.yaml";

std::string number_text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// A page state (tests/browser/to_yaml.js) with a valid answer to every item of `q`, of every
// part: a page of one part must write only its own.
std::string every_answer(const careermap::Questionnaire& q, const std::string& participant) {
  using careermap::ItemType;
  using careermap::json::quote;
  const auto number = [](const auto& x) { return number_text(x.min ? *x.min : x.max ? std::min(0.0, *x.max) : 2000); };
  std::string answers;
  for (const auto& item : q.items) {
    std::string v;
    switch (item.type) {
      case ItemType::likert: v = std::to_string(q.scales[item.scale].min); break;
      case ItemType::choice: v = quote(item.options.front().value); break;
      case ItemType::multi: v = "[" + quote(item.options.front().value) + "]"; break;
      case ItemType::text: v = quote("x"); break;
      case ItemType::number: v = quote(number(item)); break;
      case ItemType::episodes: {
        std::string row;
        for (const auto& f : item.fields)
          row += (row.empty() ? "" : ",") + quote(f.id) + ":" +
                 quote(f.type == ItemType::number ? number(f) : f.type == ItemType::choice ? f.options.front().value : "x");
        v = "[{" + row + "}]";
        break;
      }
    }
    answers += (answers.empty() ? "" : ",") + quote(item.id) + ":" + v;
  }
  return "[{\"participant\":" + quote(participant) + ",\"name\":\"\",\"cohort\":\"\",\"answers\":{" + answers + "}}]";
}

// The ids of the items in the sections of part `p` (from the part's sections, not Item::part).
std::vector<std::string> items_of_part(const careermap::Questionnaire& q, const careermap::Part& p) {
  std::vector<std::string> out;
  for (const auto& item : q.items)
    if (std::find(p.sections.begin(), p.sections.end(), item.section) != p.sections.end()) out.push_back(item.id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form_html)

// --part P: a page of that part's items only, whose file validate and import take as a file of that part.
BOOST_AUTO_TEST_CASE(a_page_per_part) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  for (const std::string& path : {kPre, kCourse}) {
    careermap::Diagnostics qd;
    const auto q = careermap::Questionnaire::load(path, qd);
    BOOST_REQUIRE(q.parts.size() >= 2u);
    BOOST_REQUIRE(run(cd + "form -q " + path + " --html -o whole.html").status == 0);
    const size_t whole = slurp(dir.path() / "whole.html").size();
    for (const auto& part : q.parts) {
      const std::string page = part.id + ".html";
      const auto r = run(cd + "form -q " + path + " --html --part " + part.id + " -o " + page + " --lang en");
      BOOST_TEST(r.status == 0, part.id);
      BOOST_TEST(r.out == page + "\n");
      BOOST_TEST(r.err == "");
      const std::string html = slurp(dir.path() / page);
      BOOST_TEST(html.size() < whole, part.id << ": " << html.size() << " bytes of " << whole);
      BOOST_TEST(between(html, "<title>", "</title>") == part.title.en + " — " + q.title.en);
      const YAML::Node data = YAML::Load(between(html, "<script type=\"application/json\" id=\"form-data\">", "</script>"));
      BOOST_TEST(data["part"].as<std::string>() == part.id);
      std::vector<std::string> ids;
      for (const auto& item : data["questionnaire"]["items"]) ids.push_back(item["id"].as<std::string>());
      BOOST_TEST(ids == items_of_part(q, part), boost::test_tools::per_element());
      BOOST_TEST(data["questionnaire"]["parts"].size() == q.parts.size());  // messages name every part, as validate's do

      // The page's own script writes the file: only this part's answers, though the state holds every part's.
      {
        std::ofstream out(dir.path() / "state.json", std::ios::binary);
        out << every_answer(q, "p1");
      }
      const auto y = run("node " + kSrc + "/tests/browser/to_yaml.js " + (dir.path() / page).string() + " " +
                         (dir.path() / "state.json").string());
      BOOST_REQUIRE_MESSAGE(y.status == 0, y.err);
      {
        std::ofstream out(dir.path() / "p1.yaml", std::ios::binary);
        out << YAML::Load(y.out)[0].Scalar();
      }
      std::vector<std::string> saved;
      for (const auto& kv : YAML::LoadFile((dir.path() / "p1.yaml").string())["answers"]) saved.push_back(kv.first.Scalar());
      BOOST_TEST(saved == items_of_part(q, part), boost::test_tools::per_element());
      const auto v = run(cd + "validate -q " + path + " p1.yaml");
      BOOST_TEST(v.status == 0, part.id << ": " << v.err);
      BOOST_TEST(v.out == path + ": ok\np1.yaml: ok\n");
      BOOST_TEST(v.err == "");
      fs::remove(dir.path() / "a.db");
      const auto i = run(cd + "import -q " + path + " --archive a.db --cohort c1 p1.yaml");
      BOOST_TEST(i.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
      BOOST_TEST(i.err == "");
      std::string missing;
      for (const auto& other : q.parts)
        if (other.id != part.id) missing += (missing.empty() ? "" : " ") + other.id;
      const auto list = run(cd + "archive --archive a.db --list -q " + path);
      BOOST_TEST(list.out.substr(list.out.find("\n\n")) ==
                 "\n\ncohort\tmeeting\tparticipant\tin\tmissing\nc1\t-\tp1\t" + part.id + "\t" + missing + "\n");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_wrong_part_is_refused_with_the_list_of_parts) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  const std::string usage =
      "usage: careermap form -q Q.yaml (-o BLANK.pdf | --csv | --html -o FORM.html [--part P] [--participant ID [--name NAME] "
      "[--cohort C]] | --kit -o DIR) [--lang ja|en]\n";
  for (const auto& [path, part, message] : std::vector<std::array<std::string, 3>>{
           {kCourse, "all", "--part 'all' names no part of course; its parts are survey|journey"},
           {kCourse, "Journey", "--part 'Journey' names no part of course; its parts are survey|journey"},
           {kPre, "questionnaire-v1", "--part 'questionnaire-v1' names no part of presession-v1; its parts are questionnaire|worksheet"},
           {kTiny, "main", "--part 'main' names no part of tiny; its parts are all"}}) {
    const auto r = run(cd + "form -q " + path + " --html --part " + part + " -o f.html");
    BOOST_TEST(r.status == 2, part);
    BOOST_TEST(r.out == "");
    BOOST_TEST(r.err == "careermap form: " + message + "\n" + usage);
  }
  BOOST_TEST(fs::is_empty(dir.path()));  // no page written
  // A questionnaire without parts is its one part `all`: that page is the page of the whole.
  BOOST_REQUIRE(run(cd + "form -q " + kTiny + " --html --part all -o part.html").status == 0);
  BOOST_REQUIRE(run(cd + "form -q " + kTiny + " --html -o whole.html").status == 0);
  BOOST_TEST((slurp(dir.path() / "part.html") == slurp(dir.path() / "whole.html")));
}

BOOST_AUTO_TEST_CASE(one_offline_file_under_a_policy_that_forbids_every_connection) {
  careermap::test::TempDir dir;
  for (const std::string& q : {kPre, kWorkshop}) {
    const fs::path page = dir.path() / "form.html";
    const auto r = run(kBin + " form -q " + q + " --html -o " + page.string() + " --participant p07 --lang en");
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out == page.string() + "\n");
    BOOST_TEST(r.err == "");
    const std::string html = slurp(page);
    BOOST_TEST(html.size() < 200'000u, q << ": " << html.size() << " bytes");
    BOOST_TEST(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0u);
    const std::string style = between(html, "<style>", "</style>");
    const std::string script = between(html, "<script>", "</script>");
    BOOST_TEST(script == slurp(kSrc + "/templates/form_html/form.js"));
    BOOST_TEST(style == slurp(kSrc + "/templates/form_html/form.css"));
    BOOST_TEST(between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"") ==
               careermap::form_csp(style, script));
    BOOST_TEST(html.find("http://") == std::string::npos);
    BOOST_TEST(html.find("https://") == std::string::npos);
    const std::string data = between(html, "<script type=\"application/json\" id=\"form-data\">", "</script>");
    BOOST_TEST(data.find('<') == std::string::npos);  // no text can close the element
    BOOST_TEST(data.find("\"fixed\":{\"participant\":\"p07\",\"name\":null,\"cohort\":null}") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(the_policy_names_the_sha256_of_the_inline_style_and_script) {
  // SHA-256 of "" is 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= in base64; of "abc", ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=.
  BOOST_TEST(careermap::form_csp("", "abc") ==
             "default-src 'none'; script-src 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; style-src "
             "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'none'; connect-src 'none'; font-src 'none'; "
             "frame-src 'none'; form-action 'none'; base-uri 'none'");
}

BOOST_AUTO_TEST_CASE(the_page_writes_the_participants_words_byte_for_byte) {
  careermap::test::TempDir dir;
  std::mt19937 rng(15);
  for (const std::string& path : {kPre, kWorkshop}) {
    careermap::Diagnostics qd;
    const auto q = careermap::Questionnaire::load(path, qd);
    const fs::path page = dir.path() / "form.html";
    BOOST_REQUIRE(run(kBin + " form -q " + path + " --html -o " + page.string()).status == 0);
    // Every text item, every text field of an episode and the name, in 150 random states.
    std::vector<std::map<std::string, std::string>> expected;
    std::string states = "[";
    for (int n = 0; n < 150; ++n) {
      std::map<std::string, std::string> texts{{"name", random_text(rng)}};
      std::string answers;
      for (const auto& item : q.items) {
        if (item.type == careermap::ItemType::text) {
          texts[item.id] = random_text(rng);
          answers += (answers.empty() ? "" : ",") + careermap::json::quote(item.id) + ":" + careermap::json::quote(texts[item.id]);
        } else if (item.type == careermap::ItemType::episodes) {
          std::string row;
          for (const auto& f : item.fields) {  // texts at random, the other fields valid
            std::string value;
            if (f.type == careermap::ItemType::text) value = texts[item.id + "." + f.id] = random_text(rng);
            else if (f.type == careermap::ItemType::number) value = std::to_string(static_cast<long>(f.min.value_or(2000)));
            else value = f.options.front().value;
            row += (row.empty() ? "" : ",") + careermap::json::quote(f.id) + ":" + careermap::json::quote(value);
          }
          answers += (answers.empty() ? "" : ",") + careermap::json::quote(item.id) + ":[{" + row + "}]";
        }
      }
      states += std::string(n ? "," : "") + "{\"participant\":\"p" + std::to_string(n) + "\",\"name\":" +
                careermap::json::quote(texts["name"]) + ",\"cohort\":\"\",\"answers\":{" + answers + "}}";
      expected.push_back(texts);
    }
    {
      std::ofstream out(dir.path() / "states.json", std::ios::binary);
      out << states << "]";
    }
    const auto r = run("node " + kSrc + "/tests/browser/to_yaml.js " + page.string() + " " + (dir.path() / "states.json").string());
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    const YAML::Node files = YAML::Load(r.out);
    BOOST_REQUIRE(files.size() == expected.size());
    for (size_t n = 0; n < expected.size(); ++n) {
      careermap::Diagnostics d;
      const auto a = careermap::parse_answers(q, files[n].Scalar(), "f.yaml", d);
      // Only the items left unanswered (choices, likert) and invisible characters of the name are reported.
      for (const auto& x : d.list())
        if (x.message != "required answer is missing" && x.item != "name") BOOST_ERROR(path << " case " << n << ": " << x.format());
      BOOST_TEST(a.name == expected[n].at("name"), path << " case " << n << ": name");
      for (const auto& [key, text] : expected[n]) {
        const size_t dot = key.find('.');
        if (key == "name") continue;
        const careermap::Answer* ans = a.find(dot == std::string::npos ? key : key.substr(0, dot));
        BOOST_REQUIRE_MESSAGE(ans, path << " case " << n << ": " << key << " is read back");
        if (dot == std::string::npos) {
          BOOST_TEST(ans->text == text, path << " case " << n << ": " << key);
        } else {
          BOOST_REQUIRE(ans->episodes.size() == 1u);
          const std::string* got = ans->episodes[0].get(key.substr(dot + 1));
          BOOST_TEST((got && *got == text), path << " case " << n << ": " << key);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
