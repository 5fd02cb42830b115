// Loge grammar (ANTLR 4). The syntax stage (compiler/syntax) turns the parse
// tree into the AST straight away; no ANTLR type leaves that stage.
//
// Conventions:
//  - keywords are French and lower case; every accented keyword has an ASCII
//    spelling ('référence' | 'reference'), and every non-ASCII symbol too
//    ('×' | '*', '≤' | '<=', '→' | '->', '€' | 'EUR', 'm²' | 'm2');
//  - ordinary French nouns used as keywords are soft: see `ident` below;
//  - multi-word keywords (`au moins`, `à défaut`, `nombre de`) are sequences
//    of tokens, so any spacing or a comment may separate the words.
grammar Loge;

// LINE_END ends each line of a table; no lexer rule makes it: the syntax
// stage inserts it (compiler/syntax/src/tokens.h says why).
tokens { LINE_END }

// The runtime's Parser (ANTLR 4.9) finds a context's parent with
// dynamic_cast on entering and leaving every rule, and in every outer
// alternative: with an expression eleven rules deep, that was a fifth of the
// time to parse a policy. Every parent in a parse tree is a
// ParserRuleContext, so these do the same with static_cast. Generated code
// calls exitRule() unqualified, hence this one (Parser's is not virtual).
// The generated lexer (the definition the hand-written one is tested
// against, compiler/syntax/src/lexer.h) needs this for SLASH_MOIS/SLASH_AN.
@lexer::members {
bool followedByIdentifier() {
  const size_t c = _input->LA(1);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x24F);
}
}

@parser::members {
void enterRule(antlr4::ParserRuleContext* localctx, size_t state, size_t /*ruleIndex*/) override {
  setState(state);
  _ctx = localctx;
  _ctx->start = _input->LT(1);
  if (_buildParseTrees && _ctx->parent != nullptr) static_cast<antlr4::ParserRuleContext*>(_ctx->parent)->addChild(_ctx);
  if (!_parseListeners.empty()) triggerEnterRuleEvent();
}
void exitRule() {
  // After EOF, LT(-1) would be the token before it.
  _ctx->stop = _matchedEOF ? _input->LT(1) : _input->LT(-1);
  if (!_parseListeners.empty()) triggerExitRuleEvent();
  setState(_ctx->invokingState);
  _ctx = static_cast<antlr4::ParserRuleContext*>(_ctx->parent);
}
void enterOuterAlt(antlr4::ParserRuleContext* localctx, size_t altNum) override {
  localctx->setAltNumber(altNum);
  // A labelled alternative's context replaces the rule's in its parent.
  if (_buildParseTrees && _ctx != localctx && _ctx->parent != nullptr) {
    auto* parent = static_cast<antlr4::ParserRuleContext*>(_ctx->parent);
    parent->removeLastChild();
    parent->addChild(localctx);
  }
  _ctx = localctx;
}
}

// ---------------------------------------------------------------- module

module : header? item* EOF ;

// Entry point for the `{expr}` segments of libellés and motifs.
exprOnly : expr EOF ;

header : POLITIQUE STRING headerClause* ;
headerClause
  : VERSION STRING                                   # headerVersion
  | EN VIGUEUR DU DATE_LIT (AU DATE_LIT)?            # headerVigueur
  | reference                                        # headerReference
  | DATES ':' endOfMonthRule                         # headerDates
  ;
endOfMonthRule
  : FIN DE MOIS                                      # eomLastDay
  | DEBUT DU MOIS SUIVANT                            # eomFirstNext
  | ERREUR                                           # eomError
  ;

reference : REFERENCE STRING ;

item
  : importDecl
  | schemaDecl
  | structureDecl
  | enumerationDecl
  | parameterDecl
  | definitionDecl
  | cotationDecl
  | ruleBlockDecl
  | quotaDecl
  | classementDecl
  | similariteDecl
  | testDefaultsDecl
  | testDecl
  | replaceDecl
  | exceptionDecl
  ;

importDecl : IMPORTE STRING (COMME ident)? ;

// schéma { demande : Demande  logement : Logement … }
schemaDecl : SCHEMA STRING? '{' schemaBinding* '}' ;
schemaBinding : ident ':' ident ;

