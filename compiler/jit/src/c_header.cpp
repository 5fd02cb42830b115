// JIT stage (internal): generating the C header of an artifact. Every
// struct is followed by static assertions on its size and field offsets,
// so a C compiler that lays it out differently from codegen::Layout stops
// the build instead of reading the wrong bytes.
#include "c_header.h"

#include "loge/interp/interp.h"
#include "loge/numeric/date.h"
#include "loge/rt/aot.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <utility>

namespace loge::jit::internal {

namespace {

const std::set<std::string>& cKeywords() {
  static const std::set<std::string> k = {
      "auto",   "break",    "case",     "char",     "const",    "continue", "default", "do",     "double",
      "else",   "enum",     "extern",   "float",    "for",      "goto",     "if",      "inline", "int",
      "long",   "register", "restrict", "return",   "short",    "signed",   "sizeof",  "static", "struct",
      "switch", "typedef",  "union",    "unsigned", "void",     "volatile", "while",   "bool",   "class",
      "delete", "new",      "private",  "public",   "template", "this",     "true",    "false",  "operator"};
  return k;
}

// The last component of a qualified name (`standard.Demande` → `Demande`).
std::string lastComponent(const std::string& name) {
  auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

struct Member {
  std::uint32_t offset = 0, size = 0;
  std::string decl; // "int64_t age" (without ';')
  std::string name;
};

class HeaderWriter {
public:
  HeaderWriter(const ir::Program& p, const codegen::Layout& layout, const std::string& prefix)
      : p_(p), layout_(layout), prefix_(prefix) {
    std::map<std::string, int> used;
    for (const auto& s : p.structs) {
      std::string n = cIdentifier(lastComponent(s.name));
      if (used[n]++) n += fmt::format("_{}", used[n]);
      structNames_.push_back(prefix_ + "_" + n);
    }
    fieldNames_.resize(p.structs.size());
    used.clear();
    for (const auto& e : p.enums) {
      std::string n = cIdentifier(lastComponent(e.name));
      if (used[n]++) n += fmt::format("_{}", used[n]);
      enumNames_.push_back(prefix_ + "_" + n);
    }
  }

  const std::string& structName(std::uint32_t i) const { return structNames_[i]; }
  std::string validatorName(std::uint32_t i) const { return structNames_[i] + "_valide"; }

  // One function per structure, `int NAME_valide(const NAME* r)`: whether a
  // record the host filled holds what the compiled code may read (list and
  // text pointers with their lengths, enumeration codes, booleans and
  // presence flags 0 or 1, dates and decimals in range) and what the
  // schema's bounds allow — what `loge run` checks when it reads a file.
  std::string validators() {
    std::string out = "/* ---------------------------------------------------------------- validation */\n\n";
    out += fmt::format("static inline int {0}_decimal_inferieur(loge_decimal v, int64_t hi, uint64_t lo) {{\n"
                       "  return v.hi < hi || (v.hi == hi && v.lo < lo);\n}}\n"
                       "static inline int {0}_decimal_superieur(loge_decimal v, int64_t hi, uint64_t lo) {{\n"
                       "  return v.hi > hi || (v.hi == hi && v.lo > lo);\n}}\n"
                       "static inline int {0}_decimal_valide(loge_decimal v) {{\n"
                       "  return !(v.hi == INT64_MIN && v.lo == 0); /* -2^127: outside the decimal range */\n}}\n\n",
                       prefix_);
    for (std::uint32_t i = 0; i < p_.structs.size(); ++i)
      out += fmt::format("static inline int {}(const {}* r);\n", validatorName(i), structNames_[i]);
    out += "\n";
    for (std::uint32_t i = 0; i < p_.structs.size(); ++i) {
      const ir::StructDecl& s = p_.structs[i];
      std::string body;
      for (std::size_t f = 0; f < s.fields.size(); ++f)
        body += checks(s.fields[f].type, "r->" + fieldNames_[i][f], &s.fields[f], 1);
      out += fmt::format("static inline int {}(const {}* r) {{\n{}  (void)r;\n  return 1;\n}}\n\n", validatorName(i),
                         structNames_[i], body);
    }
    return out;
  }

  // The C type of a field of type `t`; `field` names a helper type when
  // one is needed (optionals, lists).
  std::string cType(const ir::Type* t) {
    switch (t->kind) {
    case ir::TypeKind::Bool: return "uint8_t";
    case ir::TypeKind::Int:
    case ir::TypeKind::Duration: return "int64_t";
    case ir::TypeKind::Decimal: return "loge_decimal";
    case ir::TypeKind::Date: return "int32_t";
    case ir::TypeKind::Enum: return "uint32_t";
    case ir::TypeKind::Text: return "loge_text";
    case ir::TypeKind::Struct: return structNames_[t->index];
    case ir::TypeKind::List: return listType(t);
    case ir::TypeKind::Optional: return optionalType(t);
    default: return "uint8_t";
    }
  }

  void emitStruct(std::uint32_t index, std::string& out) {
    const ir::StructDecl& s = p_.structs[index];
    const codegen::StructLayout& l = layout_.structure(index);
    std::vector<Member> members;
    std::set<std::string> names;
    for (std::size_t f = 0; f < s.fields.size(); ++f) {
      std::string n = cIdentifier(s.fields[f].name);
      while (names.count(n)) n += "_";
      names.insert(n);
      members.push_back({l.offsets[f], layout_.sizeOf(s.fields[f].type), cType(s.fields[f].type) + " " + n, n});
    }
    fieldNames_[index].clear();
    for (const Member& m : members) fieldNames_[index].push_back(m.name);
    std::string comment = s.label.empty() ? s.name : s.name + " — " + s.label;
    out += fmt::format("/* {} */\n", comment);
    emitMembers(structNames_[index], members, l.size, out);
  }

  // Helper types (optionals, lists) are emitted before the struct that
  // uses them.
  std::string takeHelpers() { return std::exchange(helpers_, {}); }

  void emitMembers(const std::string& name, std::vector<Member> members, std::uint32_t size, std::string& out) {
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) { return a.offset < b.offset; });
    out += fmt::format("typedef struct {} {{\n", name);
    std::uint32_t at = 0;
    int pad = 0;
    for (const Member& m : members) {
      if (m.offset > at) out += fmt::format("  uint8_t _pad{}[{}];\n", pad++, m.offset - at);
      out += fmt::format("  {};\n", m.decl);
      at = m.offset + m.size;
    }
    if (members.empty())
      out += "  uint8_t _vide;\n";
    else if (size > at)
      out += fmt::format("  uint8_t _pad{}[{}];\n", pad++, size - at);
    out += fmt::format("}} {};\n", name);
    // An empty C struct is not valid C: it holds one unused byte instead.
    out += fmt::format("LOGE_STATIC_ASSERT(sizeof({}) == {}, \"{}: layout\");\n", name,
                       members.empty() ? std::max<std::uint32_t>(size, 1) : size, name);
    for (const Member& m : members)
      out += fmt::format("LOGE_STATIC_ASSERT(offsetof({}, {}) == {}, \"{}.{}: layout\");\n", name, m.name, m.offset,
                         name, m.name);
    out += "\n";
  }

