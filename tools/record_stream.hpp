// The records (records_batch) of many answers files, a few people at a time, so that score
// and render keep memory flat in the number of files.
//
// A record may join parts from several files of one person, so every file is read first: each
// file is read, checked and printed about once, as read_answers does, and the answers of the
// valid ones are written to an anonymous temporary file (engine/answers_blob.hpp), keeping in
// memory only each person's id and where their answers lie (and read_answers' ids seen). Then
// next() hands the records of the next people, in the order records_batch gives for all of
// them at once, each record exactly as it would be. Only the people of `shard` are kept.
// A temporary file that cannot be made or read throws Error.
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "tools/cli.hpp"
#include "tools/shard.hpp"

namespace careermap::cli {

class RecordStream {
 public:
  // `progress`, when given, is told (files read, all files) after every 1000 files and at the end.
  RecordStream(const Questionnaire& q, const std::vector<std::string>& files, const Mapping* mapping,
               std::string meeting, const Shard& shard, std::ostream& err,
               const std::function<void(size_t, size_t)>& progress = {});
  // The records of the next `people` people (the first batch also lists every invalid file), or
  // nullopt when all were handed out.
  std::optional<Batch> next(size_t people = 256);
  // The valid files kept (of people of the shard).
  size_t versions() const { return versions_; }

 private:
  struct Stored {
    long offset;
    size_t size;
  };
  const Questionnaire& q_;
  std::string meeting_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool_;
  std::vector<std::vector<Stored>> of_;  // per person, in order of first appearance: their files, in input order
  std::unordered_map<std::string, size_t> person_;
  std::vector<std::string> invalid_;
  size_t at_ = 0, versions_ = 0;
  bool first_ = true;
};

}  // namespace careermap::cli
