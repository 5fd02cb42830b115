// Impact stage (internal): a small JSON writer whose numbers are written
// from their exact decimal text (no binary floating point on the way).
#pragma once

#include "loge/numeric/decimal.h"

#include <cstddef>
#include <string>
#include <vector>

namespace loge::impact::internal {

class JsonWriter {
public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(const std::string& k);
  JsonWriter& value(const std::string& s);
  JsonWriter& value(const char* s) { return value(std::string(s)); }
  JsonWriter& value(num::Decimal d);
  JsonWriter& value(std::size_t n);
  JsonWriter& value(bool b);
  JsonWriter& null();
  std::string str() const { return out_ + "\n"; }

private:
  void separate();
  void raw(const std::string& text);
  std::string out_;
  struct Level {
    bool first = true, object = false;
  };
  std::vector<Level> levels_;
  bool afterKey_ = false;
};

} // namespace loge::impact::internal
