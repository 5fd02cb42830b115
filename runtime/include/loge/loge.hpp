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

// One demande's results. Read from a Results, a Ranking or a Statement, it
// keeps that object alive: `policy.evaluate(…)[0]` stays valid after the
// Results it came from is gone.
class Result {
public:
  // A result that `keep` (its owner, shared) keeps alive.
  Result(const loge_result* r, std::shared_ptr<const void> keep) : r_(r), owner_(std::move(keep)) {}

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
  Result(loge_result* r, Owned) : r_(r), owner_(std::shared_ptr<loge_result>(r, &loge_result_free)) {}
  const loge_result* r_;
  std::shared_ptr<const void> owner_; // the result itself, or the object holding it
};

class Results {
public:
  explicit Results(loge_results* r) : h_(r, &loge_results_free) {}
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
    return Result(r, h_);
  }
  const loge_results* get() const { return h_.get(); }

private:
  std::shared_ptr<loge_results> h_; // shared with the Result views
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
  // With its length: a NUL inside is refused, not a silent end of the text.
  Record& setText(const std::string& path, const std::string& v) {
    detail::call(loge_record_set_text_n, h_.get(), path.c_str(), v.data(), v.size());
    return *this;
  }
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
  // Demandes.
  static Batch create(const Policy& policy);
  static Batch fromJsonLines(const Policy& policy, const std::string& text);
  static Batch fromJsonLinesFile(const Policy& policy, const std::string& path);
  // Records of any role (LOGE_ROLE_ATTRIBUTION for quotas and rankings).
  static Batch createFor(const Policy& policy, loge_role role);
  static Batch fromJsonLinesFor(const Policy& policy, loge_role role, const std::string& text);
  static Batch fromJsonLinesFileFor(const Policy& policy, loge_role role, const std::string& path);
  Batch& add(const Record& record) {
    detail::call(loge_batch_add, h_.get(), record.get());
    return *this;
  }
  std::size_t size() const {
    std::size_t n = 0;
    detail::call(loge_batch_size, h_.get(), &n);
    return n;
  }
  loge_role role() const {
    loge_role r = LOGE_ROLE_DEMANDE;
    detail::call(loge_batch_role, h_.get(), &r);
    return r;
  }
  const loge_batch* get() const { return h_.get(); }

private:
  explicit Batch(loge_batch* b) : h_(b) {}
  detail::Handle<loge_batch, loge_batch_free> h_;
};

// Which classement, similarité, cotation and periods the designation
// functions use (loge_designation_options_*); defaults when not given.
class DesignationOptions {
public:
  DesignationOptions() {
    loge_designation_options* o = nullptr;
    detail::call(loge_designation_options_create, &o);
    h_ = detail::Handle<loge_designation_options, loge_designation_options_free>(o);
  }
  DesignationOptions& classement(const std::string& name) { return set(loge_designation_options_set_classement, name); }
  DesignationOptions& similarity(const std::string& name) { return set(loge_designation_options_set_similarity, name); }
  DesignationOptions& cotation(const std::string& name) { return set(loge_designation_options_set_cotation, name); }
  DesignationOptions& period(const std::string& period) { return set(loge_designation_options_set_period, period); }
  const loge_designation_options* get() const { return h_.get(); }

private:
  DesignationOptions& set(loge_status (*f)(loge_designation_options*, const char*, loge_error**),
                          const std::string& v) {
    detail::call(f, h_.get(), v.c_str());
    return *this;
  }
  detail::Handle<loge_designation_options, loge_designation_options_free> h_;
};

