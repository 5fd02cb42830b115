// JIT stage: ahead-of-time compilation. The same generated and optimised
// module as the JIT, written as a relocatable object file with the
// policy's parameter tables embedded, plus a C header describing the
// record layout and entry points (loge/rt/aot.h is the runtime side).
// No LLVM type appears in this header.
#pragma once

#include "loge/ir/program.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace loge::jit {

struct AotOptions {
  std::string prefix;     // C identifier prefixing every symbol, e.g. "loge_grille"
  std::string policyPath; // quoted in the header
  // Target CPU: "generic" (runs on any x86-64) or "native" (this machine's
  // features; the artifact may not run elsewhere).
  std::string cpu = "generic";
  // The policy's files (path, text), root first: embedded in the artifact's
  // manifest (loge/jit/artifact.h) so that libloge can load it.
  std::vector<std::pair<std::string, std::string>> sources;
};

struct AotArtifact {
  std::vector<std::uint8_t> object; // ELF relocatable object, position independent
  std::string header;
};

// Returns false and sets `why` (French) when the program uses a construct
// the compiled engine does not support, or LLVM fails.
bool compileAheadOfTime(const ir::Program& program, const AotOptions& options, AotArtifact& artifact, std::string& why);

// `name` as a C identifier usable as a prefix ("grille-exemple" →
// "loge_grille_exemple").
std::string artifactPrefix(const std::string& name);

} // namespace loge::jit
