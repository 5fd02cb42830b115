// Driver stage (internal): policy versions from files or from git history.
#include "policy_source.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace loge::driver {

namespace {
namespace fs = std::filesystem;

// Runs `git args…` (no shell), stdout to `out` when given, stderr discarded.
// Returns git's exit status, or -1 when it could not be started.
int git(const std::vector<std::string>& args, std::string* out = nullptr) {
  int pipefd[2] = {-1, -1};
  if (out && pipe(pipefd) != 0) return -1;
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, 2);
    if (out) {
      dup2(pipefd[1], 1);
      close(pipefd[0]);
      close(pipefd[1]);
    } else if (devnull >= 0) {
      dup2(devnull, 1);
    }
    std::vector<char*> argv;
    static char name[] = "git";
    argv.push_back(name);
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp("git", argv.data());
    _exit(127);
  }
  if (out) {
    close(pipefd[1]);
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
    close(pipefd[0]);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      dup2(devnull, 1);
      dup2(devnull, 2);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}
} // namespace

PolicySource::~PolicySource() {
  if (tempDir_.empty()) return;
  std::error_code ec;
  fs::remove_all(tempDir_, ec);
}

bool PolicySource::resolve(const std::string& spec) {
  title_ = spec;
  std::error_code ec;
  std::size_t colon = spec.find(':');
  if (fs::exists(spec, ec) || colon == std::string::npos || colon == 0) {
    // A file (compile() reports a missing one).
    path_ = spec;
    return true;
  }
  std::string rev = spec.substr(0, colon), file = spec.substr(colon + 1);
  std::string top;
  if (git({"rev-parse", "--show-toplevel"}, &top) != 0) {
    fmt::print(stderr,
               "erreur : « {} » n'est pas un fichier, et le dossier courant n'est pas dans un dépôt git où lire la "
               "révision « {} »\n",
               spec, rev);
    return false;
  }
  top = trimmed(top);
  std::string commit;
  if (git({"rev-parse", "--verify", "--quiet", rev + "^{commit}"}, &commit) != 0) {
    fmt::print(stderr, "erreur : révision git inconnue « {} » (dans « {} »)\n", rev, spec);
    return false;
  }
  commit = trimmed(commit);
  // `git show REV:./x` is relative to the working directory; `REV:x` to the
  // top of the repository. Keep both meanings.
  if (file.rfind("./", 0) == 0 || file.rfind("../", 0) == 0) {
    std::string prefix;
    git({"rev-parse", "--show-prefix"}, &prefix);
    file = (fs::path(trimmed(prefix)) / file).lexically_normal().generic_string();
  }
  if (file.empty() || git({"cat-file", "-e", commit + ":" + file}) != 0) {
    fmt::print(stderr, "erreur : le fichier « {} » n'existe pas dans la révision « {} »\n", file, rev);
    return false;
  }
  char pattern[] = "/tmp/loge-diff-XXXXXX";
  if (!mkdtemp(pattern)) {
    fmt::print(stderr, "erreur : impossible de créer un dossier temporaire pour la révision « {} »\n", rev);
    return false;
  }
  tempDir_ = pattern;
  std::string tar = tempDir_ + "/revision.tar";
  // Every policy file of the revision, so that imports resolve as they did.
  if (git({"-C", top, "archive", "--format=tar", "-o", tar, commit, "--", ":(glob)**/*.loge", file}) != 0 ||
      run({"tar", "-xf", tar, "-C", tempDir_}) != 0) {
    fmt::print(stderr, "erreur : impossible d'extraire les politiques de la révision « {} » (git archive, tar)\n", rev);
    return false;
  }
  fs::remove(tar, ec);
  path_ = tempDir_ + "/" + file;
  return true;
}

} // namespace loge::driver
