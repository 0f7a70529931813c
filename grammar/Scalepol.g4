// The scalepol policy language: the single source of its syntax.
// The C++ parser is generated from this file at build time (Debian antlr4 4.7.2) and is only
// ever seen by engine/src/syntax/; everything else works on the engine's own AST.
//
// Shape: a policy file is a list of items, each starting with a keyword. Blocks use braces;
// newlines carry no meaning. Soft keywords (the words used inside blocks, such as `version`
// or `scale`) remain usable as names; the words that start items and the logic words do not.
grammar Scalepol;

// UNIT_NAME: a name (IDENT) written right after a number on the same line, which may be a unit
// declared with `unit` (`3 pfs_day`) or the next name (`record { a 5 b 6 }`). The lexer does not
// see lines; the front end retypes such names after lexing (syntax/antlr_parse.cpp).
tokens { UNIT_NAME }

// ---------------------------------------------------------------------------------------------
// Items

file: item* EOF;

item
  : policyHeader
  | importDecl
  | fieldDecl
  | benchmarkDecl
  | effectiveComputeDecl
  | referenceDecl
  | defineDecl
  | triggerDecl
  | tiersDecl
  | escalateDecl
  | exemptionDecl
  | assumeDecl
  | testDecl
  | unitDecl
  | notEncodedDecl
  ;

// policy eu_ai_act "EU AI Act" { issuer "European Union"  published 2024-07-12 }
policyHeader: POLICY name STRING? LBRACE headerField* RBRACE;
headerField: name (STRING | DATE);

// import std.model            import "./common.policy"
importDecl: IMPORT (qualifiedName | STRING);

// field training_compute: FLOP  column "Training compute (FLOP)", "training_compute_flop"
//   low "Training compute lower bound"  high "Training compute upper bound"
fieldDecl: FIELD name COLON typeRef fieldOption*;
fieldOption
  : COLUMN STRING (COMMA STRING)*   # columnOption
  | LOW STRING (COMMA STRING)*      # lowOption       // columns giving a lower bound of the value
  | HIGH STRING (COMMA STRING)*     # highOption      // columns giving an upper bound
  | KEY                             # keyOption
  | FORMAT STRING                   # formatOption    // how a date column writes its dates: "M/D/YYYY"
  | rowFilter                       # whereOption     // which rows of a long table give the field
  | quoteClause                     # fieldQuote
  ;
// where "task" is "GPQA diamond"  and "Status" is "Success"
// In a long table (one row per model and benchmark), the rows whose cells say so give the field.
rowFilter: WHERE STRING IS STRING (AND STRING IS STRING)*;
// A type is a unit (a quantity of that unit) or one of the words date, bool, text, number.
typeRef: UNIT | name;

// unit petaflop_s_day = 8.64e19 FLOP  quote "…"  source "…"
// A named unit: a positive multiple of a unit of the same dimension (a built-in one, or another
// declared unit). The name is taken as UNIT too, so that redefining a built-in unit is reported
// by the checker rather than as a syntax error.
unitDecl: UNIT_KEYWORD (UNIT | name) ASSIGN NUMBER unitWord quoteClause*;
// A unit after a number: a built-in unit word, or a name the checker resolves to a declared unit.
// A name is a unit only on the number's line (`1e26 operations`): see UNIT_NAME. In a record or an
// assumption a name is followed by its value, so the parser tells `a 5 b 6` (two entries) from
// `a 5 b` (one, with a unit).
unitWord: UNIT | UNIT_NAME;

// not_encoded "the sentence left out"  source "where"  because "why it is not encoded"
// A sentence of the source that the policy does not encode, said so that coverage can count it.
notEncodedDecl: NOT_ENCODED STRING (SOURCE STRING)? (BECAUSE STRING)?;

