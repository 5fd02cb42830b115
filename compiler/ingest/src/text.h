// Ingest stage: small text helpers (UTF-8, accent folding, suggestions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest::detail {

// Length of the valid UTF-8 sequence starting at text[pos] (1 to 4), or 0
// when the bytes there are not valid UTF-8 (bad lead byte, truncated
// sequence, overlong form, surrogate, beyond U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

// Appends code point `cp` (not a surrogate, <= U+10FFFF) as UTF-8.
void appendUtf8(std::string& out, char32_t cp);

// Accent folding as the language folds identifiers (loge::ast::foldName):
// Latin-1 and Latin Extended-A letters used in French map to their base
// letter, case is kept. `text` must be valid UTF-8.
void foldAccents(std::string_view text, std::string& out);

// The candidate closest to `word` by edit distance, when close enough to be
// a likely typo; "" otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// `text` ready to quote inside a message: control characters, quotes and
// backslashes escaped, cut after `maxCodePoints` code points with "…".
std::string quoteForMessage(std::string_view text, std::size_t maxCodePoints = 40);

// "a, b, c" (at most `max` items, then "…").
std::string joinNames(const std::vector<std::string>& names, std::size_t max = 12);

} // namespace loge::ingest::detail
