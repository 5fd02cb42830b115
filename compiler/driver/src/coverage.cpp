// Driver stage (internal): test coverage — recording, merging, reports.
#include "coverage.h"

#include "loge/interp/interp.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace loge::driver {

namespace {
namespace fs = std::filesystem;

// Byte offset of 1-based code-point column `col` in `line`.
std::size_t byteOfColumn(std::string_view line, std::uint32_t col) {
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < col && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// The text of a one-line range as written in the policy ("de 3 à 4").
std::string sourceText(const SourceManager& sm, const SourceRange& r) {
  const SourceFile* f = sm.file(r.file);
  if (!f || !r.valid() || r.end.line != r.begin.line) return "";
  std::string_view line = f->line(r.begin.line);
  std::size_t from = byteOfColumn(line, r.begin.column), to = byteOfColumn(line, r.end.column);
  if (to <= from) return "";
  std::string s(line.substr(from, to - from));
  while (!s.empty() && (s.back() == ' ' || s.back() == '|')) s.pop_back();
  return s;
}

const char* kindWord(CoverageItem::Kind k) {
  switch (k) {
  case CoverageItem::Kind::Critere: return "critère";
  case CoverageItem::Kind::Regle: return "règle";
  case CoverageItem::Kind::Exception: return "exception";
  case CoverageItem::Kind::LigneBareme: return "ligne de barème";
  }
  return "";
}

const char* kindKey(CoverageItem::Kind k) {
  switch (k) {
  case CoverageItem::Kind::Critere: return "critere";
  case CoverageItem::Kind::Regle: return "regle";
  case CoverageItem::Kind::Exception: return "exception";
  case CoverageItem::Kind::LigneBareme: return "ligne_bareme";
  }
  return "";
}
} // namespace

std::string displayPath(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (ec) return path;
  fs::path rel = abs.lexically_relative(fs::current_path(ec));
  if (ec || rel.empty() || *rel.begin() == "..") return abs.string();
  return rel.string();
}

CoverageRecorder::CoverageRecorder(const ir::Program& p) {
  for (const auto& c : p.cotations) criteria.emplace_back(c.criteria.size());
  for (const auto& b : p.ruleBlocks) {
    rules.emplace_back(b.rules.size());
    for (std::size_t i = 0; i < b.rules.size(); ++i) rules.back()[i].exceptions.resize(b.rules[i].exceptions.size());
  }
  for (const auto& param : p.parameters) {
    tableRows.emplace_back();
    for (const auto& v : param.values) tableRows.back().emplace_back(param.isTable ? v.table.rowKeys.size() : 0);
  }
}

void CoverageRecorder::criterion(std::uint32_t cotation, std::uint32_t criterion, const interp::CriterionResult& r) {
  CriterionSeen& s = criteria[cotation][criterion];
  if (r.applicable && !r.brut.isZero())
    s.points = true;
  else
    s.zero = true;
}

void CoverageRecorder::rule(std::uint32_t block, std::uint32_t rule, const interp::RuleResult& r) {
  RuleSeen& s = rules[block][rule];
  switch (r.status) {
  case interp::RuleStatus::Ok: s.ok = true; break;
  case interp::RuleStatus::Alerte:
  case interp::RuleStatus::Refus: s.failed = true; break;
  case interp::RuleStatus::Exception:
    if (r.exception >= 0 && static_cast<std::size_t>(r.exception) < s.exceptions.size())
      s.exceptions[static_cast<std::size_t>(r.exception)] = true;
    break;
  case interp::RuleStatus::NotEvaluated: break;
  }
}

void CoverageRecorder::tableRow(std::uint32_t parameter, std::uint32_t version, std::uint32_t row) {
  auto& rows = tableRows[parameter][version];
  if (row < rows.size()) rows[row] = true;
}

std::string CoverageItem::missing() const {
  switch (kind) {
  case Kind::Critere:
    if (!a && !b) return "jamais évalué";
    return !a ? "jamais avec des points" : "jamais à zéro";
  case Kind::Regle:
    if (!a && !b) return "jamais évaluée";
    return !a ? "jamais satisfaite" : "jamais en échec (refus ou alerte)";
  case Kind::Exception: return "jamais appliquée";
  case Kind::LigneBareme: return "jamais consultée";
  }
  return "";
}

std::size_t CoverageFile::covered() const {
  std::size_t n = 0;
  for (const auto& i : items) n += i.covered();
  return n;
}

void Coverage::add(const ir::Program& p, const SourceManager& sources, const CoverageRecorder* rec) {
  auto put = [&](const SourceRange& where, CoverageItem item, std::size_t index = 0) {
    const SourceFile* f = sources.file(where.file);
    if (!f) return;
    item.line = where.begin.line;
    auto& file = files_[displayPath(f->path())];
    auto [it, inserted] =
        file.try_emplace(Key{static_cast<int>(item.kind), where.begin.line, where.begin.column, index}, item);
    if (!inserted) {
      it->second.a = it->second.a || item.a;
      it->second.b = it->second.b || item.b;
      if (item.name.size() < it->second.name.size()) it->second.name = item.name;
    }
  };
  using K = CoverageItem::Kind;
  auto make = [](K kind, std::string name, std::string label) {
    CoverageItem item;
    item.kind = kind;
    item.name = std::move(name);
    item.label = std::move(label);
    return item;
  };
  for (std::size_t c = 0; c < p.cotations.size(); ++c)
    for (std::size_t i = 0; i < p.cotations[c].criteria.size(); ++i) {
      const auto& cr = p.cotations[c].criteria[i];
      CoverageItem item = make(K::Critere, p.cotations[c].name + "." + cr.name, cr.label);
      if (rec) item.a = rec->criteria[c][i].points, item.b = rec->criteria[c][i].zero;
      put(cr.range, item);
    }
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b)
    for (std::size_t i = 0; i < p.ruleBlocks[b].rules.size(); ++i) {
      const auto& r = p.ruleBlocks[b].rules[i];
      std::string name = p.ruleBlocks[b].name + "." + r.name;
      CoverageItem item = make(K::Regle, name, r.label);
      if (rec) item.a = rec->rules[b][i].ok, item.b = rec->rules[b][i].failed;
      put(r.range, item);
      for (std::size_t x = 0; x < r.exceptions.size(); ++x) {
        CoverageItem ex = make(K::Exception, fmt::format("{} sauf si n° {}", name, x + 1), r.exceptions[x].label);
        if (rec) ex.a = rec->rules[b][i].exceptions[x];
        put(r.exceptions[x].range, ex, x);
      }
    }
  for (std::size_t k = 0; k < p.parameters.size(); ++k) {
    const auto& param = p.parameters[k];
    if (!param.isTable) continue;
    for (std::size_t v = 0; v < param.values.size(); ++v) {
      const auto& rows = param.values[v].table.rowKeys;
      for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string key = sourceText(sources, rows[r].range);
        if (key.empty()) key = fmt::format("n° {}", r + 1);
        CoverageItem item = make(
            K::LigneBareme, fmt::format("{} depuis {}, ligne « {} »", param.name, param.values[v].from.toString(), key),
            param.label);
        if (rec) item.a = rec->tableRows[k][v][r];
        put(rows[r].range.valid() ? rows[r].range : param.values[v].range, item, (v << 20) | r);
      }
    }
  }
}

