// Ingest stage: a schema-directed JSON parser.
//
// The parser reads JSON text and builds interp::Values in one pass, guided by
// the expected type: no intermediate DOM, every number kept as its raw text
// until converted exactly, and the byte offset of every value at hand when
// something is wrong. A value that does not fit its field (a wrong type, an
// invalid date, a bound, an unknown or missing field) is reported and its
// text skipped, so one pass reports every such problem of a record, in text
// order; a syntax error stops the reading. One parser is reused for every
// line of a file so its scratch buffers are allocated once.
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest::detail {

// Where the text comes from, for the wording of "unexpected end" errors.
enum class TextKind : std::uint8_t {
  Record,
  Line,
  File
};

struct Failure {
  std::size_t offset = 0; // byte offset in the text
  std::string path;       // JSON path of the field, "" for syntax errors and the whole record
  std::string message;    // French
};

class RecordParser {
public:
  explicit RecordParser(const ir::Program& program) : program_(program) {}

  // At most this many problems are reported for one record.
  static constexpr std::size_t kMaxFailures = 20;

  // Parses `text` as one object of struct `structIndex`. `allowBom` accepts a
  // UTF-8 byte order mark at the start (first line of a file). On failure,
  // `failures` holds the problems found, at least one, in text order.
  bool parse(std::uint32_t structIndex, std::string_view text, TextKind kind, bool allowBom, interp::Arena& arena,
             interp::Value& out, std::vector<Failure>& failures);

private:
  bool parseText(std::uint32_t structIndex, std::string_view text, TextKind kind, bool allowBom, interp::Arena& arena,
                 interp::Value& out, std::vector<Failure>& failures);
  // Structure: objects, lists, dispatch (record_parser.cpp).
  bool parseValue(const ir::Type* type, interp::Value& out, std::size_t depth);
  bool parseObject(std::uint32_t structIndex, interp::Value& out, std::size_t depth);
  bool parseList(const ir::Type* element, interp::Value& out, std::size_t depth);
  // After a problem in the value at `valueOffset`: skips that value and
  // returns true when the reading can go on (the problem was one of meaning).
  bool recover(std::size_t valueOffset, std::size_t depth);
  int findField(const ir::StructDecl& decl, std::size_t hint);
  bool unknownField(const ir::StructDecl& decl, std::size_t keyOffset);
  void pushField(const std::string& name) { path_.push_back({&name, 0}); }
  void pushIndex(std::size_t index) { path_.push_back({nullptr, index}); }
  std::string pathText() const;
  // `text` itself when ASCII, else its accent folding (in folded_).
  std::string_view folded(std::string_view text);

  // Scalars and bounds (scalars.cpp).
  bool parseScalar(const ir::Type* type, interp::Value& out);
  bool parseInteger(std::int64_t& out);
  bool parseDecimal(const ir::Type* type, interp::Value& out);
  bool parseEnum(const ir::Type* type, interp::Value& out);
  bool checkBounds(const ir::FieldDecl& field, const interp::Value& value, std::size_t offset);
  // Reports "attendu <expected>, trouvé <what is at pos_>".
  bool mismatch(const std::string& expected);

  // Tokens (json_tokens.cpp).
  void skipSpace();
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  // Reads a string at pos_. `out` views the text itself when the string has
  // no escape, else `buffer` holding the decoded string.
  bool scanString(std::string& buffer, std::string_view& out);
  bool scanNumber(std::string_view& raw, bool& hasFraction, bool& hasExponent);
  enum class Literal : std::uint8_t {
    True,
    False,
    Null
  };
  bool scanLiteral(Literal& out);
  // Reads past the JSON value at pos_, checking only its syntax.
  bool skipValue(std::size_t depth);
  // What is at pos_, scanned: "le texte \"deux\"", "le nombre 1.5", "un objet"…
  bool describeToken(std::string& out);
  bool invalidValueStart();
  bool unexpectedChar(std::size_t offset, std::string_view expected);
  bool endError();
  bool syntaxError(std::size_t offset, const std::string& gist);

  // Records a problem of meaning at `offset` with the current path; returns
  // false.
  bool fail(std::size_t offset, std::string message);
  // Records a problem after which the text cannot be read further (syntax,
  // encoding, a limit); returns false.
  bool textError(std::size_t offset, std::string message);
  // A limit (depth, length) exceeded at the current path: stops the reading.
  bool limitError(std::size_t offset, std::string message);

  const ir::Program& program_;
  interp::Arena* arena_ = nullptr;
  std::vector<Failure>* failures_ = nullptr;
  bool fatal_ = false; // the last problem stops the reading
  std::string_view text_;
  std::size_t pos_ = 0;
  TextKind kind_ = TextKind::Record;
  // The path of the value being parsed, spelled out only for errors: a
  // field name, or a list index when `name` is null.
  struct PathSegment {
    const std::string* name;
    std::size_t index;
  };
  std::vector<PathSegment> path_;
  std::vector<std::uint8_t> seen_;             // per open object: which fields were given
  std::string_view key_, str_;                 // the last key and string value read
  std::string keyBuffer_, strBuffer_, folded_; // scratch buffers
};

} // namespace loge::ingest::detail
