// The records (records_batch) of many answers files, a few people at a time, so that score
// and render keep memory flat in the number of files.
//
// A record may join parts from several files of one person, so every file is read first: each
// file is read, checked and printed about once, as read_answers does (on `jobs` threads, the
// same for any number), and what later steps need goes to an anonymous temporary file: of
// every answers with an id, the meeting and the parts its id was first given for (and its file),
// and of the valid ones of the shard their answers (engine/answers_blob.hpp), each linked to the
// same person's one before. Where each person's last entry lies is kept on disk too, by their
// id (engine/disk_map.hpp), and so is the order of the people, so that memory holds as much
// for 100,000 people as for 10,000: the ids are checked unique by the person's own earlier
// entries, read back. Then next() hands the records of the next people, in the order
// records_batch gives for all of them at once, each record exactly as it would be.
// A temporary file that cannot be made or read throws Error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/disk_map.hpp"
#include "engine/mapping.hpp"
#include "engine/questionnaire.hpp"
#include "tools/cli.hpp"
#include "tools/file_list.hpp"
#include "tools/read_answers.hpp"
#include "tools/shard.hpp"

namespace careermap::cli {

class RecordStream : private IdCheck {
 public:
  // `progress`, when given, is told (files read, all files) after every 1000 files and at the end.
  RecordStream(const Questionnaire& q, const FileList& files, const Mapping* mapping, std::string meeting,
               const Shard& shard, std::ostream& err, const std::function<void(size_t, size_t)>& progress = {},
               unsigned jobs = 1);
  // The records of the next `people` people (the first batch also lists every invalid file), or
  // nullopt when all were handed out.
  std::optional<Batch> next(size_t people = 256);
  // The valid files kept (of people of the shard).
  size_t versions() const { return versions_; }

 private:
  // One entry of the temporary file.
  struct Entry {
    uint64_t before = 0;  // the same person's entry before (its offset + 1), 0 for none
    std::string meeting;
    std::vector<std::string> parts;  // the parts its id was first given for at that meeting
    std::string file;
    std::string answers;  // encoded (answers_blob.hpp), empty when not kept
  };
  // What is kept of a person, by id (people_).
  struct Person {
    uint64_t last = 0;  // their last entry's offset + 1, 0 for none
    bool kept = false;  // some entry of theirs holds answers
  };
  void check(const Questionnaire& q, const Answers& a, Diagnostics& d) override;
  void keep(const AnswersRead& read, const Shard& shard);
  Entry load(uint64_t at, bool with_answers);
  // The entry at `last` (its offset + 1; none for 0) and the same person's before it, first to
  // last, each read once.
  std::vector<Entry> entries_of(uint64_t last, bool with_answers);
  Person person(const std::string& id);
  // The next id of order_.
  std::string next_kept();

  const Questionnaire& q_;
  std::string meeting_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool_;
  // The ids of the people with answers kept, in the order their first came (as entries are
  // written: a length, then the bytes), and how many.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> order_;
  size_t kept_people_ = 0;
  DiskMap people_;  // id -> Person (packed)
  // The people with many entries: each key they were given for (meeting '\n' part), with its
  // file, checked here instead of by reading their entries back (which would be slow for them).
  std::unordered_map<std::string, std::map<std::string, std::string>> many_;
  Person person_;  // the answers being checked: its person (as before it) and the parts newly given
  std::vector<std::string> given_;
  std::vector<std::string> invalid_;
  size_t at_ = 0, versions_ = 0;
  bool first_ = true;
};

}  // namespace careermap::cli
