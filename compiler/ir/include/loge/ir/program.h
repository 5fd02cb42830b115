// IR stage: a checked policy, ready to evaluate.
//
// A Program is what the checker produces from a root policy file and its
// imports: every declaration resolved, typed and numbered. Declarations are
// referred to by index everywhere (expressions, results), which is what lets
// the interpreter and the JIT share one result layout. Qualified names
// (`ressources.plafond`, `plafonds.plafond_plus`) are what users see.
#pragma once

#include "loge/ir/expr.h"
#include "loge/ir/types.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loge::ir {

struct Reference {
  std::string text;
  SourceRange range;
};

struct EnumDecl {
  std::string name; // qualified
  std::string label;
  std::vector<std::string> values;
  std::vector<std::string> valueLabels;
  SourceRange range;
};

struct FieldDecl {
  std::string name;
  std::string label;
  const Type* type = nullptr;
  // Bounds declared in the schema (`entier (au moins 1)`, `entier 1..6`,
  // `montant (au moins 0 €)`, `liste de T (au moins 1)`): input validation
  // enforces them. For lists, `lower` bounds the length.
  std::optional<Constant> lower, upper;
  std::optional<Constant> testDefault; // `= faux`: used by tests only (principle 9)
  SourceRange range;
};

struct StructDecl {
  std::string name;
  std::string label;
  std::vector<FieldDecl> fields;
  SourceRange range;
  int fieldIndex(const std::string& foldedName) const;
};

// One key of a barème.
struct TableKey {
  std::string name;
  enum class Kind : std::uint8_t {
    Enum,
    IntRange,
    Band,
    Text
  } kind = Kind::IntRange;
  const Type* type = nullptr;        // Enum: the enum; Band: the ordered type; IntRange: entier
  std::int64_t lower = 0;            // IntRange
  std::optional<std::int64_t> upper; // IntRange; nullopt when open-ended (`1..`)
};

// A row's key interval for IntRange/Band keys: [from, to) or [from, to],
// open ends as nullopt. For Enum keys, `enumValue`; for Text keys, `text`.
struct TableRowKey {
  std::optional<Constant> from, to;
  bool toInclusive = true;
  std::uint32_t enumValue = 0;
  std::string text;
  SourceRange range;
};

struct TableVersion {
  // rows × columns cells; a cell without value is a hole (`—`).
  std::vector<TableRowKey> rowKeys;
  std::vector<std::uint32_t> columnKeys; // second key (enum index or integer) per column; empty for 1 key
  std::vector<std::vector<std::optional<Constant>>> cells;
  std::vector<std::vector<SourceRange>> cellRanges;
};

struct DatedValue {
  num::Date from;
  std::optional<num::Date> to; // inclusive `jusqu'au`
  std::optional<Reference> reference;
  Constant value;     // scalar parameters
  TableVersion table; // barèmes
  SourceRange range;
};

struct ParameterDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  const Type* type = nullptr; // value type (scalar or cell; a tuple cell is a Struct-less tuple, see tupleFields)
  bool isTable = false;
  std::vector<TableKey> keys;
  std::vector<std::pair<std::string, const Type*>> tupleFields;
  std::vector<DatedValue> values; // in chronological order
  SourceRange range;
};

struct DefinitionDecl {
  std::string name; // qualified
  std::vector<std::string> paramNames;
  std::vector<const Type*> paramTypes;
  const Type* returnType = nullptr;
  ExprPtr body;
  std::uint32_t slotCount = 0; // parameters first, then binders
  // Context roles (bit i = Role i) and date_évaluation it reads, directly or
  // through the definitions it calls.
  std::uint32_t roles = 0;
  bool readsDate = false;
  // A test's `attendu` expression made a définition by `loge test`, so that
  // the compiled engine computes it too: the back end compiles it when it
  // can and leaves it out otherwise (it then stays the interpreter's alone).
  bool expectation = false;
  SourceRange range;
};

struct CriterionDecl {
  std::string name; // unqualified, unique within its cotation
  std::string label;
  std::vector<Reference> references;
  ExprPtr value;              // points
  ExprPtr condition;          // may be null; `V si C`
  std::int32_t rubrique = -1; // enclosing rubrique, -1 for top level
  std::uint32_t slotCount = 0;
  SourceRange range;
};

struct RubriqueDecl {
  std::string name;
  std::string label;
  std::vector<Reference> references;
  bool maximum = false;
  std::int32_t parent = -1;
  // Items in order: criteria (>= 0 index) and sub-rubriques (encoded as
  // -(index + 1)).
  std::vector<std::int32_t> items;
  ExprPtr floor, ceiling; // may be null
  SourceRange range;
};

struct CotationDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  std::vector<CriterionDecl> criteria;
  std::vector<RubriqueDecl> rubriques;
  std::vector<std::int32_t> items; // top-level items, encoded as in RubriqueDecl
  ExprPtr floor, ceiling;          // may be null
  std::uint32_t slotCount = 0;
  SourceRange range;
};

struct ExceptionDecl {
  ExprPtr condition;
  std::string label;
  std::optional<Reference> reference;
  SourceRange range;
};