structureDecl : STRUCTURE ident STRING? '{' fieldDecl* '}' ;
fieldDecl : ident STRING? ':' typeRef ('=' expr)? ;

enumerationDecl : ENUMERATION ident STRING? '{' enumValue* '}' ;
enumValue : ident STRING? ;

// ---------------------------------------------------------------- types

typeRef
  : baseType '?'?                                    # typeSimple
  | LISTE DE typeRef listBound?                      # typeList
  ;
baseType
  : BOOLEEN                                          # typeBool
  | ENTIER intBound?                                 # typeInt
  | DECIMAL valueBound?                              # typeDecimal
  | MONTANT (MENSUEL | ANNUEL)? valueBound?          # typeMoney
  | SURFACE valueBound?                              # typeSurface
  | (POINTS | POINT)                                 # typePoints
  | DATE                                             # typeDate
  | DUREE (EN (MOIS | JOURS))?                       # typeDuration
  | TEXTE                                            # typeText
  | typeIdent ('.' ident)*                           # typeNamed
  ;
intBound
  : INT_LIT '..' INT_LIT?                            # intRange
  | '(' AU MOINS signedNumber ')'                    # intAtLeast
  ;
valueBound : '(' AU MOINS literal ')' ;
listBound : '(' AU MOINS INT_LIT ')' ;
signedNumber : MINUS? INT_LIT ;

// ---------------------------------------------------------------- parameters

// paramètre NOM "libellé" : TYPE [référence "…"] (depuis D [jusqu'au D] [référence "…"] : valeur)+
parameterDecl : PARAMETRE ident STRING? ':' paramType reference* datedValue* ;
paramType
  : BAREME '(' tableKey (',' tableKey)* ')' ARROW tableValueType   # paramTable
  | typeRef                                                        # paramScalar
  ;
tableKey : ident ':' tableKeyType ;
tableKeyType
  : INT_LIT '..' INT_LIT?                            # keyIntRange
  | typeRef                                          # keyType
  ;
tableValueType
  : typeRef                                          # tableValueSingle
  | '(' ident ':' typeRef (',' ident ':' typeRef)* ')' # tableValueTuple
  ;
datedValue : DEPUIS DATE_LIT (JUSQU DATE_LIT)? reference? ':' paramValue ;
paramValue
  : FICHIER STRING                                   # paramFile
  | tableBody                                        # paramTableBody
  | expr                                             # paramExpr
  ;
// A table as published: a header line, then one line per row, cells
// separated by '|'. Each line ends with LINE_END; the syntax stage reads
// the first line as the header and the first cell of every other line as
// the row's key.
tableBody : tableLine+ ;
tableLine : tableCell ('|' tableCell)+ LINE_END ;
tableCell
  : NOT_PUBLISHED                                    # cellHole
  | DE additive A (MOINS DE)? additive               # cellRange
  | MOINS DE additive                                # cellBelow
  | additive ET PLUS                                 # cellOpen
  | '(' expr (',' expr)+ ')'                         # cellTuple
  | additive                                         # cellValue
  ;

// ---------------------------------------------------------------- definitions

definitionDecl : DEFINITION ident ('(' (param (',' param)*)? ')')? ':' typeRef '=' expr ;
param : ident ':' typeRef ;

// remplace paramètre alias.nom : TYPE depuis … ; remplace définition alias.nom(…) : T = …
replaceDecl
  : REMPLACE PARAMETRE qualifiedName STRING? ':' paramType reference* datedValue+   # replaceParameter
  | REMPLACE DEFINITION qualifiedName ('(' (param (',' param)*)? ')')? ':' typeRef '=' expr # replaceDefinition
  | REMPLACE CRITERE qualifiedName STRING? reference* '=' criterionValue           # replaceCriterion
  ;

// exception à bloc.règle sauf si C "libellé" [référence "…"]: an exception
// added from outside the rule (typically a local policy adding an exception
// to an imported national rule).
exceptionDecl : EXCEPTION A qualifiedName SAUF SI expr STRING? reference? ;

