// Impact stage (internal): the JSON writer, indented by two spaces.
#include "json_writer.h"

#include <fmt/format.h>

namespace loge::impact::internal {

void JsonWriter::separate() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (!levels_.back().first) out_ += ",";
  levels_.back().first = false;
  out_ += "\n" + std::string(2 * levels_.size(), ' ');
}

void JsonWriter::raw(const std::string& text) {
  separate();
  out_ += text;
}

JsonWriter& JsonWriter::beginObject() {
  raw("{");
  levels_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  bool empty = levels_.back().first;
  levels_.pop_back();
  if (!empty) out_ += "\n" + std::string(2 * levels_.size(), ' ');
  out_ += "}";
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  raw("[");
  levels_.push_back({true, false});
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  bool empty = levels_.back().first;
  levels_.pop_back();
  if (!empty) out_ += "\n" + std::string(2 * levels_.size(), ' ');
  out_ += "]";
  return *this;
}

namespace {
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}
} // namespace

JsonWriter& JsonWriter::key(const std::string& k) {
  separate();
  out_ += quoted(k) + ": ";
  afterKey_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(const std::string& s) {
  raw(quoted(s));
  return *this;
}
JsonWriter& JsonWriter::value(num::Decimal d) {
  raw(d.toString());
  return *this;
}
JsonWriter& JsonWriter::value(std::size_t n) {
  raw(std::to_string(n));
  return *this;
}
JsonWriter& JsonWriter::value(bool b) {
  raw(b ? "true" : "false");
  return *this;
}
JsonWriter& JsonWriter::null() {
  raw("null");
  return *this;
}

} // namespace loge::impact::internal
