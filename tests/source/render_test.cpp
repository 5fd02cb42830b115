// What a clang-style diagnostic shows of its source line.
#include "loge/diag/diagnostic.h"
#include "loge/diag/render.h"
#include "loge/source/source.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string rendered(const std::string& text, std::uint32_t line, std::uint32_t column, std::uint32_t endColumn) {
  loge::SourceManager sources;
  const loge::SourceFile& f = sources.addVirtual("p.loge", text);
  loge::DiagnosticEngine diags;
  loge::SourceRange r;
  r.file = f.id();
  r.begin.line = r.end.line = line;
  r.begin.column = column;
  r.end.column = endColumn;
  diags.report(loge::DiagKind::UnknownCharacter, r, "x");
  return loge::renderAll(diags.diagnostics(), sources, loge::DiagStyle::Full, false);
}

// The excerpt: the two lines after the message.
std::string excerpt(const std::string& out) { return out.substr(out.find('\n') + 1); }

TEST(Render, ShortLineInFullWithCaretUnderTheRange) {
  EXPECT_EQ(excerpt(rendered("a\n\tb = 12\n", 2, 6, 8)), "    2 | \tb = 12\n      | \t    ^~\n");
}

TEST(Render, ControlCharactersAndInvalidBytesAreShownOneColumnEach) {
  EXPECT_EQ(excerpt(rendered(std::string("x = 3\0;", 7), 1, 6, 7)), "    1 | x = 3␀;\n      |      ^\n");
}

TEST(Render, LongLineIsCutAroundTheRange) {
  std::string line = std::string(400, 'a');
  line[200] = 'X';
  std::string out = excerpt(rendered(line, 1, 201, 202));
  // 60 characters before the range, 160 shown, `…` at each cut.
  std::string shown = "…" + std::string(60, 'a') + "X" + std::string(99, 'a') + "…";
  EXPECT_EQ(out, "    1 | " + shown + "\n      | " + std::string(61, ' ') + "^\n");
}

TEST(Render, LongLineEndShownWhenTheRangeIsNearIt) {
  std::string line = std::string(299, 'a') + "Z";
  std::string out = excerpt(rendered(line, 1, 300, 301));
  std::string shown = "…" + std::string(159, 'a') + "Z";
  EXPECT_EQ(out, "    1 | " + shown + "\n      | " + std::string(160, ' ') + "^\n");
}

TEST(Render, RangeLongerThanTheShownPartIsUnderlinedToItsEnd) {
  std::string line = std::string(400, 'b');
  std::string out = excerpt(rendered(line, 1, 1, 400));
  EXPECT_EQ(out, "    1 | " + std::string(160, 'b') + "…\n      | ^" + std::string(159, '~') + "\n");
}

} // namespace
