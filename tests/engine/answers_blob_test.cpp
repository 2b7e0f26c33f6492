#include "engine/answers_blob.hpp"

#include <boost/test/unit_test.hpp>
#include <random>

#include "engine/answers_yaml.hpp"
#include "tests/testutil.hpp"
#include "tools/synthetic.hpp"

using namespace careermap;

namespace {

// Every field of two Answers, locations included.
void require_same(const Answers& a, const Answers& b) {
  BOOST_REQUIRE_EQUAL(a.file, b.file);
  BOOST_REQUIRE_EQUAL(a.questionnaire, b.questionnaire);
  BOOST_REQUIRE_EQUAL(a.participant, b.participant);
  BOOST_REQUIRE_EQUAL(a.name, b.name);
  BOOST_REQUIRE_EQUAL(a.cohort, b.cohort);
  BOOST_REQUIRE_EQUAL(a.meeting, b.meeting);
  BOOST_REQUIRE_EQUAL(a.values.size(), b.values.size());
  for (auto x = a.values.begin(), y = b.values.begin(); x != a.values.end(); ++x, ++y) {
    BOOST_REQUIRE_EQUAL(x->first, y->first);
    const Answer &u = x->second, &v = y->second;
    BOOST_REQUIRE(u.type == v.type);
    BOOST_REQUIRE(u.number == v.number);
    BOOST_REQUIRE_EQUAL(u.text, v.text);
    BOOST_REQUIRE(u.choices == v.choices);
    BOOST_REQUIRE_EQUAL(u.where.file, v.where.file);
    BOOST_REQUIRE_EQUAL(u.where.line, v.where.line);
    BOOST_REQUIRE_EQUAL(u.where.column, v.where.column);
    BOOST_REQUIRE_EQUAL(u.episodes.size(), v.episodes.size());
    for (size_t e = 0; e < u.episodes.size(); ++e) {
      BOOST_REQUIRE(u.episodes[e].fields == v.episodes[e].fields);
      BOOST_REQUIRE_EQUAL(u.episodes[e].where.line, v.episodes[e].where.line);
      BOOST_REQUIRE_EQUAL(u.episodes[e].where.column, v.episodes[e].where.column);
      BOOST_REQUIRE_EQUAL(u.episodes[e].where.file, v.episodes[e].where.file);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(answers_blob)

// The blob of what parse_answers read gives back exactly what it read, on random answers of
// the tiny questionnaire (every item type, episodes, free text) written as YAML.
BOOST_AUTO_TEST_CASE(decoding_gives_back_what_the_yaml_read_gives) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937_64 rng(5);
  for (int k = 0; k < 300; ++k) {
    const Answers made = synthetic::answers(q, "p" + std::to_string(k), rng);
    Diagnostics d;
    const Answers read = parse_answers(q, answers_to_yaml(q, made), "p.yaml", d);
    BOOST_REQUIRE(!d.has_errors());
    const std::optional<Answers> back = decode_answers(encode_answers(read), "p.yaml");
    BOOST_REQUIRE(back);
    require_same(read, *back);
    // stored_answers: the blob when it is current, else the raw bytes parsed.
    Diagnostics none;
    require_same(read, stored_answers(q, "not: [yaml", encode_answers(read), true, "p.yaml", none));
    require_same(read, stored_answers(q, answers_to_yaml(q, made), "junk", false, "p.yaml", none));
    BOOST_REQUIRE(none.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_damaged_blob_gives_no_answers) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937_64 rng(9);
  const std::string blob = encode_answers(synthetic::answers(q, "p1", rng));
  BOOST_TEST(!decode_answers("", "f"));
  BOOST_TEST(!decode_answers("CMA2" + blob.substr(4), "f"));
  BOOST_TEST(!decode_answers(blob + "x", "f"));
  for (size_t cut = 0; cut < blob.size(); ++cut) BOOST_REQUIRE(!decode_answers(blob.substr(0, cut), "f"));
  // A damaged blob that is current still gives the answers, from the raw bytes.
  Diagnostics d;
  const Answers a = stored_answers(q, "questionnaire: tiny\nparticipant: p2\nanswers: {a1: 3}\n", blob.substr(0, 9), true,
                                   "p2.yaml", d);
  BOOST_TEST(a.participant == "p2");
  BOOST_TEST(a.values.at("a1").number == 3.0);
}

BOOST_AUTO_TEST_CASE(the_key_changes_with_the_rules) {
  const Questionnaire q = test::tiny_questionnaire();
  std::string text = test::kQuestionnaire;
  text.replace(text.find("max: 60"), 7, "max: 61");
  Diagnostics d;
  const Questionnaire other = Questionnaire::parse(text, "q.yaml", test::tiny_model(), d);
  BOOST_REQUIRE(d.empty());
  BOOST_TEST(answers_blob_key(q) == answers_blob_key(test::tiny_questionnaire()));
  BOOST_TEST(answers_blob_key(q) != answers_blob_key(other));
  BOOST_TEST(answers_blob_key(q).size() == 64u);
}

BOOST_AUTO_TEST_SUITE_END()
