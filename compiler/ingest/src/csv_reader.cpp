// Ingest stage: CSV files with a header row of field paths.
//
// The header names, for each column, the field it holds, by its path in the
// schema: `id`, `demandeur.date_naissance`, `personnes[0].lien` (list items
// by their index, from 0, as in error messages), or `motifs` for a whole
// list of simple values written in one cell, separated by '|'. The header
// is resolved once against the schema into a tree of columns (unknown
// fields, duplicates, missing required columns are reported at line 1);
// each row then becomes a located text tree (tree.h) converted by
// TreeBuilder. An empty cell is "no value": absent for an optional field,
// an error for a required one, and an item of a list whose cells are all
// empty is no item.
#include "loge/ingest/ingest.h"

#include "csv_tokens.h"
#include "file_text.h"
#include "records.h"
#include "text.h"
#include "tree.h"

#include <fmt/format.h>

#include <map>
#include <memory>

namespace loge::ingest {

namespace {

using detail::CsvCell;
using detail::CsvTokenizer;
using detail::Node;

// What the columns of the header hold, mirroring the schema.
struct ColumnTree {
  const ir::Type* type = nullptr; // the declared type of the field or item
  std::string path;               // "personnes[0]", for messages
  std::string fieldName;          // the field it is the value of ("" for list items and the root)
  // A struct: the subtrees of its fields that have columns, by field index.
  std::map<std::size_t, std::unique_ptr<ColumnTree>> fields;
  // A list written item by item: the items' subtrees, by index.
  std::map<std::size_t, std::unique_ptr<ColumnTree>> items;
  int column = -1;    // a leaf: its column
  bool split = false; // a leaf holding a whole list of simple values
};

struct Segment {
  std::string name;
  bool indexed = false;
  std::size_t index = 0;
};

bool isSimple(const ir::Type* type) {
  const ir::Type* base = ir::stripOptional(type);
  return base->kind != ir::TypeKind::Struct && base->kind != ir::TypeKind::List;
}

// "demandeur.date_naissance", "personnes[0].lien" → segments; "" on success,
// else the problem.
std::string parsePath(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  if (text.empty()) return "nom de colonne vide";
  std::size_t i = 0;
  for (;;) {
    Segment s;
    const std::size_t start = i;
    while (i < text.size() && text[i] != '.' && text[i] != '[') ++i;
    s.name = std::string(text.substr(start, i - start));
    if (s.name.empty()) return "nom de champ vide dans le chemin";
    if (i < text.size() && text[i] == '[') {
      const std::size_t open = ++i;
      std::size_t index = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (index > 100000) return "indice trop grand";
        index = index * 10 + static_cast<std::size_t>(text[i] - '0');
        ++i;
      }
      if (i == open || i >= text.size() || text[i] != ']')
        return "indice mal écrit : attendu un nombre entre crochets, par exemple personnes[0]";
      ++i;
      s.indexed = true;
      s.index = index;
    }
    out.push_back(std::move(s));
    if (i == text.size()) return {};
    if (text[i] != '.') return fmt::format("caractère « {} » inattendu dans le chemin", text[i]);
    ++i;
  }
}

class CsvReader {
public:
  CsvReader(const ir::Program& program, std::uint32_t structIndex, const std::string& name, const ReadOptions& options,
            interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors)
      : program_(program), structIndex_(structIndex), name_(name), options_(options), arena_(arena), out_(out),
        errors_(errors) {}

  bool read(std::string_view text);

private:
  bool header(const std::vector<CsvCell>& cells);
  std::string placeColumn(std::size_t column, const std::vector<Segment>& segments);
  void checkRequired(const ColumnTree& tree, std::uint32_t structIndex, const std::string& prefix,
                     const std::vector<CsvCell>& cells);
  bool checkIndices(const ColumnTree& tree, std::string& problem);
  // Builds the text tree of a row; false (with `problem` and `where`) when
  // list items are not contiguous.
  bool rowNode(const ColumnTree& tree, const std::vector<CsvCell>& cells, Node& node, bool& empty, std::string& problem,
               const CsvCell*& where);
  const CsvCell& firstCell(const ColumnTree& tree, const std::vector<CsvCell>& cells) const;
  std::string columnOrigin(int column) const {
    return fmt::format("colonne {} « {} »", column + 1, quoteForColumn(static_cast<std::size_t>(column)));
  }
  std::string quoteForColumn(std::size_t column) const { return detail::quoteForMessage(headers_[column], 60); }
  void report(IngestError e) {
    if (++failed_ <= options_.maxErrors) errors_.push_back(std::move(e));
  }

