// The archive commands from outside: which files may be taken for an archive, waiting for
// another import, ids that never become paths or messages, export's folder.
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <set>
#include <thread>

#include "engine/archive.hpp"
#include "tests/e2e/run.hpp"
#include "tests/testutil.hpp"

namespace fs = std::filesystem;
using careermap::test::Run;
using careermap::test::run;
using careermap::test::slurp;

namespace {

const std::string kP01 = kSrc + "/questionnaires/samples/p01.yaml";

unsigned mode_of(const fs::path& p) {
  struct stat st{};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777;
}

void sql(const fs::path& path, const std::string& text) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// Every command that reads an archive, on `db`, run in `dir`.
std::vector<std::string> readers(const std::string& db) {
  return {"archive --archive " + db + " --list",
          "export --archive " + db + " -o exp",
          "score -q " + kPre + " --archive " + db + " --cohort 2026",
          "render -q " + kPre + " --archive " + db + " --cohort 2026 -o maps",
          "cohort --archive " + db + " -q " + kPre + " -o c.pdf"};
}

// Every regular file under `dir`, relative to it (links are not followed, and reported).
std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    BOOST_TEST(!e.is_symlink(), e.path());
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Rows kept by an older careermap, which stored what an answers file said as the id.
void old_rows(const fs::path& db, const std::vector<std::array<std::string, 3>>& ids) {
  sqlite3* h = nullptr;
  BOOST_REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  int n = 0;
  for (const auto& [cohort, session, participant] : ids) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "INSERT INTO submissions (cohort, session, participant, source, sha256, raw, imported_at, status)"
                          " VALUES (?, ?, ?, 'old.yaml', ?, 'raw bytes', '2024-05-01T00:00:00Z', 'quarantined')", -1, &st, nullptr);
    sqlite3_bind_blob(st, 1, cohort.data(), static_cast<int>(cohort.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, session.data(), static_cast<int>(session.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 3, participant.data(), static_cast<int>(participant.size()), SQLITE_TRANSIENT);
    const std::string sha = "old" + std::to_string(n++);
    sqlite3_bind_text(st, 4, sha.c_str(), -1, SQLITE_TRANSIENT);
    BOOST_REQUIRE(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(archive_cli)

BOOST_AUTO_TEST_CASE(only_import_creates_an_archive) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  for (const auto& cmd : readers("typo.db")) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.out == "", cmd);
    BOOST_TEST(r.err == "typo.db: error: archive: no archive here (only careermap import creates one; check the path)\n", cmd);
  }
  BOOST_TEST(!fs::exists(dir.path() / "typo.db"));
  BOOST_TEST(!fs::exists(dir.path() / "c.pdf"));
  BOOST_TEST(!fs::exists(dir.path() / "exp"));
  const Run imp = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01);
  BOOST_TEST(imp.status == 0);
  BOOST_TEST(imp.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
  BOOST_TEST(mode_of(dir.path() / "a.db") == 0600u);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_an_archive_is_refused_untouched) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  std::ofstream(dir.path() / "notes.txt") << "not a database\n";
  ::chmod((dir.path() / "notes.txt").c_str(), 0644);
  auto all = readers("notes.txt");
  all.push_back("import -q " + kPre + " --archive notes.txt --cohort 2026 " + kP01);
  for (const auto& cmd : all) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.err == "notes.txt: error: archive: not an SQLite database, so not a careermap archive; it was left as it was\n", cmd);
  }
  BOOST_TEST(mode_of(dir.path() / "notes.txt") == 0644u);
  BOOST_TEST(slurp(dir.path() / "notes.txt") == "not a database\n");
  BOOST_TEST(!fs::exists(dir.path() / "notes.txt-wal"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_or_newer_schema_version_is_exit_2) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  sql(dir.path() / "a.db", "UPDATE meta SET value = 'abc' WHERE key = 'schema_version'");
  for (const auto& cmd : readers("a.db")) {
    const Run r = run(cd + cmd);
    BOOST_TEST(r.status == 2, cmd);
    BOOST_TEST(r.err == "a.db: error: archive: its schema version is not a number; the file is damaged or not a careermap archive\n", cmd);
  }
  sql(dir.path() / "a.db", "UPDATE meta SET value = '7' WHERE key = 'schema_version'");
  const Run r = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "a.db: error: archive: made by a newer careermap (schema 7; this one knows schemas up to " +
                          std::to_string(careermap::kArchiveSchemaVersion) + ")\n");
}

