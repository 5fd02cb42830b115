// Ingest tests of the CSV and SNE readers: the standard schema, compiled
// once, and helpers to read text and compare records.
#pragma once

#include "compile_snippet.h"
#include "loge/ingest/ingest.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace loge::ingest::test {

// A policy importing policies/schema/standard.loge, checked once.
inline const ir::Program& standardProgram() {
  static const std::unique_ptr<testing::Compiled> compiled = [] {
    auto c = testing::compileSource("politique \"formats\"\nen vigueur du 2018-01-01\nimporte "
                                    "\"../../policies/schema/standard.loge\"\n",
                                    std::string(LOGE_SOURCE_DIR) + "/tests/ingest/formats.loge");
    EXPECT_TRUE(c->program != nullptr) << c->rendered();
    return c;
  }();
  return *compiled->program;
}

inline std::uint32_t demandeStruct() {
  return standardProgram().schema.roles[static_cast<int>(ir::Role::Demande)]->index;
}

inline std::string dataPath(const std::string& name) { return std::string(LOGE_INGEST_DATA_DIR) + "/" + name; }

inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct ReadResult {
  bool ok = false;
  Dataset data;
  std::vector<IngestError> errors;
  // The rendered errors, one per line.
  std::string rendered() const {
    std::string out;
    for (const IngestError& e : errors) out += e.render() + "\n";
    return out;
  }
};

inline ReadResult readCsvString(interp::Arena& arena, const std::string& text, ReadOptions options = {}) {
  ReadResult r;
  r.ok = readCsvText(standardProgram(), demandeStruct(), text, "d.csv", options, arena, r.data, r.errors);
  return r;
}

inline ReadResult readSneString(interp::Arena& arena, const std::string& text, bool defaults = true) {
  ReadResult r;
  ReadOptions options;
  options.sneTestDefaults = defaults;
  r.ok = readSneText(standardProgram(), demandeStruct(), text, "d.xml", options, arena, r.data, r.errors);
  return r;
}

// Deep equality of two runtime values (records field by field).
inline bool sameValue(const interp::Value& a, const interp::Value& b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
  case interp::Tag::Absent: return true;
  case interp::Tag::Bool: return a.b == b.b;
  case interp::Tag::Int:
  case interp::Tag::Duration: return a.i == b.i;
  case interp::Tag::Decimal: return a.d == b.d;
  case interp::Tag::Date: return a.date == b.date;
  case interp::Tag::Enum: return a.e == b.e;
  case interp::Tag::Text: return *a.text == *b.text;
  case interp::Tag::Record:
    if (a.rec->fieldCount != b.rec->fieldCount) return false;
    for (std::size_t i = 0; i < a.rec->fieldCount; ++i)
      if (!sameValue(a.rec->fields[i], b.rec->fields[i])) return false;
    return true;
  case interp::Tag::List:
    if (a.lst->items.size() != b.lst->items.size()) return false;
    for (std::size_t i = 0; i < a.lst->items.size(); ++i)
      if (!sameValue(a.lst->items[i], b.lst->items[i])) return false;
    return true;
  default: return false;
  }
}

// The value at a dotted path of a record ("ressources.ressources_mensuelles",
// "personnes.1.garde").
inline interp::Value at(const ir::Program& p, interp::Value v, const std::string& path) {
  std::stringstream s(path);
  std::string part;
  while (std::getline(s, part, '.')) {
    if (v.tag == interp::Tag::List) {
      v = v.lst->items.at(std::stoul(part));
      continue;
    }
    EXPECT_EQ(v.tag, interp::Tag::Record) << path;
    if (v.tag != interp::Tag::Record) return {};
    const int i = p.structs[v.rec->structIndex].fieldIndex(part);
    EXPECT_GE(i, 0) << part;
    if (i < 0) return {};
    v = v.rec->fields[i];
  }
  return v;
}

inline std::string decimalAt(const ir::Program& p, const interp::Value& v, const std::string& path) {
  const interp::Value x = at(p, v, path);
  return x.tag == interp::Tag::Decimal ? x.asDecimal().toString() : "<pas un décimal>";
}

inline std::string enumAt(const ir::Program& p, const interp::Value& v, const std::string& path,
                          const std::string& enumName) {
  const interp::Value x = at(p, v, path);
  if (x.tag != interp::Tag::Enum) return "<pas une énumération>";
  // Imported declarations are named `standard.Typologie`.
  for (const ir::EnumDecl& e : p.enums)
    if (e.name == enumName || e.name == "standard." + enumName) return e.values.at(x.e);
  return "<énumération inconnue>";
}

} // namespace loge::ingest::test