// benchmark gpqa_diamond { version "2023-11"  scale 0..100 pp  shots 0  chain_of_thought allowed }
benchmarkDecl: BENCHMARK name LBRACE benchmarkProp* RBRACE;
benchmarkProp
  : quoteClause                                      # benchmarkQuote
  | rowFilter                                        # benchmarkWhere
  | name (UNSPECIFIED | range | literal | name)      # benchmarkSetting
  ;

// effective_compute ec { base training_compute  baseline unspecified  ... }
effectiveComputeDecl: EFFECTIVE_COMPUTE name LBRACE ecPart* RBRACE;
ecPart
  : quoteClause                                                 # ecQuote
  | BASE (UNSPECIFIED | expr)                                   # ecBase
  | METRIC EXAMPLE? (UNSPECIFIED | metricValue)                 # ecMetric
  | BASELINE (UNSPECIFIED | STRING)                             # ecBaseline
  | BASELINE_DATE (UNSPECIFIED | DATE)                          # ecBaselineDate
  | SCALE (UNSPECIFIED | expr)                                  # ecScale
  | POST_TRAINING (UNSPECIFIED | INCLUDED | EXCLUDED)           # ecPostTraining
  | MULTIPLIER (UNSPECIFIED | expr)                             # ecMultiplier
  ;
metricValue
  : LOSS STRING          # lossMetric
  | BENCHMARK name       # benchmarkMetric
  | STRING               # textMetric
  ;

// reference last_assessed = record.last_assessment      reference frontier = frontier at 2024-01-01
referenceDecl: REFERENCE name ASSIGN referenceTarget quoteClause*;
referenceTarget
  : (RECORD DOT)? name                          # fieldReference
  | FRONTIER AT DATE (BY name)?                 # frontierReference
  ;

// define open_weights = accessibility starts_with "Open weights"
defineDecl: DEFINE name (COLON typeRef)? ASSIGN expr quoteClause*;

// trigger capability_evaluation { quote "…"  when ec >= 4x ec@last_assessed  require evaluate "…" }
triggerDecl: TRIGGER name LBRACE triggerPart* RBRACE;
triggerPart
  : quoteClause          # triggerQuote
  | WHEN expr            # triggerWhen
  | obligation           # triggerObligation
  ;

// tiers concern by training_compute { tier low below 1e24 FLOP  tier medium from 1e24 FLOP … }
tiersDecl: TIERS name BY expr LBRACE tierDecl* RBRACE;
tierDecl: TIER name tierBound* tierPart*;
tierBound: boundKind=(BELOW | UP_TO | ABOVE | FROM) addExpr;
tierPart
  : quoteClause          # tierQuote
  | obligation           # tierObligation
  ;

// escalate concern to high when gpqa_diamond >= 60 pp
escalateDecl: ESCALATE name TO name WHEN expr quoteClause*;

// exemption fast_track { applies_to concern.medium  when certified "clearly not dangerous" }
// exempt existing_open_weights when open_weights and released < 2024-04-09
exemptionDecl
  : EXEMPTION name LBRACE exemptionPart* RBRACE      # exemptionBlock
  | EXEMPT name WHEN expr quoteClause*               # exemptionShort
  ;
exemptionPart
  : quoteClause                                                   # exemptionQuote
  | APPLIES_TO (ALL | qualifiedName (COMMA qualifiedName)*)       # exemptionAppliesTo
  | WHEN expr                                                     # exemptionWhen
  ;

// require notify "European Commission" within 2 weeks
obligation: REQUIRE name STRING? (WITHIN addExpr)? quoteClause*;

// quote "the sentence of the source"  source "Article 51(2)"
quoteClause
  : QUOTE STRING (SOURCE STRING)?
  | SOURCE STRING
  ;

// assume { baseline_date in [2019-01-01, 2023-09-19]  halving = 8 months within 5..14 months }
assumeDecl: ASSUME LBRACE assumption* RBRACE;
assumption
  : name IN LBRACK expr (COMMA expr)* RBRACK     # assumeChoices
  | name IN range                                # assumeRange
  | name ASSIGN expr                             # assumeValue
  ;