BOOST_AUTO_TEST_CASE(a_small_import_waits_for_a_long_one_and_says_so) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2025 " + kP01).status == 0);
  sqlite3* other = nullptr;  // a long import, holding the archive for 6 s (SQLite's old limit was 5)
  BOOST_REQUIRE(sqlite3_open((dir.path() / "a.db").c_str(), &other) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto small = std::async(std::launch::async, [&] { return run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01); });
  std::this_thread::sleep_for(std::chrono::seconds(6));
  BOOST_TEST((small.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));  // still waiting
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  const Run r = small.get();
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err == "careermap: a.db is in use by another careermap; waiting (up to 600 s)\n");
  BOOST_TEST(r.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 0 quarantined\n");
}

BOOST_AUTO_TEST_CASE(an_id_that_is_a_path_never_becomes_one) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  const fs::path victim = dir.path() / "victim.txt";
  std::ofstream(victim) << "mine\n";
  // Quarantined files whose ids are an absolute path and another's export name, with a NUL.
  std::ofstream(dir.path() / "abs.yaml") << "questionnaire: presession-v1\nparticipant: \"" << victim.string()
                                          << "\\0\"\nsession: \"../x\"\nanswers:\n  fix_individual_1: 3\n";
  std::ofstream(dir.path() / "twin.yaml") << "questionnaire: presession-v1\nparticipant: \"p02.v1.yaml\\0\"\nanswers:\n"
                                           "  fix_individual_1: 3\n";
  const std::string p02 = kSrc + "/questionnaires/samples/p02.yaml";
  const Run imp = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + p02 + " abs.yaml twin.yaml");
  BOOST_TEST(imp.status == 1);
  BOOST_TEST(imp.out == "careermap import: 1 added, 0 new versions, 0 unchanged, 2 quarantined\n");
  const Run list = run(cd + "archive --archive a.db --list");
  BOOST_TEST(list.out.find("\n2\t2026\t-\t-\tquarantined\t") != std::string::npos);  // no id kept, no session
  BOOST_TEST(list.out.find("\n3\t2026\t-\t-\tquarantined\t") != std::string::npos);
  const Run ex = run(cd + "export --archive a.db -o exp");
  BOOST_TEST(ex.status == 0);
  BOOST_TEST(ex.out == "careermap export: 3 submissions written to exp/ (index.csv lists them)\n");
  BOOST_TEST(slurp(victim) == "mine\n");
  BOOST_TEST(files_under(dir.path() / "exp") ==
                 (std::vector<std::string>{"2026/m1/p02.v1.yaml", "2026/none/unknown.v2.yaml", "2026/none/unknown.v3.yaml",
                                           "index.csv", "releases.csv"}),
             boost::test_tools::per_element());
  BOOST_TEST(slurp(dir.path() / "exp/2026/m1/p02.v1.yaml") == slurp(p02));
  const std::string index = slurp(dir.path() / "exp/index.csv");
  BOOST_TEST(index.find("\r\n2,2026,,,quarantined,") != std::string::npos);
  BOOST_TEST(index.find(",abs.yaml,2026/none/unknown.v2.yaml\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ids_an_older_careermap_stored_raw_are_mapped_in_export_and_hidden_in_the_list) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  std::vector<std::array<std::string, 3>> ids = {
      {"../x", "pre", "p01"},
      {"/tmp", "../../y", std::string("p02.v1.yaml\0", 12)},
      {"x/y", "pre", "p01\t2026\tpre\tp99\tvalid\n"},
      {"2026", "pre", "\x1b]0;owned\x07\x1b[2J"},
      {"CON", "AUX", "nul"},
      {"A", "pre", "P01"},
      {"a", "pre", "p01"},
      {std::string(300, 'c'), std::string(1, '\0'), std::string(150, 'p')},
      {"a.", "pre ", "<>:\"|?*"},
  };
  old_rows(dir.path() / "a.db", ids);
  const Run list = run(cd + "archive --archive a.db --list");
  BOOST_TEST(list.status == 0);
  // One line per submission, nine fields each: no forged row, no escape code.
  BOOST_TEST(std::count(list.out.begin(), list.out.end(), '\n') == 11);
  for (unsigned char c : list.out) BOOST_TEST_REQUIRE((c >= 0x20 || c == '\t' || c == '\n'));
  for (size_t at = 0, nl; (nl = list.out.find('\n', at)) != std::string::npos; at = nl + 1)
    BOOST_TEST(std::count(list.out.begin() + static_cast<long>(at), list.out.begin() + static_cast<long>(nl), '\t') == 8);
  BOOST_TEST(list.out.find("\n3\t(not an id)\t(not an id)\t(not an id)\tquarantined\t") != std::string::npos);
  BOOST_TEST(list.out.find("\n5\t2026\tpre\t(not an id)\t") != std::string::npos);
  BOOST_TEST(list.out.find("\n6\tCON\tAUX\tnul\t") != std::string::npos);  // ids, shown as they are
  const Run ex = run(cd + "export --archive a.db -o exp");
  BOOST_TEST(ex.status == 0);
  BOOST_TEST(ex.out == "careermap export: 10 submissions written to exp/ (index.csv lists them)\n");
  const auto files = files_under(dir.path() / "exp");
  BOOST_TEST(files.size() == 12u);  // and index.csv, releases.csv
  std::set<std::string> folded;
  for (const auto& f : files) BOOST_TEST(folded.insert(lower(f)).second, f);
  BOOST_TEST(files_under(dir.path()).size() == 12u + 1u);  // nothing outside exp/ but a.db
  BOOST_TEST(fs::exists(dir.path() / "exp/2026/m1/p01.v1.yaml"));
  BOOST_TEST(fs::exists(dir.path() / "exp/A/pre/P01.v7.yaml"));
  BOOST_TEST(fs::exists(dir.path() / "exp/mapped.ca978112ca1bbdca/pre/p01.v8.yaml"));  // "a" after "A"
  BOOST_TEST(fs::exists(dir.path() / "exp/mapped.a3dbc4b644a9a2c5/mapped.1898ed910d4be0a0/mapped.99e6242759016035.v6.yaml"));
  const std::string index = slurp(dir.path() / "exp/index.csv");
  BOOST_TEST(index.find("\r\n7,A,pre,P01,quarantined,2024-05-01T00:00:00Z,old5,old.yaml,A/pre/P01.v7.yaml\r\n") != std::string::npos);
  BOOST_TEST(index.find("\r\n3,(not an id),(not an id),(not an id),") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(random_hostile_ids_export_only_inside_the_folder_unique_ignoring_case) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  static const std::vector<std::string> parts = {"..", ".", "/", "\\", std::string("\0", 1), "\x1b[31m", "\n", "CON", "com1",
                                                 "p01", "P01", " ", "a.", "<>:\"|?*", std::string(120, 'x'), "\xff",
                                                 "none", "unknown", "index.csv", "/etc", "\xE2\x80\xAE", ""};
  std::mt19937 rng(7);
  auto hostile = [&] {
    std::string s;
    for (int i = 0, n = static_cast<int>(rng() % 4); i < n; ++i) s += parts[rng() % parts.size()];
    return s;
  };
  std::vector<std::array<std::string, 3>> ids(120);
  for (auto& id : ids) id = {hostile(), hostile(), hostile()};
  old_rows(dir.path() / "a.db", ids);
  const Run ex = run(cd + "export --archive a.db -o exp");
  BOOST_TEST(ex.status == 0);
  BOOST_TEST(ex.out == "careermap export: 121 submissions written to exp/ (index.csv lists them)\n");
  const auto files = files_under(dir.path() / "exp");  // no link anywhere under exp/
  BOOST_TEST(files.size() == 123u);  // and index.csv, releases.csv
  std::set<std::string> folded;
  for (const auto& f : files) {
    BOOST_TEST(folded.insert(lower(f)).second, f);
    BOOST_TEST(f.find("..") == std::string::npos, f);
  }
  BOOST_TEST(files_under(dir.path()).size() == 123u + 1u);  // and nothing outside it but a.db
  const std::string index = slurp(dir.path() / "exp/index.csv");
  for (const auto& f : files)
    if (f != "index.csv" && f != "releases.csv") BOOST_TEST(index.find("," + f + "\r\n") != std::string::npos, f);
}

BOOST_AUTO_TEST_CASE(export_to_a_file_or_an_unwritable_folder_says_so) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && ";
  BOOST_REQUIRE(run(cd + kBin + " import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  std::ofstream(dir.path() / "f") << "a file\n";
  Run r = run(cd + kBin + " export --archive a.db -o f");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "f: error: export: not a folder (something else is in the way)\n");
  r = run(cd + kBin + " export --archive a.db -o f/sub");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "f/sub: error: export: cannot make the folder: Not a directory\n");
  BOOST_TEST(slurp(dir.path() / "f") == "a file\n");
  // A link planted where a cohort's folder goes is not followed.
  fs::create_directory(dir.path() / "elsewhere");
  fs::create_directory(dir.path() / "exp");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "exp" / "2026");
  r = run(cd + kBin + " export --archive a.db -o exp");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "exp/2026: error: export: not a folder (something else is in the way)\n");
  BOOST_TEST(fs::is_empty(dir.path() / "elsewhere"));
  // A folder the user may not write in (as root, through an unprivileged user: root may write anywhere).
  fs::create_directory(dir.path() / "ro");
  std::string as_user;
  if (::geteuid() == 0) {
    BOOST_REQUIRE(std::system(("chown -R 65534:65534 " + dir.path().string()).c_str()) == 0);
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  fs::permissions(dir.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  r = run(cd + as_user + kBin + " export --archive a.db -o ro");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err == "ro/2026: error: export: cannot make the folder: Permission denied\n");
  BOOST_TEST(fs::is_empty(dir.path() / "ro"));
}

