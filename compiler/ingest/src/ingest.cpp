// Ingest stage: JSON and JSON Lines input files to runtime values.
//
// Mapping rules (also in compiler/ingest/README.md):
//  - A record is a JSON object whose keys are the struct's field names,
//    compared after accent folding ("revenu_fiscal_référence" names
//    `revenu_fiscal_reference`). Unknown and duplicate keys are errors; a
//    missing key is an error unless the field is optional (then absent).
//  - null is accepted only for optional fields (absent).
//  - entier / durée: a JSON integer within int64 (not 1.0, "3" or true).
//  - décimal, montant, surface, points: a JSON number without exponent, or
//    a string holding a plain decimal ("1650.00", "0", "-35.5"), at most 18
//    fractional digits. Both are read exactly from their text with
//    num::Decimal::parse: never through binary floating point.
//  - booléen: true or false. date: a string "AAAA-MM-JJ" (num::Date::parse).
//    texte: a string. énumération: a string naming a value, exactly or
//    after accent folding ("hébergé" or "heberge").
//  - structure: a JSON object, recursively. liste de T: a JSON array of T.
//  - Bounds declared in the schema (`entier (au moins 1)`, `liste de T (au
//    moins 1)`) are enforced: for lists on the length.
//  - Errors carry a 1-based line, a 1-based byte column (the start of the
//    offending value, key or character) and the field's JSON path
//    ("menage.nb_adultes", "personnes[2].age", indices from 0).
//  - Text must be UTF-8 (a byte order mark at the start of a file is
//    skipped); a JSON Lines line is limited to kMaxLineBytes, a JSON file to
//    kMaxFileBytes; blank lines are skipped.
#include "loge/ingest/ingest.h"

#include "file_text.h"
#include "line_reader.h"
#include "record_parser.h"
#include "records.h"

#include <fmt/format.h>

#include <algorithm>

