// Ingest tests: shared fixtures and helpers.
#pragma once

#include "loge/ingest/ingest.h"
#include "test_schema.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace loge::ingest::test {

// A valid demande of the extended schema, on one line.
inline const std::string kDemande =
    R"({"id": "D1", "date_depot": "2021-03-15", )"
    R"("menage": {"nb_adultes": 2, "nb_enfants": 1, "age_demandeur": 34, "revenu_fiscal_reference": 18500, )"
    R"("ressources_mensuelles": "1485.71428", "handicap": false, "grossesse": true}, )"
    R"("situation": {"dalo": true, "sans_logement": false, "hebergement_structure": false, "violences": false, )"
    R"("logement_indigne": false, "expulsion": false, "refus_propositions": 0}, )"
    R"("logement_actuel": null, "statut": "hébergé", )"
    R"("personnes": [{"prenom": "Zoé", "age": 34, "lien": "demandeur"}, )"
    R"({"prenom": "Léo", "age": 3, "lien": "enfant", "date_naissance": "2022-01-31"}], )"
    R"("commentaire": "priorité \"urgente\""})";

// `text` with the first occurrence of `from` replaced by `to` (which must exist).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture does not contain: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// 1-based column of the first occurrence of `needle` in a one-line text.
inline std::size_t columnOf(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << "text does not contain: " << needle;
  return at + 1;
}

// Reads `json` as struct `index`, expecting a failure; returns the error.
inline IngestError readFailure(const TestSchema& s, std::uint32_t index, const std::string& json) {
  interp::Arena arena;
  interp::Value value;
  IngestError error;
  EXPECT_FALSE(readRecord(*s.program, index, json, arena, value, error)) << json;
  return error;
}

// A fresh directory under the system's temporary directory, removed with
// its content at the end of the test.
class TempDir {
public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("loge_ingest_test_" + std::to_string(rd()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` (bytes, as is) to a file of this directory; returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out << content;
    return file.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

private:
  std::filesystem::path path_;
};

} // namespace loge::ingest::test