// ---------------------------------------------------------------- cotation

cotationDecl : COTATION ident STRING? reference* '{' cotationItem* '}' ;
cotationItem
  : criterionDecl                                    # criterionItem
  | rubriqueDecl                                     # rubriqueItem
  | PLANCHER expr                                    # floorItem
  | PLAFOND expr                                     # ceilingItem
  ;
criterionDecl : CRITERE ident STRING? reference* '=' criterionValue ;
criterionValue : expr (SI expr)? ;
rubriqueDecl : RUBRIQUE ident STRING? reference* (':' combination)? '{' cotationItem* '}' ;
combination : SOMME | MAXIMUM ;

// ---------------------------------------------------------------- rules

ruleBlockDecl : blockKind ident STRING? reference* (POUR LOGEMENT)? '{' ruleDecl* '}' ;
blockKind : ELIGIBILITE | HARMONISATION ;
ruleDecl : REGLE ident STRING? reference* EXIGE expr SINON severity STRING? exceptionClause* ;
severity : REFUS | ALERTE ;
exceptionClause : SAUF SI expr STRING? reference? ;

// ---------------------------------------------------------------- quotas

quotaDecl
  : QUOTA ident STRING? reference*
    PERIODE periodKind DE expr
    (PAR scopeKey (',' scopeKey)*)?
    PARMI ATTRIBUTIONS (WHERE expr)?
    quotaTarget
  ;
periodKind : ANNEE CIVILE | SEMESTRE | TRIMESTRE | MOIS ;
scopeKey : ident '=' expr ;
// `au moins 1 attribution où …`: the singular, as French writes one.
quotaTarget : quotaDirection expr (ATTRIBUTIONS | {_input->LT(1)->getText() == "attribution"}? ID)? WHERE expr ;
quotaDirection : AU MOINS | AU PLUS ;

// ---------------------------------------------------------------- classement

classementDecl : CLASSEMENT ident STRING? reference* (POUR LOGEMENT)? '{' classementClause* '}' ;
classementClause
  : CANDIDATS ELIGIBLES (WHERE expr)?                # poolClause
  | ORDRE orderKey (',' PUIS orderKey)*              # orderClause
  | RETENIR expr                                     # retainClause
  | DONT AU MOINS expr WHERE expr (SI expr)? STRING? # dontClause
  ;
orderKey : expr direction ;
direction : CROISSANT | DECROISSANT ;

// ---------------------------------------------------------------- similarité

// Which demandes are similar (the demandeur's position statement): the same
// value of every `même` key; `attente de D à F` measures an attribution's
// waiting time.
similariteDecl : SIMILARITE ident STRING? reference* '{' similariteClause* '}' ;
similariteClause
  : MEME expr                                        # sameClause
  | ATTENTE DE expr A expr                           # waitClause
  ;

// ---------------------------------------------------------------- tests

testDefaultsDecl : DEFAUTS DE TEST '{' testInput* '}' ;
testDecl : TEST STRING '{' testStatement* '}' ;
testStatement
  : DATE DATE_LIT                                    # testDate
  | testInput                                        # testInputStmt
  | CANDIDATS '[' (recordLit (',' recordLit)* ','?)? ']'     # testCandidates
  | ATTRIBUTIONS '[' (recordLit (',' recordLit)* ','?)? ']'  # testAttributions
  | REMPLACE qualifiedName datedValue+               # testOverride
  | ATTENDU REGLE qualifiedName '=' ruleStatus       # testExpectRule
  | ATTENDU expr                                     # testExpect
  ;
testInput : ident recordLit ;
ruleStatus : OK | ALERTE | REFUS | EXCEPTION ;
recordLit : '{' recordEntry* '}' ;
// A test record's values are mostly a literal or a name: read as such,
// rather than through the eleven rules an expression descends (most of the
// time to parse a file of tests). Anything longer is an expression; where
// both read the same tokens, the first alternative is taken, with the same
// AST.
recordEntry : qualifiedName '=' (literal | ident | expr) ;

// ---------------------------------------------------------------- expressions
// Precedence, lowest first: si/selon/aggregates, ou, et, non, comparison
// (and `existe`, `dans`), `à défaut`, + −, × ÷, unary −, postfix, primary.