  const ir::Program& program_;
  std::uint32_t structIndex_;
  const std::string& name_;
  const ReadOptions& options_;
  interp::Arena& arena_;
  Dataset& out_;
  std::vector<IngestError>& errors_;
  std::vector<std::string> headers_;
  ColumnTree root_;
  std::size_t failed_ = 0;
};

std::string CsvReader::placeColumn(std::size_t column, const std::vector<Segment>& segments) {
  ColumnTree* tree = &root_;
  const ir::Type* current = nullptr; // the struct being walked; null for the root
  std::uint32_t structIndex = structIndex_;
  std::string path;
  std::string folded;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const Segment& seg = segments[s];
    if (current != nullptr) {
      const ir::Type* base = ir::stripOptional(current);
      if (base->kind != ir::TypeKind::Struct)
        return fmt::format("`{}` n'est pas une structure : il n'a pas de champ `{}`", path, seg.name);
      structIndex = base->index;
    }
    const ir::StructDecl& decl = program_.structs[structIndex];
    detail::foldAccents(seg.name, folded);
    const int found = decl.fieldIndex(folded);
    if (found < 0) {
      std::vector<std::string> names;
      for (const ir::FieldDecl& f : decl.fields) names.push_back(f.name);
      std::string message = fmt::format("champ inconnu `{}` (la structure `{}` a : {})",
                                        detail::quoteForMessage(seg.name), decl.name, detail::joinNames(names));
      const std::string suggestion = detail::closestMatch(seg.name, names);
      if (!suggestion.empty()) message += fmt::format(" ; vouliez-vous dire `{}` ?", suggestion);
      return message;
    }
    const ir::FieldDecl& field = decl.fields[static_cast<std::size_t>(found)];
    if (field.type == nullptr) return "type du champ non pris en charge";
    path += (path.empty() ? "" : ".") + field.name;
    std::unique_ptr<ColumnTree>& slot = tree->fields[static_cast<std::size_t>(found)];
    if (!slot) {
      slot = std::make_unique<ColumnTree>();
      slot->type = field.type;
      slot->path = path;
      slot->fieldName = field.name;
    }
    tree = slot.get();
    current = field.type;
    if (seg.indexed) {
      const ir::Type* base = ir::stripOptional(field.type);
      if (base->kind != ir::TypeKind::List) return fmt::format("`{}` n'est pas une liste : pas d'indice", path);
      if (tree->column >= 0)
        return fmt::format("la liste `{}` a déjà sa colonne (valeurs séparées par « | ») : ne pas la donner aussi "
                           "élément par élément",
                           path);
      path += fmt::format("[{}]", seg.index);
      std::unique_ptr<ColumnTree>& item = tree->items[seg.index];
      if (!item) {
        item = std::make_unique<ColumnTree>();
        item->type = base->element;
        item->path = path;
      }
      tree = item.get();
      current = base->element;
    }
    if (s + 1 < segments.size()) continue;
    // The last segment names what the cell holds.
    const ir::Type* base = ir::stripOptional(current);
    if (base->kind == ir::TypeKind::Struct) {
      const ir::StructDecl& inner = program_.structs[base->index];
      return fmt::format("`{}` est une structure : nommer un de ses champs (`{}.{}`…)", path, path,
                         inner.fields.empty() ? "?" : inner.fields[0].name);
    }
    if (base->kind == ir::TypeKind::List && !isSimple(base->element))
      return fmt::format("`{}` est une liste de structures : la donner élément par élément (`{}[0].{}`…)", path, path,
                         ir::stripOptional(base->element)->kind == ir::TypeKind::Struct
                             ? program_.structs[ir::stripOptional(base->element)->index].fields.at(0).name
                             : "?");
    if (tree->column >= 0)
      return fmt::format("colonne en double : la colonne {} désigne déjà `{}`", tree->column + 1, path);
    if (!tree->fields.empty() || !tree->items.empty())
      return fmt::format("la liste `{}` est déjà donnée élément par élément", path);
    tree->column = static_cast<int>(column);
    tree->split = base->kind == ir::TypeKind::List;
  }
  return {};
}

bool CsvReader::checkIndices(const ColumnTree& tree, std::string& problem) {
  std::size_t expected = 0;
  for (const auto& [index, item] : tree.items) {
    if (index != expected) {
      problem = fmt::format("`{}[{}]` a des colonnes mais pas `{}[{}]` : les indices commencent à 0 et se suivent",
                            tree.path, index, tree.path, expected);
      return false;
    }
    ++expected;
    if (!checkIndices(*item, problem)) return false;
  }
  for (const auto& [index, child] : tree.fields)
    if (!checkIndices(*child, problem)) return false;
  return true;
}

