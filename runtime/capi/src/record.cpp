// libloge: demandes and logements, from JSON or field by field.
//
// A record built field by field is a JSON document (nlohmann) whose paths
// are checked against the schema as they are set; validation then goes
// through the ingest stage's reader, so a record built here and the same
// record read by `loge run` are validated by one definition.
#include "records.h"

#include "loge/ast/names.h"
#include "loge/ingest/ingest.h"
#include "loge/source/utf8.h"

#include <fmt/format.h>

#include <cstring>

#include <fstream>
#include <iterator>

namespace loge::capi {

const char* roleName(loge_role role) {
  switch (role) {
  case LOGE_ROLE_DEMANDE: return "demande";
  case LOGE_ROLE_LOGEMENT: return "logement";
  case LOGE_ROLE_CANDIDATURE: return "candidature";
  case LOGE_ROLE_ATTRIBUTION: return "attribution";
  case LOGE_ROLE_RANGE_: break;
  }
  return "?";
}

namespace {

std::unique_ptr<loge_record> newRecord(const loge_policy* policy, loge_role role) {
  const Core& core = handle(policy, Tag::Policy, "policy").core;
  if (role < LOGE_ROLE_DEMANDE || role > LOGE_ROLE_ATTRIBUTION)
    fail(LOGE_ERR_ARGUMENT, fmt::format("rôle inconnu ({})", static_cast<int>(role)));
  const ir::Type* type = core->program->schema.roles[role];
  if (!type) fail(LOGE_ERR_UNSUPPORTED, fmt::format("la politique ne déclare pas de schéma pour `{}`", roleName(role)));
  auto r = std::make_unique<loge_record>();
  r->core = core;
  r->role = role;
  r->structIndex = type->index;
  return r;
}

// One step of a field path: a field name, then list indices.
struct Step {
  std::string name;
  std::vector<std::size_t> indices;
};

std::vector<Step> parsePath(const char* path) {
  std::string text = nonNull(path, "path");
  auto bad = [&] { fail(LOGE_ERR_ARGUMENT, fmt::format("chemin de champ invalide « {} »", text)); };
  std::vector<Step> steps;
  std::size_t i = 0;
  while (true) {
    Step s;
    while (i < text.size() && text[i] != '.' && text[i] != '[') s.name += text[i++];
    if (s.name.empty()) bad();
    while (i < text.size() && text[i] == '[') {
      std::size_t close = text.find(']', i);
      if (close == std::string::npos || close == i + 1 || close - i > 10) bad();
      std::size_t index = 0;
      for (std::size_t k = i + 1; k < close; ++k) {
        if (text[k] < '0' || text[k] > '9') bad();
        index = index * 10 + static_cast<std::size_t>(text[k] - '0');
      }
      s.indices.push_back(index);
      i = close + 1;
    }
    steps.push_back(std::move(s));
    if (i == text.size()) break;
    if (text[i] != '.') bad();
    ++i;
  }
  return steps;
}

// The JSON node a path names, created as needed, and the field's type.
struct Target {
  nlohmann::ordered_json* node = nullptr;
  const ir::Type* type = nullptr;
};

Target resolve(const loge_record& r, nlohmann::ordered_json& doc, const char* path) {
  if (r.fromJson)
    fail(LOGE_ERR_ARGUMENT, "un enregistrement lu depuis du JSON ne se modifie pas (créez-le avec loge_record_create)");
  const ir::Program& p = *r.core->program;
  std::vector<Step> steps = parsePath(path);
  const ir::Type* type = p.schema.roles[r.role];
  nlohmann::ordered_json* node = &doc;
  std::string where;
  for (const Step& s : steps) {
    const ir::Type* st = ir::stripOptional(type);
    if (st->kind != ir::TypeKind::Struct)
      fail(LOGE_ERR_ARGUMENT, fmt::format("`{}` n'est pas une structure : pas de champ `{}`", where, s.name));
    const ir::StructDecl& decl = p.structs[st->index];
    int f = decl.fieldIndex(ast::foldName(s.name));
    if (f < 0) {
      fail(LOGE_ERR_ARGUMENT, fmt::format("champ inconnu `{}{}` (la structure {} n'a pas de champ `{}`)",
                                          where.empty() ? "" : where + ".", s.name, decl.name, s.name));
    }
    const ir::FieldDecl& field = decl.fields[static_cast<std::size_t>(f)];
    if (!node->is_object()) *node = nlohmann::ordered_json::object();
    node = &(*node)[field.name];
    type = field.type;
    where += (where.empty() ? "" : ".") + field.name;
    for (std::size_t index : s.indices) {
      const ir::Type* lt = ir::stripOptional(type);
      if (lt->kind != ir::TypeKind::List) fail(LOGE_ERR_ARGUMENT, fmt::format("`{}` n'est pas une liste", where));
      std::size_t size = node->is_array() ? node->size() : 0;
      if (index >= size)
        fail(LOGE_ERR_ARGUMENT, fmt::format("`{}[{}]` : la liste a {} élément(s) (ajoutez-en avec loge_record_append)",
                                            where, index, size));
      node = &(*node)[index];
      type = lt->element;
      where += fmt::format("[{}]", index);
    }
  }
  return Target{node, type};
}

void typeMismatch(const loge_record& r, const char* path, const ir::Type* type, const char* given) {
  fail(LOGE_ERR_ARGUMENT,
       fmt::format("champ `{}` : de type {}, ne reçoit pas {}", path, ir::typeName(*r.core->program, type), given));
}

// Runs a setter: resolves the path, checks the type, stores, and forgets any
// validated form. It works on a copy, so a failed setter changes nothing.
template <typename Store> loge_status set(loge_record* record, const char* path, Store&& store) {
  loge_record& r = handle(record, Tag::Record, "record");
  nlohmann::ordered_json doc = r.doc;
  Target t = resolve(r, doc, path);
  store(r, t, ir::stripOptional(t.type));
  r.doc = std::move(doc);
  r.validated = false;
  r.arena.clear();
  r.value = interp::Value();
  r.json = r.doc.dump();
  return LOGE_OK;
}

} // namespace

interp::Value recordValue(const loge_record& r, interp::Arena& arena) {
  if (r.validated) return r.value;
  interp::Value v;
  std::vector<ingest::IngestError> errors;
  if (!ingest::readRecord(*r.core->program, r.structIndex, r.json.empty() ? "{}" : r.json, arena, v, errors))
    throw Failure{ingestErrors(errors, Where::FieldOnly)}; // the document is the library's own serialisation
  return v;
}

std::unique_ptr<loge_error> ingestError(const ingest::IngestError& e, Where where) {
  if (where == Where::FieldOnly) {
    auto err = makeError(LOGE_ERR_DATA, e.path.empty() ? e.message : "champ `" + e.path + "` : " + e.message);
    err->field = e.path;
    return err;
  }
  auto err = makeError(LOGE_ERR_DATA, e.message);
  err->file = e.file;
  err->line = static_cast<std::uint32_t>(e.line);
  err->column = static_cast<std::uint32_t>(e.column);
  err->field = e.path;
  err->text = e.render();
  return err;
}

std::unique_ptr<loge_error> ingestErrors(const std::vector<ingest::IngestError>& errors, Where where) {
  if (errors.size() == 1) return ingestError(errors.front(), where);
  std::vector<std::unique_ptr<loge_error>> items;
  for (const ingest::IngestError& e : errors) items.push_back(ingestError(e, where));
  return withItems(std::move(items));
}

const loge_record& recordFor(const loge_record* record, const Core& core, loge_role role, const char* name) {
  const loge_record& r = handle(record, Tag::Record, name);
  if (r.core != core) fail(LOGE_ERR_ARGUMENT, fmt::format("argument `{}` : créé pour une autre politique", name));
  if (r.role != role)
    fail(LOGE_ERR_ARGUMENT, fmt::format("argument `{}` : attendu un enregistrement `{}`, reçu un enregistrement `{}`",
                                        name, roleName(role), roleName(r.role)));
  return r;
}

} // namespace loge::capi

