// UTF-8 decoding and the displayable form of a source line.
#include "loge/source/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using loge::decodeUtf8;
using loge::displayable;

char32_t decoded(std::string_view text, std::size_t pos, std::size_t expectedLength) {
  std::size_t length = 0;
  char32_t cp = decodeUtf8(text, pos, length);
  EXPECT_EQ(length, expectedLength) << "at " << pos;
  return cp;
}

TEST(Utf8, DecodesEachSequenceLength) {
  EXPECT_EQ(decoded("a", 0, 1), U'a');
  EXPECT_EQ(decoded("é", 0, 2), U'é');
  EXPECT_EQ(decoded("€", 0, 3), U'€');
  EXPECT_EQ(decoded("\xF0\x9F\x8F\xA0", 0, 4), U'\U0001F3E0'); // 🏠
  EXPECT_EQ(decoded("x≤y", 1, 3), U'≤');
}

TEST(Utf8, InvalidBytesDecodeOneAtATimeAsReplacement) {
  EXPECT_EQ(decoded("\xE9t\xE9", 0, 1), 0xFFFDu);        // Latin-1 é
  EXPECT_EQ(decoded("\xE2\x82", 0, 1), 0xFFFDu);         // truncated €
  EXPECT_EQ(decoded("\xC0\xAF", 0, 1), 0xFFFDu);         // overlong '/'
  EXPECT_EQ(decoded("\xED\xA0\x80", 0, 1), 0xFFFDu);     // surrogate
  EXPECT_EQ(decoded("\xF4\x90\x80\x80", 0, 1), 0xFFFDu); // beyond U+10FFFF
  EXPECT_EQ(decoded("\x80", 0, 1), 0xFFFDu);             // lone continuation byte
}

TEST(Utf8, DisplayableShowsInvalidBytesAndControlCharacters) {
  EXPECT_EQ(displayable("politique \"X\xE9\""), "politique \"X\xEF\xBF\xBD\"");
  EXPECT_EQ(displayable(std::string("a\0b", 3)), "a␀b");
  EXPECT_EQ(displayable("a\x01\x1F\x7F"), "a␁␟␡");
  // Tabs and line feeds stay (the caret lines up under tabs; a file's text
  // keeps its lines), other text is unchanged.
  EXPECT_EQ(displayable("\tmontant ≤ 9 500 €\nfin"), "\tmontant ≤ 9 500 €\nfin");
  EXPECT_EQ(displayable(""), "");
}

} // namespace

namespace loge {
namespace {
// A decomposed accent (the letter, then a combining mark: macOS, some
// exports) folds like the precomposed letter: `hébergé` written either way
// names the same enumeration value.
TEST(Utf8, FoldingIgnoresCombiningAccents) {
  EXPECT_EQ(foldAccents("h\xC3\xA9"
                        "berg\xC3\xA9"),
            "heberge"); // NFC
  EXPECT_EQ(foldAccents("he\xCC\x81"
                        "berge\xCC\x81"),
            "heberge"); // NFD: e + U+0301
  EXPECT_EQ(foldAccents("c\xCC\xA7"
                        "a"),
            "ca");                                // c + U+0327 (cédille)
  EXPECT_EQ(foldAccents("\xCD\xAF"), "");         // U+036F, the last combining mark
  EXPECT_EQ(foldAccents("\xCD\xB0"), "\xCD\xB0"); // U+0370 is a letter: kept
}

// Composition (the whole table against Python's NFC: tests/e2e/nfc_oracle.py).
TEST(Utf8, ComposesDecomposedLatinLetters) {
  EXPECT_EQ(composeAccents("E\xCC\x81vry"), "\xC3\x89vry"); // E + U+0301 → É
  EXPECT_EQ(composeAccents("c\xCC\xA7"
                           "a"),
            "\xC3\xA7"
            "a");                                                      // c + U+0327 → ç
  EXPECT_EQ(composeAccents("a\xCD\x81"), "\xC3\xA1");                  // U+0341 is U+0301 again
  EXPECT_EQ(composeAccents("e\xCC\x81\xCC\x81"), "\xC3\xA9\xCC\x81");  // one accent per letter
  EXPECT_EQ(composeAccents("1\xCC\x81"), "1\xCC\x81");                 // not a letter: kept
  EXPECT_EQ(composeAccents("q\xCC\x81"), "q\xCC\x81");                 // no precomposed q́: kept
  EXPECT_EQ(composeAccents("e\xCC"), "e\xCC");                         // truncated: kept byte for byte
  EXPECT_EQ(composeAccents("e\xCC\x81"), "\xC3\xA9");                  // at the very end
  EXPECT_EQ(composeAccents("\xC3\xA9t\xC3\xA9"), "\xC3\xA9t\xC3\xA9"); // already composed
}
} // namespace
} // namespace loge
