#include "tools/file_list.hpp"

#include <dirent.h>
#include <malloc.h>
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

namespace {

void put_varint(std::string& out, size_t v) {
  for (; v >= 0x80; v >>= 7) out += static_cast<char>(0x80 | (v & 0x7f));
  out += static_cast<char>(v);
}

size_t get_varint(const std::string& in, size_t& at) {
  size_t v = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<unsigned char>(in[at++]);
    v |= static_cast<size_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}

}  // namespace

void FileList::add_name(std::string_view name, const std::string& dir) {
  if (runs_.empty() || runs_.back().dir != dir) runs_.push_back({size_, dir});
  size_t head = 0, tail = 0;
  if (size_ % kRestart == 0) {
    restarts_.push_back(static_cast<uint32_t>(names_.size()));
  } else {
    const size_t most = std::min(name.size(), last_.size());
    while (head < most && name[head] == last_[head]) ++head;
    while (head + tail < most && name[name.size() - 1 - tail] == last_[last_.size() - 1 - tail]) ++tail;
  }
  put_varint(names_, head);
  put_varint(names_, tail);
  put_varint(names_, name.size() - head - tail);
  names_ += name.substr(head, name.size() - head - tail);
  last_ = name;
  ++size_;
}

void FileList::add(const std::string& arg) {
  if (!is_folder(arg)) return add_name(arg, "");
  const auto refuse = [&](std::string message) {
    problems_.emplace(size_, Diagnostic{{arg, 0, 0}, Severity::error, "", std::move(message)});
    add_name(arg, "");
  };
  DIR* d = ::opendir(arg.c_str());
  if (!d) return refuse(trf("cannot read the folder: {reason}", {{"reason", std::strerror(errno)}}));
  const std::string dir = arg.back() == '/' ? arg : arg + '/';
  {
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
    for (const uint32_t s : starts) add_name(name(s), dir);
  }
  // The names were sorted in memory four times the size they are kept in; the allocator
  // keeps what is freed for later, so that a command's peak memory would grow with the
  // folder (2.6 MB for 100,000 names): give it back to the system.
  ::malloc_trim(0);
}

std::string FileList::operator[](size_t i) const {
  const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](size_t k, const Run& r) { return k < r.first; });
  const std::string& dir = std::prev(run)->dir;
  std::string name, before;
  size_t at = restarts_[i / kRestart];
  for (size_t k = i / kRestart * kRestart; k <= i; ++k) {
    const size_t head = get_varint(names_, at), tail = get_varint(names_, at), rest = get_varint(names_, at);
    before.swap(name);
    name.assign(before, 0, head);
    name.append(names_, at, rest);
    name.append(before, before.size() - tail, tail);
    at += rest;
  }
  return dir + name;
}

const Diagnostic* FileList::problem(size_t i) const {
  const auto it = problems_.find(i);
  return it == problems_.end() ? nullptr : &it->second;
}

}  // namespace careermap::cli
