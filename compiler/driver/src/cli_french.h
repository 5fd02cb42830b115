// Driver stage: CLI11 in French. Its help labels and its usage errors are
// English; a jurist reads `loge` in French, as every other message.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace loge::driver {

// The help's labels and the help flag in French. Call before adding
// subcommands: they take the parent's help flag when created.
void useFrench(CLI::App& app);

// The subcommands listed under « Commandes ». Call once they are added.
void listCommandsInFrench(CLI::App& app);

// A usage error (an option missing, an argument not expected, a value
// refused…) said in French. `firstArgument`: the command line's first
// argument after the program name ("" when none).
std::string frenchUsageError(const CLI::ParseError& e, const std::string& firstArgument);

// For a missing --demandes (--demande, --logement, --attributions): the
// data file given without its option, if there is one, or the other verb's
// option given instead ("" otherwise).
std::string missingOptionHint(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args);

// For an unknown option: the closest option of the command (`--logements`
// → `--logement`), or "".
std::string unknownOptionHint(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args);

} // namespace loge::driver
