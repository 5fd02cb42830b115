// Driver stage (internal): where `loge diff` reads a policy version from —
// a file, or `RÉVISION:chemin` in the git repository of the working
// directory. A revision's policy files (every `.loge` file of that
// revision, so that its imports resolve as they did then) are extracted to
// a temporary directory that lives as long as the PolicySource.
#pragma once

#include <string>

namespace loge::driver {

class PolicySource {
public:
  PolicySource() = default;
  PolicySource(const PolicySource&) = delete;
  PolicySource& operator=(const PolicySource&) = delete;
  ~PolicySource();

  // Resolves `spec`; on failure prints a French error and returns false.
  bool resolve(const std::string& spec);

  const std::string& path() const { return path_; }   // the file to compile
  const std::string& title() const { return title_; } // as the user wrote it
  bool fromGit() const { return !tempDir_.empty(); }

private:
  std::string path_, title_, tempDir_;
};

} // namespace loge::driver
