// Driver stage: `loge check FICHIER…`.
#include "driver.h"

#include <fmt/format.h>

namespace loge::driver {

int runCheck(const std::vector<std::string>& files, const Options& opts) {
  int status = kOk;
  for (const std::string& f : files) {
    auto c = compile(f, opts);
    if (!c) {
      status = kPolicyError;
      continue;
    }
    const ir::Program& p = *c->program;
    fmt::print("{} : correct ({} cotation(s), {} bloc(s) de règles, {} quota(s), {} classement(s), {} test(s))\n", f,
               p.cotations.size(), p.ruleBlocks.size(), p.quotas.size(), p.classements.size(), p.tests.size());
  }
  return status;
}

} // namespace loge::driver
