// Interpreter stage: formatting values for people (French) and for JSON.
#include "loge/interp/interp.h"

#include <fmt/format.h>

namespace loge::interp {

namespace {
std::string jsonEscape(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (c < 0x20)
        out += fmt::format("\\u{:04x}", c);
      else
        out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// `exact`: every decimal of a décimal (up to 18), not the display's 2 or 4.
std::string french(const ir::Program& p, const ir::Type* type, const Value& v, bool exact) {
  if (v.isAbsent()) return "absent";
  const ir::Type* t = ir::stripOptional(type);
  switch (t->kind) {
  case ir::TypeKind::Bool: return v.b ? "vrai" : "faux";
  case ir::TypeKind::Int: return num::Decimal::fromInt(v.i).toFrench(0, 0);
  case ir::TypeKind::Decimal: {
    num::Decimal d = v.asDecimal();
    const int most = exact ? 18 : 2;
    switch (t->unit) {
    case ir::Unit::Euro: return d.toFrench(d.isInteger() ? 0 : 2, most) + " €";
    case ir::Unit::EuroPerMonth: return d.toFrench(d.isInteger() ? 0 : 2, most) + " €/mois";
    case ir::Unit::EuroPerYear: return d.toFrench(d.isInteger() ? 0 : 2, most) + " €/an";
    case ir::Unit::SquareMetre: return d.toFrench(0, most) + " m²";
    case ir::Unit::Points: {
      std::string s = d.toFrench(0, most);
      bool singular = num::Decimal::fromInt(-2) < d && d < num::Decimal::fromInt(2);
      return s + (singular ? " point" : " points");
    }
    case ir::Unit::None: break;
    }
    return d.toFrench(0, exact ? 18 : 4);
  }
  case ir::TypeKind::Date: return v.asDate().toFrench();
  case ir::TypeKind::Duration:
    return fmt::format("{} {}", v.i, t->durationUnit == ir::DurationUnit::Days ? "jours" : "mois");
  case ir::TypeKind::Text: return *v.text;
  case ir::TypeKind::Enum: return p.enums[t->index].valueLabels[v.e];
  case ir::TypeKind::List: {
    std::string out;
    for (const Value& x : v.lst->items) out += (out.empty() ? "" : ", ") + french(p, t->element, x, exact);
    return "[" + out + "]";
  }
  case ir::TypeKind::Struct: return "(" + p.structs[t->index].name + ")";
  default: return "?";
  }
}

} // namespace

std::string formatFrench(const ir::Program& p, const ir::Type* type, const Value& v) {
  return french(p, type, v, false);
}

std::string formatFrenchExact(const ir::Program& p, const ir::Type* type, const Value& v) {
  return french(p, type, v, true);
}

std::string formatJson(const ir::Program& p, const ir::Type* type, const Value& v) {
  if (v.isAbsent()) return "null";
  const ir::Type* t = ir::stripOptional(type);
  switch (t->kind) {
  case ir::TypeKind::Bool: return v.b ? "true" : "false";
  case ir::TypeKind::Int:
  case ir::TypeKind::Duration: return std::to_string(v.i);
  case ir::TypeKind::Decimal: return v.asDecimal().toString();
  case ir::TypeKind::Date: return "\"" + v.asDate().toString() + "\"";
  case ir::TypeKind::Text: return jsonEscape(*v.text);
  case ir::TypeKind::Enum: return jsonEscape(p.enums[t->index].values[v.e]);
  case ir::TypeKind::List: {
    std::string out = "[";
    for (std::size_t i = 0; i < v.lst->items.size(); ++i)
      out += (i ? ", " : "") + formatJson(p, t->element, v.lst->items[i]);
    return out + "]";
  }
  case ir::TypeKind::Struct: {
    const ir::StructDecl& s = p.structs[t->index];
    std::string out = "{";
    for (std::size_t i = 0; i < s.fields.size(); ++i)
      out += (i ? ", " : "") + jsonEscape(s.fields[i].name) + ": " + formatJson(p, s.fields[i].type, v.rec->fields[i]);
    return out + "}";
  }
  default: return "null";
  }
}

std::string recordId(const ir::Program& p, const Value& record) {
  if (record.tag != Tag::Record) return "";
  int f = p.structs[record.rec->structIndex].fieldIndex("id");
  if (f < 0) return "";
  const Value& v = record.rec->fields[static_cast<std::size_t>(f)];
  return v.tag == Tag::Text ? *v.text : "";
}

} // namespace loge::interp
