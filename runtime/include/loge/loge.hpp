// libloge for C++: a thin, header-only RAII wrapper over loge.h.
//
// Every object owns its C handle (move-only, freed by its destructor); a
// failing call throws loge::Error, which keeps the whole error object
// (message, location, every diagnostic). Indices, decimal strings and
// thread-safety rules are those of loge.h. Requires C++17.
//
//   loge::Policy policy = loge::Policy::loadFile("grille.loge");
//   loge::Record logement = loge::Record::fromJsonFile(policy, LOGE_ROLE_LOGEMENT, "logement.json");
//   loge::Batch demandes = loge::Batch::fromJsonLinesFile(policy, "demandes.jsonl");
//   loge::Results results = policy.evaluate(demandes, &logement, "2025-06-30");
//   for (std::size_t i = 0; i < results.size(); ++i) std::cout << results[i].json() << '\n';
#ifndef LOGE_LOGE_HPP
#define LOGE_LOGE_HPP

#include "loge/loge.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace loge {

// A failed call. `error()` is the C error object (owned by this exception).
class Error : public std::runtime_error {
public:
  explicit Error(loge_error* e)
      : std::runtime_error(e ? loge_error_message(e) : "erreur inconnue"), error_(e, &loge_error_free) {}
  loge_status status() const { return loge_error_status(error_.get()); }
  loge_location location() const { return loge_error_location(error_.get()); }
  std::string field() const { return loge_error_field(error_.get()); }
  std::string code() const { return loge_error_code(error_.get()); }
  // Every diagnostic, rendered for a log.
  std::string text() const { return loge_error_text(error_.get()); }
  std::size_t count() const { return loge_error_count(error_.get()); }
  const loge_error* item(std::size_t i) const { return loge_error_item(error_.get(), i); }
  const loge_error* error() const { return error_.get(); }

private:
  std::shared_ptr<loge_error> error_; // shared: exceptions are copied
};

namespace detail {
inline void check(loge_status status, loge_error* e) {
  if (status != LOGE_OK) throw Error(e);
}
// Runs a C call taking a trailing loge_error**, throwing on failure.
template <typename F, typename... Args> void call(F f, Args... args) {
  loge_error* e = nullptr;
  loge_status s = f(args..., &e);
  check(s, e);
}
template <typename T, void (*Free)(T*)> class Handle {
public:
  Handle() = default;
  explicit Handle(T* h) : h_(h) {}
  Handle(Handle&& o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      Free(h_);
      h_ = std::exchange(o.h_, nullptr);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { Free(h_); }
  T* get() const { return h_; }

private:
  T* h_ = nullptr;
};
} // namespace detail

// The ABI of the loaded library is the one this header was written for.
inline bool abiMatches() { return loge_abi_version() == LOGE_ABI_VERSION; }

// Exact decimal → nearest double, for display only.
inline double toDouble(const std::string& decimal) {
  double v = 0;
  detail::call(loge_decimal_to_double, decimal.c_str(), &v);
  return v;
}

class Policy;

// One demande's results (a view when read from Results, else owning).
class Result {
public:
  // A view of a result owned by a Results.
  explicit Result(const loge_result* r) : r_(r) {}

