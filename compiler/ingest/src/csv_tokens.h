// Ingest stage: the rows and cells of a CSV text (RFC 4180).
//
// Cells are separated by the separator (';' or ','), rows by "\n" or
// "\r\n". A cell that starts with '"' is quoted: it runs to the next lone
// '"' and may hold separators, line breaks and doubled quotes ("" for ").
// A quote inside an unquoted cell, text after a closing quote, and an
// unterminated quoted cell are errors. Every cell must be valid UTF-8. Empty
// lines are skipped. Each cell keeps the line and byte column where it
// starts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest::detail {

struct CsvCell {
  std::string text;                 // unquoted
  std::size_t line = 0, column = 0; // where the cell starts (1-based; column in bytes)
  bool quoted = false;
};

class CsvTokenizer {
public:
  // `text` must outlive the tokenizer; a UTF-8 byte order mark is skipped.
  CsvTokenizer(std::string_view text, char separator);

  enum class Status {
    Row,
    End,
    Error
  };
  // The next non-empty row. On Error, error() says what and where; the
  // tokenizer cannot go further.
  Status next(std::vector<CsvCell>& cells);

  struct Error {
    std::size_t line = 0, column = 0;
    std::size_t cell = 0; // 0-based index of the cell within its row
    std::string message;
  };
  const Error& error() const { return error_; }

  // The separator of the header row: ';' or ',' if only one of them occurs
  // outside quotes on the first line, ',' if neither does; 0 if both do.
  static char detectSeparator(std::string_view text);

private:
  Status fail(std::size_t offset, std::size_t cell, std::string message);
  std::size_t columnOf(std::size_t offset) const { return offset - lineStart_ + 1; }
  // Checks text_[from, to) is UTF-8 without control characters (but tabs
  // and line breaks); on failure records the error.
  bool checkText(std::size_t from, std::size_t to, std::size_t cell);

  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1, lineStart_ = 0;
  Error error_;
};

} // namespace loge::ingest::detail