BOOST_AUTO_TEST_CASE(an_input_that_cannot_be_read_imports_nothing_and_makes_no_archive) {
  careermap::test::TempDir dir;
  const std::string cd = "cd " + dir.path().string() + " && " + kBin + " ";
  BOOST_REQUIRE(run(cd + "mapping -q " + kPre + " --init " + kSrc + "/tests/data/forms/google_forms.csv -o g.yaml").status == 0);
  Run r = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 --mapping g.yaml missing.csv");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err == "missing.csv: error: cannot read: No such file or directory\n"
                      "careermap import: nothing imported: 1 of 1 inputs could not be read\n");
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));
  r = run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01 + " missing.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "missing.yaml: error: cannot read: No such file or directory\n"
                      "careermap import: nothing imported: 1 of 2 inputs could not be read\n");
  BOOST_TEST(!fs::exists(dir.path() / "a.db"));
  // An archive already there is left as it was.
  BOOST_REQUIRE(run(cd + "import -q " + kPre + " --archive a.db --cohort 2026 " + kP01).status == 0);
  r = run(cd + "import -q " + kPre + " --archive a.db --cohort 2025 " + kP01 + " missing.yaml");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(run(cd + "archive --archive a.db --list").out.find("\t2025\t") == std::string::npos);
  // A cohort that is not an id is a usage error.
  r = run(cd + "import -q " + kPre + " --archive a.db --cohort ../x " + kP01);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.rfind("careermap import: --cohort '../x': expected an id of half-width letters, digits, '_' and '-' (at most 64)\n", 0) == 0u);
}