using namespace loge::capi;
namespace ir = loge::ir;

extern "C" {

LOGE_API loge_status loge_record_create(const loge_policy* policy, loge_role role, loge_record** out,
                                        loge_error** error) {
  return guard(error, [&] {
    nonNull(out, "out");
    auto r = newRecord(policy, role);
    r->doc = nlohmann::ordered_json::object();
    r->json = "{}";
    *out = r.release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_record_from_json(const loge_policy* policy, loge_role role, const char* json, size_t length,
                                           loge_record** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(json, "json");
    nonNull(out, "out");
    auto r = newRecord(policy, role);
    r->fromJson = true;
    r->json.assign(json, length);
    std::vector<loge::ingest::IngestError> errors;
    if (!loge::ingest::readRecord(*r->core->program, r->structIndex, r->json, r->arena, r->value, errors))
      throw Failure{ingestErrors(errors)};
    r->validated = true;
    *out = r.release();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_record_from_json_file(const loge_policy* policy, loge_role role, const char* path,
                                                loge_record** out, loge_error** error) {
  return guard(error, [&] {
    nonNull(path, "path");
    nonNull(out, "out");
    auto r = newRecord(policy, role);
    r->fromJson = true;
    std::vector<loge::ingest::IngestError> errors;
    if (!loge::ingest::readJsonFile(*r->core->program, r->structIndex, path, r->arena, r->value, errors)) {
      auto err = ingestErrors(errors);
      const loge::ingest::IngestError& e = errors.front();
      if (e.line == 0 && e.path.empty()) { // the file itself
        err->status = LOGE_ERR_IO;
        err->message = std::string(path) + " : " + err->message;
      }
      throw Failure{std::move(err)};
    }
    // Kept for loge_record_json only; the file was read and validated above.
    std::ifstream in(path, std::ios::binary);
    r->json.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (r->json.compare(0, 3, "\xEF\xBB\xBF") == 0) r->json.erase(0, 3);
    r->validated = true;
    *out = r.release();
    return LOGE_OK;
  });
}

LOGE_API void loge_record_free(loge_record* record) {
  if (record && record->tag == Tag::Record) {
    record->tag = Tag::Freed;
    delete record;
  }
}

LOGE_API loge_status loge_record_set_int(loge_record* record, const char* path, int64_t value, loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Int && type->kind != ir::TypeKind::Duration)
        typeMismatch(r, path, t.type, "un entier");
      *t.node = value;
    });
  });
}