struct RuleDecl {
  std::string name; // unqualified
  std::string label;
  std::vector<Reference> references;
  ExprPtr requirement;
  bool refusal = true;
  std::vector<TextPiece> motif; // empty: the label is the motif
  std::vector<ExceptionDecl> exceptions;
  std::uint32_t slotCount = 0;
  SourceRange range;
};

struct RuleBlockDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  bool eligibility = true;
  bool forLogement = false;
  std::vector<RuleDecl> rules;
  SourceRange range;
};

enum class PeriodKind : std::uint8_t {
  Year,
  Semester,
  Quarter,
  Month
};

struct QuotaDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  PeriodKind period = PeriodKind::Year;
  ExprPtr anchor; // date or date?
  std::vector<std::string> scopeNames;
  std::vector<ExprPtr> scopeValues;
  ExprPtr population; // may be null
  bool atLeast = true;
  bool share = true; // décimal target: a share; entier: a count
  ExprPtr target;    // may read scope keys (slots 0..n-1)
  ExprPtr qualifying;
  std::uint32_t slotCount = 0;
  SourceRange range;
};

struct OrderKeyDecl {
  ExprPtr key;
  bool descending = false;
};
struct DontDecl {
  ExprPtr count, condition, when; // when may be null
  std::string label;
  SourceRange range;
};
struct ClassementDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  bool forLogement = false;
  ExprPtr pool; // may be null
  std::vector<OrderKeyDecl> order;
  ExprPtr retain; // may be null: keep all
  std::vector<DontDecl> dont;
  std::uint32_t slotCount = 0;
  SourceRange range;
};

// Which demandes are similar to a demande (its position statement): those
// with the same value of every key (lists: sharing at least one element).
// Keys read `demande`; the waiting time of an attribution runs from
// `waitFrom` to `waitTo`, both read on the attribution (date or date?).
struct SimilarityDecl {
  std::string name; // qualified
  std::string label;
  std::vector<Reference> references;
  std::vector<ExprPtr> keys;
  ExprPtr waitFrom, waitTo; // may be null: no waiting time declared
  std::uint32_t slotCount = 0;
  SourceRange range;
};

// The records a test gives, already typed: one Constant-free expression tree
// per record (MakeRecord), evaluated by the test runner.
struct TestCase {
  std::string name;
  std::optional<num::Date> date;
  ExprPtr demande, logement, candidature; // MakeRecord or null
  std::vector<ExprPtr> candidates;
  std::vector<ExprPtr> attributions;
  std::vector<std::pair<std::uint32_t, std::vector<DatedValue>>> overrides; // parameter → values
  struct Expectation {
    enum class Kind : std::uint8_t {
      Boolean,
      Equal,
      RuleStatus,
      Error // `attendu X = erreur "…"`: evaluating X fails with a message containing `status`
    } kind = Kind::Boolean;
    ExprPtr actual;                    // Boolean: the condition; Equal, Error: left side
    ExprPtr expected;                  // Equal: right side
    std::uint32_t block = 0, rule = 0; // RuleStatus
    std::string status;                // RuleStatus: ok|alerte|refus|exception; Error: the expected text
    std::string text;                  // the expectation as written, for reports
    SourceRange range;
  };
  std::vector<Expectation> expectations;
  std::uint32_t slotCount = 0;
  SourceRange range;
};

struct Schema {
  const Type* roles[kRoleCount] = {nullptr, nullptr, nullptr, nullptr};
};

struct Program {
  TypeTable types;
  std::string title, version;
  std::vector<Reference> references;
  num::Date vigueurFrom = num::Date::min();
  std::optional<num::Date> vigueurTo;
  num::EndOfMonth endOfMonth = num::EndOfMonth::Error;
  bool endOfMonthDeclared = false;
  Schema schema;

  std::vector<EnumDecl> enums;
  std::vector<StructDecl> structs;
  std::vector<ParameterDecl> parameters;
  std::vector<DefinitionDecl> definitions;
  std::vector<CotationDecl> cotations;
  std::vector<RuleBlockDecl> ruleBlocks;
  std::vector<QuotaDecl> quotas;
  std::vector<ClassementDecl> classements;
  std::vector<SimilarityDecl> similarities;
  std::vector<TestCase> tests;
  FileId rootFile = kNoFile;
};

// Adds to `roles` (bit i = Role i) the context roles `e` reads, directly or
// through the définitions it calls, and sets `readsDate` when it reads
// date_évaluation (the définitions' own `roles` and `readsDate` must be set).
void noteReads(const Program& p, const Expr& e, std::uint32_t& roles, bool& readsDate);

// Calls `fn` on each expression a demande's evaluation starts from: the
// criteria (value and condition), the rubriques' and cotations' bounds, and
// the rules (requirement, motif values, exceptions). Définitions are reached
// through the calls under them.
void forEachEvaluatedRoot(const Program& p, const std::function<void(const Expr&)>& fn);

// The type's name as a jurist reads it: "montant mensuel", "liste de Personne", "date?".
std::string typeName(const Program& p, const Type* t);

} // namespace loge::ir
