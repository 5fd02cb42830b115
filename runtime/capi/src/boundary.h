// libloge (internal): the boundary between the C ABI and the C++ inside.
//
// Inside the library a failure is a thrown `Failure` carrying the error
// object to hand out; `guard` runs an entry point's body, catches every
// exception (ours, the pipeline's, std::bad_alloc, anything) and turns it
// into a status and an error object. Nothing else may leave an entry point.
#pragma once

#include "handles.h"

#include <memory>
#include <new>
#include <string>

namespace loge::capi {

struct Failure {
  std::unique_ptr<loge_error> error;
};

// A new error object.
std::unique_ptr<loge_error> makeError(loge_status status, std::string message);
// An error standing for several (data problems, diagnostics): its own
// fields are those of item `head` (the first, unless told), its text all
// of theirs. `items` not empty.
std::unique_ptr<loge_error> withItems(std::vector<std::unique_ptr<loge_error>> items, std::size_t head = 0);
// Throws a Failure.
[[noreturn]] void fail(loge_status status, std::string message);
// An evaluation error located in the policy.
std::unique_ptr<loge_error> evalError(const PolicyCore& core, const interp::EvalError& e);

// Hands `error` to the caller (or drops it when the caller passed NULL).
void deliver(loge_error** out, std::unique_ptr<loge_error> error) noexcept;
void deliverOutOfMemory(loge_error** out) noexcept;
void deliverInternal(loge_error** out, const char* what) noexcept;
void deliverEvaluation(loge_error** out, const std::string& message) noexcept;

template <typename Body> loge_status guard(loge_error** out, Body&& body) noexcept {
  try {
    return body();
  } catch (Failure& f) {
    loge_status s = f.error->status;
    deliver(out, std::move(f.error));
    return s;
  } catch (const interp::EvalError& e) {
    // Evaluation errors are located by the code that knows the policy; one
    // reaching this point still becomes an evaluation error, unlocated.
    deliverEvaluation(out, e.message);
    return LOGE_ERR_EVALUATION;
  } catch (const std::bad_alloc&) {
    deliverOutOfMemory(out);
    return LOGE_ERR_MEMORY;
  } catch (const std::exception& e) {
    deliverInternal(out, e.what());
    return LOGE_ERR_INTERNAL;
  } catch (...) {
    deliverInternal(out, "exception inconnue");
    return LOGE_ERR_INTERNAL;
  }
}

// Argument checks: a handle of the right kind, a non-null pointer.
template <typename T> T& handle(T* h, Tag tag, const char* name) {
  if (!h) fail(LOGE_ERR_ARGUMENT, std::string("argument `") + name + "` : pointeur nul");
  if (h->tag != tag)
    fail(LOGE_ERR_ARGUMENT,
         std::string("argument `") + name + "` : ce n'est pas un objet du bon type (objet invalide ou déjà libéré)");
  return *h;
}
template <typename T> T* nonNull(T* p, const char* name) {
  if (!p) fail(LOGE_ERR_ARGUMENT, std::string("argument `") + name + "` : pointeur nul");
  return p;
}
// Stores an entry point's answer in the caller's `out` argument.
template <typename T> loge_status put(T* out, T value) {
  *nonNull(out, "out") = value;
  return LOGE_OK;
}
// Index bounds.
void checkIndex(std::size_t index, std::size_t count, const char* what);

} // namespace loge::capi
