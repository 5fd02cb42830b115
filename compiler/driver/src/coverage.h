// Driver stage (internal): test coverage for `loge test --coverage`.
//
// What counts as exercised (docs/reference/ligne-de-commande.md, in French):
//  - a criterion: evaluated at least once with non-zero points (applicable,
//    its own value — `brut` — not zero) and at least once with zero points
//    (not applicable, or a value of zero);
//  - a rule: at least once satisfied (`ok`) and at least once refusing or
//    alerting (a `sauf si` that applies does not count as failing);
//  - an exception (`sauf si`): applied at least once;
//  - a barème row of a dated version: hit by at least one lookup.
// Items are identified by their declaring file and qualified name, so a
// module imported by several tested policies gathers the coverage of all
// their tests; reports name an item by its shortest qualified name (the one
// it has in its own file's program).
#pragma once

#include "driver.h"
#include "loge/interp/observer.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace loge::driver {

// Records one program's evaluations (an interp::Observer).
class CoverageRecorder final : public interp::Observer {
public:
  explicit CoverageRecorder(const ir::Program& p);
  void criterion(std::uint32_t cotation, std::uint32_t criterion, const interp::CriterionResult& r) override;
  void rule(std::uint32_t block, std::uint32_t rule, const interp::RuleResult& r) override;
  void tableRow(std::uint32_t parameter, std::uint32_t version, std::uint32_t row) override;

  struct CriterionSeen {
    bool points = false, zero = false;
  };
  struct RuleSeen {
    bool ok = false, failed = false;
    std::vector<bool> exceptions;
  };
  std::vector<std::vector<CriterionSeen>> criteria;      // [cotation][criterion]
  std::vector<std::vector<RuleSeen>> rules;              // [block][rule]
  std::vector<std::vector<std::vector<bool>>> tableRows; // [parameter][version][row]

  // What was seen before a test: a test that fails covers nothing (its
  // lookup of an unpublished `—` row failed, it did not show it), so its
  // observations are dropped by restoring this.
  struct Seen {
    std::vector<std::vector<CriterionSeen>> criteria;
    std::vector<std::vector<RuleSeen>> rules;
    std::vector<std::vector<std::vector<bool>>> tableRows;
  };
  Seen seen() const { return {criteria, rules, tableRows}; }
  void restore(Seen s) {
    criteria = std::move(s.criteria);
    rules = std::move(s.rules);
    tableRows = std::move(s.tableRows);
  }
};

// One coverage item, merged over every program that declares it.
struct CoverageItem {
  enum class Kind {
    Critere,
    Regle,
    Exception,
    LigneBareme
  } kind;
  std::string name;  // "principale.anciennete", "cal.taux_effort", "cal.taux_effort sauf si n° 1",
                     // "plafond_plus depuis 2025-01-01, ligne « 1 »"
  std::string label; // the declaration's French label
  std::uint32_t line = 0;
  // Kind-specific observations (see the header comment).
  bool a = false, b = false;
  bool covered() const { return kind == Kind::Critere || kind == Kind::Regle ? a && b : a; }
  std::string missing() const; // French: what no test showed
};

struct CoverageFile {
  std::string path; // relative to the working directory when below it
  std::vector<CoverageItem> items;
  std::size_t covered() const;
};

class Coverage {
public:
  // Adds the items of `p` (all of them, exercised or not) with what
  // `recorder` saw (null: nothing, for a policy without tests).
  void add(const ir::Program& p, const SourceManager& sources, const CoverageRecorder* recorder);

  std::vector<CoverageFile> files() const; // by path, items in source order
  std::size_t covered() const;
  std::size_t total() const;

  std::string renderText() const; // the French report
  std::string renderJson() const;

private:
  // Kind, line, column, and an index telling apart items declared at one
  // place (a barème's rows without their own location). Not the name: a
  // qualified name depends on how the importing policy names the module.
  using Key = std::tuple<int, std::uint32_t, std::uint32_t, std::size_t>;
  std::map<std::string, std::map<Key, CoverageItem>> files_;
};

// A policy path as reports show it: relative to the working directory when
// below it, normalised ("a/../b" → "b").
std::string displayPath(const std::string& path);

// "87,5 %" — truncated to one decimal so that 99,96 % never reads 100,0 %.
std::string percentText(std::size_t covered, std::size_t total);

} // namespace loge::driver