LOGE_API loge_status loge_record_set_decimal(loge_record* record, const char* path, const char* value,
                                             loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Decimal) typeMismatch(r, path, t.type, "un décimal");
      std::string text = nonNull(value, "value");
      if (!loge::num::Decimal::parse(text))
        fail(LOGE_ERR_ARGUMENT,
             fmt::format("champ `{}` : « {} » n'est pas un décimal exact (ex. \"1650.50\")", path, text));
      *t.node = text;
    });
  });
}

LOGE_API loge_status loge_record_set_date(loge_record* record, const char* path, const char* value,
                                          loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Date) typeMismatch(r, path, t.type, "une date");
      std::string text = nonNull(value, "value");
      if (!loge::num::Date::parse(text))
        fail(LOGE_ERR_ARGUMENT,
             fmt::format("champ `{}` : « {} » n'est pas une date AAAA-MM-JJ qui existe", path, text));
      *t.node = text;
    });
  });
}

LOGE_API loge_status loge_record_set_text_n(loge_record* record, const char* path, const char* value, size_t length,
                                            loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Text) typeMismatch(r, path, t.type, "un texte");
      std::string text(nonNull(value, "value"), length);
      if (loge::findInvalidUtf8(text)) fail(LOGE_ERR_ARGUMENT, fmt::format("champ `{}` : texte non UTF-8", path));
      // As in data files: a control character (an escape sequence, a NUL
      // that would cut the text in every output…) is not text.
      for (unsigned char c : text)
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          fail(LOGE_ERR_ARGUMENT, fmt::format("champ `{}` : caractère de contrôle U+{:04X} dans le texte", path, c));
      *t.node = loge::composeAccents(text);
    });
  });
}

