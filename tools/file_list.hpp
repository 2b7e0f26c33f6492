// The answers files a command is given: each argument as it is, except a folder, which
// stands for the YAML files in it (names ending ".yaml" or ".yml" in any case, not hidden,
// not in its sub-folders), in the byte order of their names. So `careermap score -q Q.yaml
// answers/` reads every answers file of answers/ without the shell listing them, and a list
// of 100,000 files costs a few bytes a name, not a string each: the names are kept in one
// block, each as what it does not share with the one before (s000124.yaml after
// s000123.yaml: "4" and three lengths).
//
// A folder that cannot be read, or holds no YAML file, stays one entry, the folder itself,
// with its problem (problem(i): "FOLDER: error: ..."), where it was given: the reader says it
// there and counts the folder as an input it could not read. Nothing throws.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"

namespace careermap::cli {

class FileList {
 public:
  FileList() = default;
  explicit FileList(const std::vector<std::string>& args);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The i-th file's path: a folder's files as FOLDER/NAME ("answers/p01.yaml"). Thread-safe.
  std::string operator[](size_t i) const;
  // What is wrong with the i-th entry (a folder that gives no file), or null.
  const Diagnostic* problem(size_t i) const;
  // The bytes that hold the names (their block and where every kRestart-th one starts).
  size_t name_bytes() const { return names_.size() + restarts_.size() * sizeof(uint32_t); }

 private:
  // A folder's files: entries first .. the next run's first are dir + their name.
  struct Run {
    size_t first;
    std::string dir;  // ending with '/'; empty: the names are the arguments as given
  };
  // Every kRestart-th name is kept whole, so that a name is made from at most kRestart.
  static constexpr size_t kRestart = 16;
  void add(const std::string& arg);
  void add_name(std::string_view name, const std::string& dir);

  // Per name: the bytes it shares with the start of the name before, with its end, the
  // length of the rest (each a varint), then the rest.
  std::string names_;
  std::string last_;                // the name added last
  std::vector<uint32_t> restarts_;  // where names kRestart * k start in names_
  size_t size_ = 0;
  std::vector<Run> runs_;
  std::map<size_t, Diagnostic> problems_;
};

}  // namespace careermap::cli
