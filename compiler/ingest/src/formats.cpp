// Ingest stage: choosing the reader of a file of records.
#include "loge/ingest/ingest.h"

#include <algorithm>
#include <string>

namespace loge::ingest {

namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

std::optional<InputFormat> formatFromExtension(std::string_view path) {
  const std::string p = lowered(path);
  if (endsWith(p, ".jsonl") || endsWith(p, ".ndjson") || endsWith(p, ".json")) return InputFormat::JsonLines;
  if (endsWith(p, ".xml")) return InputFormat::Sne;
  if (endsWith(p, ".csv")) return InputFormat::Csv;
  return std::nullopt;
}

std::optional<InputFormat> parseInputFormat(std::string_view name) {
  if (name == "jsonl") return InputFormat::JsonLines;
  if (name == "xml" || name == "sne") return InputFormat::Sne;
  if (name == "csv") return InputFormat::Csv;
  return std::nullopt;
}

const char* inputFormatName(InputFormat format) {
  switch (format) {
  case InputFormat::JsonLines: return "jsonl";
  case InputFormat::Sne: return "xml";
  case InputFormat::Csv: return "csv";
  }
  return "?";
}

bool readDataset(const ir::Program& program, std::uint32_t structIndex, const std::string& path, InputFormat format,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors) {
  switch (format) {
  case InputFormat::JsonLines: return readJsonLines(program, structIndex, path, arena, out, errors, options.maxErrors);
  case InputFormat::Sne: return readSne(program, structIndex, path, options, arena, out, errors);
  case InputFormat::Csv: return readCsv(program, structIndex, path, options, arena, out, errors);
  }
  return false;
}

} // namespace loge::ingest