  std::string enums() const {
    std::string out;
    for (std::size_t e = 0; e < p_.enums.size(); ++e) {
      const ir::EnumDecl& d = p_.enums[e];
      out += fmt::format("/* {}{} */\nenum {{\n", d.name, d.label.empty() ? "" : " — " + d.label);
      std::set<std::string> names;
      for (std::size_t v = 0; v < d.values.size(); ++v) {
        std::string n = enumNames_[e] + "_" + cIdentifier(d.values[v]);
        while (names.count(n)) n += "_";
        names.insert(n);
        out += fmt::format("  {} = {},\n", n, v);
      }
      out += "};\n\n";
    }
    return out;
  }

private:
  // The statements that return 0 when value `v` (a C lvalue of type `t`,
  // field `f` when it is one) is not valid; `depth` indents and names loop
  // indices.
  std::string checks(const ir::Type* t, const std::string& v, const ir::FieldDecl* f, int depth) {
    std::string in(static_cast<std::size_t>(depth) * 2, ' ');
    auto fail = [&](const std::string& cond) { return fmt::format("{}if ({}) return 0;\n", in, cond); };
    switch (t->kind) {
    case ir::TypeKind::Bool: return fail(v + " > 1");
    case ir::TypeKind::Enum: return fail(fmt::format("{} >= {}u", v, p_.enums[t->index].values.size()));
    case ir::TypeKind::Date:
      return fail(fmt::format("{0} < {1} || {0} > {2}", v, num::Date::min().days(), num::Date::max().days()));
    case ir::TypeKind::Text: return fail(fmt::format("{0}.length < 0 || ({0}.length > 0 && !{0}.data)", v));
    case ir::TypeKind::Struct: return fail(fmt::format("!{}(&{})", validatorName(t->index), v));
    case ir::TypeKind::Optional: {
      std::string inner = checks(t->element, v + ".value", f, depth + 1);
      std::string out = fail(v + ".present > 1");
      if (!inner.empty()) out += fmt::format("{}if ({}.present) {{\n{}{}}}\n", in, v, inner, in);
      return out;
    }
    case ir::TypeKind::List: {
      std::string out = fail(fmt::format("{0}.count < 0 || ({0}.count > 0 && !{0}.items)", v));
      if (f && f->lower) out += fail(fmt::format("{}.count < {}", v, static_cast<std::int64_t>(f->lower->number)));
      if (f && f->upper) out += fail(fmt::format("{}.count > {}", v, static_cast<std::int64_t>(f->upper->number)));
      if (t->element->kind == ir::TypeKind::List) return out; // items behind `const void*`
      std::string index = fmt::format("i{}", depth);
      std::string inner = checks(t->element, fmt::format("{}.items[{}]", v, index), nullptr, depth + 2);
      if (!inner.empty())
        out +=
            fmt::format("{0}{{\n{0}  int64_t {1};\n{0}  for ({1} = 0; {1} < {2}.count; ++{1}) {{\n{3}{0}  }}\n{0}}}\n",
                        in, index, v, inner);
      return out;
    }
    case ir::TypeKind::Int:
    case ir::TypeKind::Duration: {
      std::string out;
      auto bound = [&](const ir::Constant& c, const char* op) {
        auto n = static_cast<std::int64_t>(c.number);
        if (n != INT64_MIN) out += fail(fmt::format("{} {} INT64_C({})", v, op, n));
      };
      if (f && f->lower) bound(*f->lower, "<");
      if (f && f->upper) bound(*f->upper, ">");
      return out;
    }
    case ir::TypeKind::Decimal: {
      std::string out = fail(fmt::format("!{}_decimal_valide({})", prefix_, v));
      auto bound = [&](const ir::Constant& c, const char* test) {
        auto u = static_cast<num::uint128>(c.asDecimal().mantissa());
        out += fail(fmt::format("{}_decimal_{}({}, INT64_C({}), UINT64_C({}))", prefix_, test, v,
                                static_cast<std::int64_t>(static_cast<std::uint64_t>(u >> 64)),
                                static_cast<std::uint64_t>(u)));
      };
      if (f && f->lower) bound(*f->lower, "inferieur");
      if (f && f->upper) bound(*f->upper, "superieur");
      return out;
    }
    default: return "";
    }
  }

