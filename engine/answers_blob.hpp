// Validated answers in a compact binary form, stored in the archive beside each submission's
// raw bytes so that the cohort report, score and render read them without parsing YAML again
// (issue 18). The raw bytes stay the record; this is a cache of parse_answers(q, raw) and says
// for which questionnaire it holds (answers_blob_key): when the questionnaire's rules change,
// the key changes and the blob is made again from the raw bytes.
//
// The form: "CMA2", then every field of Answers (answers.hpp) as lengths and bytes, the
// lengths, counts, lines and columns as varints (7 bits a byte, little-endian), an answer's
// type and whether it has a number in one byte, a whole number as a zigzag varint and any
// other as its IEEE 754 bits (8 bytes), the locations as line and column (the file name is
// given when reading). The first form, "CMA1" (every length and count in 4 bytes, every answer
// 8 bytes of number), is still read: an archive's blobs of it stay current, as the rules they
// were checked by are the same (answers_blob_key). For presession-v1's answers CMA2 is about
// half the size (3.5 KB a person: 1.9 KB). decode_answers() refuses (nullopt) anything
// encode_answers did not write, in either form: a short, long or otherwise damaged blob
// never gives answers. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/answers.hpp"
#include "engine/questionnaire.hpp"

namespace careermap {

std::string encode_answers(const Answers& a);

// The answers `blob` holds, with `file` as answers.file and as the file of every location.
std::optional<Answers> decode_answers(std::string_view blob, const std::string& file);

// The answers of a stored submission: decoded from `blob` when `current` (its key is
// answers_blob_key(q)) and it decodes, else parsed from the raw bytes (parse_answers, its
// diagnostics in `diags`), both with `file` as the name in locations.
Answers stored_answers(const Questionnaire& q, std::string_view raw, std::string_view blob, bool current,
                       const std::string& file, Diagnostics& diags);

// What the blobs made against `q` are valid for: the SHA-256 (hex) of the form's version and
// the rules answers are checked by (questionnaire_json.hpp: items, types, options, scales,
// ranges, fields, parts, the intake's bounds; and the id, version and meetings).
std::string answers_blob_key(const Questionnaire& q);

}  // namespace careermap
