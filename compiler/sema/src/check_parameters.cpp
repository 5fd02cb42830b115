// Semantic stage (internal): parameters — scalar dated values, barèmes laid
// out as published, `remplace paramètre`, and the coverage of the policy's
// effective period (no gap, no overlap).
#include "checker.h"

#include <algorithm>

namespace loge::sema::internal {

using ir::TypeKind;

std::optional<ir::Constant> Checker::constantValue(Module& m, const ast::Expr& e, const ir::Type* type) {
  Env env;
  env.module = &m;
  env.where = "la valeur d'un paramètre";
  std::uint32_t slots = 0;
  env.slots = &slots;
  auto v = checkExpr(e, env, type);
  if (v->type->kind == TypeKind::Error) return std::nullopt;
  v = coerce(std::move(v), type, env, "valeur");
  if (v->type->kind == TypeKind::Error) return std::nullopt;
  if (v->op == ir::Op::Const) return v->constant;
  if (v->op == ir::Op::MakeList) {
    ir::Constant list;
    list.kind = ir::Constant::Kind::List;
    for (const auto& item : v->args) {
      if (item->op != ir::Op::Const) {
        diags_.report(DiagKind::TypeMismatch, item->range, "une valeur de paramètre est une constante");
        return std::nullopt;
      }
      list.items.push_back(item->constant);
    }
    return list;
  }
  diags_.report(DiagKind::TypeMismatch, e.range,
                "une valeur de paramètre est une constante (un nombre, une date, un texte…)");
  return std::nullopt;
}

namespace {
bool lessThan(const ir::Constant& a, const ir::Constant& b) { return a.number < b.number; }
} // namespace

// Reads one table version: a header line, then rows keyed by the first key.
static bool readTable(Checker& c, Module& m, const ir::ParameterDecl& p, const ast::TableBody& body,
                      ir::TableVersion& out) {
  DiagnosticEngine& diags = c.diags();
  // The first line names the columns (`categorie | plafond`); one that
  // starts with a value is a first row written without its header, which
  // would be silently dropped.
  if (!body.header.empty() && body.header[0].kind == ast::TableCell::Kind::Value && !body.header[0].values.empty() &&
      body.header[0].values[0]->kind == ast::Expr::Kind::Number) {
    Diagnostic& d = diags.report(DiagKind::BadTable, body.header[0].range,
                                 "la première ligne d'un barème nomme ses colonnes ; celle-ci commence par une valeur");
    d.hint = fmt::format("ajoutez l'en-tête avant la première ligne : `{} | valeur`", p.keys[0].name);
    return false;
  }
  const ir::TableKey& k1 = p.keys[0];
  bool twoKeys = p.keys.size() == 2;
  std::size_t tupleArity = p.tupleFields.size();
  // Columns.
  if (twoKeys) {
    const ir::TableKey& k2 = p.keys[1];
    for (std::size_t i = 1; i < body.header.size(); ++i) {
      const ast::TableCell& h = body.header[i];
      const ast::Expr* x = h.kind == ast::TableCell::Kind::Value ? h.values[0].get() : nullptr;
      if (k2.kind == ir::TableKey::Kind::Enum && x && x->kind == ast::Expr::Kind::Name) {
        auto idx = c.lookupEnumValue(k2.type, ast::foldName(x->name.text));
        if (!idx) {
          diags.report(DiagKind::UnknownEnumValue, h.range, x->name.text, c.program().enums[k2.type->index].name);
          return false;
        }
        out.columnKeys.push_back(*idx);
      } else if (k2.kind == ir::TableKey::Kind::IntRange && x && x->kind == ast::Expr::Kind::Number) {
        out.columnKeys.push_back(static_cast<std::uint32_t>(std::stoll(x->text)));
      } else {
        diags.report(DiagKind::BadTable, h.range,
                     "en-tête de colonne invalide : attendu une valeur de la clé `" + k2.name + "`");
        return false;
      }
    }
    if (k2.kind == ir::TableKey::Kind::Enum) {
      const ir::EnumDecl& en = c.program().enums[k2.type->index];
      for (std::uint32_t v = 0; v < en.values.size(); ++v) {
        auto n = std::count(out.columnKeys.begin(), out.columnKeys.end(), v);
        if (n == 0) diags.report(DiagKind::TableMissingRow, body.range, p.name, "la colonne `" + en.values[v] + "`");
        if (n > 1) diags.report(DiagKind::TableOverlap, body.range, p.name, "la colonne `" + en.values[v] + "`");
      }
    }
  }
  std::size_t columns = twoKeys ? out.columnKeys.size() : 1;
  for (const ast::TableRow& row : body.rows) {
    ir::TableRowKey key;
    key.range = row.key.range;
    const ast::TableCell& kc = row.key;
    using CK = ast::TableCell::Kind;
    auto constant = [&](const ast::Expr& e, const ir::Type* t) { return c.constantValue(m, e, t); };
    switch (k1.kind) {
    case ir::TableKey::Kind::Enum: {
      const ast::Expr* x = kc.kind == CK::Value ? kc.values[0].get() : nullptr;
      auto idx = x && x->kind == ast::Expr::Kind::Name ? c.lookupEnumValue(k1.type, ast::foldName(x->name.text))
                                                       : std::nullopt;
      if (!idx) {
        diags.report(DiagKind::BadTable, kc.range,
                     "clé de ligne invalide : attendu une valeur de `" + c.program().enums[k1.type->index].name + "`");
        return false;
      }
      key.enumValue = *idx;
      break;
    }
    case ir::TableKey::Kind::Text: {
      auto v = kc.kind == CK::Value ? constant(*kc.values[0], c.types().text()) : std::nullopt;
      if (!v) return false;
      key.text = v->text;
      break;
    }
    case ir::TableKey::Kind::IntRange:
    case ir::TableKey::Kind::Band: {
      const ir::Type* t = k1.type;
      if (kc.kind == CK::Value) {
        key.from = constant(*kc.values[0], t);
        key.to = key.from;
      } else if (kc.kind == CK::Range) {
        key.from = constant(*kc.values[0], t);
        key.to = constant(*kc.values[1], t);
        key.toInclusive = !kc.rangeUpperExclusive;
      } else if (kc.kind == CK::Below) {
        key.to = constant(*kc.values[0], t);
        key.toInclusive = false;
        if (k1.kind == ir::TableKey::Kind::IntRange) {
          diags.report(DiagKind::BadTable, kc.range,
                       "`moins de` s'emploie pour des tranches de montants ou de taux ; écrivez `de a à b`");
          return false;
        }
      } else if (kc.kind == CK::Open) {
        key.from = constant(*kc.values[0], t);
      } else {
        diags.report(DiagKind::BadTable, kc.range, "clé de ligne invalide");
        return false;
      }
      if ((kc.kind != CK::Below && !key.from) || (kc.kind != CK::Open && !key.to)) return false;
      if (k1.kind == ir::TableKey::Kind::Band && kc.kind == CK::Value) {
        diags.report(DiagKind::BadTable, kc.range,
                     "une tranche s'écrit `moins de a`, `de a à moins de b` ou `a et plus`");
        return false;
      }
      break;
    }
    }
    std::vector<std::optional<ir::Constant>> cells;
    std::vector<SourceRange> ranges;
    auto cellValue = [&](const ast::TableCell& cell) -> std::optional<ir::Constant> {
      if (tupleArity) {
        if (cell.kind != CK::Tuple || cell.values.size() != tupleArity) {
          diags.report(DiagKind::BadTable, cell.range,
                       fmt::format("attendu un n-uplet de {} valeurs `(…, …)`", tupleArity));
          return std::nullopt;
        }
        ir::Constant tuple;
        tuple.kind = ir::Constant::Kind::Tuple;
        for (std::size_t i = 0; i < tupleArity; ++i) {
          auto v = constant(*cell.values[i], p.tupleFields[i].second);
          if (!v) return std::nullopt;
          tuple.items.push_back(*v);
        }
        return tuple;
      }
      if (cell.kind != CK::Value) {
        diags.report(DiagKind::BadTable, cell.range, "valeur de case invalide");
        return std::nullopt;
      }
      return constant(*cell.values[0], p.type);
    };
    if (tupleArity && !twoKeys && row.cells.size() == tupleArity && row.cells[0].kind != CK::Tuple) {
      // `typo | min | max` laid out as separate columns.
      ir::Constant tuple;
      tuple.kind = ir::Constant::Kind::Tuple;
      for (std::size_t i = 0; i < tupleArity; ++i) {
        auto v = constant(*row.cells[i].values[0], p.tupleFields[i].second);
        if (!v) return false;
        tuple.items.push_back(*v);
      }
      cells.push_back(tuple);
      ranges.push_back(row.range);
    } else {
      if (row.cells.size() != columns) {
        diags.report(DiagKind::BadTable, row.range,
                     fmt::format("cette ligne a {} case(s), l'en-tête en annonce {}", row.cells.size(), columns));
        return false;
      }
      for (const ast::TableCell& cell : row.cells) {
        ranges.push_back(cell.range);
        if (cell.kind == CK::Hole) {
          cells.push_back(std::nullopt);
          continue;
        }
        auto v = cellValue(cell);
        if (!v) return false;
        cells.push_back(v);
      }
    }
    out.rowKeys.push_back(std::move(key));
    out.cells.push_back(std::move(cells));
    out.cellRanges.push_back(std::move(ranges));
  }
  // Row coverage.
  if (k1.kind == ir::TableKey::Kind::Enum) {
    const ir::EnumDecl& en = c.program().enums[k1.type->index];
    for (std::uint32_t v = 0; v < en.values.size(); ++v) {
      std::size_t n = 0;
      for (const auto& rk : out.rowKeys) n += rk.enumValue == v;
      if (n == 0) diags.report(DiagKind::TableMissingRow, body.range, p.name, "`" + en.values[v] + "`");
      if (n > 1) diags.report(DiagKind::TableOverlap, body.range, p.name, "`" + en.values[v] + "`");
    }
  } else if (k1.kind == ir::TableKey::Kind::Text) {
    for (std::size_t i = 0; i < out.rowKeys.size(); ++i)
      for (std::size_t j = i + 1; j < out.rowKeys.size(); ++j)
        if (out.rowKeys[i].text == out.rowKeys[j].text)
          diags.report(DiagKind::TableOverlap, out.rowKeys[j].range, p.name, "« " + out.rowKeys[j].text + " »");
  } else {
    // Sort by lower end (an open lower end first) and check contiguity.
    std::vector<std::size_t> idx(out.rowKeys.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      const auto& ka = out.rowKeys[a];
      const auto& kb = out.rowKeys[b];
      if (!ka.from) return kb.from.has_value();
      if (!kb.from) return false;
      return lessThan(*ka.from, *kb.from);
    });
    bool isInt = k1.kind == ir::TableKey::Kind::IntRange;
    // Missing integer keys: `3`, or `de 3 à 5`.
    auto keys = [](std::int64_t from, std::int64_t to) {
      return from == to ? fmt::format("la valeur {}", from) : fmt::format("les valeurs de {} à {}", from, to);
    };
    auto show = [&](const ir::Constant& v) { return isInt ? std::to_string(v.asInt()) : v.asDecimal().toString(); };
    // The interval the rows must cover.
    std::optional<num::int128> expectFrom;
    if (isInt && k1.lower != INT64_MIN) expectFrom = k1.lower;
    bool openStart = !isInt;
    bool prevInclusive = true;
    std::optional<ir::Constant> prevTo;
    SourceRange prevRange;
    bool first = true;
    bool ok = true;
    for (std::size_t i : idx) {
      const auto& rk = out.rowKeys[i];
      if (first) {
        if (openStart && rk.from) {
          diags.report(DiagKind::TableMissingRow, rk.range, p.name,
                       "les valeurs en dessous de la ligne `" + c.sourceText(rk.range) +
                           "` (ajoutez une ligne `moins de …`)");
          ok = false;
        }
        if (isInt && expectFrom && rk.from && rk.from->number != *expectFrom) {
          if (rk.from->number > *expectFrom)
            diags.report(DiagKind::TableMissingRow, rk.range, p.name,
                         keys(static_cast<std::int64_t>(*expectFrom), rk.from->asInt() - 1));
          else
            diags.report(DiagKind::TableOverlap, rk.range, p.name,
                         fmt::format("{} (hors de l'intervalle de la clé)", rk.from->asInt()));
          ok = false;
        }
        first = false;
      } else {
        if (!prevTo) {
          diags.report(DiagKind::TableOverlap, rk.range, p.name, "les valeurs au-delà d'une ligne `… et plus`");
          ok = false;
          break;
        }
        // Expected start: prevTo (+1 for inclusive integers; equal for an exclusive band end).
        num::int128 want = prevTo->number + (isInt && prevInclusive ? 1 : 0);
        bool inclusiveStart = true;
        if (!isInt && prevInclusive) {
          // The row at fault is the one before, which ends with `à X`.
          std::string written = c.sourceText(prevRange);
          auto& d = diags.report(DiagKind::BadTable, prevRange,
                                 "une tranche qui n'est pas la dernière se termine par `à moins de …`");
          if (std::size_t at = written.rfind(" à "); at != std::string::npos)
            d.hint = fmt::format("écrivez `{} à moins de {}` : la tranche suivante commence à cette valeur",
                                 written.substr(0, at), written.substr(at + 4));
          ok = false;
          break;
        }
        (void)inclusiveStart;
        if (!rk.from || rk.from->number != want) {
          if (rk.from && rk.from->number > want)
            diags.report(DiagKind::TableMissingRow, rk.range, p.name,
                         isInt ? keys(static_cast<std::int64_t>(want), rk.from->asInt() - 1)
                               // As the rows are written (`30 %`, not 0.3).
                               : fmt::format("les valeurs entre la ligne `{}` et la ligne `{}`",
                                             c.sourceText(prevRange), c.sourceText(rk.range)));
          else
            diags.report(DiagKind::TableOverlap, rk.range, p.name, rk.from ? show(*rk.from) : std::string("une ligne"));
          ok = false;
        }
      }
      prevTo = rk.to;
      prevInclusive = rk.toInclusive;
      prevRange = rk.range;
    }
    if (ok && !out.rowKeys.empty()) {
      bool openEnd = !prevTo.has_value();
      if (isInt && k1.upper) {
        if (openEnd || prevTo->number < *k1.upper) {
          if (!openEnd)
            diags.report(DiagKind::TableMissingRow, body.range, p.name, keys(prevTo->asInt() + 1, *k1.upper));
        } else if (prevTo->number > *k1.upper) {
          diags.report(DiagKind::TableOverlap, body.range, p.name,
                       fmt::format("{} (au-delà de la clé)", prevTo->asInt()));
        }
      } else if (!openEnd) {
        diags.report(DiagKind::TableMissingRow, body.range, p.name,
                     "les valeurs au-delà de la ligne `" + c.sourceText(prevRange) +
                         "` (ajoutez une ligne `… et plus`)");
      }
    }
  }
  return true;
}

