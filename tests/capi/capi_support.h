// Test support for libloge: the test policy's paths and small helpers over
// the C API (each failing call reported with its French message).
#pragma once

#include "loge/loge.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace capi_test {

inline std::string dataPath(const std::string& name) { return std::string(LOGE_CAPI_DATA_DIR) + "/" + name; }
inline std::string repoPath(const std::string& name) { return std::string(LOGE_SOURCE_DIR) + "/" + name; }

// Owns an error object returned through loge_error**.
struct ErrorSlot {
  loge_error* e = nullptr;
  ~ErrorSlot() { loge_error_free(e); }
  loge_error** operator&() {
    loge_error_free(e);
    e = nullptr;
    return &e;
  }
  std::string message() const { return loge_error_message(e); }
};

// Loads a policy with `load` (loge_policy_load_file or _load_artifact) for
// `engine`, expecting status `expected`; `message` receives the error's.
using PolicyLoader = loge_status (*)(const char*, const loge_options*, loge_policy**, loge_error**);
inline loge_policy* loadPolicy(const std::string& path, loge_engine engine, PolicyLoader load = loge_policy_load_file,
                               loge_status expected = LOGE_OK, std::string* message = nullptr) {
  loge_options* o = nullptr;
  EXPECT_EQ(loge_options_create(&o, nullptr), LOGE_OK);
  EXPECT_EQ(loge_options_set_engine(o, engine, nullptr), LOGE_OK);
  loge_policy* p = nullptr;
  loge_error* e = nullptr;
  loge_status s = load(path.c_str(), o, &p, &e);
  loge_options_free(o);
  EXPECT_EQ(s, expected) << loge_error_text(e);
  if (message) *message = loge_error_message(e);
  loge_error_free(e);
  return p;
}

inline std::string str(const char* s) { return s ? s : "(null)"; }

// Each result's JSON line, in order.
inline std::vector<std::string> jsonLines(const loge_results* results) {
  size_t n = 0;
  EXPECT_EQ(loge_results_count(results, &n, nullptr), LOGE_OK);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    const loge_result* r = nullptr;
    const char* s = nullptr;
    EXPECT_EQ(loge_results_get(results, i, &r, nullptr), LOGE_OK);
    EXPECT_EQ(loge_result_json(r, &s, nullptr), LOGE_OK);
    out.push_back(str(s));
  }
  return out;
}

// Evaluates the JSON Lines `text` with the test data's logement on
// 2025-06-30; each result's JSON line, or nothing when a step fails.
// `inspect`, when given, sees the results first.
inline std::vector<std::string> evaluateJsonl(loge_policy* policy, const std::string& text,
                                              const std::function<void(const loge_results*)>& inspect = {}) {
  std::vector<std::string> out;
  loge_record* logement = nullptr;
  loge_batch* batch = nullptr;
  loge_results* results = nullptr;
  if (policy &&
      loge_record_from_json_file(policy, LOGE_ROLE_LOGEMENT, dataPath("logement.json").c_str(), &logement, nullptr) ==
          LOGE_OK &&
      loge_batch_from_jsonl(policy, text.data(), text.size(), &batch, nullptr) == LOGE_OK &&
      loge_evaluate_batch(policy, batch, logement, "2025-06-30", &results, nullptr) == LOGE_OK) {
    if (inspect) inspect(results);
    out = jsonLines(results);
  }
  loge_results_free(results);
  loge_batch_free(batch);
  loge_record_free(logement);
  return out;
}

} // namespace capi_test
