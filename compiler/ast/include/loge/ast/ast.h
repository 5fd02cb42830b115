// AST stage: the syntax tree of one Loge module, with source ranges.
//
// The syntax stage builds it from the ANTLR parse tree; the semantic stage
// reads it and produces the typed IR. Nodes own their children through
// unique_ptr; nothing is shared. Every node carries the range of source text
// it came from, so every later diagnostic and evaluation error can point at
// the policy text. Names are kept as written (with accents); comparisons
// between names go through `foldName` (see names.h).
#pragma once

#include "loge/source/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loge::ast {

struct Ident {
  std::string text;
  SourceRange range;
};

// `a.b.c`
struct QualifiedName {
  std::vector<Ident> parts;
  SourceRange range;
  std::string joined() const;
};

// A string literal, after escapes; `{expr}` segments are parsed by the
// syntax stage into `parts` (see InterpolatedText).
struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct TextPart {
  std::string literal; // used when expr is null
  ExprPtr expr;
};
struct Text {
  std::string raw; // the literal text, escapes resolved, braces kept
  std::vector<TextPart> parts;
  SourceRange range;
};

// ---------------------------------------------------------------- types

enum class Unit : std::uint8_t {
  None,
  Euro,
  EuroPerMonth,
  EuroPerYear,
  SquareMetre,
  Points
};

struct TypeRef;
using TypeRefPtr = std::unique_ptr<TypeRef>;

struct TypeRef {
  enum class Kind : std::uint8_t {
    Bool,
    Int,
    Decimal,
    Date,
    Duration,
    Text,
    Named,
    List
  };
  Kind kind = Kind::Int;
  Unit unit = Unit::None; // for Decimal-based types (montant, surface, points)
  // durée en mois | durée en jours (Duration); 0 when no unit was written.
  enum class DurationUnit : std::uint8_t {
    Unspecified,
    Months,
    Days
  } durationUnit = DurationUnit::Unspecified;
  bool optional = false;
  QualifiedName name; // Named
  TypeRefPtr element; // List
  // Bounds: `entier 1..6`, `entier (au moins 1)`, `montant (au moins 0 €)`,
  // `liste de T (au moins 1)`.
  ExprPtr lowerBound;
  ExprPtr upperBound;
  SourceRange range;
};

// ---------------------------------------------------------------- expressions

enum class UnaryOp : std::uint8_t {
  Neg,
  Not
};
enum class BinaryOp : std::uint8_t {
  Add,
  Sub,
  Mul,
  Div,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or
};
enum class AggregateKind : std::uint8_t {
  Count,
  Sum,
  Max,
  Min,
  First,
  All,
  Any
};
enum class RoundingMode : std::uint8_t {
  Nearest,
  Even,
  Floor,
  Ceiling
};
enum class LiteralUnit : std::uint8_t {
  None,
  Euro,
  EuroPerMonth,
  EuroPerYear,
  SquareMetre,
  Points,
  Percent,
  Months,
  Years,
  Days
};

struct SelonArm {
  std::vector<Ident> cases; // empty for `sinon`
  ExprPtr value;
  SourceRange range;
};

struct RecordEntry {
  QualifiedName path;
  ExprPtr value;
};

struct Expr {
  enum class Kind : std::uint8_t {
    Number, // text + unit
    Date,   // text
    String, // text
    Bool,
    Absent,
    Error,  // erreur "motif"
    Name,   // ident
    Field,  // base.name
    Index,  // base[args]
    Call,   // name(args)
    AtDate, // base au date
    Unary,
    Binary,
    If, // si cond alors a sinon b
    Selon,
    Exists,  // base existe [comme binder]
    Default, // base à défaut other
    Member,  // base dans list
    Aggregate,
    Round,  // arrondi(x, step, mode)
    List,   // [a, b]
    Record, // { path = value … } (tests only)
  };

  Kind kind;
  SourceRange range;

  // Literals, names
  std::string text;
  LiteralUnit literalUnit = LiteralUnit::None;
  bool boolValue = false;
  Ident name;               // Name, Field (field name), Call (callee), Exists binder
  std::vector<Ident> scope; // Call: the import aliases before the callee (`a.f(x)`)
  bool hasBinder = false;
  Text message; // Error

  UnaryOp unaryOp = UnaryOp::Neg;
  BinaryOp binaryOp = BinaryOp::Add;
  AggregateKind aggregate = AggregateKind::Count;
  RoundingMode rounding = RoundingMode::Nearest;