bool Checker::datedValues(Module& m, const std::string& name, const ir::Type* type, std::vector<ast::DatedValue>& in,
                          ir::ParameterDecl& p, std::vector<ir::DatedValue>& out) {
  (void)type;
  std::size_t holes = 0;
  for (ast::DatedValue& v : in) {
    ir::DatedValue dv;
    dv.range = v.range;
    auto from = num::Date::parse(v.from);
    if (!from) {
      diags_.report(DiagKind::BadDate, v.range, v.from);
      return false;
    }
    dv.from = *from;
    if (v.to) {
      auto to = num::Date::parse(*v.to);
      if (!to) {
        diags_.report(DiagKind::BadDate, v.range, *v.to);
        return false;
      }
      if (*to < *from) {
        diags_.report(DiagKind::BadVigueur, v.range, *v.to, v.from);
        return false;
      }
      dv.to = to;
    }
    if (v.reference) dv.reference = ir::Reference{v.reference->text, v.reference->range};
    if (v.file) {
      diags_.report(DiagKind::MisplacedClause, v.range,
                    "les barèmes en fichier (`fichier \"…\"`) ne sont pas encore pris en charge : écrivez le tableau "
                    "dans la politique");
      return false;
    }
    if (p.isTable) {
      if (!v.table) {
        diags_.report(DiagKind::BadTable, v.range,
                      "la valeur d'un barème est un tableau : une ligne d'en-tête puis une ligne par clé");
        return false;
      }
      if (v.table->rows.empty()) {
        diags_.report(DiagKind::BadTable, v.table->range,
                      "ce barème n'a que sa ligne d'en-tête : ajoutez une ligne par clé");
        return false;
      }
      if (!readTable(*this, m, p, *v.table, dv.table)) return false;
      for (const auto& row : dv.table.cells)
        for (const auto& cell : row) holes += !cell.has_value();
    } else {
      if (!v.value) {
        diags_.report(DiagKind::TypeMismatch, v.range,
                      "ce paramètre n'est pas un barème : sa valeur est une expression constante");
        return false;
      }
      auto c = constantValue(m, *v.value, p.type);
      if (!c) return false;
      dv.value = *c;
    }
    if (!out.empty() && !(out.back().from < dv.from)) {
      diags_.report(DiagKind::DatedValuesUnordered, v.range, name);
      out.clear(); // no coverage check on the values read so far: a false « gap »
      return false;
    }
    out.push_back(std::move(dv));
  }
  if (holes) diags_.report(DiagKind::TableHoles, p.range, name, holes);
  return true;
}

