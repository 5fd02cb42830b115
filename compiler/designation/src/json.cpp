// Designation stage (internal): the JSON builder.
#include "json.h"

#include <fmt/format.h>

namespace loge::designation::internal {

namespace {
std::string quote(const std::string& s) {
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

Json Json::string(const std::string& s) { return raw(quote(s)); }

Json& Json::set(const std::string& key, Json v) {
  members_.emplace_back(key, std::move(v));
  return *this;
}

Json& Json::push(Json v) {
  items_.push_back(std::move(v));
  return *this;
}

void Json::write(std::string& out, int indent) const {
  std::string pad(static_cast<std::size_t>(indent + 2), ' '), end(static_cast<std::size_t>(indent), ' ');
  switch (kind_) {
  case Kind::Raw: out += text_; return;
  case Kind::Object:
    if (members_.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    for (std::size_t i = 0; i < members_.size(); ++i) {
      out += pad + quote(members_[i].first) + ": ";
      members_[i].second.write(out, indent + 2);
      out += i + 1 < members_.size() ? ",\n" : "\n";
    }
    out += end + "}";
    return;
  case Kind::Array: {
    if (items_.empty()) {
      out += "[]";
      return;
    }
    // Arrays of scalars stay on one line.
    bool flat = true;
    for (const Json& j : items_) flat = flat && j.kind_ == Kind::Raw;
    if (flat) {
      out += "[";
      for (std::size_t i = 0; i < items_.size(); ++i) out += (i ? ", " : "") + items_[i].text_;
      out += "]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < items_.size(); ++i) {
      out += pad;
      items_[i].write(out, indent + 2);
      out += i + 1 < items_.size() ? ",\n" : "\n";
    }
    out += end + "]";
    return;
  }
  }
}

std::string Json::dump() const {
  std::string out;
  write(out, 0);
  return out + "\n";
}

} // namespace loge::designation::internal
