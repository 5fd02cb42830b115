// Syntax stage: `loge fmt`, the canonical layout of a policy file.
//
// The formatter re-emits the token stream, comments included, so it can
// never drop a comment or change a name. The parse tree only classifies
// tokens. Every rule depends on the tokens and on where the input has line
// breaks, never on the input's spaces or columns: that is what makes the
// output idempotent (format(format(x)) == format(x)).
//
// Lines
//  - A line break between two tokens stays a line break; tokens of one line
//    stay on one line. Nothing is ever joined or wrapped.
//  - One or more blank lines become exactly one; no blank line at the start
//    or end of the file; no trailing spaces; the file ends with one '\n'
//    (an empty file stays empty).
//
// Indentation (2 spaces per step)
//  - Inside brackets: one step more than the line that opened the innermost
//    open `(`, `[` or `{` (several brackets opened on one line count once).
//    A line starting with a closer gets the indentation of the opener's line.
//    Exception: the `{` of a declaration's block opened on a continuation
//    line (a header split after a long title) counts from the declaration's
//    line, so the block's contents and its `}` line up as if unsplit; a
//    `selon`'s `{` keeps the rule (its arms indent from the `selon` line).
//  - Statements: the first token of an item (déclaration, en-tête clause) or
//    of an element of a `{ … }` block (champ, critère, règle, entrée, branche
//    de selon, instruction de test…) starts a statement. At the top level
//    and directly inside `{ … }`, a line that does not start a statement is
//    a continuation line: one step more. Inside `( … )` and `[ … ]` there are
//    no continuation steps.
//  - A line inside the value of a `depuis` clause whose `depuis` starts its
//    own line (the rows of a barème) gets one further step; a table row
//    continued on the next line, one more.
//  - An own-line comment takes the indentation of the next code line; before
//    a closer, it takes the indentation of the block's contents. At the end
//    of the file it goes to column 0.
//
// Spaces within a line: one space between tokens, except
//  - none after `(`, `[` and `.`; none before `)`, `]`, `,`, `?`, `.`, `..`;
//  - none after `..` when a number follows (`1..6`);
//  - none before the `(` of a call, of `arrondi(`, or of a définition's
//    parameters, and before the `[` of an index (`plafond[categorie]`);
//  - none after a unary minus (`-50 points`), unless another minus follows
//    (`- -5`: `--` would be a different token);
//  - none between `€` and `/mois` or `/an` (`€/mois` is one unit);
//  - `{}` stays empty; units keep one space after the number (`35 %`,
//    `9_500 €`, `12 m²`); an end-of-line comment is one space after the code.
//
// Tables: when every row of a barème sits alone on its line (an end-of-line
// comment aside), columns are aligned: each cell but the last is padded to
// its column's widest cell (in characters), cells are joined by ` | `.
// Otherwise cells are joined by single spaces.
//
// Spellings: keywords and symbols with an ASCII spelling are rewritten to the
// canonical one (`reference` → `référence`, `lorsque` → `où`, `a defaut` →
// `à défaut`, `<=` → `≤`, `*` → `×`, `/` → `÷`, `->` → `→`, `EUR` → `€`,
// `m2` → `m²`, `--` → `—`, `jusqu_au` → `jusqu'au`, U+2212 → `-`; the list
// is in format_spelling.cpp). A soft keyword used as a name (a field named
// `periode`) keeps its spelling, except `date_evaluation`, which always
// denotes the built-in evaluation date. Names, numbers, dates and strings
// are never touched; comments are kept verbatim, without trailing blanks.
#include "loge/syntax/format.h"

#include "format_tokens.h"
#include "loge/syntax/parse.h"

namespace loge::syntax {

namespace {
void reportInternal(const SourceFile& file, DiagnosticEngine& diags, const std::string& why) {
  SourceRange r;
  r.file = file.id();
  r.begin = r.end = {1, 1};
  diags.report(DiagKind::SyntaxError, r, "erreur interne du formateur (bogue du compilateur) : " + why);
}
} // namespace

std::optional<std::string> format(const SourceFile& file, DiagnosticEngine& diags) {
  // Only a file the syntax stage accepts is formatted: the layout relies on
  // its parse tree, and rewriting a broken file could hide the error.
  std::size_t errorsBefore = diags.errorCount();
  auto module = parse(file, diags);
  if (!module || diags.errorCount() > errorsBefore) return std::nullopt;
  try {
    auto tokens = internal::collectTokens(file.text());
    if (!tokens) {
      reportInternal(file, diags, "le fichier accepté par l'analyseur n'a pas pu être relu");
      return std::nullopt;
    }
    return internal::layout(*tokens);
  } catch (const std::exception& e) {
    reportInternal(file, diags, e.what());
    return std::nullopt;
  }
}

} // namespace loge::syntax