void Checker::declareParameters() {
  for (Module* mp : order) {
    Module& m = *mp;
    for (const ast::Parameter& a : m.ast->parameters) {
      if (!a.replaced.parts.empty()) continue;
      auto index = static_cast<std::uint32_t>(program_->parameters.size());
      addSymbol(m, a.name, Symbol::Kind::Parameter, index);
      ir::ParameterDecl p;
      p.name = m.prefix + a.name.text;
      p.label = a.label.empty() ? a.name.text : a.label;
      p.range = a.range;
      for (const ast::Reference& r : a.references) p.references.push_back({r.text, r.range});
      p.isTable = a.isTable;
      if (!a.tupleFields.empty()) {
        // A tuple-valued barème: its rows read as records `P[k].champ`.
        ir::StructDecl s;
        s.name = p.name + " (ligne)";
        for (const auto& [fname, ftype] : a.tupleFields) {
          ir::FieldDecl f;
          f.name = ast::foldName(fname.text);
          f.label = fname.text;
          f.type = resolveType(m, *ftype);
          p.tupleFields.emplace_back(f.name, f.type);
          s.fields.push_back(std::move(f));
        }
        program_->structs.push_back(std::move(s));
        p.type = types().structure(static_cast<std::uint32_t>(program_->structs.size() - 1));
      } else {
        p.type = resolveType(m, *a.type);
      }
      for (const ast::TableKey& k : a.keys) {
        ir::TableKey key;
        key.name = ast::foldName(k.name.text);
        if (k.intRange) {
          key.kind = ir::TableKey::Kind::IntRange;
          key.type = types().integer();
          key.lower = std::stoll(k.lower);
          if (!k.upper.empty()) key.upper = std::stoll(k.upper);
          if (key.upper && *key.upper < key.lower) diags_.report(DiagKind::BadBound, k.range, "intervalle de clé vide");
        } else {
          key.type = resolveType(m, *k.type);
          if (key.type->kind == TypeKind::Enum)
            key.kind = ir::TableKey::Kind::Enum;
          else if (key.type->kind == TypeKind::Text)
            key.kind = ir::TableKey::Kind::Text;
          else if (key.type->kind == TypeKind::Decimal || key.type->kind == TypeKind::Date)
            key.kind = ir::TableKey::Kind::Band;
          else if (key.type->kind == TypeKind::Int) {
            key.kind = ir::TableKey::Kind::IntRange;
            key.lower = INT64_MIN;
          } else
            diags_.report(DiagKind::TypeMismatch, k.range,
                          "une clé de barème est une énumération, un intervalle d'entiers, un nombre ou un texte");
        }
        p.keys.push_back(key);
      }
      if (a.keys.size() > 2) diags_.report(DiagKind::TableShape, a.range, "un barème a une ou deux clés");
      program_->parameters.push_back(std::move(p));
      parameterOrigin.push_back({&m, &a});
    }
  }
}

