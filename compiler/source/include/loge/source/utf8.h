// Source stage: UTF-8 helpers shared by the stages that read text (policy
// sources, data files): strict sequence validation, encoding, and the accent
// folding by which identifiers, data keys and enum values compare.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace loge {

// Length of the valid UTF-8 sequence starting at text[pos] (1 to 4), or 0
// when the bytes there are not valid UTF-8 (bad lead byte, truncated
// sequence, overlong form, surrogate, beyond U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

// The code point at text[pos] and, in `length`, its length in bytes; bytes
// that are not valid UTF-8 decode one at a time as U+FFFD (the replacement
// character), so that a reader always moves on.
char32_t decodeUtf8(std::string_view text, std::size_t pos, std::size_t& length);

// `text` with each byte that is not valid UTF-8 replaced by U+FFFD (`�`), and
// each control character but the tab and the line feed shown as its Unicode picture (U+2400
// `␀` for NUL…): what a diagnostic may print of a source line.
std::string displayable(std::string_view text);

// Appends code point `cp` (not a surrogate, <= U+10FFFF) as UTF-8.
void appendUtf8(std::string& out, char32_t cp);

// Accent folding: the Latin-1 and Latin Extended-A letters used in French
// map to their base letter (`é` → `e`, `Ç` → `C`), case is kept. A byte that
// is not valid UTF-8 is kept as it is (callers validate beforehand).
void foldAccents(std::string_view text, std::string& out);
std::string foldAccents(std::string_view text);

// `text` with each Latin letter followed by a combining accent (the
// decomposed form macOS, PDF copies and some exports write: `e` then
// U+0301) replaced by the precomposed letter (`é`), for the letters of
// Latin-1 and Latin Extended-A: so that a text typed either way compares
// equal, and a policy reads the same. Everything else is kept byte for byte.
std::string composeAccents(std::string_view text);

} // namespace loge