// Import reads and checks YAML files on --jobs threads and stores them in order on one: the
// archive is the same bytes (but for the time of the import) on one thread or several, with
// valid files, a person's second file, a malformed one and a repeated one among them.
BOOST_AUTO_TEST_CASE(an_import_on_several_threads_makes_the_archive_one_thread_makes) {
  careermap::test::TempDir dir;
  const std::string course = kSrc + "/tests/data/tiny/course.yaml";
  const std::string synth = (fs::path(kBin).parent_path() / "careermap-synth").string();
  BOOST_REQUIRE(run(synth + " -q " + course + " -n 60 -o " + (dir.path() / "in").string() + " --seed 7").status == 0);
  std::string again = slurp(dir.path() / "in" / "s000005.yaml");
  again.replace(again.find("meeting: \"pre\""), 14, "meeting: \"post\"");
  std::ofstream(dir.path() / "in" / "s000005-post.yaml") << again;
  std::ofstream(dir.path() / "in" / "s000030-bad.yaml") << "questionnaire: course\nparticipant: [oops\n";
  std::set<std::string> sorted;
  for (const auto& e : fs::directory_iterator(dir.path() / "in")) sorted.insert(e.path().string());
  std::string files;
  for (const auto& f : sorted) files += " " + f;
  files += " " + (dir.path() / "in" / "s000002.yaml").string();  // the same bytes again: unchanged
  const auto archive = [&](const std::string& name, const std::string& jobs) {
    const Run r = run(kBin + " import -q " + course + " --archive " + (dir.path() / name).string() +
                      " --cohort c --jobs " + jobs + files);
    BOOST_TEST(r.status == 1);  // the malformed file is quarantined
    BOOST_TEST(r.out == "careermap import: 61 added, 0 new versions, 1 unchanged, 1 quarantined\n");
    const std::string list = run(kBin + " archive --list --archive " + (dir.path() / name).string()).out;
    const size_t at = list.find("\t20");  // the first row's time of import: YYYY-MM-DDTHH:MM:SSZ
    BOOST_REQUIRE(at != std::string::npos);
    return std::make_pair(list.substr(at + 1, 20), slurp(dir.path() / name));
  };
  const auto [time1, one] = archive("one.db", "1");
  for (const std::string jobs : {"2", "5"}) {
    auto [time, many] = archive("many" + jobs + ".db", jobs);
    for (size_t at = many.find(time); at != std::string::npos; at = many.find(time, at + 1)) many.replace(at, 20, time1);
    BOOST_TEST(many.size() == one.size());
    BOOST_TEST((many == one), "--jobs " << jobs);
  }
}