void CsvReader::checkRequired(const ColumnTree& tree, std::uint32_t structIndex, const std::string& prefix,
                              const std::vector<CsvCell>& cells) {
  const ir::StructDecl& decl = program_.structs[structIndex];
  for (std::size_t i = 0; i < decl.fields.size(); ++i) {
    const ir::FieldDecl& field = decl.fields[i];
    const std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
    const auto it = tree.fields.find(i);
    if (it == tree.fields.end()) {
      if (field.type != nullptr && ir::isOptional(field.type)) continue;
      report(detail::fileError(
          name_, fmt::format("colonne obligatoire absente : `{}` (champ `{}` de `{}`)", path, field.name, decl.name),
          cells.empty() ? 1 : cells[0].line, 1));
      continue;
    }
    const ColumnTree& child = *it->second;
    const ir::Type* base = ir::stripOptional(field.type);
    if (base->kind == ir::TypeKind::Struct) checkRequired(child, base->index, path, cells);
    if (base->kind == ir::TypeKind::List) {
      const ir::Type* element = ir::stripOptional(base->element);
      for (const auto& [index, item] : child.items)
        if (element->kind == ir::TypeKind::Struct)
          checkRequired(*item, element->index, fmt::format("{}[{}]", path, index), cells);
    }
  }
}

bool CsvReader::header(const std::vector<CsvCell>& cells) {
  std::vector<Segment> segments;
  const std::size_t before = failed_;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    headers_.push_back(cells[c].text);
    std::string problem = parsePath(cells[c].text, segments);
    if (problem.empty()) problem = placeColumn(c, segments);
    if (!problem.empty())
      report(detail::fileError(
          name_,
          fmt::format("en-tête, colonne {} « {} » : {}", c + 1, detail::quoteForMessage(cells[c].text, 60), problem),
          cells[c].line, cells[c].column));
  }
  if (failed_ != before) return false;
  std::string problem;
  if (!checkIndices(root_, problem)) {
    report(detail::fileError(name_, "en-tête : " + problem, cells[0].line, 1));
    return false;
  }
  checkRequired(root_, structIndex_, "", cells);
  return failed_ == before;
}

const CsvCell& CsvReader::firstCell(const ColumnTree& tree, const std::vector<CsvCell>& cells) const {
  const ColumnTree* t = &tree;
  for (;;) {
    if (t->column >= 0) return cells[static_cast<std::size_t>(t->column)];
    if (!t->fields.empty()) {
      t = t->fields.begin()->second.get();
    } else if (!t->items.empty()) {
      t = t->items.begin()->second.get();
    } else {
      return cells[0];
    }
  }
}

