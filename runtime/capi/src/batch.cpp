// libloge: batches of demandes (JSON Lines, or records added one by one).
#include "records.h"

#include <fmt/format.h>

#include <fstream>
#include <string_view>

namespace loge::capi {

namespace {

std::unique_ptr<loge_batch> newBatch(const loge_policy* policy, loge_role role) {
  const Core& core = handle(policy, Tag::Policy, "policy").core;
  if (role < LOGE_ROLE_DEMANDE || role > LOGE_ROLE_ATTRIBUTION)
    fail(LOGE_ERR_ARGUMENT, fmt::format("rôle inconnu ({})", static_cast<int>(role)));
  if (!core->program->schema.roles[role])
    fail(LOGE_ERR_UNSUPPORTED, fmt::format("la politique ne déclare pas de schéma pour `{}`", roleName(role)));
  auto b = std::make_unique<loge_batch>();
  b->core = core;
  b->role = role;
  return b;
}

// JSON Lines in memory, read as ingest::readJsonLines reads a file: a byte
// order mark skipped, blank lines skipped, \r\n accepted, every bad line
// reported (the first 20 in detail).
void readLines(loge_batch& b, std::string_view text, const std::string& file) {
  constexpr std::size_t kMaxErrors = 20;
  const ir::Program& p = *b.core->program;
  const std::uint32_t structIndex = p.schema.roles[b.role]->index;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<ingest::IngestError> errors;
  std::size_t failed = 0, lineNo = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::vector<ingest::IngestError> lineErrors;
    interp::Value v;
    bool ok = line.size() <= ingest::kMaxLineBytes;
    if (!ok) {
      ingest::IngestError& e = lineErrors.emplace_back();
      e.message = fmt::format("ligne trop longue ({} octets, {} au plus)", line.size(), ingest::kMaxLineBytes);
      e.column = 1;
    } else {
      ok = ingest::readRecord(p, structIndex, line, b.arena, v, lineErrors);
    }
    if (!ok) {
      // Every problem of the line, counted as one line.
      if (++failed <= kMaxErrors)
        for (ingest::IngestError& e : lineErrors) {
          e.file = file;
          e.line = lineNo;
          errors.push_back(std::move(e));
        }
      continue;
    }
    b.records.push_back(v);
    b.ids.push_back(interp::recordId(p, v));
  }
  if (!failed) return;
  std::vector<std::unique_ptr<loge_error>> items;
  for (const auto& e : errors) items.push_back(ingestError(e));
  if (failed > kMaxErrors)
    items.push_back(
        makeError(LOGE_ERR_DATA, fmt::format("… et {} autre(s) ligne(s) invalide(s)", failed - kMaxErrors)));
  auto err = withItems(std::move(items));
  err->message = fmt::format("{} ligne(s) invalide(s), aucune demande gardée ; la première : {}", failed, err->message);
  throw Failure{std::move(err)};
}

} // namespace

const loge_batch& batchFor(const loge_batch* batch, const Core& core, loge_role role, const char* name) {
  const loge_batch& b = handle(batch, Tag::Batch, name);
  if (b.core != core) fail(LOGE_ERR_ARGUMENT, fmt::format("argument `{}` : créé pour une autre politique", name));
  if (b.role != role)
    fail(LOGE_ERR_ARGUMENT, fmt::format("argument `{}` : attendu un lot d'enregistrements `{}`, reçu un lot `{}`", name,
                                        roleName(role), roleName(b.role)));
  return b;
}

} // namespace loge::capi

std::shared_ptr<const loge::jit::FlatRecords> loge_batch::flat(const loge::jit::Engine& engine) const {
  std::lock_guard<std::mutex> lock(flatMutex_);
  // Records are only ever appended (loge_batch_add): a copy of another
  // size is out of date.
  if (!flat_ || flat_->count() != records.size()) {
    const loge::ir::Type* type = core->program->schema.roles[static_cast<int>(role)];
    flat_ = std::make_shared<const loge::jit::FlatRecords>(engine.flatten(records, type->index));
  }
  return flat_;
}

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_batch_create_for(const loge_policy* policy, loge_role role, loge_batch** out,
                                           loge_error** error) {
  return guard(error, [&] {
    nonNull(out, "out");
    *out = newBatch(policy, role).release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_batch_create(const loge_policy* policy, loge_batch** out, loge_error** error) {
  return loge_batch_create_for(policy, LOGE_ROLE_DEMANDE, out, error);
}

LOGE_API loge_status loge_batch_from_jsonl_for(const loge_policy* policy, loge_role role, const char* text,
                                               size_t length, loge_batch** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(text, "text");
    nonNull(out, "out");
    auto b = newBatch(policy, role);
    readLines(*b, std::string_view(text, length), "");
    *out = b.release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_batch_from_jsonl(const loge_policy* policy, const char* text, size_t length, loge_batch** out,
                                           loge_error** error) {
  return loge_batch_from_jsonl_for(policy, LOGE_ROLE_DEMANDE, text, length, out, error);
}

LOGE_API loge_status loge_batch_from_jsonl_file_for(const loge_policy* policy, loge_role role, const char* path,
                                                    loge_batch** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(path, "path");
    nonNull(out, "out");
    auto b = newBatch(policy, role);
    const loge::ir::Program& p = *b->core->program;
    loge::ingest::Dataset data;
    std::vector<loge::ingest::IngestError> errors;
    if (!loge::ingest::readJsonLines(p, p.schema.roles[role]->index, path, b->arena, data, errors)) {
      if (errors.empty()) fail(LOGE_ERR_IO, fmt::format("{} : lecture impossible", path));
      std::vector<std::unique_ptr<loge_error>> items;
      for (const auto& e : errors) items.push_back(ingestError(e));
      auto err = withItems(std::move(items));
      // A file that cannot be opened is reported without a line.
      if (errors.size() == 1 && err->line == 0 && err->field.empty()) {
        err->status = LOGE_ERR_IO;
        err->message = std::string(path) + " : " + err->message;
      }
      throw Failure{std::move(err)};
    }
    b->records = std::move(data.records);
    b->ids = std::move(data.ids);
    *out = b.release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_batch_from_jsonl_file(const loge_policy* policy, const char* path, loge_batch** out,
                                                loge_error** error) {
  return loge_batch_from_jsonl_file_for(policy, LOGE_ROLE_DEMANDE, path, out, error);
}

LOGE_API loge_status loge_batch_add(loge_batch* batch, const loge_record* record, loge_error** error) {
  return guard(error, [&] {
    loge_batch& b = handle(batch, Tag::Batch, "batch");
    const loge_record& r = recordFor(record, b.core, b.role, "record");
    // Read again from its JSON into the batch's arena: the batch then owns
    // every value it refers to.
    loge_record copy;
    copy.core = r.core;
    copy.structIndex = r.structIndex;
    copy.json = r.json.empty() ? "{}" : r.json;
    loge::interp::Value v = recordValue(copy, b.arena);
    b.records.push_back(v);
    b.ids.push_back(loge::interp::recordId(*b.core->program, v));
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_batch_size(const loge_batch* batch, size_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(batch, Tag::Batch, "batch").records.size();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_batch_role(const loge_batch* batch, loge_role* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(batch, Tag::Batch, "batch").role;
    return LOGE_OK;
  });
}

LOGE_API void loge_batch_free(loge_batch* batch) {
  if (batch && batch->tag == Tag::Batch) {
    batch->tag = Tag::Freed;
    delete batch;
  }
}

} // extern "C"