expr
  : SI expr ALORS expr SINON expr                                 # ifExpr
  | NOMBRE DE ident DANS postfix (WHERE expr)?                    # countExpr
  | SOMME DE expr POUR ident DANS postfix (WHERE expr)?           # sumExpr
  | (MAXIMUM | MINIMUM) DE expr POUR ident DANS postfix (WHERE expr)? # extremumExpr
  | PREMIER ident DANS postfix WHERE expr                         # firstExpr
  | TOUS ident DANS postfix VERIFIENT expr                        # allExpr
  | AU MOINS UN ident DANS postfix VERIFIE expr                   # anyExpr
  | orExpr                                                        # plainExpr
  ;
orExpr : andExpr (OU andExpr)* ;
andExpr : notExpr (ET notExpr)* ;
notExpr
  : NON notExpr                                      # notOp
  | comparison                                       # notPass
  ;
// Left-factored: with the operand first in three alternatives, choosing one
// needed lookahead over the whole operand, and ANTLR's prediction cache grew
// with every new operand shape (most of the parse time of a large policy).
comparison : defaultExpr comparisonTail? ;
comparisonTail
  : compareOp defaultExpr                            # compareTail
  | EXISTE (COMME ident)?                            # existsTail
  | DANS defaultExpr                                 # memberTail
  ;
compareOp : '=' | NEQ | '<' | LE | '>' | GE ;
defaultExpr : additive (A DEFAUT additive)* ;
additive : multiplicative (addOp multiplicative)* ;
addOp : '+' | MINUS ;
multiplicative : unary (mulOp unary)* ;
mulOp : TIMES | DIVIDE ;
unary
  : MINUS unary                                      # negate
  | postfix                                          # unaryPass
  ;
postfix
  : primary postfixOp*
  ;
postfixOp
  : '.' ident                                        # fieldAccess
  | '[' expr (',' expr)* ']'                         # indexAccess
  | AU atDate                                        # atDateOp
  ;
atDate : DATE_LIT | DATE_EVALUATION | '(' expr ')' ;
primary
  : literal                                          # literalExpr
  | ABSENT                                           # absentExpr
  | ERREUR STRING                                    # errorExpr
  | ARRONDI '(' expr ',' expr ',' roundingMode ')'   # roundExpr
  | ident ('.' ident)* '(' (expr (',' expr)*)? ')'   # callExpr
  | ident                                            # nameExpr
  | '(' expr ')'                                     # parenExpr
  | '[' (expr (',' expr)* ','?)? ']'                 # listExpr
  | SELON expr '{' selonArm+ '}'                     # selonExpr
  | recordLit                                        # recordExpr
  ;
selonArm
  : ident (',' ident)* ARROW expr                    # selonCase
  | SINON ARROW expr                                 # selonDefault
  ;
roundingMode
  : AU PLUS PROCHE                                   # roundNearest
  | AU PAIR                                          # roundEven
  | INFERIEUR                                        # roundFloor
  | SUPERIEUR                                        # roundCeiling
  ;
literal
  : number unit?                                     # numberLit
  | DATE_LIT                                         # dateLit
  | STRING                                           # stringLit
  | VRAI                                             # trueLit
  | FAUX                                             # falseLit
  ;
number : INT_LIT | DEC_LIT ;
unit
  : EURO (SLASH_MOIS | SLASH_AN)?
  | M2 | POINTS | POINT | PERCENT
  | MOIS | AN | ANS | JOUR | JOURS
  ;