LOGE_API loge_status loge_record_set_text(loge_record* record, const char* path, const char* value,
                                          loge_error** error) {
  return loge_record_set_text_n(record, path, value, value ? std::strlen(value) : 0, error);
}

LOGE_API loge_status loge_record_set_bool(loge_record* record, const char* path, int value, loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Bool) typeMismatch(r, path, t.type, "un booléen");
      *t.node = value != 0;
    });
  });
}

LOGE_API loge_status loge_record_set_enum(loge_record* record, const char* path, const char* value,
                                          loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::Enum) typeMismatch(r, path, t.type, "une valeur d'énumération");
      std::string folded = loge::ast::foldName(nonNull(value, "value"));
      const ir::EnumDecl& e = r.core->program->enums[type->index];
      for (const std::string& v : e.values) {
        if (v == folded) {
          *t.node = v;
          return;
        }
      }
      std::string list;
      for (const std::string& v : e.values) list += (list.empty() ? "" : ", ") + v;
      fail(LOGE_ERR_ARGUMENT,
           fmt::format("champ `{}` : « {} » n'est pas une valeur de {} ({})", path, value, e.name, list));
    });
  });
}

LOGE_API loge_status loge_record_set_absent(loge_record* record, const char* path, loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type*) {
      if (!ir::isOptional(t.type)) typeMismatch(r, path, t.type, "« absent » (le champ n'est pas optionnel)");
      *t.node = nullptr;
    });
  });
}

LOGE_API loge_status loge_record_append(loge_record* record, const char* path, size_t* index, loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::List) typeMismatch(r, path, t.type, "d'élément (ce n'est pas une liste)");
      if (!t.node->is_array()) *t.node = nlohmann::ordered_json::array();
      if (t.node->size() >= loge::ingest::kMaxLineBytes)
        fail(LOGE_ERR_ARGUMENT, fmt::format("champ `{}` : liste trop longue", path));
      bool structure = ir::stripOptional(type->element)->kind == ir::TypeKind::Struct;
      t.node->push_back(structure ? nlohmann::ordered_json::object() : nlohmann::ordered_json());
      if (index) *index = t.node->size() - 1;
    });
  });
}

LOGE_API loge_status loge_record_clear_list(loge_record* record, const char* path, loge_error** error) {
  return guard(error, [&] {
    return set(record, path, [&](loge_record& r, Target& t, const ir::Type* type) {
      if (type->kind != ir::TypeKind::List) typeMismatch(r, path, t.type, "de liste vide (ce n'est pas une liste)");
      *t.node = nlohmann::ordered_json::array();
    });
  });
}

LOGE_API loge_status loge_record_validate(loge_record* record, loge_error** error) {
  return guard(error, [&] {
    loge_record& r = handle(record, Tag::Record, "record");
    if (r.validated) return LOGE_OK;
    r.arena.clear();
    r.value = recordValue(r, r.arena);
    r.validated = true;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_record_json(const loge_record* record, const char** out, loge_error** error) {
  return guard(error, [&] {
    const loge_record& r = handle(record, Tag::Record, "record");
    *nonNull(out, "out") = r.json.c_str();
    return LOGE_OK;
  });
}

} // extern "C"
