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

void FileList::add_name(std::string_view name, const std::string& dir) {
  if (runs_.empty() || runs_.back().dir != dir) runs_.push_back({at_.size(), dir});
  at_.push_back(static_cast<uint32_t>(names_.size()));
  names_ += name;
}

void FileList::add(const std::string& arg) {
  if (!is_folder(arg)) return add_name(arg, "");
  const auto refuse = [&](std::string message) {
    problems_.emplace(at_.size(), Diagnostic{{arg, 0, 0}, Severity::error, "", std::move(message)});
    add_name(arg, "");
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
  names_.reserve(names_.size() + names.size() - starts.size());
  at_.reserve(at_.size() + starts.size());
  for (const uint32_t s : starts) add_name(name(s), dir);
}

std::string FileList::operator[](size_t i) const {
  const size_t end = i + 1 < at_.size() ? at_[i + 1] : names_.size();
  const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](size_t k, const Run& r) { return k < r.first; });
  std::string path = std::prev(run)->dir;
  path += std::string_view(names_).substr(at_[i], end - at_[i]);
  return path;
}

const Diagnostic* FileList::problem(size_t i) const {
  const auto it = problems_.find(i);
  return it == problems_.end() ? nullptr : &it->second;
}

}  // namespace careermap::cli