bool CsvReader::rowNode(const ColumnTree& tree, const std::vector<CsvCell>& cells, Node& node, bool& empty,
                        std::string& problem, const CsvCell*& where) {
  if (tree.column >= 0) {
    const CsvCell& cell = cells[static_cast<std::size_t>(tree.column)];
    empty = cell.text.empty();
    node.line = cell.line;
    node.column = cell.column;
    node.origin = columnOrigin(tree.column);
    if (tree.split) {
      node.kind = Node::Kind::List;
      if (empty) return true;
      std::size_t start = 0;
      for (;;) {
        const std::size_t bar = cell.text.find('|', start);
        std::string item = cell.text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        // `38169 | 38185` is two communes, not "38169 " and " 38185", which
        // would match no commune; `38169||38185` is a slip, not an empty one.
        const std::size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
        item = b == std::string::npos ? std::string() : item.substr(b, e - b + 1);
        if (item.empty()) {
          problem = fmt::format("élément vide dans la liste « {} » (les éléments sont séparés par un seul `|`) [{}]",
                                cell.text, node.origin);
          where = &cell;
          return false;
        }
        node.items.push_back(Node::leaf(item, cell.line, cell.column, node.origin));
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      return true;
    }
    if (empty) return true; // Null
    node.kind = Node::Kind::Text;
    node.text = cell.text;
    return true;
  }
  const CsvCell& first = firstCell(tree, cells);
  node.line = first.line;
  node.column = first.column;
  empty = true;
  if (!tree.items.empty()) {
    node.kind = Node::Kind::List;
    std::vector<std::pair<Node, bool>> items;
    for (const auto& [index, item] : tree.items) {
      Node child;
      bool childEmpty = true;
      if (!rowNode(*item, cells, child, childEmpty, problem, where)) return false;
      items.emplace_back(std::move(child), childEmpty);
    }
    std::size_t used = items.size();
    while (used > 0 && items[used - 1].second) --used;
    for (std::size_t i = 0; i < used; ++i) {
      if (items[i].second) {
        problem = fmt::format("`{}[{}]` n'a aucune cellule remplie alors que `{}[{}]` en a : les éléments d'une "
                              "liste se suivent sans trou",
                              tree.path, i, tree.path, used - 1);
        where = &firstCell(*tree.items.at(used - 1), cells);
        problem += fmt::format(" [{}]", columnOrigin(static_cast<int>(where - cells.data())));
        return false;
      }
      node.items.push_back(std::move(items[i].first));
    }
    empty = used == 0;
    return true;
  }
  node.kind = Node::Kind::Object;
  for (const auto& [index, child] : tree.fields) {
    Node value;
    bool childEmpty = true;
    if (!rowNode(*child, cells, value, childEmpty, problem, where)) return false;
    empty = empty && childEmpty;
    node.add(child->fieldName, std::move(value));
  }
  // An optional structure whose cells are all empty is absent.
  if (empty && tree.type != nullptr && ir::isOptional(tree.type)) {
    node.kind = Node::Kind::Null;
    node.fields.clear();
  }
  return true;
}

bool CsvReader::read(std::string_view text) {
  const std::size_t bodyStart = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // No demande at all, as a JSON Lines file with no line: the caller
  // says so (loge run: a note, exit 0); without rows the columns do not
  // matter, so no header is asked for.
  if (text.find_first_not_of(" \t\r\n", bodyStart) == std::string_view::npos) return true;
  char separator = options_.csvSeparator;
  if (separator == 0) {
    separator = CsvTokenizer::detectSeparator(text);
    if (separator == 0) {
      errors_.push_back(detail::fileError(name_,
                                          "séparateur ambigu : la ligne d'en-tête contient « ; » et « , » ; "
                                          "préciser --separateur ';' ou --separateur ','",
                                          1, 1));
      return false;
    }
  }
  CsvTokenizer tokens(text, separator);
  std::vector<CsvCell> cells;
  auto syntaxError = [&]() {
    const CsvTokenizer::Error& e = tokens.error();
    std::string message = e.message;
    if (!headers_.empty() && e.cell < headers_.size())
      message += fmt::format(" [colonne {} « {} »]", e.cell + 1, quoteForColumn(e.cell));
    report(detail::fileError(name_, std::move(message), e.line, e.column));
  };
  CsvTokenizer::Status status = tokens.next(cells);
  if (status == CsvTokenizer::Status::Error) {
    syntaxError();
    return false;
  }
  if (!header(cells)) return false;

  detail::TreeBuilder builder(program_, detail::Dialect::Csv, separator == ';', false);
  std::vector<detail::TreeFailure> failures;
  const int idIndex = detail::idFieldIndex(program_, structIndex_);
  const std::size_t columns = headers_.size();
  for (;;) {
    status = tokens.next(cells);
    if (status == CsvTokenizer::Status::End) break;
    if (status == CsvTokenizer::Status::Error) {
      syntaxError();
      break; // the rest of the file cannot be split reliably
    }
    if (cells.size() != columns) {
      report(detail::fileError(name_,
                               fmt::format("la ligne a {} cellule(s), l'en-tête en a {} (séparateur « {} »)",
                                           cells.size(), columns, separator),
                               cells[0].line, 1));
      continue;
    }
    Node root;
    bool empty = true;
    std::string problem;
    const CsvCell* where = nullptr;
    if (!rowNode(root_, cells, root, empty, problem, where)) {
      report(detail::fileError(name_, std::move(problem), where->line, where->column));
      continue;
    }
    interp::Value record;
    if (!builder.build(structIndex_, root, arena_, record, failures)) {
      for (detail::TreeFailure& failure : failures) {
        IngestError e = detail::fileError(name_, std::move(failure.message), failure.line, failure.column);
        e.path = std::move(failure.path);
        report(std::move(e));
      }
      continue;
    }
    detail::appendRecord(out_, record, idIndex, cells.empty() ? 0 : cells[0].line);
  }
  if (failed_ > options_.maxErrors)
    errors_.push_back(
        detail::fileError(name_, fmt::format("{} autre(s) erreur(s) non détaillée(s)", failed_ - options_.maxErrors)));
  return failed_ == 0;
}

} // namespace

} // namespace loge::ingest

namespace loge::ingest {

bool readCsvText(const ir::Program& program, std::uint32_t structIndex, std::string_view text, const std::string& name,
                 const ReadOptions& options, interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors) {
  if (structIndex >= program.structs.size()) {
    errors.push_back(detail::fileError(name, fmt::format("structure inconnue (indice {})", structIndex)));
    return false;
  }
  CsvReader reader(program, structIndex, name, options, arena, out, errors);
  return reader.read(text);
}

bool readCsv(const ir::Program& program, std::uint32_t structIndex, const std::string& path, const ReadOptions& options,
             interp::Arena& arena, Dataset& out, std::vector<IngestError>& errors) {
  std::string text, problem;
  if (!detail::readWholeFile(path, kMaxTableBytes, text, problem)) {
    errors.push_back(detail::fileError(path, std::move(problem)));
    return false;
  }
  return readCsvText(program, structIndex, text, path, options, arena, out, errors);
}

} // namespace loge::ingest
