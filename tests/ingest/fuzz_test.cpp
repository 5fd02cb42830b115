// Ingest tests: random and mutated input never crashes, hangs, or is
// accepted when it is not JSON.
//
// Deterministic (fixed seeds) so a failure reproduces. nlohmann::json is the
// oracle for syntax: whatever Loge accepts must be valid JSON, and invalid
// JSON must be refused with a located error whose message is valid UTF-8.
#include "test_util.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace loge::ingest::test {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Bytes that matter to a JSON parser, to make mutations hit interesting paths.
constexpr char kInteresting[] = {'{',    '}',    '[',    ']',    '"',    '\\',   ',',    ':',    '0',
                                 '9',    '-',    '+',    '.',    'e',    'E',    'n',    't',    'f',
                                 'u',    ' ',    '\n',   '\r',   '\t',   '\0',   '\x01', '\x7F', '\x80',
                                 '\xBF', '\xC3', '\xA9', '\xE2', '\xED', '\xF0', '\xF4', '\xFF'};

class Mutator {
public:
  explicit Mutator(std::uint32_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return n == 0 ? 0 : rng_() % n; }
  char byte() {
    return below(2) == 0 ? kInteresting[below(sizeof kInteresting)]
                         : static_cast<char>(static_cast<unsigned char>(rng_()));
  }

  std::string mutate(std::string s) {
    const std::size_t rounds = 1 + below(4);
    for (std::size_t r = 0; r < rounds; ++r) {
      const std::size_t at = below(s.size() + 1);
      switch (below(7)) {
      case 0:
        if (at < s.size()) s[at] = static_cast<char>(s[at] ^ (1 << below(8)));
        break;
      case 1:
        if (at < s.size()) s[at] = byte();
        break;
      case 2: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), byte()); break;
      case 3: s.erase(at, below(8)); break;
      case 4: s.resize(at); break; // truncation
      case 5: {                    // duplicate a slice elsewhere
        const std::size_t from = below(s.size() + 1);
        const std::string slice = s.substr(from, below(40));
        s.insert(below(s.size() + 1), slice);
        break;
      }
      default: { // swap a token-ish slice with a JSON fragment
        static const char* const kFragments[] = {"null",
                                                 "true",
                                                 "[]",
                                                 "{}",
                                                 "\"\"",
                                                 "1e3",
                                                 "-0",
                                                 "\"\\u00e9\"",
                                                 "\"\\ud800\"",
                                                 "1.0",
                                                 "99999999999999999999",
                                                 "\"1,5\"",
                                                 ",",
                                                 ":"};
        s.replace(at, below(6), kFragments[below(std::size(kFragments))]);
        break;
      }
      }
    }
    return s;
  }

  std::string randomBytes() {
    std::string s(below(200), '\0');
    for (char& c : s) c = byte();
    return s;
  }

private:
  std::mt19937 rng_;
};

