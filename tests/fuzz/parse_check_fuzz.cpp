// Fuzz target: the parser and the type checker on arbitrary bytes.
//
// The input is a policy file's content. What SourceManager::load refuses
// before parsing (invalid UTF-8, more than 16 Mio) is refused here too; the
// rest goes through syntax::parse and sema::checkFile, and the diagnostics
// are rendered (their locations must lie inside the file). A crash, a
// sanitizer report, a stack overflow or a hang is a finding. The run uses
// the main thread's ordinary stack (8 Mio), as a library user would.
#include "loge/diag/render.h"
#include "loge/interp/interp.h"
#include "loge/sema/check.h"
#include "loge/source/source.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size > loge::SourceManager::kMaxFileBytes || loge::findInvalidUtf8(text)) return 0;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
  // Imports of devices and kernel files are not followed: reading them is
  // bounded by SourceManager::load (tests/e2e/bad_inputs.py) and would only
  // slow the fuzzer down, or block it on /dev/stdin.
  if (text.find("/dev") != std::string_view::npos || text.find("/proc") != std::string_view::npos ||
      text.find("/sys") != std::string_view::npos)
    return 0;
  loge::SourceManager sources;
  loge::DiagnosticEngine diags;
  // A relative path: imports resolve under a folder that does not exist.
  const loge::SourceFile& file = sources.addVirtual("fuzz-inexistant/politique.loge", std::string(text));
  std::unique_ptr<loge::ir::Program> program = loge::sema::checkFile(file, sources, diags);
  std::string rendered = loge::renderAll(diags.diagnostics(), sources, loge::DiagStyle::Full);
  (void)rendered;
  // A checked program must be accepted by the interpreter's constructor.
  if (program) loge::interp::Interpreter interp(*program);
  return 0;
}
