// Ingest stage: small text helpers (UTF-8 and accent folding from the source
// stage, suggestions, quoting in messages).
#pragma once

#include "loge/numeric/date.h"
#include "loge/source/utf8.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest::detail {

// The UTF-8 helpers of the source stage; data keys and enum values fold
// their accents exactly as policy identifiers do.
using loge::appendUtf8;
using loge::composeAccents;
using loge::foldAccents;
using loge::utf8SequenceLength;

// The candidate closest to `word` by edit distance, when close enough to be
// a likely typo; "" otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// `text` ready to quote inside a message: control characters, quotes and
// backslashes escaped, cut after `maxCodePoints` code points with "…".
std::string quoteForMessage(std::string_view text, std::size_t maxCodePoints = 40);

// "a, b, c" (at most `max` items, then "…").
std::string joinNames(const std::vector<std::string>& names, std::size_t max = 12);

} // namespace loge::ingest::detail
