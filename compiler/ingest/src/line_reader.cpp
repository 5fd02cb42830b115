// Ingest stage: reading a file line by line with bounded memory.
#include "line_reader.h"

#include <cerrno>
#include <cstring>

namespace loge::ingest::detail {

namespace {
// Bytes read per system call (beyond the longest line kept).
constexpr std::size_t kChunk = std::size_t{1} << 18;
} // namespace

std::string fileErrorReason(int code) {
  switch (code) {
  case ENOENT: return "fichier introuvable";
  case EACCES:
  case EPERM: return "accès refusé";
  case EISDIR: return "c'est un répertoire, pas un fichier";
  case ENOTDIR: return "un élément du chemin n'est pas un répertoire";
  case EMFILE:
  case ENFILE: return "trop de fichiers ouverts";
  case EIO: return "erreur d'entrée-sortie";
  default: return std::strerror(code);
  }
}

LineReader::LineReader(std::size_t maxLineBytes) : maxLine_(maxLineBytes) {}

LineReader::~LineReader() {
  if (file_ != nullptr) std::fclose(file_);
}

bool LineReader::open(const std::string& path, std::string& error) {
  errno = 0;
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    error = fileErrorReason(errno);
    return false;
  }
  // A line of maxLine_ bytes plus "\r\n" always fits after compaction,
  // with room left for a full chunk.
  buffer_.resize(maxLine_ + 2 + kChunk);
  return true;
}

bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) { // compact: keep only the unfinished line
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scanned_ -= begin_;
    begin_ = 0;
  }
  const std::size_t room = buffer_.size() - end_;
  errno = 0;
  const std::size_t n = std::fread(buffer_.data() + end_, 1, room, file_);
  end_ += n;
  if (n == 0) {
    eof_ = true;
    if (std::ferror(file_) != 0) {
      error_ = fileErrorReason(errno != 0 ? errno : EIO);
      return false;
    }
    return false;
  }
  return true;
}

LineReader::Status LineReader::skipRestOfLine() {
  // Drop everything up to the next "\n", reading chunk by chunk — but not
  // forever: a stream without line breaks (/dev/zero, a binary file, a
  // device) would be read to the end of time with flat memory.
  std::size_t skipped = 0;
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + begin_, '\n', end_ - begin_);
    if (nl != nullptr) {
      begin_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1;
      scanned_ = begin_;
      return Status::TooLong;
    }
    skipped += end_ - begin_;
    if (skipped > kMaxSkippedBytes) {
      error_ = "une ligne de plus de 256 Mio, sans fin de ligne : ce n'est pas un fichier de lignes JSON";
      return Status::Error;
    }
    begin_ = end_ = scanned_ = 0;
    if (!fill()) return error_.empty() ? Status::TooLong : Status::Error;
  }
}

LineReader::Status LineReader::next(std::string_view& line) {
  if (file_ == nullptr) return Status::End;
  for (;;) {
    const void* nl = std::memchr(buffer_.data() + scanned_, '\n', end_ - scanned_);
    std::size_t lineEnd = 0;
    if (nl != nullptr) {
      lineEnd = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
    } else if (end_ - begin_ > maxLine_ + 1) { // + 1: a final "\r" does not count
      ++line_;
      return skipRestOfLine();
    } else {
      scanned_ = end_;
      if (fill()) continue;
      if (!error_.empty()) return Status::Error;
      if (begin_ == end_) return Status::End;
      lineEnd = end_; // last line, without "\n"
    }
    ++line_;
    const std::size_t start = begin_;
    begin_ = scanned_ = lineEnd < end_ ? lineEnd + 1 : end_;
    std::size_t length = lineEnd - start;
    if (length > 0 && buffer_[start + length - 1] == '\r') --length;
    if (length > maxLine_) return Status::TooLong;
    line = std::string_view(buffer_.data() + start, length);
    return Status::Line;
  }
}

} // namespace loge::ingest::detail
