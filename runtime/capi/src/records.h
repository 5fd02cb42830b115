// libloge (internal): records as the evaluation sees them.
#pragma once

#include "boundary.h"

#include "loge/ingest/ingest.h"

namespace loge::capi {

// The record's validated value: its own when validated, else read into
// `arena` (LOGE_ERR_DATA when it does not match the schema). Does not
// modify the record, so concurrent evaluations may share it.
interp::Value recordValue(const loge_record& r, interp::Arena& arena);

// An ingest error as an error object (LOGE_ERR_DATA).
std::unique_ptr<loge_error> ingestError(const ingest::IngestError& e);
// Every problem of one record: the first is the error itself, all are its
// items.
std::unique_ptr<loge_error> ingestErrors(const std::vector<ingest::IngestError>& errors);

// Checks that `record` is a record of `role` made from the policy `core`.
const loge_record& recordFor(const loge_record* record, const Core& core, loge_role role, const char* name);
// The same for a batch.
const loge_batch& batchFor(const loge_batch* batch, const Core& core, loge_role role, const char* name);

// "demande", "logement"…
const char* roleName(loge_role role);

} // namespace loge::capi
