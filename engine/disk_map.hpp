// A map from byte strings to byte strings kept in a temporary file, for what grows with the
// number of people (the ids of 100,000 participants and what goes with each): memory holds a
// bounded cache of the file's pages (`cache_kb`), whatever the number of keys. Exact: keys are
// compared whole, byte by byte (a NUL, the empty key and any case count). The file is SQLite's
// private temporary database (made in $TMPDIR, else /var/tmp or /tmp, and gone with the map);
// nothing is written to it while the keys fit in the cache.
// A temporary file that cannot be made or used throws Error ("cannot use a temporary file").
// One thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace careermap {

class DiskMap {
 public:
  explicit DiskMap(size_t cache_kb = 256);
  ~DiskMap();
  DiskMap(const DiskMap&) = delete;
  DiskMap& operator=(const DiskMap&) = delete;

  // The value of `key`, or nullopt when it has none.
  std::optional<std::string> find(const std::string& key);
  // Gives `key` the value `value`, whether it had one or not.
  void put(const std::string& key, const std::string& value);
  // Gives `key` the value `value` unless it has one; whether it had none.
  bool insert(const std::string& key, const std::string& value);

 private:
  struct Db;
  std::unique_ptr<Db> db_;
};

}  // namespace careermap
