// Semantic stage (internal): the checker's state, shared by the check_*.cpp
// files. One Checker per compilation.
#pragma once

#include "loge/ast/ast.h"
#include "loge/ast/names.h"
#include "loge/diag/diagnostic.h"
#include "loge/ir/program.h"
#include "loge/sema/check.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace loge::sema::internal {

struct Module;

// A declaration visible in a module's namespace.
struct Symbol {
  enum class Kind : std::uint8_t {
    Enum,
    Struct,
    Parameter,
    Definition,
    Cotation,
    RuleBlock,
    Quota,
    Classement,
    Similarite
  };
  Kind kind;
  std::uint32_t index;
  SourceRange range;
  std::string name; // as declared
};

struct ImportEdge {
  Module* target = nullptr;
  std::string alias; // folded; the file stem when no `comme`
  bool aliased = false;
  SourceRange range;
};

struct Module {
  std::unique_ptr<ast::Module> ast;
  const SourceFile* file = nullptr;
  std::string canonicalPath;
  std::string prefix; // "" for the root, "alias." for imports (for qualified names)
  std::vector<ImportEdge> imports;
  std::map<std::string, Symbol> symbols; // folded name → symbol
  bool isRoot = false;
};

// A name bound inside an expression: a definition parameter, an aggregate
// binder, `existe comme x`, a quota's scope key.
struct Binder {
  std::string folded;
  std::uint32_t slot;
  const ir::Type* type;
  SourceRange range;
};

// What an expression may read, and what it read.
struct Env {
  Module* module = nullptr;
  std::uint32_t allowedRoles = 0;   // bit per ir::Role
  bool attributionsAllowed = false; // `attributions` list (quotas, classements)
  bool cotationsAllowed = false;    // reading cotation results
  bool quotaQueriesAllowed = false; // quota.X.concerne… (pour logement)
  bool inTest = false;
  bool inDefinition = false; // calls are recorded, contexts checked later
  const char* where = "";    // "une cotation", for messages
  // A block or classement that could read the logement with `pour logement`
  // (the hint then says so): its declaration's first words.
  std::string missingPourLogement;
  std::vector<Binder> binders;
  std::uint32_t* slots = nullptr;    // next free slot
  std::vector<std::string> narrowed; // folded paths proven present
  // Collected while checking a definition body:
  std::uint32_t usedRoles = 0;
  bool usedDate = false;
  std::set<std::uint32_t> calledDefinitions;
};

// A constant on the scale of a field's bounds (days for dates, mantissas
// for numbers and list lengths; `date` set for a date), and whether `value`
// so scaled is outside `f`'s bounds: the side ("inférieure au minimum"…)
// and the bound, or null.
std::optional<num::int128> constantOnBoundScale(const ir::Constant& c, bool& date);
const char* boundViolated(const ir::FieldDecl& f, num::int128 value, bool date, const ir::Constant*& bound);
std::string boundText(const ir::Constant& bound, const ir::Type* fieldType); // as a message shows it

// An integer interval for index and division checks (P7).
struct Interval {
  std::optional<std::int64_t> lo, hi;
};

// The symbol of a unit, as written after a number: "€/mois", "m²"…
const char* unitText(ir::Unit u);

class Checker {
public:
  Checker(SourceManager& sources, DiagnosticEngine& diags, const CheckOptions& options)
      : sources_(sources), diags_(diags), options_(options) {}

  std::unique_ptr<ir::Program> run(const SourceFile& root);

