// JIT stage: what an ahead-of-time artifact carries for libloge to load it
// (`loge_policy_load_artifact`), and reading it back.
//
// `loge compile` embeds a manifest in NAME.o as the constant
// `loge_NAME_manifest`: the policy's source files (so libloge knows its
// names, labels and motifs, and locates evaluation errors), the target it
// was compiled for, and a fingerprint of the record and result layouts the
// code was generated for. libloge checks the sources again, recomputes the
// fingerprint and links the object in memory (jit::Engine::load): the
// policy is evaluated by the artifact's code, without generating or
// optimising any. No LLVM type appears in this header.
#pragma once

#include "loge/ir/program.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace loge::jit {

struct ArtifactManifest {
  std::uint32_t abiVersion = 0; // LOGE_AOT_ABI_VERSION of the compiler that wrote it
  std::string logeVersion;      // "0.1.0"
  std::string prefix;           // "loge_grille"
  std::string policyPath;       // the root file's name, as in the C header
  std::string triple;           // LLVM target triple
  std::string cpu;              // "generic" or "native"
  std::string features;         // for "native": "+avx2,+bmi2,-avx512f,…"
  std::uint64_t layoutHash = 0; // layoutFingerprint() at compile time
  // The policy's files as the compiler read them (path, text), root first.
  std::vector<std::pair<std::string, std::string>> files;
};

// The manifest's bytes ("LOGEART2", then its fields), its digest zero.
std::vector<std::uint8_t> writeManifest(const ArtifactManifest& manifest);

// Writes the digest of `object` (the emitted object file) into its copy of
// `manifest`, so that readArtifact refuses the object once any byte of it
// changes. False when the manifest is not found exactly once.
bool sealArtifact(std::vector<std::uint8_t>& object, const std::vector<std::uint8_t>& manifest);

// Reads the manifest of an object file written by `loge compile`. Returns
// false and sets `why` (French) when the bytes are not such an object (not
// an object file, no manifest, a damaged one, a digest that does not match
// the bytes), or it was built for another processor architecture. Does not check the layouts (see Engine::load).
bool readArtifact(const std::vector<std::uint8_t>& object, ArtifactManifest& out, std::string& why);

// A fingerprint of everything the generated code assumes about its inputs
// and outputs: the record layouts, enumeration codes and result layout
// (those of the C header `loge compile` writes).
std::uint64_t layoutFingerprint(const ir::Program& program, const std::string& prefix, const std::string& policyPath);

} // namespace loge::jit
