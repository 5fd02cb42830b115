// libloge (internal): records as the evaluation sees them.
#pragma once

#include "boundary.h"

#include "loge/ingest/ingest.h"

namespace loge::capi {

// The record's validated value: its own when validated, else read into
// `arena` (LOGE_ERR_DATA when it does not match the schema). Does not
// modify the record, so concurrent evaluations may share it.
interp::Value recordValue(const loge_record& r, interp::Arena& arena);

// An ingest error as an error object (LOGE_ERR_DATA). `Where::Located`:
// with the file, line and column the host gave; `Where::FieldOnly`: for a
// document the library serialised itself (a record built field by field),
// whose positions mean nothing to the host — the field path leads the message.
enum class Where {
  Located,
  FieldOnly
};
std::unique_ptr<loge_error> ingestError(const ingest::IngestError& e, Where where = Where::Located);
// Every problem of one record: the first is the error itself, all are its
// items.
std::unique_ptr<loge_error> ingestErrors(const std::vector<ingest::IngestError>& errors, Where where = Where::Located);

// Checks that `record` is a record of `role` made from the policy `core`.
const loge_record& recordFor(const loge_record* record, const Core& core, loge_role role, const char* name);
// The same for a batch.
const loge_batch& batchFor(const loge_batch* batch, const Core& core, loge_role role, const char* name);

// "demande", "logement"…
const char* roleName(loge_role role);

} // namespace loge::capi
