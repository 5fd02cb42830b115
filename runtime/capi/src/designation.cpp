// libloge: options of ranking, quotas and position statements; quota groups.
#include "designation.h"

#include "loge/designation/quotas.h"
#include "loge/interp/interp.h"

#include <fmt/format.h>

#include <map>

namespace loge::capi {

const loge_designation_options& designationOptions(const loge_designation_options* options) {
  static const loge_designation_options defaults;
  return options ? handle(options, Tag::DesignationOptions, "options") : defaults;
}

std::uint32_t neededRole(const ir::Program& p, loge_role role, const char* function) {
  const ir::Type* t = p.schema.roles[role];
  if (!t)
    fail(LOGE_ERR_UNSUPPORTED,
         fmt::format("la politique ne déclare pas de schéma pour `{}`, dont {} a besoin", roleName(role), function));
  return t->index;
}

std::uint32_t found(std::optional<std::uint32_t> index, bool noneDeclared, const std::string& error) {
  if (!index) fail(noneDeclared ? LOGE_ERR_UNSUPPORTED : LOGE_ERR_ARGUMENT, error);
  return *index;
}

const loge_batch& distinctBatch(const loge_batch* batch, const Core& core, loge_role role, const char* name,
                                const char* what) {
  const loge_batch& b = batchFor(batch, core, role, name);
  const auto repeated = designation::repeatedIds(b.ids);
  if (!repeated.empty()) {
    const designation::RepeatedId& r = repeated.front();
    auto e = makeError(LOGE_ERR_DATA, fmt::format("{} « {} » figure deux fois (enregistrements n° {} et n° {})", what,
                                                  r.id, r.first + 1, r.second + 1));
    e->field = "id";
    throw Failure{std::move(e)};
  }
  return b;
}

const std::vector<interp::Value>* attributionsOf(const Core& core, const loge_batch* attributions) {
  if (!attributions) return nullptr;
  neededRole(*core->program, LOGE_ROLE_ATTRIBUTION, "la lecture des attributions");
  return &distinctBatch(attributions, core, LOGE_ROLE_ATTRIBUTION, "attributions", "l'attribution").records;
}

void useEngine(const PolicyCore& core, designation::Engine& engine, const jit::Engine*& compiled) {
  compiled = core.engine.get();
  engine = compiled ? designation::Engine::Jit : designation::Engine::Interp;
}

namespace {
loge_quota_status statusOf(const std::string& s) {
  if (s == "atteint") return LOGE_QUOTA_REACHED;
  if (s == "en_retard") return LOGE_QUOTA_BEHIND;
  if (s == "depasse") return LOGE_QUOTA_EXCEEDED;
  if (s == "sans_objet") return LOGE_QUOTA_NOT_APPLICABLE;
  return LOGE_QUOTA_NO_TARGET;
}

// A key as a host reads it: texts and énumérations without JSON quotes.
std::string keyText(const ir::Program& p, const ir::Type* type, const interp::Value& v) {
  if (v.tag == interp::Tag::Text) return *v.text;
  std::string json = interp::formatJson(p, type, v);
  if (json.size() >= 2 && json.front() == '"' && json.back() == '"' && json.find('\\') == std::string::npos)
    return json.substr(1, json.size() - 2);
  return json;
}
} // namespace

std::unique_ptr<loge_quota_group> quotaGroup(const ir::Program& p, std::uint32_t quota, const interp::QuotaGroup& g) {
  const ir::QuotaDecl& q = p.quotas[quota];
  auto h = std::make_unique<loge_quota_group>();
  h->quota = quota;
  h->period = g.period;
  for (std::size_t k = 0; k < g.keys.size(); ++k) {
    h->keyNames.push_back(q.scopeNames[k]);
    h->keyValues.push_back(keyText(p, q.scopeValues[k]->type, g.keys[k]));
  }
  h->counted = g.effectif;
  h->qualifying = g.nombre;
  if (g.part) h->share = g.part->toString();
  if (g.cible) h->target = q.share ? g.cible->asDecimal().toString() : std::to_string(g.cible->i);
  h->missing = g.manque ? *g.manque : -1;
  h->status = statusOf(g.statut);
  return h;
}

} // namespace loge::capi

using namespace loge::capi;

extern "C" {

LOGE_API loge_status loge_designation_options_create(loge_designation_options** out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = new loge_designation_options();
    return LOGE_OK;
  });
}

LOGE_API void loge_designation_options_free(loge_designation_options* options) {
  if (options && options->tag == Tag::DesignationOptions) {
    options->tag = Tag::Freed;
    delete options;
  }
}

LOGE_API loge_status loge_designation_options_set_classement(loge_designation_options* options, const char* name,
                                                             loge_error** error) {
  return guard(error, [&] {
    handle(options, Tag::DesignationOptions, "options").classement = name ? name : "";
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_designation_options_set_similarity(loge_designation_options* options, const char* name,
                                                             loge_error** error) {
  return guard(error, [&] {
    handle(options, Tag::DesignationOptions, "options").similarity = name ? name : "";
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_designation_options_set_cotation(loge_designation_options* options, const char* name,
                                                           loge_error** error) {
  return guard(error, [&] {
    handle(options, Tag::DesignationOptions, "options").cotation = name ? name : "";
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_designation_options_set_period(loge_designation_options* options, const char* period,
                                                         loge_error** error) {
  return guard(error, [&] {
    loge_designation_options& o = handle(options, Tag::DesignationOptions, "options");
    std::string text = period ? period : "";
    std::string why;
    if (!text.empty() && !loge::designation::parsePeriodFilter(text, why)) fail(LOGE_ERR_ARGUMENT, why);
    o.period = text;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_quota(const loge_quota_group* group, size_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").quota;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_period(const loge_quota_group* group, const char** out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").period.c_str();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_key_count(const loge_quota_group* group, size_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").keyNames.size();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_key(const loge_quota_group* group, size_t key, const char** name,
                                          const char** value, loge_error** error) {
  return guard(error, [&] {
    const loge_quota_group& g = handle(group, Tag::QuotaGroup, "group");
    nonNull(name, "name");
    nonNull(value, "value");
    checkIndex(key, g.keyNames.size(), "clé");
    *name = g.keyNames[key].c_str();
    *value = g.keyValues[key].c_str();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_counted(const loge_quota_group* group, int64_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").counted;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_qualifying(const loge_quota_group* group, int64_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").qualifying;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_share(const loge_quota_group* group, const char** out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").share.c_str();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_target(const loge_quota_group* group, const char** out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").target.c_str();
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_missing(const loge_quota_group* group, int64_t* out, loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").missing;
    return LOGE_OK;
  });
}

LOGE_API loge_status loge_quota_group_status(const loge_quota_group* group, loge_quota_status* out,
                                             loge_error** error) {
  return guard(error, [&] {
    *nonNull(out, "out") = handle(group, Tag::QuotaGroup, "group").status;
    return LOGE_OK;
  });
}

} // extern "C"
