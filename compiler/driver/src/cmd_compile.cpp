// Driver stage: `loge compile POLITIQUE -o DOSSIER` — ahead-of-time
// artifact (object file + C header) for programs that embed a policy
// without LLVM (docs/embedding-aot.md).
#include "driver.h"
#include "loge/jit/aot.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace loge::driver {

namespace {
namespace fs = std::filesystem;

// Writes through a temporary file renamed at the end: a half-written
// artifact never sits where a build expects a complete one.
bool writeFile(const fs::path& path, const void* data, std::size_t size) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.good()) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}
} // namespace

int runCompile(const CompileArgs& args, const Options& opts) {
  if (args.cpu != "generic" && args.cpu != "native") {
    fmt::print(stderr, "erreur : --cpu attend generic ou native, pas « {} »\n", args.cpu);
    return kUsageError;
  }
  std::string name = args.name ? *args.name : fs::path(args.policy).stem().string();
  jit::AotOptions options;
  options.prefix = jit::artifactPrefix(name);
  options.policyPath = fs::path(args.policy).filename().string();
  options.cpu = args.cpu;
  if (args.name && options.prefix != "loge_" + *args.name) {
    fmt::print(stderr, "erreur : --nom « {} » n'est pas un identifiant C (lettres ASCII, chiffres, _)\n", *args.name);
    return kUsageError;
  }
  auto c = compile(args.policy, opts, true);
  if (!c) return kPolicyError;
  // The policy's files go into the artifact, root first, so that libloge can
  // load it (loge_policy_load_artifact).
  const SourceFile* root = c->sources.file(c->program->rootFile);
  if (root) options.sources.emplace_back(root->path(), root->text());
  for (FileId id = 0; const SourceFile* f = c->sources.file(id); ++id)
    if (f != root) options.sources.emplace_back(f->path(), f->text());
  jit::AotArtifact artifact;
  std::string why;
  if (!jit::compileAheadOfTime(*c->program, options, artifact, why)) {
    fmt::print(stderr, "{} : compilation impossible : {}\n", args.policy, why);
    return kPolicyError;
  }
  std::error_code ec;
  fs::create_directories(args.output, ec);
  if (ec || !fs::is_directory(args.output)) {
    fmt::print(stderr, "erreur : impossible de créer le dossier « {} »\n", args.output);
    return kUsageError; // an output that cannot be written (ligne-de-commande.md, codes de sortie)
  }
  std::string base = options.prefix.substr(5); // without "loge_"
  fs::path object = fs::path(args.output) / (base + ".o");
  fs::path header = fs::path(args.output) / (base + ".h");
  auto written = [](const fs::path& path, const void* data, std::size_t size) {
    if (writeFile(path, data, size)) return true;
    fmt::print(stderr, "erreur : impossible d'écrire « {} »\n", path.string());
    return false;
  };
  if (!written(object, artifact.object.data(), artifact.object.size()) ||
      !written(header, artifact.header.data(), artifact.header.size()))
    return kUsageError; // an output that cannot be written (ligne-de-commande.md, codes de sortie)
  fmt::print("{} : {} et {} (préfixe {})\n", args.policy, object.string(), header.string(), options.prefix);
  return kOk;
}

} // namespace loge::driver