qualifiedName : ident ('.' ident)* ;
// The first name of a named type: any ident but the words that begin a
// built-in type (`montant`, `date`…), which always meant the built-in type
// there. With them, choosing between `montant` and a type named `montant`
// read ahead into whatever follows a type, everywhere a type is written:
// a twentieth of the time to parse a policy.
typeIdent
  : ID
  | PLAFOND | PLANCHER | REFUS | ALERTE | MAXIMUM | MINIMUM | TEST
  | QUOTA | PERIODE | A | AU | MOIS | AN | ANS | JOUR | JOURS | SEMESTRE
  | TRIMESTRE | ANNEE | CIVILE | MOINS | PLUS | UN | PROCHE | PAIR | PAR
  | PARMI | CANDIDATS | ELIGIBLES | ORDRE | CROISSANT | DECROISSANT | PUIS
  | RETENIR | DONT | DEFAUTS | OK | EXCEPTION | LOGEMENT
  | MENSUEL | ANNUEL | LISTE | FIN | DEBUT
  | SUIVANT | SOMME | NOMBRE | PREMIER | FICHIER | DEPUIS | EN
  | VIGUEUR | VERSION | DATES | INFERIEUR | SUPERIEUR | ATTRIBUTIONS
  | DATE_EVALUATION | SCHEMA | BAREME | M2 | EURO | DEFAUT
  | COTATION | CLASSEMENT | SIMILARITE | MEME | ATTENTE
  ;

// Soft keywords: ordinary French nouns that may also name things.
ident
  : ID
  | PLAFOND | PLANCHER | REFUS | ALERTE | DATE | MAXIMUM | MINIMUM | TEST
  | QUOTA | PERIODE | A | AU | MOIS | AN | ANS | JOUR | JOURS | SEMESTRE
  | TRIMESTRE | ANNEE | CIVILE | MOINS | PLUS | UN | PROCHE | PAIR | PAR
  | PARMI | CANDIDATS | ELIGIBLES | ORDRE | CROISSANT | DECROISSANT | PUIS
  | RETENIR | DONT | DEFAUTS | OK | EXCEPTION | LOGEMENT | POINTS | POINT
  | ENTIER | TEXTE | SURFACE | MONTANT | MENSUEL | ANNUEL | FIN | DEBUT
  | SUIVANT | SOMME | NOMBRE | PREMIER | LISTE | FICHIER | DEPUIS | EN
  | VIGUEUR | VERSION | DATES | INFERIEUR | SUPERIEUR | ATTRIBUTIONS
  | DATE_EVALUATION | SCHEMA | DUREE | BAREME | M2 | EURO | DEFAUT
  | COTATION | CLASSEMENT | SIMILARITE | MEME | ATTENTE
  ;

// ================================================================ lexer

