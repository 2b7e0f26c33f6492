#include "engine/answers_blob.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
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
  BOOST_TEST(!decode_answers("CMA3" + blob.substr(4), "f"));
  BOOST_TEST(!decode_answers(blob + "x", "f"));
  for (size_t cut = 0; cut < blob.size(); ++cut) BOOST_REQUIRE(!decode_answers(blob.substr(0, cut), "f"));
  // A damaged blob that is current still gives the answers, from the raw bytes.
  Diagnostics d;
  const Answers a = stored_answers(q, "questionnaire: tiny\nparticipant: p2\nanswers: {a1: 3}\n", blob.substr(0, 9), true,
                                   "p2.yaml", d);
  BOOST_TEST(a.participant == "p2");
  BOOST_TEST(a.values.at("a1").number == 3.0);
}

// Answers of every kind for the fixed blobs below: a choice, likerts, a multi, free text
// (Japanese, a line break), a number with a fraction and a whole one, episodes with fields.
Answers every_kind() {
  Diagnostics d;
  Answers a = parse_answers(test::tiny_questionnaire(),
                            "questionnaire: tiny\nparticipant: p7\nname: \"試験 さくら\"\ncohort: c1\nmeeting: pre\nanswers:\n"
                            "  size: small\n  a1: 4\n  a2: 1\n  wish: [n, d]\n  notes: \"一行目\\n二行目\"\n  years: 12.5\n"
                            "  eps:\n    - {from: 2019, to: 2021, title: \"窓口の改善\", who: town, role: led}\n"
                            "    - {from: 2022, title: x}\n",
                            "p7.yaml", d);
  BOOST_REQUIRE(test::messages(d).empty());
  return a;
}

std::string hex(std::string_view bytes) {
  std::string out;
  for (const unsigned char c : bytes) out += "0123456789abcdef"[c >> 4], out += "0123456789abcdef"[c & 15];
  return out;
}

std::string unhex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16));
  return out;
}

// The form written is fixed byte for byte (an archive keeps its blobs): every_kind() is this
// CMA2 blob, 231 bytes where the first form took 536, and that first form, as careermap
// wrote it before, still reads to the same answers.
BOOST_AUTO_TEST_CASE(the_form_is_fixed_and_the_first_form_still_reads) {
  const Answers a = every_kind();
  const std::string cma2 = unhex(
      "434d41320474696e7902703710e8a9a6e9a89320e38195e3818fe3828902633103707265070261313008000803000002"
      "6132300200090300000365707305000d0300020e07050466726f6d043230313904726f6c65036c6564057469746c650f"
      "e7aa93e58fa3e381aee694b9e5968402746f04323032310377686f04746f776e0f07020466726f6d0432303232057469"
      "746c650178056e6f7465730313e4b880e8a18ce79bae0ae4ba8ce8a18ce79bae0b0300000473697a650105736d616c6c"
      "07030000047769736802000a0302016e016400057965617273140000000000002940000c030000");
  const std::string cma1 = unhex(
      "434d41310400000074696e7902000000703710000000e8a9a6e9a89320e38195e3818fe3828902000000633103000000"
      "707265070000000200000061310000000001000000000000000000104000000000080000000300000000000000000000"
      "000200000061320000000001000000000000000000f03f00000000090000000300000000000000000000000300000065"
      "707305000000000000000000000000000000000000000d0000000300000000000000020000000e000000070000000500"
      "00000400000066726f6d040000003230313904000000726f6c65030000006c6564050000007469746c650f000000e7aa"
      "93e58fa3e381aee694b9e5968402000000746f04000000323032310300000077686f04000000746f776e0f0000000700"
      "0000020000000400000066726f6d0400000032303232050000007469746c650100000078050000006e6f746573030000"
      "0000000000000000000000000013000000e4b880e8a18ce79bae0ae4ba8ce8a18ce79bae0b0000000300000000000000"
      "000000000400000073697a650100000000000000000000000000000005000000736d616c6c0700000003000000000000"
      "0000000000040000007769736802000000000000000000000000000000000000000a0000000300000002000000010000"
      "006e01000000640000000005000000796561727304000000010000000000000000002940000000000c00000003000000"
      "0000000000000000");
  BOOST_TEST(hex(encode_answers(a)) == hex(cma2));
  BOOST_TEST(cma2.size() == 231u);
  BOOST_TEST(cma1.size() == 536u);
  for (const std::string* blob : {&cma2, &cma1}) {
    const std::optional<Answers> back = decode_answers(*blob, "p7.yaml");
    BOOST_REQUIRE(back);
    require_same(a, *back);
  }
  BOOST_TEST(a.values.at("years").number == 12.5);  // 8 bytes
  BOOST_TEST(a.values.at("a1").number == 4.0);      // one
  // Cut anywhere, the first form gives nothing either.
  for (size_t cut = 0; cut < cma1.size(); ++cut) BOOST_REQUIRE(!decode_answers(cma1.substr(0, cut), "f"));
}

// decode_answers gives answers only for what encode_answers writes: any blob changed in one
// byte either gives none or gives answers that encode to exactly that blob (a number's other
// spelling, a longer varint for the same length, are refused).
BOOST_AUTO_TEST_CASE(a_blob_changed_in_one_byte_gives_no_answers_or_its_own) {
  const Questionnaire q = test::tiny_questionnaire();
  std::mt19937_64 rng(11);
  size_t refused = 0, read = 0;
  for (int k = 0; k < 40; ++k) {
    const std::string blob = encode_answers(synthetic::answers(q, "p" + std::to_string(k), rng));
    for (size_t at = 4; at < blob.size(); ++at)
      for (const unsigned to : {0x00u, 0x01u, 0x7fu, 0x80u, 0xffu, static_cast<unsigned>(rng() & 0xff)}) {
        std::string changed = blob;
        changed[at] = static_cast<char>(to);
        if (changed == blob) continue;
        const std::optional<Answers> a = decode_answers(changed, "f");
        if (!a) {
          ++refused;
          continue;
        }
        ++read;
        BOOST_REQUIRE_EQUAL(hex(encode_answers(*a)), hex(changed));
      }
  }
  BOOST_TEST(refused > 1000u);
  BOOST_TEST(read > 100u);  // a changed letter of a text is still answers
  // Written longer than needed: a length of 1 as two bytes (0x81 0x00), 4.0 as its 8 bytes.
  const std::string a1 = encode_answers(every_kind());
  std::string longer = a1;
  longer.replace(4, 1, std::string("\x84\x00", 2));  // "tiny", 4 bytes
  BOOST_TEST(!decode_answers(longer, "f"));
  const size_t four = a1.find(std::string("\x02" "a1", 3)) + 3;
  BOOST_REQUIRE_EQUAL(static_cast<unsigned>(a1[four]), 0x30u);  // likert, with a number, a whole one
  std::string spelled = a1;
  spelled.replace(four, 2, std::string("\x10\x00\x00\x00\x00\x00\x00\x10\x40", 9));
  BOOST_TEST(!decode_answers(spelled, "f"));
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