  std::string listType(const ir::Type* t) {
    std::string element = t->element->kind == ir::TypeKind::List ? std::string("void") : cType(t->element);
    std::string name = fmt::format("{}_liste_{}", prefix_, helperSuffix(t->element));
    if (helperDone_.insert(name).second)
      helpers_ +=
          fmt::format("typedef struct {} {{\n  const {}* items;\n  int64_t count;\n}} {};\n\n", name, element, name);
    return name;
  }

  std::string optionalType(const ir::Type* t) {
    std::string inner = cType(t->element);
    std::string name = fmt::format("{}_option_{}", prefix_, helperSuffix(t->element));
    if (helperDone_.insert(name).second)
      helpers_ += fmt::format("typedef struct {} {{\n  uint8_t present;\n  {} value;\n}} {};\n"
                              "LOGE_STATIC_ASSERT(offsetof({}, value) == {}, \"{}: layout\");\n"
                              "LOGE_STATIC_ASSERT(sizeof({}) == {}, \"{}: layout\");\n\n",
                              name, inner, name, name, layout_.payloadOffset(t), name, name, layout_.sizeOf(t), name);
    return name;
  }

  std::string helperSuffix(const ir::Type* t) {
    switch (t->kind) {
    case ir::TypeKind::Bool: return "booleen";
    case ir::TypeKind::Int: return "entier";
    case ir::TypeKind::Duration: return "duree";
    case ir::TypeKind::Decimal: return "decimal";
    case ir::TypeKind::Date: return "date";
    case ir::TypeKind::Enum: return enumNames_[t->index].substr(prefix_.size() + 1);
    case ir::TypeKind::Text: return "texte";
    case ir::TypeKind::Struct: return structNames_[t->index].substr(prefix_.size() + 1);
    case ir::TypeKind::List: return "liste_" + helperSuffix(t->element);
    case ir::TypeKind::Optional: return "option_" + helperSuffix(t->element);
    default: return "x";
    }
  }