// test "GPT-4 is in tier 1" { record { model "GPT-4" training_compute 2.1e25 FLOP } expect … }
testDecl: TEST STRING LBRACE testPart* RBRACE;
testPart
  : RECORD LBRACE recordEntry* RBRACE            # testRecord
  | EXPECT expr                                  # testExpect
  | AS_OF DATE                                   # testAsOf
  ;
recordEntry: name (UNKNOWN | literal | range);

// ---------------------------------------------------------------------------------------------
// Expressions. Chains of one precedence level are flat lists (a + b + c), never nested trees,
// so a long chain costs no recursion depth in the parser or in the AST builder.

expr: orExpr;
orExpr: andExpr (OR andExpr)*;
andExpr: notExpr (AND notExpr)*;
notExpr
  : NOT notExpr                                  # notOp
  | compareExpr                                  # notPass
  ;
compareExpr
  : addExpr ( compareOp addExpr
            | IS NOT? (UNKNOWN | KNOWN | POSSIBLE | DEFINITE)
            | (CONTAINS | STARTS_WITH) addExpr
            )?
  ;
compareOp: LT | LE | GT | GE | EQ | NE;
addExpr: mulExpr (addOp mulExpr)*;
addOp: PLUS | MINUS;
mulExpr: unaryExpr (mulOp unaryExpr)*;
mulOp: STAR | SLASH;
unaryExpr
  : MINUS unaryExpr                              # negate
  | postfixExpr                                  # unaryPass
  ;
// ec@last_assessed: the value of `ec` for the record that reference `last_assessed` names
postfixExpr: primary (AT_SIGN name)*;
primary
  : RATIO postfixExpr                            # scaledPrimary      // 4x ec@last_assessed
  | literal (WITHIN range)?                      # literalPrimary     // 8 months within 5..14 months
  | qualifiedName LPAREN (argument (COMMA argument)*)? RPAREN   # callPrimary
  | CERTIFIED STRING                             # freeTextPrimary    // no operational test
  | qualifiedName                                # namePrimary
  | LPAREN expr RPAREN                           # parenPrimary
  ;
argument: (name COLON)? expr;

literal
  : NUMBER unitWord?                             # quantityLiteral
  | RATIO                                        # ratioLiteral
  | DATE                                         # dateLiteral
  | STRING                                       # stringLiteral
  | (TRUE | FALSE)                               # boolLiteral
  ;
// 0..100 pp, 5..14 months, 8.2e24..4.4e25 FLOP: the unit after the high end applies to both
range: MINUS? NUMBER unitWord? DOTDOT MINUS? NUMBER unitWord?;

qualifiedName: name (DOT name)*;

// Words that start items or carry logic are reserved; the rest stay usable as names.
// `effective_compute` starts an item but is also the term policies use undefined ("a >2x
// effective compute increase"): as a name it is the undefined term the linter reports.
name
  : IDENT
  | UNIT_NAME
  | EFFECTIVE_COMPUTE
  | VERSION | SOURCE | KEY | COLUMN | LOW | HIGH | BASE | METRIC | BASELINE | BASELINE_DATE | SCALE
  | POST_TRAINING | MULTIPLIER | LOSS | EXAMPLE | INCLUDED | EXCLUDED | FRONTIER | AT | BY | TO
  | BELOW | UP_TO | ABOVE | FROM | APPLIES_TO | ALL | WITHIN | IN | KNOWN | CONTAINS
  | STARTS_WITH | RECORD | EXPECT | AS_OF | CERTIFIED | QUOTE | BECAUSE | POSSIBLE | DEFINITE | FORMAT | WHERE
  ;

// ---------------------------------------------------------------------------------------------
// Tokens

