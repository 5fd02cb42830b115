// Ingest stage: located text trees, and their conversion to runtime values.
//
// The CSV and SNE (XML) readers do not parse JSON: each turns its input into
// a tree of texts named by the schema's field names (a CSV row through its
// header, an SNE demande through the explicit mapping of sne_mapping.cpp),
// every text remembering where it came from. TreeBuilder then converts the
// tree against the policy's schema with the same rules and messages as the
// JSON reader: unknown and missing fields, enumeration values, exact
// decimals, real dates, schema bounds.
#pragma once

#include "loge/interp/value.h"
#include "loge/ir/program.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loge::ingest::detail {

struct NodeField;

struct Node {
  enum class Kind : std::uint8_t {
    Null, // no value: an empty CSV cell (absent when the field is optional)
    Text,
    Object,
    List
  };
  Kind kind = Kind::Null;
  std::string text;                 // Text
  std::vector<NodeField> fields;    // Object
  std::vector<Node> items;          // List
  std::size_t line = 0, column = 0; // where the value is (1-based)
  // Where it comes from, appended to messages: "colonne 5 « demandeur.age »",
  // "élément demandeLogement/numUnique". Empty when the location says it all.
  std::string origin;

  // Defined after NodeField: a std::pair<std::string, Node> member would
  // need Node complete inside its own definition (clang rejects it with
  // libstdc++ 12).
  static Node leaf(std::string t, std::size_t line, std::size_t column, std::string origin = {});
  Node& add(std::string name, Node value);
};

// One field of an Object node: its name in the schema and its value.
struct NodeField {
  std::string name;
  Node value;
};

inline Node Node::leaf(std::string t, std::size_t line, std::size_t column, std::string origin) {
  Node n;
  n.kind = Kind::Text;
  n.text = std::move(t);
  n.line = line;
  n.column = column;
  n.origin = std::move(origin);
  return n;
}

inline Node& Node::add(std::string name, Node value) {
  return fields.emplace_back(NodeField{std::move(name), std::move(value)}).value;
}

// How the scalars of a tree are written.
enum class Dialect : std::uint8_t {
  // Booleans true/false/vrai/faux/oui/non (any case); dates AAAA-MM-JJ or
  // JJ/MM/AAAA; decimals with a point, or a comma when `decimalComma`.
  Csv,
  // XML Schema: booleans true/false/1/0; dates AAAA-MM-JJ; decimals with a
  // point. Surrounding white space is the reader's business.
  Xml
};

struct TreeFailure {
  std::size_t line = 0, column = 0;
  std::string path; // the field's path ("demandeur.date_naissance", "personnes[1].lien")
  std::string message;
};

class TreeBuilder {
public:
  // `useTestDefaults`: a required field missing from the tree takes its
  // schema test default (`= faux`) when it has one, and is recorded in
  // defaulted() (the SNE reader's --sne-defauts); otherwise it is an error.
  TreeBuilder(const ir::Program& program, Dialect dialect, bool decimalComma, bool useTestDefaults)
      : program_(program), dialect_(dialect), decimalComma_(decimalComma), useTestDefaults_(useTestDefaults) {}

  // At most this many problems are reported for one record.
  static constexpr std::size_t kMaxFailures = 20;

  // Converts `root` (an Object) into a record of struct `structIndex`. On
  // failure, `failures` holds every problem found (up to kMaxFailures): the
  // unknown and duplicate fields in the order of the tree, then the others
  // in the order of the struct's fields.
  bool build(std::uint32_t structIndex, const Node& root, interp::Arena& arena, interp::Value& out,
             std::vector<TreeFailure>& failures);

  // The paths of the fields filled with their test default so far
  // ("demandeur.handicap", "personnes[].handicap").
  const std::set<std::string>& defaulted() const { return defaulted_; }

private:
  bool value(const ir::Type* type, const Node& node, interp::Value& out);
  bool object(std::uint32_t structIndex, const Node& node, interp::Value& out);
  bool list(const ir::Type* element, const Node& node, interp::Value& out);
  bool scalar(const ir::Type* type, const Node& node, interp::Value& out);
  bool integer(const Node& node, std::int64_t& out);
  bool decimal(const ir::Type* type, const Node& node, interp::Value& out);
  bool date(const Node& node, interp::Value& out);
  bool boolean(const Node& node, interp::Value& out);
  bool enumeration(const ir::Type* type, const Node& node, interp::Value& out);
  bool fromConstant(const ir::Type* type, const ir::Constant& c, interp::Value& out);

  bool fail(const Node& node, std::string message);
  std::string pathText(bool genericIndices = false) const;

  const ir::Program& program_;
  Dialect dialect_;
  bool decimalComma_;
  bool useTestDefaults_;
  interp::Arena* arena_ = nullptr;
  std::vector<TreeFailure>* failures_ = nullptr;
  struct PathSegment {
    const std::string* name; // null for a list index
    std::size_t index;
  };
  std::vector<PathSegment> path_;
  std::set<std::string> defaulted_;
  std::string folded_;
};

} // namespace loge::ingest::detail
