// libloge (internal): what the opaque handles of loge.h are.
//
// Every handle starts with a kind tag, checked on entry to every function,
// so a NULL, a handle of another kind or (most) freed handles are reported
// as LOGE_ERR_ARGUMENT instead of being used. Objects made from a policy
// hold a shared reference to its compiled core, so they may be freed in any
// order.
//
// Adding to the API (new verbs such as ranking or quotas): declare the
// functions in loge.h (LOGE_API, status + trailing loge_error**), implement
// them in a new file here whose bodies run in `guard` (boundary.h); a new
// handle kind gets a Tag below, a struct whose first member is `tag`, and a
// *_free that checks the tag and writes Tag::Freed before deleting.
#pragma once

#include "loge/loge.h"

#include "once.h"

#include "loge/diag/diagnostic.h"
#include "loge/interp/interp.h"
#include "loge/ir/program.h"
#include "loge/jit/jit.h"
#include "loge/source/source.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace loge::capi {

enum class Tag : std::uint32_t {
  Error = 0x4c455252,              // "LERR"
  Options = 0x4c4f5054,            // "LOPT"
  Policy = 0x4c504f4c,             // "LPOL"
  Record = 0x4c524543,             // "LREC"
  Batch = 0x4c424154,              // "LBAT"
  Result = 0x4c525354,             // "LRST"
  Results = 0x4c525353,            // "LRSS"
  DesignationOptions = 0x4c444f50, // "LDOP"
  Ranking = 0x4c524e4b,            // "LRNK"
  QuotaReport = 0x4c51524d,        // "LQRP"
  QuotaGroup = 0x4c514750,         // "LQGP"
  Statement = 0x4c535441,          // "LSTA"
  Freed = 0x44454144,              // "DEAD": written by *_free before the memory goes
};

// A rule of some rule block, numbered across blocks as loge.h promises.
struct RuleRef {
  std::uint32_t block = 0, rule = 0;
  std::string name; // "bloc.règle"
  std::vector<std::string> references;
};

// A loaded policy: immutable once built, shared by everything made from it.
// Member order matters: the engine and the interpreter refer to the program.
struct PolicyCore {
  SourceManager sources;
  std::unique_ptr<ir::Program> program;
  std::unique_ptr<interp::Interpreter> interpreter;
  std::unique_ptr<jit::Engine> engine; // null: the interpreter evaluates
  std::vector<Diagnostic> warnings;
  std::vector<RuleRef> rules;
};
using Core = std::shared_ptr<const PolicyCore>;

} // namespace loge::capi

struct loge_error {
  loge::capi::Tag tag = loge::capi::Tag::Error;
  loge_status status = LOGE_ERR_INTERNAL;
  std::string message, file, field, code, text;
  std::uint32_t line = 0, column = 0;
  loge_severity severity = LOGE_SEVERITY_ERROR;
  std::vector<std::unique_ptr<loge_error>> items; // empty: the error is its own single item
  bool owned = true;                              // false: an item, or the static out-of-memory error
};

struct loge_options {
  loge::capi::Tag tag = loge::capi::Tag::Options;
  loge_engine engine = LOGE_ENGINE_AUTO;
  loge_compilation compilation = LOGE_COMPILATION_OPTIMISED;
};

struct loge_policy {
  loge::capi::Tag tag = loge::capi::Tag::Policy;
  loge::capi::Core core;
};

struct loge_record {
  loge::capi::Tag tag = loge::capi::Tag::Record;
  loge::capi::Core core;
  loge_role role = LOGE_ROLE_DEMANDE;
  std::uint32_t structIndex = 0;
  bool fromJson = false;      // immutable: read from JSON text
  nlohmann::ordered_json doc; // fields set so far (records built field by field)
  std::string json;           // the JSON text: as given, or `doc` serialised
  bool validated = false;     // `value` is the record, in `arena`
  loge::interp::Arena arena;
  loge::interp::Value value;
};

struct loge_batch {
  loge::capi::Tag tag = loge::capi::Tag::Batch;
  loge::capi::Core core;
  loge_role role = LOGE_ROLE_DEMANDE;
  loge::interp::Arena arena;
  std::vector<loge::interp::Value> records;
  std::vector<std::string> ids;

