#include "tools/file_list.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "engine/messages.hpp"

namespace careermap::cli {
namespace {

bool yaml_name(std::string_view n) {
  if (n.empty() || n[0] == '.') return false;
  const auto ends = [&](std::string_view end) {
    if (n.size() <= end.size()) return false;
    for (size_t i = 0; i < end.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(n[n.size() - end.size() + i])) != end[i]) return false;
    return true;
  };
  return ends(".yaml") || ends(".yml");
}

bool is_folder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

FileList::FileList(const std::vector<std::string>& args) {
  for (const std::string& a : args) add(a);
}

void FileList::add_name(std::string_view name, uint32_t dir) {
  at_.push_back({static_cast<uint32_t>(names_.size()), dir});
  names_ += name;
}

void FileList::add(const std::string& arg) {
  if (!is_folder(arg)) return add_name(arg, 0);
  const auto refuse = [&](std::string message) {
    problems_.emplace(at_.size(), Diagnostic{{arg, 0, 0}, Severity::error, "", std::move(message)});
    add_name(arg, 0);
  };
  DIR* d = ::opendir(arg.c_str());
  if (!d) return refuse(trf("cannot read the folder: {reason}", {{"reason", std::strerror(errno)}}));
  const std::string dir = arg.back() == '/' ? arg : arg + '/';
  // This folder's names, sorted, then appended: a block of names and their starts.
  std::string names;
  std::vector<uint32_t> starts;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view n = e->d_name;
    if (!yaml_name(n)) continue;
    if (e->d_type != DT_REG && !(e->d_type == DT_UNKNOWN || e->d_type == DT_LNK)) continue;
    if (e->d_type != DT_REG) {  // a link or an unknown kind: what it is, followed
      struct stat st {};
      if (::stat((dir + e->d_name).c_str(), &st) != 0 || S_ISDIR(st.st_mode)) continue;
    }
    starts.push_back(static_cast<uint32_t>(names.size()));
    names += n;
    names += '\0';
  }
  ::closedir(d);
  if (starts.empty()) return refuse(tr("no answers files in this folder (names ending .yaml or .yml)"));
  const auto name = [&](uint32_t s) { return std::string_view(names.c_str() + s); };
  std::sort(starts.begin(), starts.end(), [&](uint32_t a, uint32_t b) { return name(a) < name(b); });
  dirs_.push_back(dir);
  for (const uint32_t s : starts) add_name(name(s), static_cast<uint32_t>(dirs_.size()));
}

std::string FileList::operator[](size_t i) const {
  const size_t end = i + 1 < at_.size() ? at_[i + 1].name : names_.size();
  const std::string_view name = std::string_view(names_).substr(at_[i].name, end - at_[i].name);
  if (at_[i].dir == 0) return std::string(name);
  std::string path = dirs_[at_[i].dir - 1];
  path += name;
  return path;
}

const Diagnostic* FileList::problem(size_t i) const {
  const auto it = problems_.find(i);
  return it == problems_.end() ? nullptr : &it->second;
}

}  // namespace careermap::cli
