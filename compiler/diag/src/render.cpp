// Diagnostics stage: clang-style and one-line rendering.
#include "loge/diag/render.h"

#include "loge/source/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace loge {

namespace {

const char* severityWord(Severity s) {
  switch (s) {
  case Severity::Error: return "erreur";
  case Severity::Warning: return "avertissement";
  case Severity::Note: return "note";
  }
  return "erreur";
}

const char* severityColor(Severity s) {
  switch (s) {
  case Severity::Error: return "\x1b[1;31m";
  case Severity::Warning: return "\x1b[1;35m";
  case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

std::string location(const SourceRange& r, const SourceManager& sm) {
  const SourceFile* f = sm.file(r.file);
  std::string path = f ? f->path() : std::string("<inconnu>");
  if (!r.valid()) return path;
  return fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column);
}

// At most this many characters of a source line are shown: a long line (a
// barème on one line, generated text) is cut around the range, with `…`.
constexpr std::size_t kShownWidth = 160;
constexpr std::size_t kShownBefore = 60; // characters kept before the range

// The source line, then a caret line: '^' under the first character and '~'
// under the rest of the range (to the end of the line for multi-line ranges).
void appendSnippet(std::string& out, const SourceRange& r, const SourceManager& sm, bool color) {
  const SourceFile* f = sm.file(r.file);
  if (!f || !r.valid() || r.begin.line > f->lineCount()) return;
  const std::string line = displayable(f->line(r.begin.line));
  // Byte offset of each character, and one past the end.
  std::vector<std::size_t> at;
  for (std::size_t byte = 0; byte < line.size(); ++byte)
    if ((static_cast<unsigned char>(line[byte]) & 0xC0) != 0x80) at.push_back(byte);
  const std::size_t chars = at.size();
  at.push_back(line.size());
  const std::size_t begin = r.begin.column - 1; // 0-based character index
  std::size_t end = r.end.line == r.begin.line ? r.end.column - 1 : chars;
  if (end <= begin) end = begin + 1;
  std::size_t first = 0, last = chars;
  if (chars > kShownWidth) {
    first = std::min(begin > kShownBefore ? begin - kShownBefore : 0, chars - kShownWidth);
    last = first + kShownWidth;
  }
  const std::string cutBefore = first > 0 ? "…" : "", cutAfter = last < chars ? "…" : "";
  std::string gutter = fmt::format("{:>5}", r.begin.line);
  out += fmt::format("{} | {}{}{}\n", gutter, cutBefore, std::string_view(line).substr(at[first], at[last] - at[first]),
                     cutAfter);
  // Keep tabs so the caret lines up with the text above it.
  std::string marks = first > 0 ? " " : "";
  for (std::size_t c = first; c < begin; ++c) marks += c < chars && line[at[c]] == '\t' ? '\t' : ' ';
  std::string underline = "^";
  for (std::size_t c = begin + 1; c < end && c < std::max(last, begin + 1); ++c) underline += '~';
  if (color) underline = "\x1b[1;32m" + underline + "\x1b[0m";
  out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '), marks, underline);
}

} // namespace

std::string render(const Diagnostic& d, const SourceManager& sm, DiagStyle style, bool color) {
  const DiagKindInfo& k = info(d.kind);
  std::string out;
  if (style == DiagStyle::OneLine) {
    out = fmt::format("{}: {}: {} [{}]", location(d.range, sm), severityWord(d.severity), d.message, k.code);
    if (!d.hint.empty()) out += fmt::format(" (aide : {})", d.hint);
    out += '\n';
    return out;
  }
  if (color) {
    out = fmt::format("\x1b[1m{}: {}{}:\x1b[0m\x1b[1m {} [{}]\x1b[0m\n", location(d.range, sm),
                      severityColor(d.severity), severityWord(d.severity), d.message, k.code);
  } else {
    out = fmt::format("{}: {}: {} [{}]\n", location(d.range, sm), severityWord(d.severity), d.message, k.code);
  }
  appendSnippet(out, d.range, sm, color);
  if (!d.hint.empty()) out += fmt::format("      = aide : {}\n", d.hint);
  for (const DiagNote& n : d.notes) {
    out += fmt::format("{}: note: {}\n", location(n.range, sm), n.message);
    appendSnippet(out, n.range, sm, color);
  }
  return out;
}

std::string renderAll(const std::vector<Diagnostic>& ds, const SourceManager& sm, DiagStyle style, bool color) {
  std::string out;
  for (const Diagnostic& d : ds) out += render(d, sm, style, color);
  return out;
}

std::string summary(const std::vector<Diagnostic>& ds) {
  std::size_t errors = 0, warnings = 0;
  bool truncated = false;
  for (const Diagnostic& d : ds) {
    truncated = truncated || d.kind == DiagKind::TooManyErrors;
    if (d.kind == DiagKind::TooManyErrors) continue;
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  std::string out;
  // French: 0 and 1 take the singular.
  if (errors) out += fmt::format("{} erreur{}", errors, errors > 1 ? "s" : "");
  if (truncated) out += " affichées, d'autres suivent (E0003)";
  if (warnings) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} avertissement{}", warnings, warnings > 1 ? "s" : "");
  }
  return out;
}

} // namespace loge
