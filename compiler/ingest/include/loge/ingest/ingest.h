// Ingest stage: input data (JSON) to runtime values.
//
// Reads demandes, logements and candidatures written as JSON (one object per
// file, or JSON Lines: one object per line) into interp::Values typed by the
// policy's schema (ir::StructDecl). Numbers never go through binary floating
// point: amounts are read exactly from their text with num::Decimal::parse.
// Every problem becomes an IngestError with a French message, a line, a byte
// column and the JSON path of the field; the mapping rules are listed in
// compiler/ingest/README.md.
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loge::ingest {

// A JSON Lines line longer than this (without its line terminator) is
// refused without being parsed: a resource limit, not a format rule.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20; // 1 Mio
// A whole-file JSON object (readJsonFile) larger than this is refused.
inline constexpr std::size_t kMaxFileBytes = std::size_t{64} << 20; // 64 Mio
// Objects and lists nested deeper than this are refused.
inline constexpr std::size_t kMaxDepth = 64;

// One problem in the input data.
struct IngestError {
  std::string file;       // as given ("" for readRecord)
  std::size_t line = 0;   // 1-based line, 0 when unknown
  std::size_t column = 0; // 1-based byte column within the line, 0 when unknown
  std::string path;       // JSON path of the field ("menage.nb_adultes", "personnes[2].age"), "" for the record
  std::string message;    // French
  // "demandes.jsonl:12:5: erreur: champ `menage.nb_adultes` : attendu un entier, trouvé …"
  std::string render() const;
};

// Converts one JSON text (an object) into a Record of struct `structIndex`,
// allocated in `arena`. Returns false and fills `error` (line/column relative
// to the text) on the first problem; `out` is then unchanged, and values
// already allocated for the failed record stay in the arena, unused.
bool readRecord(const ir::Program& program, std::uint32_t structIndex, std::string_view json, interp::Arena& arena,
                interp::Value& out, IngestError& error);

// The records of a JSON Lines file, in file order.
struct Dataset {
  std::vector<interp::Value> records;
  // Parallel to `records`: the record's "id" field when the struct has one of
  // type texte (or texte?), else "".
  std::vector<std::string> ids;
};

// Reads a JSON Lines file: one record per non-blank line, in order, appended
// to `out`. Every failed line is reported (the first `maxErrors` in detail,
// then one summary error counting the others) and the function returns false
// if any line failed or the file could not be read; the valid lines are
// still appended.
bool readJsonLines(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                   Dataset& out, std::vector<IngestError>& errors, std::size_t maxErrors = 20);

// Reads a whole file holding ONE JSON object (e.g. `--logement L.json`).
bool readJsonFile(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                  interp::Value& out, IngestError& error);

} // namespace loge::ingest