void Checker::checkParameterValues() {
  for (std::size_t i = 0; i < program_->parameters.size(); ++i) {
    ir::ParameterDecl& p = program_->parameters[i];
    Module& m = *parameterOrigin[i].module;
    auto* a = const_cast<ast::Parameter*>(static_cast<const ast::Parameter*>(parameterOrigin[i].node));
    if (a->values.empty()) {
      diags_.report(DiagKind::MissingClause, a->range,
                    "le paramètre `" + p.name + "` n'a aucune valeur datée (`depuis AAAA-MM-JJ : …`)");
      continue;
    }
    datedValues(m, p.name, p.type, a->values, p, p.values);
  }
  // `remplace paramètre alias.nom … depuis D : v`: from D on, the new values
  // replace the original's; the original's earlier values stay in force.
  for (Module* mp : order) {
    Module& m = *mp;
    for (ast::Parameter& a : const_cast<ast::Module&>(*m.ast).parameters) {
      if (a.replaced.parts.empty()) continue;
      Module* scope = &m;
      for (std::size_t k = 0; k + 1 < a.replaced.parts.size() && scope; ++k)
        scope = importAlias(*scope, ast::foldName(a.replaced.parts[k].text));
      const Symbol* s = scope && scope != &m ? lookup(*scope, a.replaced.parts.back(), false) : nullptr;
      if (!s || s->kind != Symbol::Kind::Parameter) {
        diags_.report(DiagKind::ReplaceTargetMissing, a.replaced.range, a.replaced.joined());
        continue;
      }
      ir::ParameterDecl& orig = program_->parameters[s->index];
      const ir::Type* t = a.isTable ? nullptr : resolveType(m, *a.type);
      if (a.isTable != orig.isTable || (!a.isTable && t != orig.type)) {
        diags_.report(DiagKind::ReplaceTypeMismatch, a.range, a.replaced.joined(), typeName(orig.type),
                      a.isTable ? std::string("barème") : typeName(t));
        continue;
      }
      std::vector<ir::DatedValue> values;
      if (!datedValues(m, orig.name, orig.type, a.values, orig, values) || values.empty()) continue;
      num::Date start = values.front().from;
      std::vector<ir::DatedValue> merged;
      for (auto& v : orig.values) {
        if (!(v.from < start)) break;
        merged.push_back(std::move(v));
      }
      if (!merged.empty()) {
        num::Date dayBefore;
        if (num::addDays(start, -1, dayBefore) == num::Status::Ok &&
            (!merged.back().to || dayBefore < *merged.back().to))
          merged.back().to = dayBefore;
      }
      for (auto& v : values) merged.push_back(std::move(v));
      orig.values = std::move(merged);
    }
  }
  for (const ir::ParameterDecl& p : program_->parameters) checkCoverage(p);
}

