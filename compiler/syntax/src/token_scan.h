// Syntax stage (internal): reading the token stream around a syntax error,
// for the hints of syntax_hints.cpp. The tokens carry no character stream:
// what was written is rebuilt from their texts and positions.
#pragma once

#include <antlr4-runtime.h>

#include <string>
#include <utility>

namespace loge::syntax::internal {

std::string asciiLower(std::string text);

// Whether `token` ends an operand: a name, a number, `)` or `]`.
bool endsOperand(const antlr4::Token* token);

bool adjacentDigits(antlr4::TokenStream& tokens, const antlr4::Token& comma);
bool doubledBar(antlr4::TokenStream& tokens, const antlr4::Token& bar);
bool followsEquals(antlr4::TokenStream& tokens, const antlr4::Token& equals);
bool conditionalRequirement(antlr4::TokenStream& tokens, const antlr4::Token& si);
std::size_t openConstruct(antlr4::TokenStream& tokens, const antlr4::Token& at);
bool conditionalCriterion(antlr4::TokenStream& tokens, const antlr4::Token& at);
bool insideEnumeration(antlr4::TokenStream& tokens, const antlr4::Token& at);
std::size_t enclosingBlock(antlr4::TokenStream& tokens, const antlr4::Token& at);
std::string frenchDate(antlr4::TokenStream& tokens, const antlr4::Token& token);
std::string spelledDate(antlr4::TokenStream& tokens, const antlr4::Token& token);
std::string joinTokens(antlr4::TokenStream& tokens, std::size_t from, std::size_t to);
std::size_t closingParen(antlr4::TokenStream& tokens, std::size_t open);
std::pair<std::string, std::string> aroundComma(antlr4::TokenStream& tokens, std::size_t comma);
bool parameterHeader(antlr4::TokenStream& tokens, std::size_t at);
std::size_t definitionHeader(antlr4::TokenStream& tokens, std::size_t at);
std::string pathBefore(antlr4::TokenStream& tokens, std::size_t at);
std::string cellText(antlr4::TokenStream& tokens, std::size_t from);
bool insideParentheses(antlr4::TokenStream& tokens, const antlr4::Token& token);
std::string bandCell(antlr4::TokenStream& tokens, const antlr4::Token& token);
bool isFirstToken(antlr4::TokenStream& tokens, const antlr4::Token& token);

} // namespace loge::syntax::internal
