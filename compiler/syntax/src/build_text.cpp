// Syntax stage (internal): ranges, names, string literals and the `{expr}`
// segments of libellés and motifs.
#include "builder.h"
#include "error_listener.h"
#include "tokens.h"

namespace loge::syntax::internal {

SourceRange Builder::rangeOf(antlr4::Token* tok) const {
  SourceRange r;
  r.file = file_.id();
  auto line = static_cast<std::uint32_t>(tok->getLine());
  auto col = static_cast<std::uint32_t>(tok->getCharPositionInLine());
  if (origin_.line) {
    r.begin = {origin_.line + line - 1, line == 1 ? origin_.column + col : col + 1};
  } else {
    r.begin = {line, col + 1};
  }
  r.end = r.begin;
  // LINE_END (tokens.h) is empty and ends where the line's last token does.
  if (tok->getType() == P::LINE_END) return r;
  r.end.column += static_cast<std::uint32_t>(std::max<std::size_t>(1, tokenWidth(*tok)));
  return r;
}

SourceRange Builder::rangeOf(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart()) return {};
  SourceRange r = rangeOf(ctx->getStart());
  antlr4::Token* stop = ctx->getStop();
  if (stop && stop->getTokenIndex() >= ctx->getStart()->getTokenIndex() && stop->getType() != antlr4::Token::EOF) {
    SourceRange e = rangeOf(stop);
    r.end = e.end;
  }
  return r;
}

// An ident is one token: its text, without RuleContext::getText()'s string stream.
ast::Ident Builder::ident(P::IdentContext* ctx) { return ast::Ident{ctx->getStart()->getText(), rangeOf(ctx)}; }

ast::QualifiedName Builder::qualified(P::QualifiedNameContext* ctx) {
  ast::QualifiedName q;
  for (auto* i : ctx->ident()) q.parts.push_back(ident(i));
  q.range = rangeOf(ctx);
  return q;
}

std::string Builder::numberText(antlr4::tree::TerminalNode* node) {
  std::string s = node->getText();
  std::string out;
  for (char c : s)
    if (c != '_') out += c;
  // The grammar takes any run of digits and `_`; a `_` that separates
  // nothing (`1__000`, `1000_`, `1_.5`) is a slip the reader cannot check.
  const bool misplaced = s.find("__") != std::string::npos || s.back() == '_' || s.find("_.") != std::string::npos ||
                         s.find("._") != std::string::npos;
  if (misplaced) {
    const std::size_t point = out.find('.');
    std::string whole = out.substr(0, point), grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '_';
      grouped += whole[i];
    }
    if (point != std::string::npos) grouped += out.substr(point);
    Diagnostic& d = diags_.report(DiagKind::BadNumber, rangeOf(node), s, "un `_` se place entre deux chiffres");
    d.hint = "écrivez `" + grouped + "`";
  }
  return out;
}

// Labels and références are plain text: braces are kept as written.
std::string Builder::label(antlr4::tree::TerminalNode* string) {
  if (!string) return {};
  std::string s = string->getText();
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) {
      ++i;
      out += s[i] == 'n' ? '\n' : s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

ast::Reference Builder::reference(P::ReferenceContext* ctx) {
  return ast::Reference{label(ctx->STRING()), rangeOf(ctx)};
}

std::vector<ast::Reference> Builder::references(const std::vector<P::ReferenceContext*>& ctxs) {
  std::vector<ast::Reference> out;
  for (auto* c : ctxs) out.push_back(reference(c));
  return out;
}

// STRING : '"' (~["\\\r\n] | '\\' ["\\n{}])* '"'
// Escapes: \" \\ \n \{ \}. An unescaped `{…}` holds an expression, parsed
// here with the `exprOnly` rule at its own position in the file.
ast::Text Builder::text(antlr4::tree::TerminalNode* string) {
  ast::Text out;
  out.range = rangeOf(string);
  std::string s = string->getText();
  std::string body = s.substr(1, s.size() - 2);
  std::string literal;
  std::size_t i = 0;
  // Column of body[i] is out.range.begin.column + 1 + (code points before i).
  auto columnAt = [&](std::size_t byte) {
    return out.range.begin.column + 1 +
           static_cast<std::uint32_t>(codePointCount(std::string_view(body).substr(0, byte)));
  };
  auto flush = [&] {
    if (!literal.empty()) {
      out.parts.push_back(ast::TextPart{literal, nullptr});
      literal.clear();
    }
  };
  while (i < body.size()) {
    char c = body[i];
    if (c == '\\' && i + 1 < body.size()) {
      char n = body[i + 1];
      char r = n == 'n' ? '\n' : n;
      literal += r;
      out.raw += r;
      i += 2;
      continue;
    }
    if (c == '{') {
      std::size_t close = body.find('}', i + 1);
      SourceRange segment = out.range;
      segment.begin.column = columnAt(i);
      if (close == std::string::npos) {
        segment.end.column = segment.begin.column + 1;
        diags_.report(DiagKind::BadString, segment,
                      "accolade ouvrante `{` sans accolade fermante ; écrivez `\\{` pour une accolade littérale");
        return out;
      }
      segment.end.column = columnAt(close) + 1;
      std::string inner = body.substr(i + 1, close - i - 1);
      flush();
      out.raw += body.substr(i, close - i + 1);
      // Sub-parse of the segment, positioned after the '{'.
      TokenStream stream(inner, /*tableLines=*/false);
      P parser(&stream.tokens());
      parser.removeErrorListeners();
      Position origin{segment.begin.line, segment.begin.column + 1};
      ErrorListener listener(file_.id(), diags_, origin);
      parser.addErrorListener(&listener);
      auto* tree = parser.exprOnly();
      if (listener.count() == 0) {
        Builder sub(file_, diags_, origin);
        out.parts.push_back(ast::TextPart{{}, sub.buildExpr(tree->expr())});
      }
      i = close + 1;
      continue;
    }
    if (c == '}') {
      SourceRange segment = out.range;
      segment.begin.column = columnAt(i);
      segment.end.column = segment.begin.column + 1;
      diags_.report(DiagKind::BadString, segment,
                    "accolade fermante `}` isolée ; écrivez `\\}` pour une accolade littérale");
      ++i;
      continue;
    }
    literal += c;
    out.raw += c;
    ++i;
  }
  flush();
  return out;
}

} // namespace loge::syntax::internal
