// Ingest stage: reading a file line by line with bounded memory.
//
// Lines are returned as views into an internal buffer, valid until the next
// call. A line longer than the limit is skipped without being kept in memory
// whole, so a huge or binary file cannot exhaust memory.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest::detail {

class LineReader {
public:
  explicit LineReader(std::size_t maxLineBytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // False, with a French reason in `error`, when the file cannot be opened.
  bool open(const std::string& path, std::string& error);

  enum class Status {
    Line,
    TooLong,
    End,
    Error
  };
  // The next line, without its "\n" nor a final "\r". TooLong: the line
  // was skipped. Error: reading failed (see error()).
  Status next(std::string_view& line);
  // 1-based number of the line last returned.
  std::size_t lineNumber() const { return line_; }
  const std::string& error() const { return error_; }

private:
  bool fill(); // reads more bytes after end_; false at end of file or on error
  Status skipRestOfLine();

  std::size_t maxLine_;
  static constexpr std::size_t kMaxSkippedBytes = std::size_t{256} << 20;
  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0, scanned_ = 0;
  bool eof_ = false;
  std::size_t line_ = 0;
  std::string error_;
};

// A French explanation of errno `code` for a file that cannot be read.
std::string fileErrorReason(int code);

} // namespace loge::ingest::detail
