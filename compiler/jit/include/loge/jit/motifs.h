// JIT stage: completing the compiled engine's results with rule motifs.
//
// Engine::decode gives each rule's statut but no motif: motifs are French
// text, rendered by the interpreter (the one definition of French
// formatting). A static motif (or the rule's label, or an exception's
// label) is copied from the program; a motif with `{expressions}` is
// rendered by the interpreter, which evaluates that rule alone.
#pragma once

#include "loge/interp/interp.h"

namespace loge::jit {

// `in` must be the inputs the engine evaluated. Throws interp::EvalError
// only if the interpreter fails where the engine did not (an engine bug).
void completeMotifs(const interp::Interpreter& interp, const interp::Inputs& in, interp::DemandeResult& r);

} // namespace loge::jit
