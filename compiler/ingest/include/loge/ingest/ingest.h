// Ingest stage: input data (JSON, CSV, SNE XML) to runtime values.
//
// Reads demandes, logements and candidatures written as JSON (one object per
// file, or JSON Lines: one object per line), as CSV with a header row naming
// schema fields, or in the national register's XML exchange format (SNE,
// "interfaceNuu") into interp::Values typed by the policy's schema
// (ir::StructDecl). Numbers never go through binary floating
// point: amounts are read exactly from their text with num::Decimal::parse.
// Every problem becomes an IngestError with a French message, a line, a byte
// column and the JSON path of the field; the mapping rules are listed in
// compiler/ingest/README.md.
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <cstdint>
#include <optional>
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
// A CSV or SNE (XML) file larger than this is refused: both are read whole.
inline constexpr std::size_t kMaxTableBytes = std::size_t{512} << 20; // 512 Mio
// A list of more than this many items is refused: no household, motif or
// document list comes near it, and a policy may walk a list once per item
// (`pour chaque … nombre de … dans la même liste`), so its length must not
// be left to the data.
inline constexpr std::size_t kMaxListItems = 10000;

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
// The same, with every problem of the record (up to 20, in text order; a
// syntax error ends the list).
bool readRecord(const ir::Program& program, std::uint32_t structIndex, std::string_view json, interp::Arena& arena,
                interp::Value& out, std::vector<IngestError>& errors);

// The records of a JSON Lines file, in file order.
struct Dataset {
  std::vector<interp::Value> records;
  // Parallel to `records`: the record's "id" field when the struct has one of
  // type texte (or texte?), else "".
  std::vector<std::string> ids;
  // Parallel to `records`: the line where the record starts in its file,
  // for messages about a record as a whole (a repeated id); 0 if unknown.
  std::vector<std::size_t> lines;
  // Remarks for the user that are not errors, in French (the fields an SNE
  // import filled with their test default under --sne-defauts).
  std::vector<std::string> notes;
};

// Reads a JSON Lines file: one record per non-blank line, in order, appended
// to `out`. Every failed line is reported (the first `maxErrors` in detail,
// then one summary error counting the others) and the function returns false
// if any line failed or the file could not be read; the valid lines are
// still appended.
bool readJsonLines(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                   Dataset& out, std::vector<IngestError>& errors, std::size_t maxErrors = 20);

// Reads a whole file holding ONE JSON object (e.g. `--logement L.json`):
// false with its first problem,
bool readJsonFile(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                  interp::Value& out, IngestError& error);
// or with every problem (up to 20, in text order; a syntax error ends the
// list).
bool readJsonFile(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                  interp::Value& out, std::vector<IngestError>& errors);

// ------------------------------------------------------------ other formats

// The format of a file of records.
enum class InputFormat : std::uint8_t {
  JsonLines, // one JSON object per line (readJsonLines)
  Sne,       // the SNE's XML exchange format, interfaceNuu (readSne)
  Csv        // a header row of field paths, then one record per row (readCsv)
};

// From the file name's extension: .jsonl, .ndjson, .json → JsonLines; .xml →
// Sne; .csv → Csv (any case). nullopt for any other name.
std::optional<InputFormat> formatFromExtension(std::string_view path);
// From an option value: "jsonl", "xml" (or "sne"), "csv".
std::optional<InputFormat> parseInputFormat(std::string_view name);
// "jsonl", "xml", "csv".
const char* inputFormatName(InputFormat format);

struct ReadOptions {
  // CSV column separator, ';' or ','; 0 detects it from the header row.
  char csvSeparator = 0;
  // SNE: the required fields that the exchange format does not carry
  // (handicap, motifs…) take their schema test default instead of being an
  // error; Dataset::notes lists them. See docs/reference/format-sne.md.
  bool sneTestDefaults = false;
  // Failed records reported in detail; the others are counted.
  std::size_t maxErrors = 20;
};

// CSV (RFC 4180) with a header row of field paths: `id`,
// `demandeur.date_naissance`, `personnes[0].lien`, `motifs` (items separated
// by `|`). The rules are in docs/reference/format-csv.md. Errors give the
// line and byte column of the cell and name its column. Like readJsonLines,
// every failed row is reported and the valid ones are appended.
bool readCsv(const ir::Program& program, std::uint32_t structIndex, const std::string& path, const ReadOptions& options,
             interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors);
// The same on text in memory; `name` stands for the file in errors.
bool readCsvText(const ir::Program& program, std::uint32_t structIndex, std::string_view text, const std::string& name,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors);

// The SNE's XML exchange format (interfaceNuu 02.00): one record per
// demande/demandeLogement, mapped onto the standard schema's `Demande` by
// the table of docs/reference/format-sne.md. Unknown elements and unknown
// codes are errors naming the element's path, with its line and column.
bool readSne(const ir::Program& program, std::uint32_t structIndex, const std::string& path, const ReadOptions& options,
             interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors);
bool readSneText(const ir::Program& program, std::uint32_t structIndex, std::string_view text, const std::string& name,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors);

// Reads a file of records in `format` (readJsonLines, readSne or readCsv).
bool readDataset(const ir::Program& program, std::uint32_t structIndex, const std::string& path, InputFormat format,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors);

} // namespace loge::ingest