std::vector<CoverageFile> Coverage::files() const {
  std::vector<CoverageFile> out;
  for (const auto& [path, items] : files_) {
    CoverageFile f{path, {}};
    for (const auto& [key, item] : items) f.items.push_back(item);
    std::stable_sort(f.items.begin(), f.items.end(), [](const CoverageItem& x, const CoverageItem& y) {
      return std::tie(x.line, x.kind) < std::tie(y.line, y.kind);
    });
    out.push_back(std::move(f));
  }
  return out;
}

std::size_t Coverage::covered() const {
  std::size_t n = 0;
  for (const auto& f : files()) n += f.covered();
  return n;
}

std::size_t Coverage::total() const {
  std::size_t n = 0;
  for (const auto& [path, items] : files_) n += items.size();
  return n;
}

std::string percentText(std::size_t covered, std::size_t total) {
  if (total == 0) return "100,0 %";
  std::size_t tenths = covered * 1000 / total;
  return fmt::format("{},{} %", tenths / 10, tenths % 10);
}

std::string Coverage::renderText() const {
  std::string out = "Couverture des tests\n";
  for (const CoverageFile& f : files()) {
    out += fmt::format("  {} : {} sur {} éléments couverts ({})\n", f.path, f.covered(), f.items.size(),
                       percentText(f.covered(), f.items.size()));
    for (auto k : {CoverageItem::Kind::Critere, CoverageItem::Kind::Regle, CoverageItem::Kind::Exception,
                   CoverageItem::Kind::LigneBareme}) {
      std::size_t n = 0, c = 0;
      for (const auto& i : f.items)
        if (i.kind == k) ++n, c += i.covered();
      static const char* plural[] = {"critères", "règles", "exceptions", "lignes de barème"};
      if (n) out += fmt::format("    {:<17} {} / {}\n", plural[static_cast<int>(k)], c, n);
    }
    for (const auto& i : f.items)
      if (!i.covered())
        out +=
            fmt::format("    non couvert : {} `{}` (ligne {}) : {}\n", kindWord(i.kind), i.name, i.line, i.missing());
  }
  out +=
      fmt::format("Couverture totale : {} sur {} éléments ({})\n", covered(), total(), percentText(covered(), total()));
  return out;
}

std::string Coverage::renderJson() const {
  nlohmann::ordered_json j;
  j["couverts"] = covered();
  j["total"] = total();
  j["fichiers"] = nlohmann::ordered_json::array();
  for (const CoverageFile& f : files()) {
    nlohmann::ordered_json jf;
    jf["fichier"] = f.path;
    jf["couverts"] = f.covered();
    jf["total"] = f.items.size();
    jf["elements"] = nlohmann::ordered_json::array();
    for (const auto& i : f.items) {
      nlohmann::ordered_json ji;
      ji["type"] = kindKey(i.kind);
      ji["nom"] = i.name;
      ji["libelle"] = i.label;
      ji["ligne"] = i.line;
      ji["couvert"] = i.covered();
      switch (i.kind) {
      case CoverageItem::Kind::Critere:
        ji["avec_points"] = i.a;
        ji["a_zero"] = i.b;
        break;
      case CoverageItem::Kind::Regle:
        ji["satisfaite"] = i.a;
        ji["en_echec"] = i.b;
        break;
      default: break;
      }
      if (!i.covered()) ji["manque"] = i.missing();
      jf["elements"].push_back(ji);
    }
    j["fichiers"].push_back(jf);
  }
  return j.dump(2) + "\n";
}

} // namespace loge::driver