  const ir::Program& p_;
  const codegen::Layout& layout_;
  std::string prefix_;
  std::vector<std::string> structNames_, enumNames_;
  std::vector<std::vector<std::string>> fieldNames_; // C member names, by field
  std::string helpers_;
  std::set<std::string> helperDone_;
};

// Structs in an order where each one's inline members come first.
std::vector<std::uint32_t> structOrder(const ir::Program& p) {
  std::vector<std::uint32_t> order;
  std::vector<int> state(p.structs.size(), 0);
  auto visit = [&](auto& self, std::uint32_t i) -> void {
    if (state[i]) return;
    state[i] = 1;
    for (const auto& f : p.structs[i].fields) {
      const ir::Type* t = f.type;
      while (t->kind == ir::TypeKind::Optional) t = t->element;
      if (t->kind == ir::TypeKind::Struct) self(self, t->index);
      // List items are behind a pointer, but the list's helper typedef
      // names the element type: define it first too (no cycles in a schema).
      if (t->kind == ir::TypeKind::List) {
        const ir::Type* e = t->element;
        while (e->kind == ir::TypeKind::Optional || e->kind == ir::TypeKind::List) e = e->element;
        if (e->kind == ir::TypeKind::Struct && !state[e->index]) self(self, e->index);
      }
    }
    order.push_back(i);
  };
  for (std::uint32_t i = 0; i < p.structs.size(); ++i) visit(visit, i);
  return order;
}

} // namespace

std::string cIdentifier(const std::string& name) {
  static const std::map<std::string, std::string> fold = {
      {"à", "a"}, {"â", "a"},  {"ä", "a"},  {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"},
      {"î", "i"}, {"ï", "i"},  {"ô", "o"},  {"ö", "o"}, {"ù", "u"}, {"û", "u"}, {"ü", "u"},
      {"ç", "c"}, {"œ", "oe"}, {"æ", "ae"}, {"À", "A"}, {"Â", "A"}, {"É", "E"}, {"È", "E"},
      {"Ê", "E"}, {"Î", "I"},  {"Ô", "O"},  {"Ù", "U"}, {"Û", "U"}, {"Ç", "C"}, {"Œ", "OE"}};
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      out += std::isalnum(c) || c == '_' ? static_cast<char>(c) : '_';
      ++i;
      continue;
    }
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    auto it = fold.find(name.substr(i, n));
    out += it != fold.end() ? it->second : "_";
    i += n;
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "_" + out;
  if (cKeywords().count(out)) out += "_";
  return out;
}

