// libloge: error objects, and turning failures into them.
#include "boundary.h"

#include <fmt/format.h>

namespace loge::capi {

namespace {
// Handed out when memory is exhausted: allocating a new error could fail
// too. Never freed (loge_error_free ignores it).
loge_error& outOfMemory() noexcept {
  static loge_error e = [] {
    loge_error x;
    x.status = LOGE_ERR_MEMORY;
    x.message = "mémoire insuffisante";
    x.text = "erreur: mémoire insuffisante";
    x.owned = false;
    return x;
  }();
  return e;
}

const loge_error* view(const loge_error* e) { return e && e->tag == Tag::Error ? e : nullptr; }
} // namespace

std::unique_ptr<loge_error> makeError(loge_status status, std::string message) {
  auto e = std::make_unique<loge_error>();
  e->status = status;
  e->text = "erreur: " + message;
  e->message = std::move(message);
  return e;
}

std::unique_ptr<loge_error> withItems(std::vector<std::unique_ptr<loge_error>> items, std::size_t head) {
  const loge_error& first = *items.at(head);
  auto err = makeError(first.status, first.message);
  err->file = first.file;
  err->line = first.line;
  err->column = first.column;
  err->field = first.field;
  err->code = first.code;
  err->severity = first.severity;
  err->text.clear();
  for (auto& item : items) {
    item->owned = false;
    err->text += item->text + "\n";
  }
  err->items = std::move(items);
  return err;
}

void fail(loge_status status, std::string message) { throw Failure{makeError(status, std::move(message))}; }

std::unique_ptr<loge_error> evalError(const PolicyCore& core, const interp::EvalError& ev) {
  auto e = makeError(LOGE_ERR_EVALUATION, ev.message);
  if (const SourceFile* f = core.sources.file(ev.range.file)) e->file = f->path();
  e->line = ev.range.begin.line;
  e->column = ev.range.begin.column;
  e->text = fmt::format("{}:{}:{}: erreur: {}", e->file.empty() ? "?" : e->file, e->line, e->column, e->message);
  return e;
}

void deliver(loge_error** out, std::unique_ptr<loge_error> error) noexcept {
  if (out) *out = error.release();
}

void deliverOutOfMemory(loge_error** out) noexcept {
  if (out) *out = &outOfMemory();
}

void deliverInternal(loge_error** out, const char* what) noexcept {
  try {
    deliver(out, makeError(LOGE_ERR_INTERNAL, fmt::format("erreur interne de Loge ({}) : c'est un bogue, merci de le "
                                                          "signaler",
                                                          what)));
  } catch (...) {
    deliverOutOfMemory(out);
  }
}

void deliverEvaluation(loge_error** out, const std::string& message) noexcept {
  try {
    deliver(out, makeError(LOGE_ERR_EVALUATION, message));
  } catch (...) {
    deliverOutOfMemory(out);
  }
}

void checkIndex(std::size_t index, std::size_t count, const char* what) {
  if (index >= count)
    fail(LOGE_ERR_ARGUMENT, fmt::format("{} n° {} : hors limites (il y en a {})", what, index, count));
}

} // namespace loge::capi

using loge::capi::view;

extern "C" {

LOGE_API void loge_error_free(loge_error* error) {
  if (error && error->tag == loge::capi::Tag::Error && error->owned) {
    error->tag = loge::capi::Tag::Freed;
    delete error;
  }
}

LOGE_API loge_status loge_error_status(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->status : LOGE_OK;
}

LOGE_API const char* loge_error_message(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->message.c_str() : "";
}

LOGE_API loge_location loge_error_location(const loge_error* error) {
  const loge_error* e = view(error);
  if (!e) return loge_location{"", 0, 0};
  return loge_location{e->file.c_str(), e->line, e->column};
}

LOGE_API const char* loge_error_field(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->field.c_str() : "";
}

LOGE_API const char* loge_error_code(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->code.c_str() : "";
}

LOGE_API loge_severity loge_error_severity(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->severity : LOGE_SEVERITY_ERROR;
}

LOGE_API const char* loge_error_text(const loge_error* error) {
  const loge_error* e = view(error);
  return e ? e->text.c_str() : "";
}

LOGE_API size_t loge_error_count(const loge_error* error) {
  const loge_error* e = view(error);
  if (!e) return 0;
  return e->items.empty() ? 1 : e->items.size();
}

LOGE_API const loge_error* loge_error_item(const loge_error* error, size_t index) {
  const loge_error* e = view(error);
  if (!e) return nullptr;
  if (e->items.empty()) return index == 0 ? e : nullptr;
  return index < e->items.size() ? e->items[index].get() : nullptr;
}

LOGE_API const char* loge_status_name(loge_status status) {
  switch (status) {
  case LOGE_OK: return "LOGE_OK";
  case LOGE_ERR_ARGUMENT: return "LOGE_ERR_ARGUMENT";
  case LOGE_ERR_POLICY: return "LOGE_ERR_POLICY";
  case LOGE_ERR_DATA: return "LOGE_ERR_DATA";
  case LOGE_ERR_EVALUATION: return "LOGE_ERR_EVALUATION";
  case LOGE_ERR_IO: return "LOGE_ERR_IO";
  case LOGE_ERR_UNSUPPORTED: return "LOGE_ERR_UNSUPPORTED";
  case LOGE_ERR_MEMORY: return "LOGE_ERR_MEMORY";
  case LOGE_ERR_INTERNAL: return "LOGE_ERR_INTERNAL";
  }
  return "LOGE_ERR_UNKNOWN";
}

LOGE_API uint32_t loge_abi_version(void) { return LOGE_ABI_VERSION; }

LOGE_API const char* loge_version(void) { return LOGE_VERSION_STRING; }

} // extern "C"