bool isValidUtf8(const std::string& s) {
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

// The length of line `line` (1-based) of `text`.
std::size_t lineLength(const std::string& text, std::size_t line) {
  std::size_t start = 0;
  for (std::size_t l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return 0;
    start = nl + 1;
  }
  const std::size_t end = text.find('\n', start);
  return (end == std::string::npos ? text.size() : end) - start;
}

// Reads `text` and checks the invariants that hold for any input.
void checkOne(const TestSchema& s, std::uint32_t index, const std::string& text) {
  interp::Arena arena;
  interp::Value v;
  IngestError e;
  const bool ok = readRecord(*s.program, index, text, arena, v, e);
  const bool json = nlohmann::json::accept(text);
  if (ok) {
    ASSERT_TRUE(json) << "accepted invalid JSON: " << ::testing::PrintToString(text);
    ASSERT_EQ(v.tag, interp::Tag::Record);
    return;
  }
  ASSERT_FALSE(e.message.empty());
  ASSERT_TRUE(isValidUtf8(e.message)) << ::testing::PrintToString(text);
  ASSERT_TRUE(isValidUtf8(e.path)) << ::testing::PrintToString(text);
  ASSERT_GE(e.line, 1u) << ::testing::PrintToString(text);
  ASSERT_GE(e.column, 1u) << ::testing::PrintToString(text);
  ASSERT_LE(e.column, lineLength(text, e.line) + 1) << ::testing::PrintToString(text);
  // Syntax errors are located by position only.
  if (e.message.rfind("JSON invalide", 0) == 0) {
    ASSERT_TRUE(e.path.empty()) << ::testing::PrintToString(text);
  }
}

std::vector<std::string> seeds() {
  std::vector<std::string> out = {kDemande};
  std::istringstream sample(readFile(LOGE_INGEST_DATA_DIR "/demandes_sample.jsonl"));
  for (std::string line; std::getline(sample, line);) out.push_back(line);
  return out;
}

TEST(Fuzz, MutatedDemandes) {
  const TestSchema extended = makeSchema(true);
  const TestSchema workload = makeSchema(false);
  const std::vector<std::string> inputs = seeds();
  Mutator m(12345);
  for (int i = 0; i < 20000; ++i) {
    const std::size_t k = m.below(inputs.size());
    const TestSchema& s = k == 0 ? extended : workload;
    checkOne(s, s.demande, m.mutate(inputs[k]));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Fuzz, RandomBytes) {
  const TestSchema s = makeSchema(true);
  Mutator m(777);
  for (int i = 0; i < 20000; ++i) {
    std::string text = m.randomBytes();
    if (m.below(2) == 0) text = "{" + text; // get past the first byte more often
    checkOne(s, s.demande, text);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Fuzz, EveryPrefixIsRefused) {
  const TestSchema s = makeSchema(true);
  for (std::size_t n = 0; n < kDemande.size(); ++n) {
    checkOne(s, s.demande, kDemande.substr(0, n));
    if (::testing::Test::HasFatalFailure()) return;
    interp::Arena arena;
    interp::Value v;
    IngestError e;
    ASSERT_FALSE(readRecord(*s.program, s.demande, kDemande.substr(0, n), arena, v, e)) << n;
  }
}

TEST(Fuzz, MutatedJsonLinesFiles) {
  const TestSchema s = makeSchema(false);
  const std::vector<std::string> inputs = seeds();
  Mutator m(4242);
  TempDir dir;
  for (int f = 0; f < 100; ++f) {
    std::string content;
    for (std::size_t l = 0; l < 20; ++l) {
      const std::string& line = inputs[1 + m.below(inputs.size() - 1)];
      content += (m.below(3) == 0 ? m.mutate(line) : line) + "\n";
    }
    const std::string path = dir.write("f.jsonl", m.below(2) == 0 ? m.mutate(content) : content);
    std::size_t lines = 0;
    for (const char c : readFile(path)) lines += c == '\n' ? 1 : 0;
    interp::Arena arena;
    Dataset data;
    std::vector<IngestError> errors;
    const bool ok = readJsonLines(*s.program, s.demande, path, arena, data, errors, 1000);
    ASSERT_EQ(ok, errors.empty());
    ASSERT_EQ(data.records.size(), data.ids.size());
    // A line is a record or errors (several for one line), never both.
    std::set<std::size_t> failedLines;
    for (const IngestError& e : errors) failedLines.insert(e.line);
    ASSERT_LE(data.records.size() + failedLines.size(), lines + 1);
    for (std::size_t recordLine : data.lines) ASSERT_EQ(failedLines.count(recordLine), 0u);
    for (const IngestError& e : errors) {
      ASSERT_GE(e.line, 1u);
      ASSERT_LE(e.line, lines + 1);
      ASSERT_TRUE(isValidUtf8(e.render()));
    }
  }
}

} // namespace
} // namespace loge::ingest::test
