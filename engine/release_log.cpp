#include "engine/release_log.hpp"

#include <map>
#include <memory>
#include <optional>

#include "engine/diagnostic.hpp"
#include "engine/messages.hpp"
#include "sqlite.hpp"

namespace careermap {
namespace {

using sqlite::Stmt;

// The release log's connection: SQLite's failures, as "release log: what: reason".
struct Db : sqlite::Db {
  explicit Db(const std::string& path)
      : sqlite::Db(path, [](const std::string& what, const std::string& reason) {
          return trf("release log: {what}: {reason}", {{"what", what.empty() ? "query" : what}, {"reason", reason}});
        }) {
    open(SQLITE_OPEN_READWRITE);
    sqlite3_busy_timeout(get(), 600000);
    exec("PRAGMA foreign_keys=ON");
  }
};

}  // namespace

std::vector<Release> read_releases(const std::string& path, bool members) {
  Db db(path);
  std::vector<Release> out;
  std::map<int64_t, size_t> release_at;
  std::map<int64_t, std::pair<size_t, size_t>> group_at;
  {
    Stmt s(db, "SELECT id, created_at, command, questionnaire, min_group FROM releases ORDER BY id");
    while (s.step()) {
      release_at[s.number(0)] = out.size();
      out.push_back({s.number(0), s.col(1), s.col(2), s.col(3), static_cast<int>(s.number(4)), {}});
    }
  }
  {
    Stmt s(db, "SELECT id, release, label FROM release_groups ORDER BY id");
    while (s.step()) {
      Release& r = out[release_at.at(s.number(1))];
      group_at[s.number(0)] = {release_at.at(s.number(1)), r.groups.size()};
      r.groups.push_back({r.id, s.col(2), {}, {}, s.number(0)});
    }
  }
  if (members) {
    Stmt s(db, "SELECT grp, submission FROM release_members ORDER BY grp, submission");
    while (s.step()) {
      const auto [r, g] = group_at.at(s.number(0));
      out[r].groups[g].submissions.push_back(s.number(1));
    }
  }
  {
    Stmt s(db, "SELECT grp, tbl, category FROM release_shown ORDER BY rowid");
    while (s.step()) {
      const auto [r, g] = group_at.at(s.number(0));
      out[r].groups[g].shown.push_back({s.col(1), s.col(2)});
    }
  }
  return out;
}

ReleasedMembers released_members(const std::string& path, const std::string& questionnaire,
                                 const std::vector<int64_t>& groups) {
  struct Pass {
    Db db;
    std::map<int64_t, size_t> group;  // release_groups.id -> its place in `groups`
    std::optional<Stmt> rows;
    explicit Pass(const std::string& path) : db(path) {}
  };
  auto pass = std::make_shared<Pass>(path);
  for (size_t g = 0; g < groups.size(); ++g) pass->group.emplace(groups[g], g);
  // SQLite sorts the members in memory up to the page cache's size, then on disk: a small
  // cache keeps the sort's memory from growing with the people.
  pass->db.exec("PRAGMA cache_size = -256");
  pass->rows.emplace(pass->db,
                     "SELECT s.cohort, s.participant, m.grp, m.submission FROM release_members m"
                     " JOIN release_groups g ON g.id = m.grp JOIN releases r ON r.id = g.release"
                     " JOIN submissions s ON s.id = m.submission"
                     " WHERE r.questionnaire = ?1 AND s.questionnaire = ?1"
                     " ORDER BY s.cohort, s.participant, r.id, g.id, m.submission");
  pass->rows->text(1, questionnaire);
  return [pass](ReleasedMember& m) {
    for (;;) {
      if (!pass->rows->step()) return false;
      const auto g = pass->group.find(pass->rows->number(2));
      if (g == pass->group.end()) continue;  // a release logged since the groups were read
      m.cohort = pass->rows->col(0);
      m.participant = pass->rows->col(1);
      m.group = g->second;
      m.submission = pass->rows->number(3);
      return true;
    }
  };
}

int64_t append_release(const std::string& path, const Release& r) {
  Db db(path);
  db.exec("BEGIN IMMEDIATE");
  try {
    Stmt rel(db, "INSERT INTO releases (created_at, command, questionnaire, min_group) VALUES (?, ?, ?, ?)");
    rel.text(1, r.created_at).text(2, r.command).text(3, r.questionnaire).num(4, r.min_group).step();
    const int64_t id = db.last_id();
    Stmt grp(db, "INSERT INTO release_groups (release, label) VALUES (?, ?)");
    Stmt member(db, "INSERT INTO release_members (grp, submission) VALUES (?, ?)");
    Stmt shown(db, "INSERT INTO release_shown (grp, tbl, category) VALUES (?, ?, ?)");
    for (const auto& g : r.groups) {
      grp.num(1, id).text(2, g.label).again();
      const int64_t gid = db.last_id();
      for (int64_t sub : g.submissions) member.num(1, gid).num(2, sub).again();
      for (const auto& [table, row] : g.shown) shown.num(1, gid).text(2, table).text(3, row).again();
    }
    db.exec("COMMIT");
    return id;
  } catch (...) {
    db.rollback();
    throw;
  }
}

}  // namespace careermap
