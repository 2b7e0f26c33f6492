// The answers files a command is given: each argument as it is, except a folder, which
// stands for the YAML files in it (names ending ".yaml" or ".yml" in any case, not hidden,
// not in its sub-folders), in the byte order of their names. So `careermap score -q Q.yaml
// answers/` reads every answers file of answers/ without the shell listing them, and a list
// of 100,000 files costs a name's bytes and 4 more each (a folder's names are kept in one
// block), not a string each.
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

  size_t size() const { return at_.size(); }
  bool empty() const { return at_.empty(); }
  // The i-th file's path: a folder's files as FOLDER/NAME ("answers/p01.yaml").
  std::string operator[](size_t i) const;
  // What is wrong with the i-th entry (a folder that gives no file), or null.
  const Diagnostic* problem(size_t i) const;

 private:
  // A folder's files: entries first .. the next run's first are dir + their name.
  struct Run {
    size_t first;
    std::string dir;  // ending with '/'; empty: the names are the arguments as given
  };
  void add(const std::string& arg);
  void add_name(std::string_view name, const std::string& dir);

  std::string names_;
  std::vector<uint32_t> at_;  // where each name starts in names_ (it ends where the next one starts)
  std::vector<Run> runs_;
  std::map<size_t, Diagnostic> problems_;
};

}  // namespace careermap::cli
