// Source stage: file loading, UTF-8 validation and line indexing.
#include "loge/source/source.h"
#include "loge/source/utf8.h"

#include <filesystem>
#include <fstream>

namespace loge {

SourceRange SourceRange::cover(const SourceRange& a, const SourceRange& b) {
  if (!a.valid()) return b;
  if (!b.valid()) return a;
  SourceRange r = a;
  if (b.begin < r.begin) r.begin = b.begin;
  if (r.end < b.end) r.end = b.end;
  return r;
}

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(composeAccents(text)) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
  }
}

std::string_view SourceFile::line(std::uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  std::size_t begin = lineStarts_[line - 1];
  std::size_t end = line < lineStarts_.size() ? lineStarts_[line] : text_.size();
  std::string_view v(text_.data() + begin, end - begin);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) { // most of a policy: no call
      ++i;
      continue;
    }
    const std::size_t n = utf8SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::size_t codePointCount(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

const SourceFile* SourceManager::load(const std::string& path, LoadError& error) {
  if (!provided_.empty()) {
    auto it = provided_.find(std::filesystem::path(path).lexically_normal().string());
    if (it == provided_.end()) {
      error.message = "le fichier « " + path + " » n'est pas dans l'artefact";
      return nullptr;
    }
    if (it->second.size() > kMaxFileBytes || findInvalidUtf8(it->second)) {
      error.message = "le fichier « " + path + " » de l'artefact est illisible (trop grand ou pas en UTF-8)";
      return nullptr;
    }
    return &addVirtual(path, it->second);
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error.message = "« " + path + " » est un dossier, pas un fichier de politique";
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error.message = "impossible d'ouvrir le fichier « " + path + " » (absent ou illisible)";
    return nullptr;
  }
  // Never read more than the limit plus one byte: an import of `/dev/zero`
  // (or any endless stream) must end in a diagnostic, not in exhausted memory.
  std::string text;
  char chunk[1 << 14];
  while (text.size() <= kMaxFileBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    error.message = "erreur de lecture du fichier « " + path + " »";
    return nullptr;
  }
  if (text.size() > kMaxFileBytes) {
    error.message = "le fichier « " + path + " » dépasse la taille maximale d'une politique (16 Mio)";
    return nullptr;
  }
  if (auto bad = findInvalidUtf8(text)) {
    std::string_view before(text.data(), *bad);
    Position pos;
    pos.line = 1;
    std::size_t lastNl = before.rfind('\n');
    for (char c : before)
      if (c == '\n') ++pos.line;
    std::string_view lineStart = lastNl == std::string_view::npos ? before : before.substr(lastNl + 1);
    pos.column = static_cast<std::uint32_t>(codePointCount(lineStart) + 1);
    error.message = "le fichier « " + path + " » n'est pas encodé en UTF-8";
    error.position = pos;
    error.shownText = displayable(std::string_view(text).substr(0, text.find('\n', *bad)));
    return nullptr;
  }
  // A leading byte-order mark is legal UTF-8 but would shift every column.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, path, std::move(text)));
  return files_.back().get();
}

const SourceFile& SourceManager::addVirtual(std::string path, std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return *files_.back();
}

void SourceManager::provide(const std::string& path, std::string text) {
  provided_[std::filesystem::path(path).lexically_normal().string()] = std::move(text);
}

const SourceFile* SourceManager::file(FileId id) const { return id < files_.size() ? files_[id].get() : nullptr; }

} // namespace loge