// A view of one quota group, valid while the report or ranking it was read
// from lives.
class QuotaGroup {
public:
  explicit QuotaGroup(const loge_quota_group* g) : g_(g) {}
  std::size_t quota() const {
    std::size_t q = 0;
    detail::call(loge_quota_group_quota, g_, &q);
    return q;
  }
  std::string period() const { return text(loge_quota_group_period); }
  // The scope: (key, value) pairs.
  std::vector<std::pair<std::string, std::string>> keys() const {
    std::size_t n = 0;
    detail::call(loge_quota_group_key_count, g_, &n);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t k = 0; k < n; ++k) {
      const char* name = nullptr;
      const char* value = nullptr;
      detail::call(loge_quota_group_key, g_, k, &name, &value);
      out.emplace_back(name, value);
    }
    return out;
  }
  std::int64_t counted() const { return number(loge_quota_group_counted); }
  std::int64_t qualifying() const { return number(loge_quota_group_qualifying); }
  std::string share() const { return text(loge_quota_group_share); }   // "" when nothing counted
  std::string target() const { return text(loge_quota_group_target); } // "" without target
  std::int64_t missing() const { return number(loge_quota_group_missing); }
  loge_quota_status status() const {
    loge_quota_status s = LOGE_QUOTA_NO_TARGET;
    detail::call(loge_quota_group_status, g_, &s);
    return s;
  }
  const loge_quota_group* get() const { return g_; }

private:
  std::string text(loge_status (*f)(const loge_quota_group*, const char**, loge_error**)) const {
    const char* s = nullptr;
    detail::call(f, g_, &s);
    return s;
  }
  std::int64_t number(loge_status (*f)(const loge_quota_group*, int64_t*, loge_error**)) const {
    int64_t v = 0;
    detail::call(f, g_, &v);
    return v;
  }
  const loge_quota_group* g_;
};

