// Designation stage: what a CAL and a demandeur need beyond one demande's
// results — candidates ranked for a logement (rank.h), quotas followed over
// a period's attributions (quotas.h), and the position statement of a
// demande among similar ones (position.h). Everything is computed from a
// checked ir::Program by the interpreter (the reference semantics), with the
// compiled engine optionally evaluating the per-demande cotations and rules;
// both give identical reports. Renderings (French text, Markdown, JSON) are
// in render.h. No I/O happens here: callers read the data (ingest) and print.
#pragma once

#include "loge/interp/interp.h"
#include "loge/ir/program.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loge::jit {
class Engine;
}

namespace loge::designation {

// Which engine evaluates each demande's cotations and rules.
enum class Engine : std::uint8_t {
  Auto,   // the compiled engine when it covers the policy, else the interpreter
  Interp, // the reference interpreter
  Jit     // the compiled engine; an error when it does not cover the policy
};
// "auto" | "interp" | "jit"; false when unknown.
bool parseEngine(const std::string& text, Engine& out);

// An identifier given to two records of one file: the same demande ranked
// (and retained) twice, or an attribution counted twice, would skew the
// designation and the quotas. Records without id are not compared.
struct RepeatedId {
  std::string id;
  std::size_t first = 0, second = 0; // record indices, from 0
};
std::vector<RepeatedId> repeatedIds(const std::vector<std::string>& ids);

// A demande whose evaluation failed, located in the policy.
struct Failure {
  std::size_t input = 0; // index in the records given
  std::string id;
  interp::EvalError error;
};

// Every demande evaluated (against the logement when it is not absent).
struct Evaluations {
  std::vector<std::optional<interp::DemandeResult>> results; // parallel to the records; nullopt: failed
  std::vector<Failure> failures;
  std::string engine; // "interp" or "jit": the engine actually used
  std::string note;   // French: why `auto` fell back to the interpreter
};
// Returns false and sets `why` (French) when Engine::Jit cannot compile the
// policy. Rule motifs are always filled in, as the interpreter writes them.
// `compiled`, when not null, is an engine already built for `p` (the C
// API's loaded policy): it evaluates, and `engine` is ignored.
bool evaluateAll(const ir::Program& p, Engine engine, const std::vector<interp::Value>& demandes,
                 const interp::Value& logement, const interp::Value& candidature, num::Date date, Evaluations& out,
                 std::string& why, const jit::Engine* compiled = nullptr);

using interp::recordId;

// Declarations chosen by name (qualified, accents folded) or, when `name`
// is empty, the only one the policy declares. Nullopt and a French message
// in `error` otherwise (none declared, several and no name, unknown name).
std::optional<std::uint32_t> findClassement(const ir::Program& p, const std::string& name, std::string& error);
std::optional<std::uint32_t> findSimilarity(const ir::Program& p, const std::string& name, std::string& error);
// Cotations: by name, else the first declared by the root policy file, else
// the first of all.
std::optional<std::uint32_t> findCotation(const ir::Program& p, const std::string& name, std::string& error);

// The field of the attribution structure that holds the attributed demande
// (the first of the schema's Demande type), or -1.
int attributionDemandeField(const ir::Program& p);

// When `demande` entered the waiting list, read as similarité `s` reads it
// for an attribution's demande (`attente de attribution.demande.date_depot
// à …`): an attribution of this demande, its other fields unknown. Nothing
// when the similarité declares no waiting time, or reads more than the
// demande to date it.
std::optional<num::Date> entryDate(const ir::Program& p, const interp::Interpreter& interp, const ir::SimilarityDecl& s,
                                   const interp::Value& demande, num::Date date, interp::Arena& arena);
// The same by the first similarité that dates demandes, else by the
// demande's `date_depot` field (a date) when it has one.
std::optional<num::Date> entryDate(const ir::Program& p, const interp::Interpreter& interp,
                                   const interp::Value& demande, num::Date date, interp::Arena& arena);

} // namespace loge::designation
