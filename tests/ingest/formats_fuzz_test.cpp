// Ingest tests: seeded random mutations of valid CSV and SNE files never
// crash or hang the readers, and always end in valid records or in errors
// that are located (line and column) and written in valid UTF-8.
#include "formats_support.h"

#include <random>

namespace loge::ingest::test {
namespace {

bool validUtf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += n;
  }
  return true;
}

std::string mutate(std::string s, std::mt19937& rng, const std::string& interesting) {
  auto below = [&](std::size_t n) { return n == 0 ? std::size_t{0} : static_cast<std::size_t>(rng() % n); };
  auto byte = [&]() {
    return below(2) == 0 ? interesting[below(interesting.size())]
                         : static_cast<char>(static_cast<unsigned char>(rng()));
  };
  const std::size_t rounds = 1 + below(4);
  for (std::size_t r = 0; r < rounds; ++r) {
    const std::size_t at = below(s.size() + 1);
    switch (below(6)) {
    case 0:
      if (at < s.size()) s[at] = static_cast<char>(s[at] ^ (1 << below(8)));
      break;
    case 1:
      if (at < s.size()) s[at] = byte();
      break;
    case 2: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), byte()); break;
    case 3: s.erase(at, below(12)); break;
    case 4: s.resize(at); break; // truncation
    default: {                   // a slice copied elsewhere
      const std::string slice = s.substr(below(s.size() + 1), below(60));
      s.insert(below(s.size() + 1), slice);
      break;
    }
    }
  }
  return s;
}

void check(const ReadResult& r, const std::string& input) {
  if (r.ok) {
    // Only a blank file (an empty CSV export) reads as no demande.
    const bool blank = input.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string::npos;
    EXPECT_TRUE(!r.data.records.empty() || blank) << input;
    return;
  }
  ASSERT_FALSE(r.errors.empty()) << input;
  for (const IngestError& e : r.errors) {
    EXPECT_TRUE(validUtf8(e.render())) << e.render();
    const bool wholeFile = e.message.rfind("fichier vide", 0) == 0 || e.message.find("autre(s)") != std::string::npos;
    if (!wholeFile) {
      EXPECT_GT(e.line, 0u) << e.render() << "\n--- input\n" << input;
      EXPECT_GT(e.column, 0u) << e.render() << "\n--- input\n" << input;
    }
  }
}

TEST(FormatsFuzz, MutatedCsv) {
  const std::string valid = readText(dataPath("formats/demande.csv"));
  const std::string twoRows = valid + valid.substr(valid.find('\n') + 1);
  std::mt19937 rng(20250611);
  for (int i = 0; i < 1500; ++i) {
    const std::string input = mutate(i % 2 ? valid : twoRows, rng, ";,\"|\n\r.[]0129-/\xC3\xA9\xFF");
    interp::Arena arena;
    check(readCsvString(arena, input), input);
  }
}

TEST(FormatsFuzz, MutatedSne) {
  const std::string valid = readText(dataPath("sne/demande-complete.xml"));
  std::mt19937 rng(1103);
  for (int i = 0; i < 600; ++i) {
    const std::string input = mutate(valid, rng, "<>/=\"':&;![]?- \n0129TMLP\xC3\xA9\xFF");
    interp::Arena arena;
    check(readSneString(arena, input, i % 3 != 0), input);
  }
}

} // namespace
} // namespace loge::ingest::test
