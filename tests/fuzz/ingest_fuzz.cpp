// Fuzz target: reading demandes, logements and candidatures (JSON, JSON
// Lines, CSV and SNE XML: compiler/ingest) against the standard schema
// (policies/schema/standard.loge).
//
// Input: byte 0 chooses the reader (bits 5-6: 0 one JSON object, 1 JSON
// Lines through a file, 2 CSV, 3 SNE XML), an option (bit 4: CSV separator
// `;` instead of detected; SNE test defaults) and the record type (bits 0-3
// modulo the number of roles the schema declares; SNE: the demande); the
// other bytes are the data. Beyond "no
// crash, no sanitizer report", two properties are checked:
//   - every record read is valid input: written back as JSON
//     (difftest::toJson) it reads again to the same record;
//   - an error's line is a line of the input.
#include "fuzz_support.h"
#include "random_records.h"

#include "loge/ingest/ingest.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

std::unique_ptr<loge::fuzz::Policy> gPolicy;
std::vector<std::uint32_t> gStructs; // the struct of each role the schema declares
std::string gScratch;                // the JSON Lines file

void roundTrip(const loge::ir::Program& p, std::uint32_t s, const loge::interp::Value& v, const std::string& input) {
  loge::interp::Arena arena;
  std::string json = loge::difftest::toJson(p, v);
  loge::interp::Value back;
  loge::ingest::IngestError e;
  if (!loge::ingest::readRecord(p, s, json, arena, back, e))
    loge::fuzz::finding("a record read from the input does not read back from its own JSON: " + e.render() +
                        "\n  input: " + input + "\n  as JSON: " + json);
  std::string again = loge::difftest::toJson(p, back);
  if (again != json)
    loge::fuzz::finding("a record read from the input changes when read back:\n  first:  " + json +
                        "\n  second: " + again);
}

void checkLine(const loge::ingest::IngestError& e, const std::string& text) {
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n';
  if (e.line > lines)
    loge::fuzz::finding("error line " + std::to_string(e.line) + " beyond the input's " + std::to_string(lines) +
                        " lines: " + e.render());
  if (e.message.empty()) loge::fuzz::finding("an ingest error without a message");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  gPolicy = loge::fuzz::loadPolicy("policies/schema/standard.loge");
  for (const loge::ir::Type* t : gPolicy->program->schema.roles)
    if (t) gStructs.push_back(t->index);
  gScratch =
      (std::filesystem::temp_directory_path() / ("loge-fuzz-ingest-" + std::to_string(getpid()) + ".jsonl")).string();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || gStructs.empty()) return 0;
  const loge::ir::Program& p = *gPolicy->program;
  const int reader = (data[0] >> 5) & 3;
  const bool option = (data[0] & 0x10) != 0;
  std::uint32_t s = gStructs[(data[0] & 0x0F) % gStructs.size()];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  loge::interp::Arena arena;
  if (reader == 0) {
    loge::interp::Value v;
    loge::ingest::IngestError e;
    if (loge::ingest::readRecord(p, s, text, arena, v, e))
      roundTrip(p, s, v, text);
    else
      checkLine(e, text);
    return 0;
  }
  loge::ingest::Dataset dataset;
  std::vector<loge::ingest::IngestError> errors;
  loge::ingest::ReadOptions options;
  if (reader == 1) {
    std::ofstream(gScratch, std::ios::binary | std::ios::trunc) << text;
    loge::ingest::readJsonLines(p, s, gScratch, arena, dataset, errors);
  } else if (reader == 2) {
    options.csvSeparator = option ? ';' : 0;
    loge::ingest::readCsvText(p, s, text, "fuzz.csv", options, arena, dataset, errors);
  } else {
    // The SNE format maps onto the demande only.
    s = gStructs[0];
    options.sneTestDefaults = option;
    loge::ingest::readSneText(p, s, text, "fuzz.xml", options, arena, dataset, errors);
  }
  for (const auto& e : errors) checkLine(e, text);
  if (dataset.ids.size() != dataset.records.size()) loge::fuzz::finding("Dataset ids and records differ in size");
  for (const auto& v : dataset.records) roundTrip(p, s, v, "(reader " + std::to_string(reader) + ")");
  return 0;
}
