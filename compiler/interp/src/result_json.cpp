// Interpreter stage: results as the JSON lines of `loge run`.
#include "loge/interp/result_json.h"

#include <fmt/format.h>

#include <map>

namespace loge::interp {

namespace {
std::string quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string ruleName(const ir::RuleBlockDecl& b, const ir::RuleDecl& r) { return b.name + "." + r.name; }
} // namespace

std::string resultJson(const ir::Program& p, const std::string& id, const DemandeResult& r) {
  std::string out = "{\"id\": " + quote(id) + ", \"cotation\": {";
  for (std::size_t c = 0; c < p.cotations.size(); ++c) {
    const ir::CotationDecl& decl = p.cotations[c];
    const CotationResult& res = r.cotations[c];
    out += (c ? ", " : "") + quote(decl.name) + ": {\"total\": " + res.total.toString() + ", \"criteres\": {";
    for (std::size_t i = 0; i < decl.criteria.size(); ++i)
      out += (i ? ", " : "") + quote(decl.criteria[i].name) + ": " + res.criteria[i].contribution.toString();
    out += "}";
    if (!decl.rubriques.empty()) {
      out += ", \"rubriques\": {";
      for (std::size_t i = 0; i < decl.rubriques.size(); ++i)
        out += (i ? ", " : "") + quote(decl.rubriques[i].name) + ": " + res.rubriques[i].toString();
      out += "}";
    }
    if (res.floorApplied) out += ", \"plancher_applique\": true";
    if (res.ceilingApplied) out += ", \"plafond_applique\": true";
    out += "}";
  }
  out += "}";
  if (r.eligible) out += std::string(", \"eligible\": ") + (*r.eligible ? "true" : "false");
  std::string refus, alertes, regles;
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      const RuleResult& rr = r.blocks[b][i];
      if (rr.status == RuleStatus::NotEvaluated) continue;
      std::string name = quote(ruleName(p.ruleBlocks[b], p.ruleBlocks[b].rules[i]));
      if (rr.status == RuleStatus::Refus) refus += (refus.empty() ? "" : ", ") + name;
      if (rr.status == RuleStatus::Alerte) alertes += (alertes.empty() ? "" : ", ") + name;
      regles += (regles.empty() ? "" : ", ") + name + ": {\"statut\": \"" + ruleStatusName(rr.status) + "\"";
      if (!rr.motif.empty()) regles += ", \"motif\": " + quote(rr.motif);
      regles += "}";
    }
  }
  out += ", \"refus\": [" + refus + "], \"alertes\": [" + alertes + "], \"regles\": {" + regles + "}}";
  return out;
}

std::string compactResultJson(const ir::Program& p, const std::string& id, const DemandeResult& r) {
  std::string out = "{\"id\": " + quote(id);
  if (!p.cotations.empty()) out += ", \"cotation\": " + r.cotations[0].total.toString();
  if (r.eligible) out += std::string(", \"eligible\": ") + (*r.eligible ? "true" : "false");
  std::map<std::string, int> uses;
  for (const auto& b : p.ruleBlocks)
    for (const auto& rule : b.rules) ++uses[rule.name];
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      const ir::RuleDecl& rule = p.ruleBlocks[b].rules[i];
      if (rule.refusal || r.blocks[b][i].status == RuleStatus::NotEvaluated) continue;
      std::string key = uses[rule.name] > 1 ? p.ruleBlocks[b].name + "_" + rule.name : rule.name;
      out += ", \"alerte_" + key + "\": " + (r.blocks[b][i].status == RuleStatus::Alerte ? "true" : "false");
    }
  }
  return out + "}";
}

std::string errorLocation(const SourceManager& sm, const EvalError& e) {
  const SourceFile* f = sm.file(e.range.file);
  return fmt::format("{}:{}:{}", f ? f->path() : "?", e.range.begin.line, e.range.begin.column);
}

std::string errorJson(const SourceManager& sm, const std::string& id, const EvalError& e) {
  return "{\"id\": " + quote(id) + ", \"erreur\": {\"message\": " + quote(e.message) +
         ", \"lieu\": " + quote(errorLocation(sm, e)) + "}}";
}

} // namespace loge::interp