  std::string id() const { return text(loge_result_id); }
  // The evaluation error, or null when the demande was evaluated.
  const loge_error* error() const {
    const loge_error* e = nullptr;
    detail::call(loge_result_error, r_, &e);
    return e;
  }
  bool ok() const { return error() == nullptr; }
  std::string total(std::size_t cotation = 0) const {
    const char* s = nullptr;
    detail::call(loge_result_total, r_, cotation, &s);
    return s;
  }
  std::string criterionPoints(std::size_t cotation, std::size_t criterion) const {
    const char* s = nullptr;
    detail::call(loge_result_criterion_points, r_, cotation, criterion, &s);
    return s;
  }
  bool criterionApplicable(std::size_t cotation, std::size_t criterion) const {
    int v = 0;
    detail::call(loge_result_criterion_applicable, r_, cotation, criterion, &v);
    return v != 0;
  }
  std::string rubriquePoints(std::size_t cotation, std::size_t rubrique) const {
    const char* s = nullptr;
    detail::call(loge_result_rubrique_points, r_, cotation, rubrique, &s);
    return s;
  }
  // 1 eligible, 0 refused, -1 unknown (no logement).
  int eligibility() const {
    int v = -1;
    detail::call(loge_result_eligibility, r_, &v);
    return v;
  }
  loge_rule_status ruleStatus(std::size_t rule) const {
    loge_rule_status s = LOGE_RULE_OK;
    detail::call(loge_result_rule_status, r_, rule, &s);
    return s;
  }
  std::string ruleMotif(std::size_t rule) const {
    const char* s = nullptr;
    detail::call(loge_result_rule_motif, r_, rule, &s);
    return s;
  }
  std::vector<std::size_t> refusals() const { return rules(loge_result_refusal_count, loge_result_refusal); }
  std::vector<std::size_t> alerts() const { return rules(loge_result_alert_count, loge_result_alert); }
  // The line `loge run` prints for this demande.
  std::string json() const { return text(loge_result_json); }
  const loge_result* get() const { return r_; }

private:
  std::string text(loge_status (*f)(const loge_result*, const char**, loge_error**)) const {
    const char* s = nullptr;
    detail::call(f, r_, &s);
    return s;
  }
  std::vector<std::size_t> rules(loge_status (*count)(const loge_result*, size_t*, loge_error**),
                                 loge_status (*at)(const loge_result*, size_t, size_t*, loge_error**)) const {
    std::size_t n = 0;
    detail::call(count, r_, &n);
    std::vector<std::size_t> out(n);
    for (std::size_t i = 0; i < n; ++i) detail::call(at, r_, i, &out[i]);
    return out;
  }
  friend class Policy;
  struct Owned {};
  Result(loge_result* r, Owned) : r_(r), owner_(r, &loge_result_free) {}
  const loge_result* r_;
  std::shared_ptr<loge_result> owner_; // set for loge_evaluate's results
};

class Results {
public:
  explicit Results(loge_results* r) : h_(r) {}
  std::size_t size() const {
    std::size_t n = 0;
    detail::call(loge_results_count, h_.get(), &n);
    return n;
  }
  std::size_t failed() const {
    std::size_t n = 0;
    detail::call(loge_results_failed_count, h_.get(), &n);
    return n;
  }
  Result operator[](std::size_t i) const {
    const loge_result* r = nullptr;
    detail::call(loge_results_get, h_.get(), i, &r);
    return Result(r);
  }
  const loge_results* get() const { return h_.get(); }

private:
  detail::Handle<loge_results, loge_results_free> h_;
};

class Record {
public:
  static Record create(const Policy& policy, loge_role role);
  static Record fromJson(const Policy& policy, loge_role role, const std::string& json);
  static Record fromJsonFile(const Policy& policy, loge_role role, const std::string& path);

  Record& setInt(const std::string& path, std::int64_t v) { return set(loge_record_set_int, path, v); }
  Record& setDecimal(const std::string& path, const std::string& v) {
    return set(loge_record_set_decimal, path, v.c_str());
  }
  Record& setDate(const std::string& path, const std::string& v) { return set(loge_record_set_date, path, v.c_str()); }
  Record& setText(const std::string& path, const std::string& v) { return set(loge_record_set_text, path, v.c_str()); }
  Record& setBool(const std::string& path, bool v) { return set(loge_record_set_bool, path, v ? 1 : 0); }
  Record& setEnum(const std::string& path, const std::string& v) { return set(loge_record_set_enum, path, v.c_str()); }
  Record& setAbsent(const std::string& path) {
    detail::call(loge_record_set_absent, h_.get(), path.c_str());
    return *this;
  }
  Record& clearList(const std::string& path) {
    detail::call(loge_record_clear_list, h_.get(), path.c_str());
    return *this;
  }
  // Appends an element to a list; returns its index.
  std::size_t append(const std::string& path) {
    std::size_t i = 0;
    detail::call(loge_record_append, h_.get(), path.c_str(), &i);
    return i;
  }
  Record& validate() {
    detail::call(loge_record_validate, h_.get());
    return *this;
  }
  std::string json() const {
    const char* s = nullptr;
    detail::call(loge_record_json, h_.get(), &s);
    return s;
  }
  const loge_record* get() const { return h_.get(); }

private:
  explicit Record(loge_record* r) : h_(r) {}
  template <typename F, typename V> Record& set(F f, const std::string& path, V v) {
    detail::call(f, h_.get(), path.c_str(), v);
    return *this;
  }
  detail::Handle<loge_record, loge_record_free> h_;
};

class Batch {
public:
  static Batch create(const Policy& policy);
  static Batch fromJsonLines(const Policy& policy, const std::string& text);
  static Batch fromJsonLinesFile(const Policy& policy, const std::string& path);
  Batch& add(const Record& demande) {
    detail::call(loge_batch_add, h_.get(), demande.get());
    return *this;
  }
  std::size_t size() const {
    std::size_t n = 0;
    detail::call(loge_batch_size, h_.get(), &n);
    return n;
  }
  const loge_batch* get() const { return h_.get(); }

private:
  explicit Batch(loge_batch* b) : h_(b) {}
  detail::Handle<loge_batch, loge_batch_free> h_;
};

class Policy {
public:
  static Policy loadFile(const std::string& path, loge_engine engine = LOGE_ENGINE_AUTO) {
    Options o(engine);
    loge_policy* p = nullptr;
    detail::call(loge_policy_load_file, path.c_str(), static_cast<const loge_options*>(o.get()), &p);
    return Policy(p);
  }
  // `path` names the text in messages and anchors its imports.
  static Policy loadSource(const std::string& text, const std::string& path = "politique.loge",
                           loge_engine engine = LOGE_ENGINE_AUTO) {
    Options o(engine);
    loge_policy* p = nullptr;
    detail::call(loge_policy_load_source, text.data(), text.size(), path.c_str(),
                 static_cast<const loge_options*>(o.get()), &p);
    return Policy(p);
  }

