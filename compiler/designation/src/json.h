// Designation stage (internal): a small JSON builder that keeps numbers
// exact (decimals are written from their exact text, never through double)
// and prints with two-space indentation, keys in insertion order.
#pragma once

#include "loge/numeric/decimal.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace loge::designation::internal {

class Json {
public:
  static Json object() { return Json(Kind::Object); }
  static Json array() { return Json(Kind::Array); }
  static Json string(const std::string& s);
  static Json number(num::Decimal d) { return raw(d.toString()); }
  static Json number(std::int64_t n) { return raw(std::to_string(n)); }
  static Json boolean(bool b) { return raw(b ? "true" : "false"); }
  static Json null() { return raw("null"); }
  static Json verbatim(std::string jsonText) { return raw(std::move(jsonText)); } // already JSON

  Json& set(const std::string& key, Json v); // objects
  Json& push(Json v);                        // arrays
  bool empty() const { return members_.empty() && items_.empty(); }
  std::string dump() const;

private:
  enum class Kind : std::uint8_t {
    Raw,
    Object,
    Array
  };
  explicit Json(Kind k) : kind_(k) {}
  static Json raw(std::string text) {
    Json j(Kind::Raw);
    j.text_ = std::move(text);
    return j;
  }
  void write(std::string& out, int indent) const;
  Kind kind_;
  std::string text_;
  std::vector<std::pair<std::string, Json>> members_;
  std::vector<Json> items_;
};

} // namespace loge::designation::internal
