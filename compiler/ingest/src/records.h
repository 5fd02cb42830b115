// Ingest stage: what every reader of a file of records shares.
#pragma once

#include "loge/ingest/ingest.h"

#include <string>

namespace loge::ingest::detail {

// The field copied into Dataset::ids: a texte (or texte?) named `id`; -1
// when the struct has none.
int idFieldIndex(const ir::Program& program, std::uint32_t structIndex);

// Appends `record` and its id to `out`.
void appendRecord(Dataset& out, const interp::Value& record, int idIndex, std::size_t line);

// An error about the file as a whole (line 0) or a given place.
IngestError fileError(const std::string& file, std::string message, std::size_t line = 0, std::size_t column = 0);

} // namespace loge::ingest::detail
