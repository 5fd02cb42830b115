// Syntax stage (internal): the parse-tree-to-AST builder.
//
// One Builder per file. Each build* method implements one grammar rule of
// grammar/Loge.g4 (named in its comment) and returns the AST node; the
// parse tree is discarded once the module is built.
#pragma once

#include "LogeParser.h"
#include "loge/ast/ast.h"
#include "loge/diag/diagnostic.h"

#include <antlr4-runtime.h>

namespace loge::syntax::internal {

using P = loge_antlr::LogeParser;

class Builder {
public:
  Builder(const SourceFile& file, DiagnosticEngine& diags, Position origin = {})
      : file_(file), diags_(diags), origin_(origin) {}

  // module : header? item* EOF
  std::unique_ptr<ast::Module> buildModule(P::ModuleContext* ctx);
  // exprOnly : expr EOF
  ast::ExprPtr buildExpr(P::ExprContext* ctx);

  SourceRange rangeOf(antlr4::ParserRuleContext* ctx) const;
  SourceRange rangeOf(antlr4::Token* tok) const;
  SourceRange rangeOf(antlr4::tree::TerminalNode* node) const { return rangeOf(node->getSymbol()); }

private:
  // build_exprs.cpp: counts a chain's operators against kMaxOperatorChain.
  bool enterChain(std::size_t operands, antlr4::ParserRuleContext* ctx);
  std::size_t chainDepth_ = 0;
  bool chainReported_ = false;

  // build_module.cpp
  ast::Header buildHeader(P::HeaderContext* ctx);
  void buildItem(P::ItemContext* ctx, ast::Module& m);

  // build_decls.cpp
  ast::Import buildImport(P::ImportDeclContext* ctx);
  ast::Schema buildSchema(P::SchemaDeclContext* ctx);
  ast::Structure buildStructure(P::StructureDeclContext* ctx);
  ast::Enumeration buildEnumeration(P::EnumerationDeclContext* ctx);
  ast::Parameter buildParameter(P::ParamTypeContext* type, std::vector<P::ReferenceContext*> refs,
                                std::vector<P::DatedValueContext*> values);
  ast::DatedValue buildDatedValue(P::DatedValueContext* ctx);
  std::unique_ptr<ast::TableBody> buildTable(P::TableBodyContext* ctx);
  ast::TableCell buildTableCell(P::TableCellContext* ctx);
  ast::Definition buildDefinition(P::IdentContext* name, std::vector<P::ParamContext*> params, bool parens,
                                  P::TypeRefContext* type, P::ExprContext* body, SourceRange range);
  ast::Cotation buildCotation(P::CotationDeclContext* ctx);
  ast::CotationItemPtr buildCotationItem(P::CotationItemContext* ctx);
  ast::CotationItemPtr buildCriterion(P::CriterionDeclContext* ctx);
  ast::RuleBlock buildRuleBlock(P::RuleBlockDeclContext* ctx);
  ast::Rule buildRule(P::RuleDeclContext* ctx);
  ast::Quota buildQuota(P::QuotaDeclContext* ctx);
  ast::Classement buildClassement(P::ClassementDeclContext* ctx);
  ast::Similarite buildSimilarite(P::SimilariteDeclContext* ctx);

  // build_tests.cpp
  ast::Test buildTest(P::TestDeclContext* ctx);
  ast::TestDefaults buildTestDefaults(P::TestDefaultsDeclContext* ctx);
  ast::TestInput buildTestInput(P::TestInputContext* ctx);
  std::vector<ast::RecordEntry> buildRecord(P::RecordLitContext* ctx);
  // build_exprs.cpp: recordEntry's value (literal | ident | expr), built as
  // the same value written as an expression would be.
  ast::ExprPtr buildRecordValue(P::RecordEntryContext* ctx);

  // build_types.cpp
  ast::TypeRefPtr buildType(P::TypeRefContext* ctx);

  // build_exprs.cpp (one method per precedence level)
  ast::ExprPtr buildOr(P::OrExprContext* ctx);
  ast::ExprPtr buildAnd(P::AndExprContext* ctx);
  ast::ExprPtr buildNot(P::NotExprContext* ctx);
  ast::ExprPtr buildComparison(P::ComparisonContext* ctx);
  ast::ExprPtr buildDefault(P::DefaultExprContext* ctx);
  ast::ExprPtr buildAdditive(P::AdditiveContext* ctx);
  ast::ExprPtr buildMultiplicative(P::MultiplicativeContext* ctx);
  ast::ExprPtr buildUnary(P::UnaryContext* ctx);
  ast::ExprPtr buildPostfix(P::PostfixContext* ctx);
  ast::ExprPtr buildPrimary(P::PrimaryContext* ctx);
  ast::ExprPtr buildLiteral(P::LiteralContext* ctx);
  ast::ExprPtr makeBinary(ast::BinaryOp op, ast::ExprPtr a, ast::ExprPtr b);

public:
  // build_text.cpp
  ast::Ident ident(P::IdentContext* ctx);
  ast::QualifiedName qualified(P::QualifiedNameContext* ctx);
  ast::Text text(antlr4::tree::TerminalNode* string);
  std::string label(antlr4::tree::TerminalNode* string); // empty when null
  ast::Reference reference(P::ReferenceContext* ctx);
  std::vector<ast::Reference> references(const std::vector<P::ReferenceContext*>& ctxs);
  std::string numberText(antlr4::tree::TerminalNode* node);

  const SourceFile& file() const { return file_; }
  DiagnosticEngine& diags() { return diags_; }

private:
  const SourceFile& file_;
  DiagnosticEngine& diags_;
  // For sub-parses of `{expr}` segments: where the segment starts in the file.
  Position origin_;
};

} // namespace loge::syntax::internal