  // Operands. Their meaning by kind:
  //  Field/Index/AtDate/Exists/Unary: a = base; Binary: a, b; Default: a, b;
  //  Member: a = element, b = list; If: a = cond, b = then, c = else;
  //  Selon: a = scrutinee; Round: a = value, b = step;
  //  Aggregate: a = element expression (sum/max/min) or null, b = list,
  //             c = condition or null; `name` is the binder.
  ExprPtr a, b, c;
  std::vector<ExprPtr> args; // Index, Call, List
  std::vector<SelonArm> arms;
  std::vector<RecordEntry> entries; // Record

  Expr(Kind k, SourceRange r) : kind(k), range(r) {}
};

// ---------------------------------------------------------------- declarations

struct Reference {
  std::string text;
  SourceRange range;
};

struct Header {
  std::string title;
  std::optional<std::string> version;
  std::optional<std::string> vigueurFrom; // ISO dates as written
  std::optional<std::string> vigueurTo;
  SourceRange vigueurRange;
  std::vector<Reference> references;
  enum class EndOfMonth : std::uint8_t {
    Undeclared,
    LastDay,
    FirstOfNext,
    Error
  };
  EndOfMonth endOfMonth = EndOfMonth::Undeclared;
  SourceRange range;
};

struct Import {
  std::string path;
  std::optional<Ident> alias;
  SourceRange range;
};

struct SchemaBinding {
  Ident role; // demande, logement, candidature, attribution
  Ident type;
};
struct Schema {
  std::string label;
  std::vector<SchemaBinding> bindings;
  SourceRange range;
};

struct FieldDecl {
  Ident name;
  std::string label;
  TypeRefPtr type;
  ExprPtr defaultValue; // test default only
  SourceRange range;
};
struct Structure {
  Ident name;
  std::string label;
  std::vector<FieldDecl> fields;
  SourceRange range;
};

struct EnumValueDecl {
  Ident name;
  std::string label;
};
struct Enumeration {
  Ident name;
  std::string label;
  std::vector<EnumValueDecl> values;
  SourceRange range;
};

// A barème's key: `categorie : 1..6`, `zone : Zone`, `taux : décimal`.
struct TableKey {
  Ident name;
  bool intRange = false;
  std::string lower, upper; // intRange; upper empty when open-ended
  TypeRefPtr type;          // otherwise
  SourceRange range;
};

struct TableCell {
  enum class Kind : std::uint8_t {
    Hole,
    Value,
    Tuple,
    Range,
    Below,
    Open
  };
  Kind kind = Kind::Value;
  std::vector<ExprPtr> values;      // Value: 1, Tuple: n, Range: 2 (from, to), Below/Open: 1
  bool rangeUpperExclusive = false; // `de a à moins de b`
  SourceRange range;
};
struct TableRow {
  TableCell key;
  std::vector<TableCell> cells;
  SourceRange range;
};
struct TableBody {
  std::vector<TableCell> header; // the header line's cells (names or integers)
  std::vector<TableRow> rows;
  SourceRange range;
};

struct DatedValue {
  std::string from;              // ISO date as written
  std::optional<std::string> to; // `jusqu'au`
  std::optional<Reference> reference;
  ExprPtr value;                    // scalar
  std::unique_ptr<TableBody> table; // barème
  std::optional<std::string> file;  // `fichier "…"`
  SourceRange range;
};

struct Parameter {
  Ident name;
  QualifiedName replaced; // for `remplace paramètre`
  std::string label;
  // Scalar: `type`; barème: keys + value type(s).
  TypeRefPtr type;
  bool isTable = false;
  std::vector<TableKey> keys;
  std::vector<std::pair<Ident, TypeRefPtr>> tupleFields; // `→ (min : entier, max : entier)`
  std::vector<Reference> references;
  std::vector<DatedValue> values;
  SourceRange range;
};

struct Param {
  Ident name;
  TypeRefPtr type;
};
struct Definition {
  Ident name;
  QualifiedName replaced; // for `remplace définition`
  std::vector<Param> params;
  bool hasParens = false;
  TypeRefPtr returnType;
  ExprPtr body;
  SourceRange range;
};

struct CotationItem;
using CotationItemPtr = std::unique_ptr<CotationItem>;

struct CotationItem {
  enum class Kind : std::uint8_t {
    Criterion,
    Rubrique,
    Floor,
    Ceiling
  };
  Kind kind;
  Ident name;
  std::string label;
  std::vector<Reference> references;
  ExprPtr value;                      // criterion value, floor/ceiling bound
  ExprPtr condition;                  // criterion `si C`
  bool maximum = false;               // rubrique combination
  std::vector<CotationItemPtr> items; // rubrique content
  SourceRange range;
};