POLICY: 'policy';
IMPORT: 'import';
FIELD: 'field';
BENCHMARK: 'benchmark';
EFFECTIVE_COMPUTE: 'effective_compute';
REFERENCE: 'reference';
DEFINE: 'define';
TRIGGER: 'trigger';
TIERS: 'tiers';
TIER: 'tier';
ESCALATE: 'escalate';
EXEMPTION: 'exemption';
EXEMPT: 'exempt';
ASSUME: 'assume';
TEST: 'test';
UNIT_KEYWORD: 'unit';
NOT_ENCODED: 'not_encoded';
REQUIRE: 'require';
WHEN: 'when';
UNSPECIFIED: 'unspecified';
UNKNOWN: 'unknown';
AND: 'and';
OR: 'or';
NOT: 'not';
IS: 'is';
TRUE: 'true';
FALSE: 'false';

VERSION: 'version';
SOURCE: 'source';
QUOTE: 'quote';
KEY: 'key';
COLUMN: 'column';
LOW: 'low';
HIGH: 'high';
BASE: 'base';
METRIC: 'metric';
BASELINE: 'baseline';
BASELINE_DATE: 'baseline_date';
SCALE: 'scale';
POST_TRAINING: 'post_training';
MULTIPLIER: 'multiplier';
LOSS: 'loss';
EXAMPLE: 'example';
INCLUDED: 'included';
EXCLUDED: 'excluded';
FRONTIER: 'frontier';
AT: 'at';
BY: 'by';
TO: 'to';
BELOW: 'below';
UP_TO: 'up_to';
ABOVE: 'above';
FROM: 'from';
APPLIES_TO: 'applies_to';
ALL: 'all';
WITHIN: 'within';
IN: 'in';
KNOWN: 'known';
POSSIBLE: 'possible';
DEFINITE: 'definite';
FORMAT: 'format';
WHERE: 'where';
CONTAINS: 'contains';
STARTS_WITH: 'starts_with';
RECORD: 'record';
EXPECT: 'expect';
AS_OF: 'as_of';
CERTIFIED: 'certified';
BECAUSE: 'because';

// The built-in units. A unit declared with `unit` is written as a name (a UNIT_NAME after a
// number), which the checker resolves. `FLOPs` is accepted so that the checker can say which of
// operations or operations per second was meant.
UNIT
  : 'FLOP/s' | 'FLOP' | 'FLOPs' | 'FLOPS' | 'OP/s' | 'OP' | 'ops'
  | 'USD' | 'pp' | '%'
  | 'params' | 'tokens' | 'users'
  | 'seconds' | 'hours' | 'days' | 'day' | 'weeks' | 'week' | 'months' | 'month' | 'years' | 'year'
  ;

DATE: DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
RATIO: NUMBER_BODY 'x';
NUMBER: NUMBER_BODY;
fragment NUMBER_BODY: DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;
fragment DIGIT: [0-9];

// Escapes are checked by the front end, which can then point at the bad one.
STRING: '"' ('\\' . | ~["\\])* '"';
// An opening quote with no closing one: lexed as a token of its own so that the front end can
// say "unterminated string" at the opening quote instead of failing at the end of the file.
// The optional backslash takes a lone `\` at the very end of the file into the token too.
UNTERMINATED_STRING: '"' ('\\' . | ~["\\])* '\\'?;

IDENT: [A-Za-z_] [A-Za-z0-9_]*;

LBRACE: '{';
RBRACE: '}';
LPAREN: '(';
RPAREN: ')';
LBRACK: '[';
RBRACK: ']';
COMMA: ',';
COLON: ':';
DOTDOT: '..';
DOT: '.';
AT_SIGN: '@';
LE: '<=';
GE: '>=';
EQ: '==';
NE: '!=';
LT: '<';
GT: '>';
ASSIGN: '=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';

LINE_COMMENT: '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
// A `/*` with no `*/` after it. The body must not contain `*/`: with `.*?` instead, the lexer's
// longest-match rule let this token run from the first comment of a file to its end, past the
// `*/` that closed it.
UNTERMINATED_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
WS: [ \t\r\n\u000C]+ -> channel(HIDDEN);
// Anything else is one token the parser rejects, so the error points at the stray character.
ERROR_CHAR: .;