  // ---- loader.cpp
  Module* loadModule(const SourceFile& file, const std::string& canonical, std::vector<std::string>& stack);
  // ---- declare.cpp
  void declareAll();
  void declareTypes(Module& m);
  void resolveStructFields(Module& m);
  void declareSchema();
  void declareHeader(Module& root);
  void addSymbol(Module& m, const ast::Ident& name, Symbol::Kind kind, std::uint32_t index);
  // Records a name declared inside one declaration (a criterion, a rule, a
  // field…); a second one with the same folded name is E0203, with a note
  // on the first. Returns whether the name was new.
  bool declareLocal(std::map<std::string, SourceRange>& seen, const ast::Ident& name);
  // ---- resolve.cpp
  const Symbol* lookup(Module& m, const ast::Ident& name, bool report);
  // The names a bare identifier of `m` may refer to: its declarations and
  // those of its unaliased imports (the candidates of a suggestion).
  static std::vector<std::string> visibleNames(const Module& m);
  bool knownInImports(Module& m, const ast::Ident& name);
  void reportUnknownType(Module& m, const ast::Ident& name);
  Module* importAlias(Module& m, const std::string& folded);
  const ir::Type* resolveType(Module& m, const ast::TypeRef& t);
  std::optional<std::uint32_t> lookupEnumValue(const ir::Type* enumType, const std::string& folded);
  std::string suggest(const std::string& name, const std::vector<std::string>& candidates);
  // ---- check_definitions.cpp
  void declareDefinitions();
  void checkDefinitionBodies();
  void checkRecursion();
  void propagateContexts();
  void checkCallGrowth();
  // ---- check_parameters.cpp
  void declareParameters();
  void checkParameterValues();
  bool datedValues(Module& m, const std::string& name, const ir::Type* type, std::vector<ast::DatedValue>& in,
                   ir::ParameterDecl& p, std::vector<ir::DatedValue>& out);
  void checkCoverage(const ir::ParameterDecl& p);
  std::optional<ir::Constant> constantValue(Module& m, const ast::Expr& e, const ir::Type* type);
  // ---- check_cotation.cpp
  void checkCotations();
  // ---- check_rules.cpp
  void checkRuleBlocks();
  std::vector<ir::TextPiece> checkText(const ast::Text& t, Env& env);
  // ---- check_quota.cpp
  void checkQuotas();
  void checkClassements();
  void checkSimilarites();
  // ---- check_tests.cpp
  void checkTests();
  bool expectedErrorText(const ast::Text& t, std::string& out);
  bool ruleStatusWithoutKeyword(const ast::Expr& e, Module& root);
  ir::ExprPtr checkRecord(const std::vector<ast::RecordEntry>& entries, const ir::Type* type, Env& env,
                          const std::vector<ast::RecordEntry>* defaults, SourceRange range,
                          const std::string& shownName = "");

  // ---- check_expr*.cpp
  ir::ExprPtr checkExpr(const ast::Expr& e, Env& env, const ir::Type* expected = nullptr);
  ir::ExprPtr checkCondition(const ast::Expr& e, Env& env);
  ir::ExprPtr checkPoints(const ast::Expr& e, Env& env);
  ir::ExprPtr coerce(ir::ExprPtr e, const ir::Type* to, Env& env, const char* what);
  ir::ExprPtr checkName(const ast::Expr& e, Env& env, const ir::Type* expected);
  ir::ExprPtr checkPath(const ast::Expr& e, Env& env, const ir::Type* expected);
  ir::ExprPtr checkField(const ast::Expr& e, Env& env);
  ir::ExprPtr checkCall(const ast::Expr& e, Env& env);
  ir::ExprPtr checkBuiltin(const ast::Expr& e, Env& env, const std::string& folded);
  ir::ExprPtr checkIndex(const ast::Expr& e, Env& env);
  ir::ExprPtr checkAtDate(const ast::Expr& e, Env& env);
  ir::ExprPtr checkBinary(const ast::Expr& e, Env& env);
  ir::ExprPtr checkArithmetic(const ast::Expr& e, ir::ExprPtr a, ir::ExprPtr b, Env& env);
  ir::ExprPtr checkComparison(const ast::Expr& e, ir::ExprPtr a, ir::ExprPtr b, Env& env);
  // W0006 (check_ratio.cpp). The quotient of two amounts of one unit that
  // `e` is, directly or through parameterless définitions and `si`; or null.
  const ir::Expr* amountRatio(const ir::Expr* e, int depth) const;
  void warnRatioAgainstPercent(const ir::Expr& a, const ir::Expr& b, const ast::Expr& ea, const ast::Expr& eb);
  void warnRatioBaremeKey(const ir::Expr& key, const ast::Expr& keySyntax, const ir::ParameterDecl& p,
                          std::size_t keyIndex);
  ir::ExprPtr checkLogical(const ast::Expr& e, Env& env);
  ir::ExprPtr checkIf(const ast::Expr& e, Env& env, const ir::Type* expected);
  ir::ExprPtr checkSelon(const ast::Expr& e, Env& env, const ir::Type* expected);
  ir::ExprPtr checkAggregate(const ast::Expr& e, Env& env);
  ir::ExprPtr checkLiteral(const ast::Expr& e, Env& env, const ir::Type* expected);
  ir::ExprPtr checkQuotaRef(const ast::Expr& e, Env& env);
  ir::ExprPtr checkCotationRef(const ast::Expr& e, Env& env, std::uint32_t cotation, std::size_t depth);
  ir::ExprPtr errorExpr(SourceRange r);
  ir::ExprPtr applyField(ir::ExprPtr base, const ast::Ident& field, Env& env, const std::string& path);
  ir::ExprPtr useDefinition(std::uint32_t index, std::vector<ir::ExprPtr> args, Env& env, SourceRange range);
  ir::ExprPtr useSymbol(const Symbol& s, const ast::Ident& name, Env& env, SourceRange range);
  const ir::Type* unify(const ir::Type* a, const ir::Type* b);
  std::uint32_t bind(Env& env, const ast::Ident& name, const ir::Type* type);
  void unbind(Env& env, std::size_t count);
  bool useRole(Env& env, ir::Role role, SourceRange range);
  // The folded dotted path of a Name/Field chain, or "" (for narrowing).
  static std::string pathOf(const ast::Expr& e);
  // The fact a condition proves about a path's sign, as kept in
  // Env::narrowed next to `existe` facts: `x > 0`, `x ≥ 1`, `x ≠ 0` prove
  // `x` is not zero (W0002 is then not reported for `… ÷ x`). "" if none.
  // With `negated`, the fact its negation proves (`x = 0` false: `x ≠ 0`).
  static std::string nonZeroFact(const ast::Expr& condition, bool negated = false);
  // The facts a `si` condition's falsity proves, for its `sinon` branch.
  static void elseFacts(const ast::Expr& condition, std::vector<std::string>& facts);
  static std::string nonZeroKey(const std::string& path) { return "≠0 " + path; }
  // The bound a comparison of an entier path with an integer proves
  // (`n ≥ 0`, `n < 4`, `n = 2`), kept in Env::narrowed as ">k path",
  // "<k path" or "=k path"; and an interval tightened by such facts (W0003).
  static std::string boundFact(const ast::Expr& condition, bool negated = false);
  static std::string boundKey(char kind, std::int64_t k, const std::string& path) {
    return kind + std::to_string(k) + " " + path;
  }
  static Interval narrowedInterval(Interval iv, const std::string& path, const Env& env);
  Interval interval(const ir::Expr& e);
  // Sign analysis on décimal expressions, for division warnings.
  bool provablyPositive(const ir::Expr& e);
  bool extremumHas(const ir::Expr& e, const std::function<bool(const ir::Expr&)>& property);
  bool provablyNonNegative(const ir::Expr& e);

