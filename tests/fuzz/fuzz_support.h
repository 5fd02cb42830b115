// Shared by the fuzz targets: the repository's policies, checked once.
#pragma once

#include "loge/diag/diagnostic.h"
#include "loge/ir/program.h"
#include "loge/source/source.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#ifndef LOGE_REPO_ROOT
#error "LOGE_REPO_ROOT must name the repository root"
#endif

namespace loge::fuzz {

struct Policy {
  std::string name; // relative to the repository root
  SourceManager sources;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Program> program;
};

// Checks a policy of the repository; a policy that does not check is a
// broken fuzz set-up, not a finding: the process exits with a message.
std::unique_ptr<Policy> loadPolicy(const std::string& relative);

// Stops the process on a finding, after printing what to keep.
[[noreturn]] void finding(const std::string& what);

} // namespace loge::fuzz
