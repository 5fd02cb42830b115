// Syntax stage (internal): lays a classified token stream out as text, line
// by line: the indentation of each line, the spaces between tokens, and the
// column alignment of barème tables. The rules are listed in format.cpp.
#include "format_tokens.h"

#include "LogeLexer.h"
#include "loge/source/source.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace loge::syntax::internal {

namespace {
using L = loge_antlr::LogeLexer;
constexpr std::size_t kStep = 2;

bool isOpener(const FmtToken& t) { return !t.comment && (t.text == "(" || t.text == "[" || t.text == "{"); }
bool isCloser(const FmtToken& t) { return !t.comment && (t.text == ")" || t.text == "]" || t.text == "}"); }

bool firstOnLine(const std::vector<FmtToken>& toks, std::size_t i) {
  return i == 0 || toks[i - 1].line != toks[i].line;
}

// Whether one space separates two consecutive tokens of the same line.
// Every case that glues two tokens has been checked to lex back into the
// same two tokens (`1..6`, `€/an`, `f(x)`, `-5`); `- -5` keeps its space
// because `--` is a token of its own.
bool spaced(const FmtToken& p, const FmtToken& t) {
  if (t.comment) return true;
  if (p.text == "(" || p.text == "[" || p.text == ".") return false;
  if (t.text == ")" || t.text == "]" || t.text == "," || t.text == "?" || t.text == "." || t.text == "..") return false;
  if (p.text == "..") return t.type != L::INT_LIT;
  if (t.type == L::SLASH_MOIS || t.type == L::SLASH_AN) return false;
  if (t.glued) return false;
  if (p.text == "{" && t.text == "}") return false;
  if (p.unaryMinus) return t.type == L::MINUS;
  return true;
}

std::string join(const std::vector<FmtToken>& toks, std::size_t first, std::size_t last) {
  std::string s = toks[first].text;
  for (std::size_t i = first + 1; i <= last; ++i) {
    if (spaced(toks[i - 1], toks[i])) s += ' ';
    s += toks[i].text;
  }
  return s;
}

struct Line {
  std::size_t first;
  std::size_t last; // inclusive
  bool blankBefore;
};

// The author's line structure: a new line wherever the input had one, and
// one blank line wherever the input had one or more.
std::vector<Line> splitLines(const std::vector<FmtToken>& toks) {
  std::vector<Line> lines;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i > 0 && toks[i].line == toks[i - 1].line) {
      lines.back().last = i;
    } else {
      lines.push_back({i, i, i > 0 && toks[i].line >= toks[i - 1].line + 2});
    }
  }
  return lines;
}

struct AlignedRow {
  std::string text;
  std::size_t last; // last token of the row
};

// Table rows laid out with aligned columns, keyed by their first token. A
// table is aligned only when each of its rows sits alone on one line (an
// end-of-line comment aside); otherwise its cells keep single spaces.
std::unordered_map<std::size_t, AlignedRow> alignTables(const std::vector<FmtToken>& toks) {
  struct Row {
    std::size_t first = SIZE_MAX;
    std::size_t last = 0;
    std::ptrdiff_t table = kNone;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].tableRow == kNone) continue;
    auto r = static_cast<std::size_t>(toks[i].tableRow);
    if (rows.size() <= r) rows.resize(r + 1);
    rows[r].first = std::min(rows[r].first, i);
    rows[r].last = std::max(rows[r].last, i);
    rows[r].table = toks[i].table;
  }

  std::unordered_map<std::ptrdiff_t, bool> alignable;
  for (const Row& row : rows) {
    if (row.first == SIZE_MAX) continue;
    bool alone =
        toks[row.first].line == toks[row.last].line && firstOnLine(toks, row.first) &&
        (row.last + 1 == toks.size() || toks[row.last + 1].line != toks[row.last].line || toks[row.last + 1].comment);
    auto [it, inserted] = alignable.emplace(row.table, alone);
    if (!inserted) it->second = it->second && alone;
  }

  // Cells are split at the row's '|' tokens (a cell never holds one).
  std::vector<std::vector<std::string>> cells(rows.size());
  std::unordered_map<std::ptrdiff_t, std::vector<std::size_t>> widths;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    if (row.first == SIZE_MAX || !alignable[row.table]) continue;
    std::size_t cellStart = row.first;
    for (std::size_t i = row.first; i <= row.last + 1; ++i) {
      if (i <= row.last && toks[i].text != "|") continue;
      cells[r].push_back(join(toks, cellStart, i - 1));
      cellStart = i + 1;
    }
    auto& w = widths[row.table];
    if (w.size() < cells[r].size()) w.resize(cells[r].size(), 0);
    for (std::size_t c = 0; c < cells[r].size(); ++c) w[c] = std::max(w[c], codePointCount(cells[r][c]));
  }

  std::unordered_map<std::size_t, AlignedRow> out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (cells[r].empty()) continue;
    const auto& w = widths[rows[r].table];
    std::string text;
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      if (c > 0) text += " | ";
      text += cells[r][c];
      // No padding after the last cell: it would be a trailing space.
      if (c + 1 < cells[r].size()) text.append(w[c] - codePointCount(cells[r][c]), ' ');
    }
    out.emplace(rows[r].first, AlignedRow{std::move(text), rows[r].last});
  }
  return out;
}

