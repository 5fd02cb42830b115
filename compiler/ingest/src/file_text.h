// Ingest stage: reading a whole input file into memory, with a size limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace loge::ingest::detail {

// Reads `path` into `text`. On failure returns false with `problem` in
// French ("impossible d'ouvrir le fichier : fichier introuvable", "fichier
// trop volumineux (plus de N octets)").
bool readWholeFile(const std::string& path, std::size_t limit, std::string& text, std::string& problem);

// When the start of a file is UTF-16 (a byte order mark, or the zero bytes
// of ASCII text in UTF-16: Excel's « Texte Unicode »), the French problem;
// else "". Read as UTF-8, such a file gives misleading errors (a stray
// carriage return, a control character U+0000).
std::string utf16Problem(std::string_view head);

// The 1-based line and byte column of `offset` within `text`.
void lineColumn(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column);

} // namespace loge::ingest::detail
