// Driver stage: reading the demandes files of the verbs, in JSON Lines, CSV
// or the SNE's XML format, chosen by --format-entree or the file extension.
#include "driver.h"

#include <fmt/format.h>

namespace loge::driver {

std::optional<ingest::InputFormat> inputFormat(const InputArgs& in, const std::string& path) {
  if (!in.format.empty()) {
    const std::optional<ingest::InputFormat> f = ingest::parseInputFormat(in.format);
    if (!f) fmt::print(stderr, "erreur : format d'entrée inconnu « {} » (jsonl, xml ou csv)\n", in.format);
    return f;
  }
  // Any other extension (or none) is read as JSON Lines, as before formats
  // were chosen.
  return ingest::formatFromExtension(path).value_or(ingest::InputFormat::JsonLines);
}

bool readOne(const ir::Program& p, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
             interp::Value& out) {
  std::vector<ingest::IngestError> errors;
  if (ingest::readJsonFile(p, structIndex, path, arena, out, errors)) return true;
  for (const ingest::IngestError& e : errors) fmt::print(stderr, "{}\n", e.render());
  return false;
}

std::optional<ingest::ReadOptions> readOptions(const InputArgs& in) {
  ingest::ReadOptions options;
  options.sneTestDefaults = in.sneDefaults;
  if (in.separator.empty()) return options;
  if (in.separator == ";" || in.separator == "point-virgule") {
    options.csvSeparator = ';';
  } else if (in.separator == "," || in.separator == "virgule") {
    options.csvSeparator = ',';
  } else {
    fmt::print(stderr, "erreur : séparateur inconnu « {} » (« ; » ou « , »)\n", in.separator);
    return std::nullopt;
  }
  return options;
}

int readDemandes(const ir::Program& p, std::uint32_t structIndex, const std::string& path, const InputArgs& in,
                 interp::Arena& arena, ingest::Dataset& data) {
  const std::optional<ingest::InputFormat> format = inputFormat(in, path);
  const std::optional<ingest::ReadOptions> options = readOptions(in);
  if (!format || !options) return kUsageError;
  std::vector<ingest::IngestError> errors;
  const bool ok = ingest::readDataset(p, structIndex, path, *format, *options, arena, data, errors);
  for (const auto& e : errors) fmt::print(stderr, "{}\n", e.render());
  if (!ok) {
    fmt::print(stderr, "{} : données invalides, aucune demande évaluée\n", path);
    return kDataError;
  }
  for (const std::string& note : data.notes) fmt::print(stderr, "note : {}\n", note);
  return kOk;
}

} // namespace loge::driver