POLITIQUE : 'politique' ;
VERSION : 'version' ;
EN : 'en' ;
VIGUEUR : 'vigueur' ;
DU : 'du' ;
AU : 'au' ;
A : 'à' | 'a' ;
DATES : 'dates' ;
FIN : 'fin' ;
DE : 'de' ;
DEBUT : 'début' | 'debut' ;
SUIVANT : 'suivant' ;
REFERENCE : 'référence' | 'reference' ;
IMPORTE : 'importe' ;
COMME : 'comme' ;
REMPLACE : 'remplace' ;
SCHEMA : 'schéma' | 'schema' ;
STRUCTURE : 'structure' ;
ENUMERATION : 'énumération' | 'enumeration' ;
PARAMETRE : 'paramètre' | 'parametre' ;
DEFINITION : 'définition' | 'definition' ;
BAREME : 'barème' | 'bareme' ;
DEPUIS : 'depuis' ;
JUSQU : 'jusqu\'au' | 'jusqu_au' ;
FICHIER : 'fichier' ;
COTATION : 'cotation' ;
CRITERE : 'critère' | 'critere' ;
RUBRIQUE : 'rubrique' ;
SOMME : 'somme' ;
MAXIMUM : 'maximum' ;
MINIMUM : 'minimum' ;
PLANCHER : 'plancher' ;
PLAFOND : 'plafond' ;
ELIGIBILITE : 'éligibilité' | 'eligibilite' ;
HARMONISATION : 'harmonisation' ;
POUR : 'pour' ;
LOGEMENT : 'logement' ;
REGLE : 'règle' | 'regle' ;
EXIGE : 'exige' ;
SINON : 'sinon' ;
REFUS : 'refus' ;
ALERTE : 'alerte' ;
SAUF : 'sauf' ;
SI : 'si' ;
ALORS : 'alors' ;
QUOTA : 'quota' ;
PERIODE : 'période' | 'periode' ;
ANNEE : 'année' | 'annee' ;
CIVILE : 'civile' ;
SEMESTRE : 'semestre' ;
TRIMESTRE : 'trimestre' ;
MOIS : 'mois' ;
PAR : 'par' ;
PARMI : 'parmi' ;
ATTRIBUTIONS : 'attributions' ;
WHERE : 'où' | 'lorsque' ;
MOINS : 'moins' ;
PLUS : 'plus' ;
UN : 'un' ;
CLASSEMENT : 'classement' ;
CANDIDATS : 'candidats' ;
ELIGIBLES : 'éligibles' | 'eligibles' ;
ORDRE : 'ordre' ;
PUIS : 'puis' ;
CROISSANT : 'croissant' ;
DECROISSANT : 'décroissant' | 'decroissant' ;
RETENIR : 'retenir' ;
SIMILARITE : 'similarité' | 'similarite' ;
MEME : 'même' | 'meme' ;
ATTENTE : 'attente' ;
DONT : 'dont' ;
DEFAUTS : 'défauts' | 'defauts' ;
TEST : 'test' ;
ATTENDU : 'attendu' ;
OK : 'ok' ;
EXCEPTION : 'exception' ;
BOOLEEN : 'booléen' | 'booleen' ;
ENTIER : 'entier' ;
DECIMAL : 'décimal' | 'decimal' ;
MONTANT : 'montant' ;
MENSUEL : 'mensuel' ;
ANNUEL : 'annuel' ;
SURFACE : 'surface' ;
POINTS : 'points' ;
POINT : 'point' ;
DATE : 'date' ;
DUREE : 'durée' | 'duree' ;
TEXTE : 'texte' ;
LISTE : 'liste' ;
ET : 'et' ;
OU : 'ou' ;
NON : 'non' ;
VRAI : 'vrai' ;
FAUX : 'faux' ;
EXISTE : 'existe' ;
ABSENT : 'absent' ;
DEFAUT : 'défaut' | 'defaut' ;
ERREUR : 'erreur' ;
DANS : 'dans' ;
NOMBRE : 'nombre' ;
PREMIER : 'premier' ;
TOUS : 'tous' ;
VERIFIENT : 'vérifient' | 'verifient' ;
VERIFIE : 'vérifie' | 'verifie' ;
SELON : 'selon' ;
ARRONDI : 'arrondi' ;
PROCHE : 'proche' ;
PAIR : 'pair' ;
INFERIEUR : 'inférieur' | 'inferieur' ;
SUPERIEUR : 'supérieur' | 'superieur' ;
AN : 'an' ;
ANS : 'ans' ;
JOUR : 'jour' ;
JOURS : 'jours' ;
DATE_EVALUATION : 'date_évaluation' | 'date_evaluation' ;

ARROW : '→' | '->' ;
TIMES : '×' | '*' ;
DIVIDE : '÷' | '/' ;
MINUS : '-' | '−' ;
LE : '≤' | '<=' ;
GE : '≥' | '>=' ;
NEQ : '≠' | '!=' ;
PERCENT : '%' ;
EURO : '€' | 'EUR' ;
// `€/mois`, `€/an`; but `revenu/anciennete` divides by `anciennete`: the
// unit only where no identifier character follows.
SLASH_MOIS : '/mois' {!followedByIdentifier()}? ;
SLASH_AN : '/an' {!followedByIdentifier()}? ;
M2 : 'm²' | 'm2' ;
NOT_PUBLISHED : '—' | '--' ;

DATE_LIT : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
DEC_LIT : DIGITS '.' DIGITS ;
INT_LIT : DIGITS ;
fragment DIGITS : DIGIT (DIGIT | '_')* ;
fragment DIGIT : [0-9] ;

STRING : '"' (~["\\\r\n] | '\\' ["\\n{}])* '"' ;

ID : ID_START ID_PART* ;
fragment ID_START : [a-zA-Z_] | [\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F] ;
fragment ID_PART : ID_START | [0-9] ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS : [ \t\r\n\u00A0\u202F]+ -> skip ;
// Anything else becomes a token the parser rejects with a located message.
UNKNOWN_CHAR : . ;
