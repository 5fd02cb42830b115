// Driver stage (internal): what `loge rank`, `quota` and `position` share —
// reading the data files and the evaluation date, with French errors.
#pragma once

#include "driver.h"
#include "loge/designation/designation.h"
#include "loge/ingest/ingest.h"

namespace loge::driver {

// --date, else today (system clock); an error when outside the policy's
// effective period.
std::optional<num::Date> dateOrToday(const ir::Program& p, const std::string& option);

// The struct of a schema role, or an error naming the role the verb needs.
std::optional<std::uint32_t> roleStruct(const ir::Program& p, ir::Role role, const char* verb);

// A JSON Lines file (readOne, driver.h, reads one object); errors printed on
// stderr (file, line, column, field).
bool readMany(const ir::Program& p, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
              ingest::Dataset& out, const char* what);

// Attributions are identified by their id: two lines with the same id are
// refused (the same attribution counted twice would skew every quota).
bool checkDistinctIds(const ingest::Dataset& data, const std::string& path, const char* what);

// "note : …" when `auto` fell back to the interpreter.
void printEngineNote(const std::string& note);

// The compiled engine for `rank` and `position`, built with the object
// cache (jitOptions); null for `--engine interp`, or when it cannot be
// built: the designation stage then builds its own, and says why.
std::unique_ptr<jit::Engine> cachedEngine(const ir::Program& p, designation::Engine engine, const Options& opts);

} // namespace loge::driver