namespace {

// The days without value, as a sentence says them: « le 2024-02-29 »,
// « du 2024-01-01 au 2024-06-30 », « à partir du 2026-01-01 ».
std::string gapDays(num::Date from, std::optional<num::Date> to) {
  if (!to) return "à partir du " + from.toString();
  if (*to == from) return "le " + from.toString();
  return "du " + from.toString() + " au " + to->toString();
}

} // namespace

// Dated values must cover the policy's effective period without gap or
// overlap; outside it, an evaluation at an uncovered date is an error.
void Checker::checkCoverage(const ir::ParameterDecl& p) {
  if (p.values.empty()) return;
  bool declared = root->ast->header && root->ast->header->vigueurFrom;
  num::Date start = program_->vigueurFrom;
  if (declared && start < p.values.front().from) {
    num::Date end;
    num::addDays(p.values.front().from, -1, end);
    diags_.report(DiagKind::ParameterGap, p.values.front().range, p.name, gapDays(start, end));
  }
  for (std::size_t i = 0; i + 1 < p.values.size(); ++i) {
    const ir::DatedValue& a = p.values[i];
    const ir::DatedValue& b = p.values[i + 1];
    if (!a.to) continue;
    if (!(*a.to < b.from)) {
      diags_.report(DiagKind::ParameterOverlap, b.range, p.name, b.from.toString());
      continue;
    }
    num::Date next;
    num::addDays(*a.to, 1, next);
    if (next < b.from) {
      num::Date end;
      num::addDays(b.from, -1, end);
      bool inside = declared && !(end < start) && (!program_->vigueurTo || !(*program_->vigueurTo < next));
      if (inside) diags_.report(DiagKind::ParameterGap, b.range, p.name, gapDays(next, end));
    }
  }
  const ir::DatedValue& last = p.values.back();
  if (declared && last.to && (!program_->vigueurTo || *last.to < *program_->vigueurTo)) {
    num::Date next;
    num::addDays(*last.to, 1, next);
    diags_.report(DiagKind::ParameterGap, last.range, p.name, gapDays(next, program_->vigueurTo));
  }
}

} // namespace loge::sema::internal
