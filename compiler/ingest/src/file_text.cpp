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
  problem = utf16Problem(text);
  return problem.empty();
}

std::string utf16Problem(std::string_view head) {
  const bool bom = head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF";
  const bool zeros = head.size() >= 4 && ((head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) ||
                                          (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0));
  if (!bom && !zeros) return "";
  return "fichier encodé en UTF-16 (« Texte Unicode » d'un tableur) : seul l'UTF-8 est accepté ; enregistrez-le en "
         "UTF-8 (« CSV UTF-8 » dans Excel)";
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