  // The records laid out flat for the compiled engine, made by the first
  // evaluation and kept for the next (a host often evaluates one batch
  // against several logements); made again when loge_batch_add has
  // appended records since. Evaluations may share the batch, hence the lock.
  std::shared_ptr<const loge::jit::FlatRecords> flat(const loge::jit::Engine& engine) const;

private:
  mutable std::mutex flatMutex_;
  mutable std::shared_ptr<const loge::jit::FlatRecords> flat_;
};

struct loge_result {
  loge::capi::Tag tag = loge::capi::Tag::Result;
  bool owned = true; // false: part of a loge_results
  loge::capi::Core core;
  std::string id;
  std::unique_ptr<loge_error> error; // the demande could not be evaluated
  loge::interp::DemandeResult raw;
  // The result of the policy's rule `i` (a RuleRef: core->rules[i]), read
  // in `raw` (no per-result table: most hosts read one or two rules).
  const loge::interp::RuleResult& rule(std::size_t i) const;

  // The decimals as text and the JSON document are built on first read:
  // a host that reads a total per demande does not pay for every
  // criterion's spelling and the JSON (they cost far more than the
  // evaluation). Built once, so the accessors hand out stable strings, even
  // when several threads read the same result.
  struct Spelled {
    std::vector<std::vector<std::string>> criteria, rubriques;
  };
  const std::vector<std::string>& totals() const; // per cotation
  const Spelled& spelled() const;                 // criteria and rubriques
  const std::string& json() const;
  struct Failing {
    std::vector<std::size_t> refusals, alerts; // rules (RuleRef indices)
  };
  const Failing& failing() const;
  // Set when the demande failed (errorJson); otherwise built by json().
  std::string failedJson;

private:
  // One lock for the four: none of their computations reads another.
  mutable std::mutex lazyLock_;
  loge::capi::Once totalsOnce_, spelledOnce_, jsonOnce_, failingOnce_;
  mutable std::vector<std::string> totals_;
  mutable Spelled spelled_;
  mutable Failing failing_;
  mutable std::string json_;
};

struct loge_results {
  loge::capi::Tag tag = loge::capi::Tag::Results;
  loge::capi::Core core;
  std::unique_ptr<loge_result[]> items;
  std::size_t count = 0, failed = 0;
};

struct loge_designation_options {
  loge::capi::Tag tag = loge::capi::Tag::DesignationOptions;
  std::string classement, similarity, cotation, period; // "": the default
};

// One quota group's figures, owned by the report or ranking it was read from.
struct loge_quota_group {
  loge::capi::Tag tag = loge::capi::Tag::QuotaGroup;
  std::size_t quota = 0;
  std::string period, share, target; // decimals; "" when absent
  std::vector<std::string> keyNames, keyValues;
  std::int64_t counted = 0, qualifying = 0, missing = -1;
  loge_quota_status status = LOGE_QUOTA_NO_TARGET;
};

struct loge_ranking {
  loge::capi::Tag tag = loge::capi::Tag::Ranking;
  loge::capi::Core core;
  std::string json, text;
  std::int64_t retain = 0;
  bool insufficient = false;
  std::size_t failed = 0;
  struct Candidate {
    loge_candidate_status status = LOGE_CANDIDATE_FAILED;
    std::size_t rank = 0; // 1-based in the pool, 0: not ranked
    std::string explanation;
    std::unique_ptr<loge_result> result; // owned here (result->owned is false)
  };
  struct Clause {
    std::string label, explanation;
    bool applied = false;
    std::int64_t minimum = 0, met = 0;
    std::vector<std::pair<std::size_t, std::size_t>> insertions; // (brought in, replaced)
    std::vector<std::size_t> quotas;
    std::vector<std::unique_ptr<loge_quota_group>> groups; // parallel to quotas; null: empty group
  };
  std::vector<Candidate> candidates; // input order
  std::vector<std::size_t> order, retained;
  std::vector<Clause> clauses;
};

struct loge_quota_report {
  loge::capi::Tag tag = loge::capi::Tag::QuotaReport;
  loge::capi::Core core;
  std::string json, markdown;
  std::vector<std::unique_ptr<loge_quota_group>> groups;
};

struct loge_statement {
  loge::capi::Tag tag = loge::capi::Tag::Statement;
  loge::capi::Core core;
  std::string json, text;
  std::size_t cotation = 0;
  std::unique_ptr<loge_result> result; // the demande's, owned here
  std::size_t rank = 0, outOf = 0, ahead = 0, tied = 0, behind = 0;
  std::size_t measured = 0, failed = 0;
  std::string waitingMonths, waitingDays; // "" when not computed
};
