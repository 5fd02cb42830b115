// Ingest stage: the rows and cells of a CSV text (RFC 4180).
#include "csv_tokens.h"

#include "text.h"

#include <fmt/format.h>

#include <algorithm>

namespace loge::ingest::detail {

CsvTokenizer::CsvTokenizer(std::string_view text, char separator) : text_(text), separator_(separator) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

char CsvTokenizer::detectSeparator(std::string_view text) {
  std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool quoted = false, semicolon = false, comma = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ';') semicolon = true;
    if (c == ',') comma = true;
  }
  if (semicolon && comma) return 0;
  return semicolon ? ';' : ',';
}

CsvTokenizer::Status CsvTokenizer::fail(std::size_t offset, std::size_t cell, std::string message) {
  error_.line = line_;
  error_.column = columnOf(offset);
  error_.cell = cell;
  error_.message = std::move(message);
  return Status::Error;
}

bool CsvTokenizer::checkText(std::size_t from, std::size_t to, std::size_t cell) {
  for (std::size_t i = from; i < to;) {
    const auto byte = static_cast<unsigned char>(text_[i]);
    if (byte < 0x80) {
      // As in JSON Lines: a control character (a NUL…) is not text. A
      // quoted cell may hold line breaks and tabs.
      if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
        fail(i, cell, fmt::format("caractère de contrôle U+{:04X} dans une cellule", byte));
        return false;
      }
      ++i;
      continue;
    }
    const std::size_t n = utf8SequenceLength(text_, i);
    if (n == 0 || i + n > to) {
      fail(i, cell,
           fmt::format("texte invalide : l'octet 0x{:02X} n'est pas de l'UTF-8 valide (enregistrer le "
                       "fichier en UTF-8)",
                       byte));
      return false;
    }
    i += n;
  }
  return true;
}

CsvTokenizer::Status CsvTokenizer::next(std::vector<CsvCell>& cells) {
  cells.clear();
  // Skip empty lines.
  for (;;) {
    if (pos_ >= text_.size()) return Status::End;
    std::size_t end = pos_;
    if (text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n') ++end;
    if (text_[end] != '\n') break;
    pos_ = end + 1;
    ++line_;
    lineStart_ = pos_;
  }
  for (;;) {
    CsvCell& cell = cells.emplace_back();
    const std::size_t index = cells.size() - 1;
    cell.line = line_;
    cell.column = columnOf(pos_);
    if (pos_ < text_.size() && text_[pos_] == '"') {
      cell.quoted = true;
      ++pos_;
      const std::size_t openLine = line_, openColumn = cell.column;
      for (;;) {
        if (pos_ >= text_.size()) {
          error_.line = openLine;
          error_.column = openColumn;
          error_.cell = index;
          error_.message = "guillemet fermant manquant : la cellule ouverte ici se poursuit jusqu'à la fin du fichier";
          return Status::Error;
        }
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            cell.text += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') ++pos_;
        if (!checkText(start, pos_, index)) return Status::Error;
        cell.text.append(text_.substr(start, pos_ - start));
        if (pos_ < text_.size() && text_[pos_] == '\n') {
          cell.text += '\n';
          ++pos_;
          ++line_;
          lineStart_ = pos_;
        }
      }
      // After the closing quote: a separator, the end of the row or of the text.
      if (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' &&
          !(text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))
        return fail(pos_, index,
                    fmt::format("caractère « {} » après le guillemet fermant d'une cellule (un guillemet dans une "
                                "cellule entre guillemets s'écrit \"\")",
                                quoteForMessage(
                                    text_.substr(pos_, std::max<std::size_t>(1, utf8SequenceLength(text_, pos_))))));
    } else {
      const std::size_t start = pos_;
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == separator_ || c == '\n') break;
        if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') break;
        if (c == '"')
          return fail(pos_, index,
                      "guillemet dans une cellule qui ne commence pas par un guillemet (entourer la cellule de "
                      "guillemets et doubler celui-ci : \"\")");
        if (c == '\r') return fail(pos_, index, "retour chariot isolé dans une cellule");
        ++pos_;
      }
      if (!checkText(start, pos_, index)) return Status::Error;
      cell.text.assign(text_.substr(start, pos_ - start));
    }
    if (pos_ >= text_.size()) return Status::Row;
    if (text_[pos_] == separator_) {
      ++pos_;
      continue;
    }
    // End of the row.
    if (text_[pos_] == '\r') ++pos_;
    ++pos_; // '\n'
    ++line_;
    lineStart_ = pos_;
    return Status::Row;
  }
}

} // namespace loge::ingest::detail