// The candidates for a logement, ranked (loge_rank). Candidates are indices
// in the batch that was ranked.
class Ranking {
public:
  explicit Ranking(loge_ranking* r) : h_(r, &loge_ranking_free) {}
  std::string json() const { return text(loge_ranking_json); }
  std::string text() const { return text(loge_ranking_text); }
  std::int64_t retain() const {
    int64_t n = 0;
    detail::call(loge_ranking_retain, h_.get(), &n);
    return n;
  }
  bool insufficient() const {
    int v = 0;
    detail::call(loge_ranking_insufficient, h_.get(), &v);
    return v != 0;
  }
  std::vector<std::size_t> retained() const { return list(loge_ranking_retained_count, loge_ranking_retained); }
  std::vector<std::size_t> ranked() const { return list(loge_ranking_ranked_count, loge_ranking_ranked); }
  std::size_t candidateCount() const { return count(loge_ranking_candidate_count); }
  std::size_t failedCount() const { return count(loge_ranking_failed_count); }
  std::string id(std::size_t candidate) const { return text(loge_ranking_candidate_id, candidate); }
  loge_candidate_status status(std::size_t candidate) const {
    loge_candidate_status s = LOGE_CANDIDATE_FAILED;
    detail::call(loge_ranking_candidate_status, h_.get(), candidate, &s);
    return s;
  }
  std::size_t rank(std::size_t candidate) const { // 0: not ranked
    std::size_t n = 0;
    detail::call(loge_ranking_candidate_rank, h_.get(), candidate, &n);
    return n;
  }
  std::string explanation(std::size_t candidate) const { return text(loge_ranking_candidate_explanation, candidate); }
  // Keeps this ranking alive.
  Result result(std::size_t candidate) const {
    const loge_result* r = nullptr;
    detail::call(loge_ranking_candidate_result, h_.get(), candidate, &r);
    return Result(r, h_);
  }
  std::size_t clauseCount() const { return count(loge_ranking_clause_count); }
  std::string clauseLabel(std::size_t c) const { return text(loge_ranking_clause_label, c); }
  std::string clauseExplanation(std::size_t c) const { return text(loge_ranking_clause_explanation, c); }
  bool clauseApplied(std::size_t c) const {
    int v = 0;
    detail::call(loge_ranking_clause_applied, h_.get(), c, &v);
    return v != 0;
  }
  std::int64_t clauseMinimum(std::size_t c) const { return number(loge_ranking_clause_minimum, c); }
  std::int64_t clauseMet(std::size_t c) const { return number(loge_ranking_clause_met, c); }
  // (brought in, replaced) candidate pairs.
  std::vector<std::pair<std::size_t, std::size_t>> clauseInsertions(std::size_t c) const {
    std::size_t n = 0;
    detail::call(loge_ranking_clause_insertion_count, h_.get(), c, &n);
    std::vector<std::pair<std::size_t, std::size_t>> out(n);
    for (std::size_t i = 0; i < n; ++i)
      detail::call(loge_ranking_clause_insertion, h_.get(), c, i, &out[i].first, &out[i].second);
    return out;
  }
  // The quotas the clause reads, each with the group this logement's
  // attribution would join (null when that group is still empty).
  std::vector<std::pair<std::size_t, const loge_quota_group*>> clauseQuotas(std::size_t c) const {
    std::size_t n = 0;
    detail::call(loge_ranking_clause_quota_count, h_.get(), c, &n);
    std::vector<std::pair<std::size_t, const loge_quota_group*>> out(n);
    for (std::size_t i = 0; i < n; ++i)
      detail::call(loge_ranking_clause_quota, h_.get(), c, i, &out[i].first, &out[i].second);
    return out;
  }
  const loge_ranking* get() const { return h_.get(); }

private:
  std::string text(loge_status (*f)(const loge_ranking*, const char**, loge_error**)) const {
    const char* s = nullptr;
    detail::call(f, h_.get(), &s);
    return s;
  }
  std::string text(loge_status (*f)(const loge_ranking*, size_t, const char**, loge_error**), std::size_t i) const {
    const char* s = nullptr;
    detail::call(f, h_.get(), i, &s);
    return s;
  }
  std::int64_t number(loge_status (*f)(const loge_ranking*, size_t, int64_t*, loge_error**), std::size_t i) const {
    int64_t v = 0;
    detail::call(f, h_.get(), i, &v);
    return v;
  }
  std::size_t count(loge_status (*f)(const loge_ranking*, size_t*, loge_error**)) const {
    std::size_t n = 0;
    detail::call(f, h_.get(), &n);
    return n;
  }
  std::vector<std::size_t> list(loge_status (*count)(const loge_ranking*, size_t*, loge_error**),
                                loge_status (*at)(const loge_ranking*, size_t, size_t*, loge_error**)) const {
    std::size_t n = 0;
    detail::call(count, h_.get(), &n);
    std::vector<std::size_t> out(n);
    for (std::size_t i = 0; i < n; ++i) detail::call(at, h_.get(), i, &out[i]);
    return out;
  }
  std::shared_ptr<loge_ranking> h_; // shared with the Result views
};

// Every quota per period and scope (loge_quotas).
class QuotaReport {
public:
  explicit QuotaReport(loge_quota_report* r) : h_(r) {}
  std::string json() const { return text(loge_quota_report_json); }
  std::string markdown() const { return text(loge_quota_report_markdown); }
  // Views, valid while this QuotaReport lives.
  std::vector<QuotaGroup> groups() const {
    std::size_t n = 0;
    detail::call(loge_quota_report_group_count, h_.get(), &n);
    std::vector<QuotaGroup> out;
    for (std::size_t i = 0; i < n; ++i) {
      const loge_quota_group* g = nullptr;
      detail::call(loge_quota_report_group, h_.get(), i, &g);
      out.emplace_back(g);
    }
    return out;
  }
  const loge_quota_report* get() const { return h_.get(); }

private:
  std::string text(loge_status (*f)(const loge_quota_report*, const char**, loge_error**)) const {
    const char* s = nullptr;
    detail::call(f, h_.get(), &s);
    return s;
  }
  detail::Handle<loge_quota_report, loge_quota_report_free> h_;
};