  loge_engine engine() const {
    loge_engine e = LOGE_ENGINE_AUTO;
    detail::call(loge_policy_engine, h_.get(), &e);
    return e;
  }
  std::size_t cotationCount() const { return count(loge_policy_cotation_count); }
  std::string cotationName(std::size_t c) const { return text(loge_policy_cotation_name, c); }
  std::size_t criterionCount(std::size_t c) const {
    std::size_t n = 0;
    detail::call(loge_policy_criterion_count, h_.get(), c, &n);
    return n;
  }
  std::string criterionName(std::size_t c, std::size_t i) const {
    const char* s = nullptr;
    detail::call(loge_policy_criterion_name, h_.get(), c, i, &s);
    return s;
  }
  std::string criterionLabel(std::size_t c, std::size_t i) const {
    const char* s = nullptr;
    detail::call(loge_policy_criterion_label, h_.get(), c, i, &s);
    return s;
  }
  std::size_t ruleCount() const { return count(loge_policy_rule_count); }
  std::string ruleName(std::size_t r) const { return text(loge_policy_rule_name, r); }
  std::string ruleLabel(std::size_t r) const { return text(loge_policy_rule_label, r); }
  std::vector<std::string> ruleReferences(std::size_t r) const {
    std::size_t n = 0;
    detail::call(loge_policy_rule_reference_count, h_.get(), r, &n);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
      const char* s = nullptr;
      detail::call(loge_policy_rule_reference, h_.get(), r, i, &s);
      out.emplace_back(s);
    }
    return out;
  }

  // `logement` may be null. Throws Error (LOGE_ERR_EVALUATION…) on failure.
  Result evaluate(const Record& demande, const Record* logement, const std::string& date) const {
    loge_result* r = nullptr;
    detail::call(loge_evaluate, h_.get(), demande.get(), logement ? logement->get() : nullptr, date.c_str(), &r);
    return Result(r, Result::Owned{});
  }
  // A demande that cannot be evaluated does not throw: see Result::error().
  Results evaluate(const Batch& demandes, const Record* logement, const std::string& date) const {
    loge_results* r = nullptr;
    detail::call(loge_evaluate_batch, h_.get(), demandes.get(), logement ? logement->get() : nullptr, date.c_str(), &r);
    return Results(r);
  }

  const loge_policy* get() const { return h_.get(); }

private:
  explicit Policy(loge_policy* p) : h_(p) {}
  class Options {
  public:
    explicit Options(loge_engine engine) {
      loge_options* o = nullptr;
      detail::call(loge_options_create, &o);
      h_ = detail::Handle<loge_options, loge_options_free>(o);
      detail::call(loge_options_set_engine, o, engine);
    }
    loge_options* get() const { return h_.get(); }

  private:
    detail::Handle<loge_options, loge_options_free> h_;
  };
  std::size_t count(loge_status (*f)(const loge_policy*, size_t*, loge_error**)) const {
    std::size_t n = 0;
    detail::call(f, h_.get(), &n);
    return n;
  }
  std::string text(loge_status (*f)(const loge_policy*, size_t, const char**, loge_error**), std::size_t i) const {
    const char* s = nullptr;
    detail::call(f, h_.get(), i, &s);
    return s;
  }
  detail::Handle<loge_policy, loge_policy_free> h_;
};

inline Record Record::create(const Policy& policy, loge_role role) {
  loge_record* r = nullptr;
  detail::call(loge_record_create, policy.get(), role, &r);
  return Record(r);
}
inline Record Record::fromJson(const Policy& policy, loge_role role, const std::string& json) {
  loge_record* r = nullptr;
  detail::call(loge_record_from_json, policy.get(), role, json.data(), json.size(), &r);
  return Record(r);
}
inline Record Record::fromJsonFile(const Policy& policy, loge_role role, const std::string& path) {
  loge_record* r = nullptr;
  detail::call(loge_record_from_json_file, policy.get(), role, path.c_str(), &r);
  return Record(r);
}
inline Batch Batch::create(const Policy& policy) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_create, policy.get(), &b);
  return Batch(b);
}
inline Batch Batch::fromJsonLines(const Policy& policy, const std::string& text) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_from_jsonl, policy.get(), text.data(), text.size(), &b);
  return Batch(b);
}
inline Batch Batch::fromJsonLinesFile(const Policy& policy, const std::string& path) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_from_jsonl_file, policy.get(), path.c_str(), &b);
  return Batch(b);
}

} // namespace loge

#endif // LOGE_LOGE_HPP
