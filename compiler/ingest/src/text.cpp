// Ingest stage: small text helpers (suggestions, quoting in messages).
#include "text.h"

#include "loge/source/edit_distance.h"

#include <algorithm>
#include <cstdint>

namespace loge::ingest::detail {

namespace {

unsigned char byteAt(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

} // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t bestDistance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = editDistance(word, c);
    // A typo: at most 3 edits, and at most a third of the longer word.
    if (d == 0 || d > 3 || d * 3 > std::max(word.size(), c.size())) continue;
    if (best.empty() || d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

std::string quoteForMessage(std::string_view text, std::size_t maxCodePoints) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (count == maxCodePoints) {
      out += "…";
      break;
    }
    const unsigned char c = byteAt(text, i);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c >= 0x80) {
      const std::size_t n = utf8SequenceLength(text, i);
      if (n == 0) { // never happens for validated text; stay safe anyway
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
      ++count;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
    ++count;
  }
  return out;
}

std::string joinNames(const std::vector<std::string>& names, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i == max) {
      out += ", …";
      break;
    }
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

} // namespace loge::ingest::detail