// The demandeur's cotation statement (loge_position).
class Statement {
public:
  explicit Statement(loge_statement* s) : h_(s, &loge_statement_free) {}
  std::string json() const { return text(loge_statement_json); }
  std::string text() const { return text(loge_statement_text); }
  std::size_t cotation() const {
    std::size_t c = 0;
    detail::call(loge_statement_cotation, h_.get(), &c);
    return c;
  }
  std::string note() const { return text(loge_statement_note); }
  // Keeps this statement alive.
  Result result() const {
    const loge_result* r = nullptr;
    detail::call(loge_statement_result, h_.get(), &r);
    return Result(r, h_);
  }
  std::size_t rank() const { return position().first; }
  std::size_t outOf() const { return position().second; }
  std::size_t ahead() const { return neighbours()[0]; }
  std::size_t tied() const { return neighbours()[1]; }
  std::size_t behind() const { return neighbours()[2]; }
  std::string waitingMonths() const { return waiting().months; } // "" when not computed
  std::string waitingDays() const { return waiting().days; }
  std::size_t waitingMeasured() const { return waiting().measured; }
  std::size_t failedCount() const {
    std::size_t n = 0;
    detail::call(loge_statement_failed_count, h_.get(), &n);
    return n;
  }
  const loge_statement* get() const { return h_.get(); }

private:
  struct Waiting {
    std::string months, days;
    std::size_t measured = 0;
  };
  std::string text(loge_status (*f)(const loge_statement*, const char**, loge_error**)) const {
    const char* s = nullptr;
    detail::call(f, h_.get(), &s);
    return s;
  }
  std::pair<std::size_t, std::size_t> position() const {
    std::pair<std::size_t, std::size_t> p;
    detail::call(loge_statement_position, h_.get(), &p.first, &p.second);
    return p;
  }
  std::vector<std::size_t> neighbours() const {
    std::vector<std::size_t> n(3);
    detail::call(loge_statement_neighbours, h_.get(), &n[0], &n[1], &n[2]);
    return n;
  }
  Waiting waiting() const {
    const char* m = nullptr;
    const char* d = nullptr;
    Waiting w;
    detail::call(loge_statement_waiting_time, h_.get(), &m, &d, &w.measured);
    w.months = m;
    w.days = d;
    return w;
  }
  std::shared_ptr<loge_statement> h_; // shared with the Result views
};

// A diagnostic of a policy that loaded (loge_policy_warnings): its
// French message, its code ("W0006"), where it is, and the whole text as
// `loge check` prints it (source line, caret, notes, hint).
struct Warning {
  std::string message;
  std::string code;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string text;
};