  std::string typeName(const ir::Type* t) const { return ir::typeName(*program_, t); }
  // The source text a range covers (first line only for multi-line ranges).
  std::string sourceText(SourceRange r) const;
  void checkTestBounds(const ir::FieldDecl& f, const ir::Expr& value, const ast::Expr& written,
                       const std::string& fieldPath);
  // The motif of an exception written without a label: its condition, as
  // written (`sauf si demande.dalo`), rather than a bare "exception".
  std::string unlabelledException(const ast::Expr& condition) const { return "sauf si " + sourceText(condition.range); }
  ir::TypeTable& types() { return program_->types; }
  DiagnosticEngine& diags() { return diags_; }
  ir::Program& program() { return *program_; }

  // Declarations and where they come from, by IR index.
  struct DeclOrigin {
    Module* module;
    const void* node; // the ast:: declaration
  };
  std::vector<DeclOrigin> structOrigin, enumOrigin, parameterOrigin, definitionOrigin, cotationOrigin, blockOrigin,
      quotaOrigin, classementOrigin, similariteOrigin;
  // Per definition: replaced by a `remplace définition` (index of replacement).
  std::vector<std::uint32_t> definitionTarget, parameterTarget;

  std::vector<std::unique_ptr<Module>> modules;
  std::vector<Module*> order; // imports before importers
  Module* root = nullptr;

private:
  SourceManager& sources_;
  DiagnosticEngine& diags_;
  CheckOptions options_;
  std::unique_ptr<ir::Program> program_ = std::make_unique<ir::Program>();
  std::map<std::uint32_t, Interval> definitionIntervals_;
  std::vector<std::vector<std::uint32_t>> calls_; // definition → definitions it calls
  std::set<std::uint32_t> intervalInProgress_;
  // The intervals of the arguments of the définitions being followed by
  // `interval` (innermost last): a définition's parameters are its first
  // slots. Bounded in depth: each call site re-reads the body.
  std::vector<std::vector<Interval>> argumentIntervals_;
};

std::string roleName(ir::Role r);
bool isRoleName(const std::string& folded, ir::Role& out);

} // namespace loge::sema::internal