namespace loge::ingest {

namespace {

using detail::Failure;
using detail::fileError;
using detail::idFieldIndex;
using detail::RecordParser;
using detail::TextKind;

// Converts a failure's byte offset into a line and a column within `text`.
IngestError toError(const std::string& file, std::string_view text, const Failure& f, std::size_t firstLine) {
  IngestError e;
  e.file = file;
  const std::size_t offset = std::min(f.offset, text.size());
  std::size_t line = firstLine, lineStart = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  e.line = line;
  e.column = offset - lineStart + 1;
  e.path = f.path;
  e.message = f.message;
  return e;
}

bool isBlank(std::string_view line) {
  for (const char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

} // namespace

std::string IngestError::render() const {
  std::string out = file.empty() ? "<entrée>" : file;
  if (line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  out += ": erreur: ";
  if (!path.empty()) out += fmt::format("champ `{}` : ", path);
  out += message;
  return out;
}

bool readRecord(const ir::Program& program, std::uint32_t structIndex, std::string_view json, interp::Arena& arena,
                interp::Value& out, IngestError& error) {
  RecordParser parser(program);
  std::vector<Failure> failures;
  // A byte order mark is accepted as in files: the text often is a file's
  // content, read by the host.
  if (parser.parse(structIndex, json, TextKind::Record, true, arena, out, failures)) return true;
  error = toError("", json, failures.front(), 1);
  return false;
}

bool readRecord(const ir::Program& program, std::uint32_t structIndex, std::string_view json, interp::Arena& arena,
                interp::Value& out, std::vector<IngestError>& errors) {
  RecordParser parser(program);
  std::vector<Failure> failures;
  if (parser.parse(structIndex, json, TextKind::Record, true, arena, out, failures)) return true;
  for (const Failure& f : failures) errors.push_back(toError("", json, f, 1));
  return false;
}

bool readJsonLines(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                   Dataset& out, std::vector<IngestError>& errors, std::size_t maxErrors) {
  if (structIndex >= program.structs.size()) {
    errors.push_back(fileError(path, fmt::format("structure inconnue (indice {})", structIndex)));
    return false;
  }
  detail::LineReader reader(kMaxLineBytes);
  std::string reason;
  if (!reader.open(path, reason)) {
    errors.push_back(fileError(path, "impossible d'ouvrir le fichier : " + reason));
    return false;
  }
  RecordParser parser(program);
  const int idIndex = idFieldIndex(program, structIndex);
  std::size_t failedLines = 0;
  auto report = [&](IngestError e) {
    if (++failedLines <= maxErrors) errors.push_back(std::move(e));
  };

  std::vector<Failure> failures;
  std::string_view line;
  bool sawContent = false;
  for (;;) {
    const detail::LineReader::Status status = reader.next(line);
    if (status == detail::LineReader::Status::End) break;
    if (status == detail::LineReader::Status::Error) {
      errors.push_back(fileError(path, "lecture du fichier impossible : " + reader.error()));
      return false;
    }
    const std::size_t lineNumber = reader.lineNumber();
    if (status == detail::LineReader::Status::TooLong) {
      IngestError e = fileError(path, fmt::format("ligne trop longue (plus de {} octets)", kMaxLineBytes));
      e.line = lineNumber;
      report(std::move(e));
      continue;
    }
    const bool first = lineNumber == 1;
    if (first) {
      if (std::string problem = detail::utf16Problem(line); !problem.empty()) {
        errors.push_back(fileError(path, problem));
        return false;
      }
    }
    if (isBlank(first && line.substr(0, 3) == "\xEF\xBB\xBF" ? line.substr(3) : line)) continue;
    if (!sawContent) {
      sawContent = true;
      // A JSON document spread over lines, not JSON Lines: without this,
      // each of its lines would be reported as an invalid record.
      std::string_view t = line.substr(line.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
      t.remove_prefix(std::min(t.find_first_not_of(" \t\r"), t.size()));
      while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
      if (!t.empty() && t.front() == '[' && (t.back() != ']' || t.find('{') != std::string_view::npos)) {
        IngestError e =
            fileError(path, "le fichier est un tableau JSON ; les demandes s'écrivent une par ligne (JSON Lines), "
                            "par exemple avec `jq -c '.[]' FICHIER > demandes.jsonl`");
        e.line = lineNumber;
        errors.push_back(std::move(e));
        return false;
      }
      if (!t.empty() && t.front() == '{' && t.back() != '}') {
        // One record written over several lines (`jq .` output): read it
        // as a whole file, with that reader's locations.
        interp::Value record;
        if (!readJsonFile(program, structIndex, path, arena, record, errors)) return false;
        detail::appendRecord(out, record, idIndex, lineNumber);
        return true;
      }
    }
    interp::Value record;
    if (!parser.parse(structIndex, line, TextKind::Line, first, arena, record, failures)) {
      // Every problem of the line, counted as one line in error.
      if (++failedLines <= maxErrors)
        for (const Failure& f : failures) errors.push_back(toError(path, line, f, lineNumber));
      continue;
    }
    detail::appendRecord(out, record, idIndex, lineNumber);
  }
  if (failedLines > maxErrors)
    errors.push_back(
        fileError(path, fmt::format("{} autre(s) ligne(s) en erreur non détaillée(s)", failedLines - maxErrors)));
  return failedLines == 0;
}

bool readJsonFile(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                  interp::Value& out, std::vector<IngestError>& errors) {
  std::string text, problem;
  if (!detail::readWholeFile(path, kMaxFileBytes, text, problem)) {
    errors.push_back(fileError(path, std::move(problem)));
    return false;
  }
  const std::string_view body = std::string_view(text).substr(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    errors.push_back(fileError(path, "fichier vide : un objet JSON attendu"));
    return false;
  }
  RecordParser parser(program);
  std::vector<Failure> failures;
  if (parser.parse(structIndex, text, TextKind::File, true, arena, out, failures)) return true;
  for (const Failure& f : failures) errors.push_back(toError(path, text, f, 1));
  return false;
}

bool readJsonFile(const ir::Program& program, std::uint32_t structIndex, const std::string& path, interp::Arena& arena,
                  interp::Value& out, IngestError& error) {
  std::vector<IngestError> errors;
  if (readJsonFile(program, structIndex, path, arena, out, errors)) return true;
  error = std::move(errors.front());
  return false;
}

} // namespace loge::ingest

namespace loge::ingest::detail {

int idFieldIndex(const ir::Program& program, std::uint32_t structIndex) {
  if (structIndex >= program.structs.size()) return -1;
  const ir::StructDecl& decl = program.structs[structIndex];
  for (std::size_t i = 0; i < decl.fields.size(); ++i) {
    const ir::FieldDecl& f = decl.fields[i];
    if (f.name == "id" && f.type != nullptr && ir::stripOptional(f.type)->kind == ir::TypeKind::Text)
      return static_cast<int>(i);
  }
  return -1;
}

void appendRecord(Dataset& out, const interp::Value& record, int idIndex, std::size_t line) {
  out.records.push_back(record);
  out.lines.push_back(line);
  if (idIndex >= 0) {
    const interp::Value& id = record.rec->fields[static_cast<std::size_t>(idIndex)];
    out.ids.emplace_back(id.tag == interp::Tag::Text ? *id.text : std::string());
  } else {
    out.ids.emplace_back();
  }
}

IngestError fileError(const std::string& file, std::string message, std::size_t line, std::size_t column) {
  IngestError e;
  e.file = file;
  e.line = line;
  e.column = column;
  e.message = std::move(message);
  return e;
}

} // namespace loge::ingest::detail
