// AST stage: s-expression printer for expressions.
#include "loge/ast/dump.h"

namespace loge::ast {

namespace {
const char* binaryName(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Sub: return "-";
  case BinaryOp::Mul: return "×";
  case BinaryOp::Div: return "÷";
  case BinaryOp::Eq: return "=";
  case BinaryOp::Ne: return "≠";
  case BinaryOp::Lt: return "<";
  case BinaryOp::Le: return "≤";
  case BinaryOp::Gt: return ">";
  case BinaryOp::Ge: return "≥";
  case BinaryOp::And: return "et";
  case BinaryOp::Or: return "ou";
  }
  return "?";
}

const char* aggregateName(AggregateKind k) {
  switch (k) {
  case AggregateKind::Count: return "nombre";
  case AggregateKind::Sum: return "somme";
  case AggregateKind::Max: return "maximum";
  case AggregateKind::Min: return "minimum";
  case AggregateKind::First: return "premier";
  case AggregateKind::All: return "tous";
  case AggregateKind::Any: return "au_moins_un";
  }
  return "?";
}

const char* unitName(LiteralUnit u) {
  switch (u) {
  case LiteralUnit::None: return "";
  case LiteralUnit::Euro: return "€";
  case LiteralUnit::EuroPerMonth: return "€/mois";
  case LiteralUnit::EuroPerYear: return "€/an";
  case LiteralUnit::SquareMetre: return "m²";
  case LiteralUnit::Points: return "points";
  case LiteralUnit::Percent: return "%";
  case LiteralUnit::Months: return "mois";
  case LiteralUnit::Years: return "ans";
  case LiteralUnit::Days: return "jours";
  }
  return "";
}

std::string opt(const ExprPtr& e) { return e ? " " + dump(*e) : ""; }
} // namespace

std::string dump(const Expr& e) {
  using K = Expr::Kind;
  switch (e.kind) {
  case K::Number: return e.literalUnit == LiteralUnit::None ? e.text : e.text + unitName(e.literalUnit);
  case K::Date: return e.text;
  case K::String: return "\"" + e.text + "\"";
  case K::Bool: return e.boolValue ? "vrai" : "faux";
  case K::Absent: return "absent";
  case K::Error: return "(erreur \"" + e.message.raw + "\")";
  case K::Name: return e.name.text;
  case K::Field: return "(. " + dump(*e.a) + " " + e.name.text + ")";
  case K::Index: {
    std::string s = "([] " + dump(*e.a);
    for (const auto& x : e.args) s += " " + dump(*x);
    return s + ")";
  }
  case K::Call: {
    std::string s = "(" + e.name.text;
    for (const auto& x : e.args) s += " " + dump(*x);
    return s + ")";
  }
  case K::AtDate: return "(au " + dump(*e.a) + " " + dump(*e.b) + ")";
  case K::Unary: return std::string("(") + (e.unaryOp == UnaryOp::Neg ? "neg " : "non ") + dump(*e.a) + ")";
  case K::Binary: return std::string("(") + binaryName(e.binaryOp) + " " + dump(*e.a) + " " + dump(*e.b) + ")";
  case K::If: return "(si " + dump(*e.a) + " " + dump(*e.b) + " " + dump(*e.c) + ")";
  case K::Selon: {
    std::string s = "(selon " + dump(*e.a);
    for (const auto& arm : e.arms) {
      s += " [";
      if (arm.cases.empty()) s += "sinon";
      for (std::size_t i = 0; i < arm.cases.size(); ++i) s += (i ? "," : "") + arm.cases[i].text;
      s += " " + dump(*arm.value) + "]";
    }
    return s + ")";
  }
  case K::Exists: return "(existe " + dump(*e.a) + (e.hasBinder ? " comme " + e.name.text : "") + ")";
  case K::Default: return "(à_défaut " + dump(*e.a) + " " + dump(*e.b) + ")";
  case K::Member: return "(dans " + dump(*e.a) + " " + dump(*e.b) + ")";
  case K::Aggregate:
    return std::string("(") + aggregateName(e.aggregate) + " " + e.name.text + opt(e.a) + " " + dump(*e.b) +
           (e.c ? " où " + dump(*e.c) : "") + ")";
  case K::Round: return "(arrondi " + dump(*e.a) + " " + dump(*e.b) + ")";
  case K::List: {
    std::string s = "[";
    for (std::size_t i = 0; i < e.args.size(); ++i) s += (i ? " " : "") + dump(*e.args[i]);
    return s + "]";
  }
  case K::Record: {
    std::string s = "{";
    for (std::size_t i = 0; i < e.entries.size(); ++i)
      s += (i ? " " : "") + e.entries[i].path.joined() + "=" + dump(*e.entries[i].value);
    return s + "}";
  }
  }
  return "?";
}

} // namespace loge::ast