struct Cotation {
  Ident name;
  std::string label;
  std::vector<Reference> references;
  std::vector<CotationItemPtr> items;
  SourceRange range;
};

struct ReplaceCriterion {
  QualifiedName target; // alias.cotation.critere
  std::string label;
  std::vector<Reference> references;
  ExprPtr value;
  ExprPtr condition;
  SourceRange range;
};

struct RuleException {
  ExprPtr condition;
  std::string label;
  std::optional<Reference> reference;
  SourceRange range;
};
struct Rule {
  Ident name;
  std::string label;
  std::vector<Reference> references;
  ExprPtr requirement;
  bool refusal = true; // refus | alerte
  std::optional<Text> motif;
  std::vector<RuleException> exceptions;
  SourceRange range;
};
// `exception à bloc.règle sauf si …`, declared apart from its rule.
struct ExternalException {
  QualifiedName target;
  RuleException exception;
  SourceRange range;
};

struct RuleBlock {
  bool eligibility = true; // éligibilité | harmonisation
  Ident name;
  std::string label;
  std::vector<Reference> references;
  bool forLogement = false;
  std::vector<Rule> rules;
  SourceRange range;
};

enum class PeriodKind : std::uint8_t {
  Year,
  Semester,
  Quarter,
  Month
};
struct ScopeKey {
  Ident name;
  ExprPtr value;
};
struct Quota {
  Ident name;
  std::string label;
  std::vector<Reference> references;
  PeriodKind period = PeriodKind::Year;
  ExprPtr anchor;
  std::vector<ScopeKey> scopes;
  ExprPtr population; // may be null
  bool atLeast = true;
  ExprPtr target;
  bool countNoun = false; // `attributions` written after the target
  ExprPtr qualifying;
  SourceRange range;
};

struct OrderKey {
  ExprPtr key;
  bool descending = false;
};
struct DontClause {
  ExprPtr count;
  ExprPtr condition;
  ExprPtr when; // may be null
  std::string label;
  SourceRange range;
};
struct Classement {
  Ident name;
  std::string label;
  std::vector<Reference> references;
  bool forLogement = false;
  bool hasPool = false;
  ExprPtr pool; // may be null
  std::vector<OrderKey> order;
  ExprPtr retain; // may be null: all
  std::vector<DontClause> dont;
  // The clauses that may appear once (`candidats`, `ordre`, `retenir`), in
  // the order written, with their ranges: the checker refuses a repeat.
  std::vector<std::pair<std::string, SourceRange>> singleClauses;
  SourceRange range;
};

// `similarité NOM "…" { même K … attente de D à F }`.
struct Similarite {
  Ident name;
  std::string label;
  std::vector<Reference> references;
  std::vector<ExprPtr> keys;
  ExprPtr waitFrom, waitTo; // may be null
  int waitClauses = 0;      // to report a repeated `attente`
  SourceRange waitRange;    // the last `attente` clause
  SourceRange range;
};

struct TestInput {
  Ident role; // demande, logement, candidature
  std::vector<RecordEntry> entries;
  SourceRange range;
};

struct TestStatement {
  enum class Kind : std::uint8_t {
    Date,
    Input,
    Candidates,
    Attributions,
    Override,
    ExpectRule,
    Expect
  };
  Kind kind;
  std::string date;
  TestInput input;
  std::vector<std::vector<RecordEntry>> records; // Candidates, Attributions
  QualifiedName target;                          // Override, ExpectRule
  std::vector<DatedValue> values;                // Override
  std::string ruleStatus;                        // ExpectRule: ok|alerte|refus|exception
  ExprPtr expectation;                           // Expect
  SourceRange range;
};
struct Test {
  std::string name;
  std::vector<TestStatement> statements;
  SourceRange range;
};
struct TestDefaults {
  std::vector<TestInput> inputs;
  SourceRange range;
};

struct Module {
  FileId file = kNoFile;
  std::optional<Header> header;
  std::vector<Import> imports;
  std::vector<Schema> schemas;
  std::vector<Structure> structures;
  std::vector<Enumeration> enumerations;
  std::vector<Parameter> parameters;   // includes `remplace paramètre` (replaced set)
  std::vector<Definition> definitions; // includes `remplace définition`
  std::vector<ReplaceCriterion> replacedCriteria;
  std::vector<Cotation> cotations;
  std::vector<RuleBlock> ruleBlocks;
  std::vector<ExternalException> externalExceptions;
  std::vector<Quota> quotas;
  std::vector<Classement> classements;
  std::vector<Similarite> similarites;
  std::vector<TestDefaults> testDefaults;
  std::vector<Test> tests;
};

} // namespace loge::ast
