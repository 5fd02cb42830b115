// Source stage: policy files held in memory and positions inside them.
//
// Positions are 1-based lines and 1-based columns counted in Unicode code
// points (what a jurist sees in an editor), never in bytes. A SourceRange is
// half-open: `end` is the position just after the last character.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loge {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xFFFFFFFF;

struct Position {
  std::uint32_t line = 0;   // 1-based; 0 means "unknown"
  std::uint32_t column = 0; // 1-based, in code points

  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct SourceRange {
  FileId file = kNoFile;
  Position begin;
  Position end;

  bool valid() const { return file != kNoFile && begin.line != 0; }
  // The smallest range covering both (same file assumed).
  static SourceRange cover(const SourceRange& a, const SourceRange& b);
};

// One loaded file. Its text is valid UTF-8 (checked when loaded).
class SourceFile {
public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(lineStarts_.size()); }
  // The text of a 1-based line, without its line terminator.
  std::string_view line(std::uint32_t line) const;

private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::size_t> lineStarts_;
};

// Where a file could not be read, why, in French.
struct LoadError {
  std::string message;
  // For a UTF-8 error: where the first invalid byte is, and the file's text
  // up to the end of that line with the invalid bytes shown as `�` (for
  // the diagnostic's excerpt).
  std::optional<Position> position;
  std::string shownText;
};

// Owns every file of a compilation. Files are never unloaded, so references
// and FileIds stay valid for the manager's lifetime.
class SourceManager {
public:
  // Reads a file from disk; an error when it is missing, unreadable, too big
  // or not UTF-8.
  const SourceFile* load(const std::string& path, LoadError& error);
  // Registers text that did not come from disk (tests, the C API).
  const SourceFile& addVirtual(std::string path, std::string text);
  // Serves `load(path)` from memory: the files of a policy carried inside
  // an ahead-of-time artifact are checked without reading the disk. Paths
  // match after lexical normalisation (`a/../b.loge` is `b.loge`). Once a
  // file is provided, `load` never reads the disk: a path not provided is
  // an error.
  void provide(const std::string& path, std::string text);
  const SourceFile* file(FileId id) const;

  // Policy files larger than this are refused: a policy is a legal text, not
  // a data set; this also bounds the parser's memory.
  static constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;

private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::map<std::string, std::string> provided_; // by normalised path
};

// Returns the byte offset of the first invalid UTF-8 sequence, if any.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);
// Number of code points in valid UTF-8 text.
std::size_t codePointCount(std::string_view text);

} // namespace loge
