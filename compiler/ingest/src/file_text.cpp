// Ingest stage: reading a whole input file into memory, with a size limit.
#include "file_text.h"

#include "line_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace loge::ingest::detail {

bool readWholeFile(const std::string& path, std::size_t limit, std::string& text, std::string& problem) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    problem = "impossible d'ouvrir le fichier : " + fileErrorReason(errno);
    return false;
  }
  text.clear();
  char chunk[1 << 16];
  bool tooBig = false, failed = false;
  for (;;) {
    errno = 0;
    const std::size_t n = std::fread(chunk, 1, sizeof chunk, file);
    if (n == 0) {
      failed = std::ferror(file) != 0;
      break;
    }
    if (text.size() + n > limit) {
      tooBig = true;
      break;
    }
    text.append(chunk, n);
  }
  const int readErrno = errno;
  std::fclose(file);
  if (failed) {
    problem = "lecture du fichier impossible : " + fileErrorReason(readErrno != 0 ? readErrno : EIO);
    return false;
  }
  if (tooBig) {
    problem = fmt::format("fichier trop volumineux (plus de {} octets)", limit);
    return false;
  }
  return true;
}

void lineColumn(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column) {
  offset = std::min(offset, text.size());
  line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  column = offset - lineStart + 1;
}

} // namespace loge::ingest::detail