// The questionnaire changed under its id after a release: one person of release 1 chose an
// option the questionnaire no longer has. The report would show 11 people where release 1
// showed 12, giving that person away by subtraction; none is made, and the message says why
// and what to do, of the archive, with exit status 1.
BOOST_AUTO_TEST_CASE(a_cohort_report_after_the_questionnaire_changed_under_its_id_is_refused) {
  careermap::test::TempDir dir;
  const fs::path in = dir.path() / "in";
  BOOST_REQUIRE(run(kSynth + " -q " + kPre + " -n 12 -o " + in.string() + " --seed 3").status == 0);
  for (const auto& e : fs::directory_iterator(in)) {
    std::string text = slurp(e.path());
    const std::string key = "department_kind: \"";
    const size_t at = text.find(key) + key.size();
    text.replace(at, text.find('"', at) - at, e.path().filename() == "s000001.yaml" ? "other" : "planning");
    std::ofstream(e.path()) << text;
  }
  fs::create_directories(dir.path() / "q");
  std::string q = slurp(kPre);
  const std::string other = "          - {value: other, label: {ja: その他, en: \"Other\"}}\n";
  const size_t at = q.find(other, q.find("id: department_kind"));
  BOOST_REQUIRE(at != std::string::npos);
  q.erase(at, other.size());
  std::ofstream(dir.path() / "q" / "presession-v1.yaml") << q;
  fs::copy_file(kSrc + "/questionnaires/model.yaml", dir.path() / "q" / "model.yaml");
  const std::string db = (dir.path() / "a.db").string(), changed = (dir.path() / "q" / "presession-v1.yaml").string();
  BOOST_REQUIRE(run(kBin + " import -q " + kPre + " --archive " + db + " --cohort c1 " + in.string()).status == 0);
  BOOST_REQUIRE(run(kBin + " cohort --archive " + db + " -q " + kPre + " -o " + (dir.path() / "r1.pdf").string()).status == 0);
  const Run r = run(kBin + " cohort --archive " + db + " -q " + changed + " --dry-run");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == db + ": error: cohort: release 1 counted submissions that no longer read against presession-v1 (it "
                           "has changed since): this report cannot be checked against what that release showed, so "
                           "none is made; give the changed questionnaire an id of its own\n");
  BOOST_TEST(r.out == "");
  // Before any release the changed questionnaire's report is made (of the 11 who read).
  const std::string fresh = (dir.path() / "b.db").string();
  BOOST_REQUIRE(run(kBin + " import -q " + kPre + " --archive " + fresh + " --cohort c1 " + in.string()).status == 0);
  BOOST_TEST(run(kBin + " cohort --archive " + fresh + " -q " + changed + " --dry-run").status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
