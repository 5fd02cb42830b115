// Driver stage: writing output files (OutputFile, driver.h).
#include "driver.h"

#include <filesystem>

namespace loge::driver {

namespace fs = std::filesystem;

bool OutputFile::open(const std::string& path) {
  std::error_code ec;
  target_ = path;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    fs::path resolved = fs::canonical(path, ec);
    if (!ec) target_ = resolved.string();
  }
  const fs::file_status status = fs::status(target_, ec);
  const bool direct = fs::exists(status) && !fs::is_regular_file(status);
  tmp_ = direct ? std::string() : target_ + ".loge.tmp";
  file_ = std::fopen(direct ? target_.c_str() : tmp_.c_str(), "wb");
  return file_ != nullptr;
}

bool OutputFile::close() {
  if (!file_) return false;
  bool ok = std::fflush(file_) == 0 && !std::ferror(file_);
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  std::error_code ec;
  if (tmp_.empty()) return ok;
  if (ok) fs::rename(tmp_, target_, ec);
  if (!ok || ec) fs::remove(tmp_, ec);
  const bool done = ok && !ec;
  tmp_.clear();
  return done;
}

OutputFile::~OutputFile() {
  if (!file_) return;
  std::fclose(file_);
  std::error_code ec;
  if (!tmp_.empty()) fs::remove(tmp_, ec);
}

bool writeFileAtomically(const std::string& path, const std::string& content) {
  OutputFile out;
  if (!out.open(path)) return false;
  std::fwrite(content.data(), 1, content.size(), out.get());
  return out.close();
}

bool sameFile(const std::string& output, const std::vector<std::string>& inputs) {
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!in.empty() && fs::equivalent(output, in, ec) && !ec) return true;
  }
  return false;
}

} // namespace loge::driver