class Policy {
public:
  static Policy loadFile(const std::string& path, loge_engine engine = LOGE_ENGINE_AUTO,
                         loge_compilation compilation = LOGE_COMPILATION_OPTIMISED) {
    Options o(engine, compilation);
    loge_policy* p = nullptr;
    detail::call(loge_policy_load_file, path.c_str(), static_cast<const loge_options*>(o.get()), &p);
    return Policy(p);
  }
  // The NAME.o written by `loge compile` (loge_policy_load_artifact).
  static Policy loadArtifact(const std::string& path, loge_engine engine = LOGE_ENGINE_AUTO) {
    Options o(engine, LOGE_COMPILATION_OPTIMISED);
    loge_policy* p = nullptr;
    detail::call(loge_policy_load_artifact, path.c_str(), static_cast<const loge_options*>(o.get()), &p);
    return Policy(p);
  }
  // `path` names the text in messages and anchors its imports.
  static Policy loadSource(const std::string& text, const std::string& path = "politique.loge",
                           loge_engine engine = LOGE_ENGINE_AUTO,
                           loge_compilation compilation = LOGE_COMPILATION_OPTIMISED) {
    Options o(engine, compilation);
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
  // The compiled engine's code that evaluates now (throws for the
  // interpreter: loge_policy_compilation).
  loge_compilation compilation() const {
    loge_compilation c = LOGE_COMPILATION_OPTIMISED;
    detail::call(loge_policy_compilation, h_.get(), &c);
    return c;
  }
  // The `politique "…"` title and `version "…"` ("" when not declared).
  std::string title() const {
    const char* s = nullptr;
    detail::call(loge_policy_title, h_.get(), &s);
    return s;
  }
  std::string version() const {
    const char* s = nullptr;
    detail::call(loge_policy_version, h_.get(), &s);
    return s;
  }
  // The warnings found while checking, in source order (empty when none).
  std::vector<Warning> warnings() const {
    loge_error* raw = nullptr;
    detail::call(loge_policy_warnings, h_.get(), &raw);
    detail::Handle<loge_error, loge_error_free> owned(raw);
    std::vector<Warning> out;
    const std::size_t n = raw ? loge_error_count(raw) : 0;
    for (std::size_t i = 0; i < n; ++i) {
      const loge_error* item = loge_error_item(raw, i);
      const loge_location at = loge_error_location(item);
      out.push_back(
          {loge_error_message(item), loge_error_code(item), at.file, at.line, at.column, loge_error_text(item)});
    }
    return out;
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

  std::size_t quotaCount() const { return count(loge_policy_quota_count); }
  std::string quotaName(std::size_t q) const { return text(loge_policy_quota_name, q); }
  std::string quotaLabel(std::size_t q) const { return text(loge_policy_quota_label, q); }

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

  // The candidates of `candidates` ranked for `logement` (loge_rank).
  // `attributions`, `options` and `candidature` may be null.
  Ranking rank(const Record& logement, const Batch& candidates, const Batch* attributions, const std::string& date,
               const DesignationOptions* options = nullptr, const Record* candidature = nullptr) const {
    loge_ranking* r = nullptr;
    detail::call(loge_rank, h_.get(), logement.get(), candidates.get(), attributions ? attributions->get() : nullptr,
                 candidature ? candidature->get() : nullptr, date.c_str(), options ? options->get() : nullptr, &r);
    return Ranking(r);
  }
  // Every quota over `attributions` (loge_quotas).
  QuotaReport quotas(const Batch& attributions, const std::string& date,
                     const DesignationOptions* options = nullptr) const {
    loge_quota_report* r = nullptr;
    detail::call(loge_quotas, h_.get(), attributions.get(), date.c_str(), options ? options->get() : nullptr, &r);
    return QuotaReport(r);
  }
  // The cotation statement of `demande` (loge_position); `attributions` may
  // be null.
  Statement position(const Record& demande, const Batch& demandes, const Batch* attributions, const std::string& date,
                     const DesignationOptions* options = nullptr) const {
    loge_statement* s = nullptr;
    detail::call(loge_position, h_.get(), demande.get(), demandes.get(), attributions ? attributions->get() : nullptr,
                 date.c_str(), options ? options->get() : nullptr, &s);
    return Statement(s);
  }

  const loge_policy* get() const { return h_.get(); }

private:
  explicit Policy(loge_policy* p) : h_(p) {}
  class Options {
  public:
    Options(loge_engine engine, loge_compilation compilation) {
      loge_options* o = nullptr;
      detail::call(loge_options_create, &o);
      h_ = detail::Handle<loge_options, loge_options_free>(o);
      detail::call(loge_options_set_engine, o, engine);
      detail::call(loge_options_set_compilation, o, compilation);
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
inline Batch Batch::createFor(const Policy& policy, loge_role role) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_create_for, policy.get(), role, &b);
  return Batch(b);
}
inline Batch Batch::fromJsonLinesFor(const Policy& policy, loge_role role, const std::string& text) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_from_jsonl_for, policy.get(), role, text.data(), text.size(), &b);
  return Batch(b);
}
inline Batch Batch::fromJsonLinesFileFor(const Policy& policy, loge_role role, const std::string& path) {
  loge_batch* b = nullptr;
  detail::call(loge_batch_from_jsonl_file_for, policy.get(), role, path.c_str(), &b);
  return Batch(b);
}

} // namespace loge

#endif // LOGE_LOGE_HPP