std::string cHeader(const ir::Program& p, const codegen::Layout& layout, const codegen::OutLayout& out,
                    const std::string& prefix, const std::string& policyPath) {
  HeaderWriter w(p, layout, prefix);
  std::string guard = prefix;
  std::transform(guard.begin(), guard.end(), guard.begin(), [](unsigned char c) { return std::toupper(c); });
  std::string h;
  h += fmt::format("/* Generated by `loge compile` from {} — do not edit.\n", policyPath);
  h += fmt::format(" * Policy: {}{}\n", p.title, p.version.empty() ? "" : " (version " + p.version + ")");
  h += " *\n * Link with the object file next to this header, libloge_rt.a and\n"
       " * libloge_numeric.a (and the C++ standard library). See loge/rt/aot.h. */\n";
  h += fmt::format("#ifndef {0}_H\n#define {0}_H\n\n", guard);
  h += "#include <stddef.h>\n#include <stdint.h>\n\n#include \"loge/rt/aot.h\"\n\n";
  // LOGE_AOT_SIZE: a C cast would trip -Wold-style-cast in C++ hosts.
  h += "#ifdef __cplusplus\n#define LOGE_STATIC_ASSERT static_assert\n"
       "#define LOGE_AOT_SIZE(T) static_cast<int64_t>(sizeof(T))\nextern \"C\" {\n#else\n"
       "#define LOGE_STATIC_ASSERT _Static_assert\n#define LOGE_AOT_SIZE(T) ((int64_t)sizeof(T))\n#endif\n\n";
  h += "/* ---------------------------------------------------------------- enumerations */\n\n";
  h += w.enums();
  h += "/* ---------------------------------------------------------------- records */\n\n";
  for (std::uint32_t i : structOrder(p)) {
    std::string body;
    w.emitStruct(i, body);
    h += w.takeHelpers();
    h += body;
  }

  h += w.validators();

  // Results.
  h += "/* ---------------------------------------------------------------- results */\n\n";
  h += fmt::format("/* Rule statuses ({}_resultat.regle_*_statut). */\nenum {{\n", prefix);
  for (auto s : {interp::RuleStatus::Ok, interp::RuleStatus::Alerte, interp::RuleStatus::Refus,
                 interp::RuleStatus::Exception, interp::RuleStatus::NotEvaluated}) {
    std::string n = interp::ruleStatusName(s);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::toupper(c); });
    h += fmt::format("  {}_STATUT_{} = {},\n", prefix, n, static_cast<int>(s));
  }
  h += "};\n\n";
  std::vector<Member> members;
  auto add = [&](std::uint32_t offset, std::uint32_t size, const std::string& type, const std::string& name) {
    members.push_back({offset, size, type + " " + name, name});
  };
  for (std::size_t c = 0; c < p.cotations.size(); ++c) {
    const ir::CotationDecl& cd = p.cotations[c];
    const auto& oc = out.cotations[c];
    std::string cn = "cotation_" + cIdentifier(lastComponent(cd.name));
    add(oc.total, 16, "loge_decimal", cn + "_total");
    add(oc.beforeBounds, 16, "loge_decimal", cn + "_avant_bornes");
    add(oc.floorApplied, 1, "uint8_t", cn + "_plancher_applique");
    add(oc.ceilingApplied, 1, "uint8_t", cn + "_plafond_applique");
    for (std::size_t i = 0; oc.detailsWritten && i < cd.criteria.size(); ++i) {
      std::string n = cn + "_" + cIdentifier(cd.criteria[i].name);
      add(oc.brut[i], 16, "loge_decimal", n + "_brut");
      add(oc.contribution[i], 16, "loge_decimal", n + "_points");
      add(oc.applicable[i], 1, "uint8_t", n + "_applicable");
    }
    for (std::size_t r = 0; oc.detailsWritten && r < cd.rubriques.size(); ++r)
      add(oc.rubriques[r], 16, "loge_decimal", cn + "_rubrique_" + cIdentifier(cd.rubriques[r].name));
  }
  for (std::size_t b = 0; b < p.ruleBlocks.size(); ++b) {
    const ir::RuleBlockDecl& bd = p.ruleBlocks[b];
    std::string bn = "regle_" + cIdentifier(lastComponent(bd.name));
    for (std::size_t i = 0; i < bd.rules.size(); ++i) {
      std::string n = bn + "_" + cIdentifier(bd.rules[i].name);
      add(out.blocks[b].status[i], 1, "uint8_t", n + "_statut");
      add(out.blocks[b].exception[i], 1, "int8_t", n + "_exception");
    }
  }
  // Two Loge names may fold to one C name: keep them apart.
  std::set<std::string> names;
  for (Member& m : members) {
    std::string n = m.name;
    while (names.count(n)) n += "_";
    if (n != m.name) {
      m.decl = m.decl.substr(0, m.decl.size() - m.name.size()) + n;
      m.name = n;
    }
    names.insert(n);
  }
  h += fmt::format("/* One demande's results: per cotation its total (after floor and ceiling)\n"
                   " * and per criterion its raw value and points; per rule its status and the\n"
                   " * index of the `sauf si` that applied (-1: none). */\n");
  w.emitMembers(prefix + "_resultat", members, out.size, h);

  // Entry points.
  const ir::Type* demande = p.schema.roles[static_cast<int>(ir::Role::Demande)];
  const ir::Type* logement = p.schema.roles[static_cast<int>(ir::Role::Logement)];
  const ir::Type* candidature = p.schema.roles[static_cast<int>(ir::Role::Candidature)];
  auto roleType = [&](const ir::Type* t) { return t ? w.structName(t->index) : std::string("void"); };
  h += "/* ---------------------------------------------------------------- entry points */\n\n";
  h += fmt::format("void {}_eval_batch(void* ctx, const uint8_t* demandes, int64_t stride, int64_t count,\n"
                   "    const uint8_t* logement, const uint8_t* candidature, int32_t date, uint8_t* outs,\n"
                   "    int64_t out_stride, uint8_t* errors);\n",
                   prefix);
  h += fmt::format("extern const uint8_t {}_params_blob[];\nextern const uint64_t {}_params_blob_size;\n\n", prefix,
                   prefix);
  h += fmt::format("/* Opens the policy (once; then shareable between threads). NULL on error,\n"
                   " * with a French message in *why. Close with loge_aot_close. */\n"
                   "static inline loge_aot_policy* {0}_open(const char** why) {{\n"
                   "  loge_aot_artifact a;\n"
                   "  a.abi_version = {1};\n"
                   "  a.params_blob = {0}_params_blob;\n"
                   "  a.params_blob_size = {0}_params_blob_size;\n"
                   "  a.batch = {0}_eval_batch;\n"
                   "  a.out_size = sizeof({0}_resultat);\n"
                   "  a.candidature_size = {2};\n"
                   "  a.demande_size = {3};\n"
                   "  return loge_aot_open(&a, why);\n"
                   "}}\n\n",
                   prefix, LOGE_AOT_ABI_VERSION, candidature ? layout.sizeOf(candidature) : 0,
                   demande ? layout.sizeOf(demande) : 1);
  // Records are checked before evaluation (NAME_valide): a demande that is
  // not valid gets errors[i] = 2 and is not evaluated; a logement or
  // candidature that is not valid makes the call fail (-1).
  std::string demandeCheck = demande ? w.validatorName(demande->index) + "(&demandes[i])" : std::string("1");
  std::string logementCheck = logement ? "(logement && !" + w.validatorName(logement->index) + "(logement))" : "0";
  std::string candidatureCheck =
      candidature ? "(candidature && !" + w.validatorName(candidature->index) + "(candidature))" : "0";
  // When some demande is not valid, the others are evaluated one by one.
  const std::string perDemande = fmt::format(
      "  for (i = 0; i < count; ++i) invalid += !{1};\n"
      "  if (invalid) {{\n"
      "    for (i = 0; i < count; ++i) {{\n"
      "      if (!{1}) {{\n"
      "        errors[i] = 2;\n"
      "        ++failed;\n"
      "        continue;\n"
      "      }}\n"
      "      r = loge_aot_evaluate(policy, &demandes[i], LOGE_AOT_SIZE({2}), 1, logement, candidature, date,\n"
      "                            &results[i], LOGE_AOT_SIZE({0}_resultat), &errors[i]);\n"
      "      if (r < 0) return r;\n"
      "      failed += r;\n"
      "    }}\n"
      "    return failed;\n"
      "  }}\n",
      prefix, demandeCheck, roleType(demande));
  h += fmt::format("/* Evaluates `count` demandes at `date` (days since 1970-01-01) for the\n"
                   " * logement (NULL: none; eligibility needs one) and the candidature (NULL:\n"
                   " * every field absent). Each record is checked first (the *_valide\n"
                   " * functions above): errors[i] is 2 when demande i is not valid (it is\n"
                   " * not evaluated), 1 when it could not be evaluated (overflow, division by\n"
                   " * zero…). Returns the number of such demandes, -1 on invalid arguments\n"
                   " * (null pointers, a negative count, a logement or candidature not valid). */\n"
                   "static inline int64_t {0}_evaluate(const loge_aot_policy* policy, const {1}* demandes,\n"
                   "    int64_t count, const {2}* logement, const {3}* candidature, int32_t date,\n"
                   "    {0}_resultat* results, uint8_t* errors) {{\n"
                   "  int64_t i, invalid = 0, failed = 0, r;\n"
                   "  if (count < 0 || (count > 0 && (!demandes || !results || !errors))) return -1;\n"
                   "  if ({5} || {6}) return -1;\n"
                   "{7}"
                   "  return loge_aot_evaluate(policy, demandes, {4}, count, logement, candidature,\n"
                   "                           date, results, LOGE_AOT_SIZE({0}_resultat), errors);\n"
                   "}}\n\n",
                   prefix, roleType(demande), roleType(logement), roleType(candidature),
                   // Without a demande structure (a policy with no schema) the records
                   // are empty: one byte apart, never read, never checked.
                   demande ? fmt::format("LOGE_AOT_SIZE({})", roleType(demande)) : std::string("1"), logementCheck,
                   candidatureCheck,
                   demande ? perDemande : std::string("  (void)i, (void)invalid, (void)failed, (void)r;\n"));
  h += fmt::format("#ifdef __cplusplus\n}}\n#endif\n\n#endif /* {}_H */\n", guard);
  return h;
}

} // namespace loge::jit::internal
