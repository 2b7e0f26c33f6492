// Every YAML loader (questionnaire, model, templates, mapping, answers) turns any document into
// diagnostics or careermap::Error, never a yaml-cpp exception: each node of a good document
// is replaced in turn by each wrong shape (text, list, map, nothing, nested lists, a map of
// lists) and the loader must answer in its own words, with a location.
#include <yaml-cpp/yaml.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "engine/mapping.hpp"
#include "engine/model.hpp"
#include "engine/templates.hpp"
#include "tests/testutil.hpp"

using namespace careermap;

namespace {

const char* kShapes[] = {"x", "[x]", "{x: y}", "~", "[[x], {after: [x]}]", "{ja: [x], en: {x: y}, after: [x], id: [x]}"};

// A deep copy of `n` with its node number `target` (pre-order, keys included) replaced by `shape`.
YAML::Node replaced(const YAML::Node& n, int& counter, int target, const YAML::Node& shape) {
  if (counter++ == target) return YAML::Clone(shape);
  if (n.IsSequence()) {
    YAML::Node out(YAML::NodeType::Sequence);
    for (const auto& e : n) out.push_back(replaced(e, counter, target, shape));
    return out;
  }
  if (n.IsMap()) {
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& kv : n) {
      const YAML::Node key = replaced(kv.first, counter, target, shape);
      const YAML::Node value = replaced(kv.second, counter, target, shape);
      if (key.IsScalar()) out[key.Scalar()] = value;  // a key made a list is left out
    }
    return out;
  }
  return YAML::Clone(n);
}

// Runs `load` on every variant of `good`; counts the variants tried.
int every_variant(const std::string& good, const std::function<void(const std::string&)>& load) {
  const YAML::Node root = YAML::Load(good);
  int tried = 0;
  for (int target = 0;; ++target) {
    int counter = 0;
    bool any = false;
    for (const char* shape : kShapes) {
      counter = 0;
      const YAML::Node variant = replaced(root, counter, target, YAML::Load(shape));
      if (target >= counter) break;
      any = true;
      YAML::Emitter out;
      out << variant;
      const std::string text = out.c_str();
      ++tried;
      try {
        load(text);
      } catch (const Error&) {  // careermap's own words: fine
      } catch (const std::exception& e) {
        BOOST_ERROR("node " << target << " as " << shape << ": " << e.what() << "\n" << text);
      }
    }
    if (!any) break;
  }
  return tried;
}

std::string file(const std::string& rel) {
  std::ifstream in(std::string(CAREERMAP_SOURCE_DIR) + "/" + rel);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(loader_shapes)

BOOST_AUTO_TEST_CASE(walls_of_text_in_a_model_are_a_message_not_a_yaml_cpp_exception) {
  Diagnostics d;
  Model::parse("stages: [{id: near, label: N}]\nlevels: [{id: fix, label: F}]\nscenes:\n  fix.near: x\nwalls: [x]\n",
               "m.yaml", d);
  BOOST_TEST(test::messages(d) ==
                 (std::vector<std::string>{"m.yaml:4:13: error: fix.near: expected a map with label, description and skills",
                                           "m.yaml: error: fix.near: scene has no label",
                                           "m.yaml:5:9: error: walls: a wall is a map: {after: <stage id>, label: ...}"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_model_loader_answers_every_shape_in_its_own_words) {
  const int n = every_variant(test::kModel, [](const std::string& text) {
    Diagnostics d;
    Model::parse(text, "m.yaml", d);
  });
  BOOST_TEST(n > 300);
}

BOOST_AUTO_TEST_CASE(the_questionnaire_loader_answers_every_shape_in_its_own_words) {
  const Model model = test::tiny_model();
  const int n = every_variant(test::kQuestionnaire, [&model](const std::string& text) {
    Diagnostics d;
    Questionnaire::parse(text, "q.yaml", model, d);
  });
  BOOST_TEST(n > 600);
}

BOOST_AUTO_TEST_CASE(the_templates_loader_answers_every_shape_in_its_own_words) {
  const int n = every_variant(file("templates/form.yaml"), [](const std::string& text) {
    Diagnostics d;
    Templates::parse(text, "t.yaml", d);
  });
  BOOST_TEST(n > 100);
}

BOOST_AUTO_TEST_CASE(the_mapping_loader_answers_every_shape_in_its_own_words) {
  const Questionnaire q = test::tiny_questionnaire();
  const int n = every_variant("questionnaire: tiny\ncohort: \"2026\"\nsession: pre\ncolumns:\n  ID: participant\n"
                              "  サイズ: size\n  望み: wish\nvalues:\n  size: {小さい: small, 大きい: large}\n",
                              [&q](const std::string& text) {
                                Diagnostics d;
                                Mapping::parse(text, "m.yaml", q, d);
                              });
  BOOST_TEST(n > 60);
}

BOOST_AUTO_TEST_CASE(the_answers_loader_answers_every_shape_in_its_own_words) {
  const Questionnaire q = test::tiny_questionnaire();
  const int n = every_variant("questionnaire: tiny\nparticipant: p1\nname: N\nsession: pre\nanswers:\n  size: small\n"
                              "  a1: 4\n  wish: [n, f]\n  notes: t\n  years: 3\n"
                              "  eps:\n    - {from: 2019, to: 2020}\n",
                              [&q](const std::string& text) {
                                Diagnostics d;
                                parse_answers(q, text, "a.yaml", d);
                              });
  BOOST_TEST(n > 100);
}

BOOST_AUTO_TEST_SUITE_END()