struct Open {
  char kind;          // '(', '[' or '{'
  std::size_t indent; // indentation of the line where it was opened
};

// The indentation of a line whose first code token is toks[i], given the
// brackets open at its start. For an own-line comment (`forComment`), the
// token is the next code token, and a closer does not dedent the comment:
// a comment just before `}` belongs to the block's contents.
std::size_t indentOf(const std::vector<FmtToken>& toks, const std::vector<Open>& open, std::size_t i, bool forComment) {
  const FmtToken& t = toks[i];
  bool closer = isCloser(t);
  if (closer && !forComment) return open.empty() ? 0 : open.back().indent;
  std::size_t indent = open.empty() ? 0 : open.back().indent + kStep;
  // Continuation lines exist only where statements do: at the top level and
  // directly inside `{ … }`. Inside ( ) and [ ] the brackets alone indent.
  bool statementLevel = open.empty() || open.back().kind == '{';
  if (!statementLevel || closer || t.startsStatement) return indent;
  indent += kStep;
  // The value of a `depuis` clause that starts its own line (a table, most
  // often) is indented one step further than that clause.
  if (t.clause != kNone) {
    auto depuis = static_cast<std::size_t>(t.clause);
    if (depuis != i && firstOnLine(toks, depuis)) indent += kStep;
  }
  // A table row continued on the next line: one step more than the row, so
  // that the continuation does not read as a row of its own.
  if (t.tableRow != kNone)
    for (std::size_t j = i; j-- > 0;) {
      if (toks[j].comment) continue;
      if (toks[j].tableRow == t.tableRow) indent += kStep;
      break;
    }
  return indent;
}
// Whether the `{` at toks[brace] opens the arms of a `selon`, an
// expression, rather than the block of a declaration. A declaration's block
// opened on a continuation line (a header split after a long title) indents
// from its statement; a `selon` split after `=` indents from its own line.
bool insideSelon(const std::vector<FmtToken>& toks, std::size_t brace) {
  for (std::size_t j = brace; j-- > 0;) {
    if (toks[j].comment) continue;
    if (toks[j].type == L::SELON) return true;
    if (toks[j].startsStatement) return false;
  }
  return false;
}
} // namespace

std::string layout(const std::vector<FmtToken>& toks) {
  std::unordered_map<std::size_t, AlignedRow> rows = alignTables(toks);
  std::vector<Open> open;
  std::string out;
  for (const Line& line : splitLines(toks)) {
    std::size_t indent = 0;
    if (toks[line.first].comment) {
      std::size_t next = line.first;
      while (next < toks.size() && toks[next].comment) ++next;
      if (next < toks.size()) indent = indentOf(toks, open, next, true);
    } else {
      indent = indentOf(toks, open, line.first, false);
    }

    if (line.blankBefore && !out.empty()) out += '\n';
    out.append(indent, ' ');
    if (auto row = rows.find(line.first); row != rows.end()) {
      out += row->second.text;
      if (row->second.last < line.last) out += ' ' + join(toks, row->second.last + 1, line.last);
    } else {
      out += join(toks, line.first, line.last);
    }
    out += '\n';

    for (std::size_t i = line.first; i <= line.last; ++i) {
      if (isOpener(toks[i])) {
        std::size_t base = indent;
        if (toks[i].text[0] == '{' && (open.empty() || open.back().kind == '{') && !insideSelon(toks, i))
          base = std::min(indent, open.empty() ? std::size_t{0} : open.back().indent + kStep);
        open.push_back({toks[i].text[0], base});
      } else if (isCloser(toks[i]) && !open.empty()) {
        open.pop_back();
      }
    }
  }
  return out;
}

} // namespace loge::syntax::internal
