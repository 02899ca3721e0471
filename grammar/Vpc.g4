// The vpclab layout language. See docs/language.md for the reference and
// ../shared/LANGUAGE.md for the contract this grammar implements.
//
// Statements end at a newline or ';'. A ',' swallows the newlines after it, so a
// list may be continued on the next line. Keywords are reserved and lower case;
// units (MB GB TB PB USD) are upper case.
grammar Vpc;

// Keywords and units: the lexer reads them as NAME and then gives them their own type from the
// table in dev.vpclab.lang.Tokenizer (not 57 lexer rules). The lower-case keywords run from REGION
// to WITH, the units after them (dev.vpclab.lang.Highlighting relies on it).
tokens {
    REGION, HOURS, PRICES, PRICE, LAYOUT, EXTENDS, USE, VPC,
    CIDR_KW, DNS, HOSTNAMES, ON, OFF, AZ, SUBNET, PRIVATE_DNS,
    INBOUND_ONLY, PRIVATE, PUBLIC, ENDPOINT, NO, GATEWAY, NAT, INSTANCE, COUNT,
    NEEDS, TRAFFIC, INTERNET, ALLOW, IN, CHECK, REACH, REACHES,
    RESOLVE, FROM, FAIL, FAILURE, RESILIENCE, COST, COMPARE, CHART,
    TO, SWEEP, STEP, OVER, EXPECT, SURVIVES, TGW, ATTACH, PEERING,
    SHARE, WITH, MB, GB, TB, PB, USD
}

// ------------------------------------------------------------------ parser

program : sep* (item (sep+ item)*)? sep* EOF ;

sep : NL | SEMI ;

// vpclab parses one top-level item (or one statement of a block) at a time, so that a mistake
// in one statement never hides the mistakes in the next: these are the entry rules it uses.
itemEof : item EOF ;
stmtEof : layoutStmt EOF ;
vpcStmtEof : stmt EOF ;
layoutHead : LAYOUT name (EXTENDS name)? LBRACE EOF ;
vpcHead : VPC name (CIDR_KW cidr)? LBRACE EOF ;

item
    : REGION name                                   # regionItem
    | HOURS number                                  # hoursItem
    | PRICE name money                              # priceItem
    | PRICES STRING                                 # pricesItem
    | LAYOUT name (EXTENDS name)? block             # layoutItem
    | USE name                                      # useItem
    | layoutStmt                                    # stmtItem
    | query                                         # queryItem
    ;

block : LBRACE sep* (layoutStmt (sep+ layoutStmt)*)? sep* RBRACE ;

// What stands in a layout: the statements of its default VPC, vpc blocks, and the statements
// about its VPCs as a whole (these never stand inside a vpc block).
layoutStmt
    : VPC name (CIDR_KW cidr)? vpcBlock             # vpcBlockStmt
    | NO VPC name                                   # noVpcStmt
    | TGW name ATTACH nameList (IN azList)?         # tgwStmt
    | NO TGW name                                   # noTgwStmt
    | PEERING name COMMA name                       # peeringStmt
    | NO PEERING name COMMA name                    # noPeeringStmt
    | SHARE nameList FROM name WITH nameList        # shareStmt
    | NO SHARE nameList FROM name                   # noShareStmt
    | stmt                                          # plainStmt
    ;

vpcBlock : LBRACE sep* (stmt (sep+ stmt)*)? sep* RBRACE ;

// The statements of one VPC: inside its vpc block, or outside any for the default VPC.
stmt
    : VPC CIDR_KW cidr                              # vpcCidrStmt
    | VPC DNS HOSTNAMES? onOff                      # vpcDnsStmt
    | AZ az SUBNET kind=(PRIVATE | PUBLIC) name? (CIDR_KW cidr)?   # subnetStmt
    | ENDPOINT nameList IN placeList endpointOpt*   # endpointStmt
    | NO ENDPOINT nameList                          # noEndpointStmt
    | GATEWAY nameList                              # gatewayStmt
    | NO GATEWAY nameList                           # noGatewayStmt
    | NAT IN azList                                 # natStmt
    | NO NAT (IN azList)?                           # noNatStmt
    | INSTANCE name IN nameList (COUNT number)? (NEEDS destList)?  # instanceStmt
    | NO INSTANCE nameList                          # noInstanceStmt
    | TRAFFIC source ARROW dest quantity            # trafficStmt
    | NO TRAFFIC source ARROW dest                  # noTrafficStmt
    ;

endpointOpt
    : PRIVATE_DNS onOff                             # privateDnsOpt
    | INBOUND_ONLY onOff?                           # inboundOnlyOpt
    | ALLOW allowList                               # allowOpt
    ;

query
    : CHECK name?                                   # checkQuery
    | REACH name ARROW dest (IN name)?              # reachQuery
    | RESOLVE name (FROM name)? (IN name)?           # resolveQuery
    | FAIL AZ azList (IN name)?                     # failQuery
    | RESILIENCE name?                              # resilienceQuery
    | COST name?                                    # costQuery
    | COMPARE nameList                              # compareQuery
    | CHART what=(COST | RESILIENCE) nameList (TO STRING)?          # chartQuery
    | SWEEP TRAFFIC quantity DOTDOT quantity (STEP quantity)? OVER nameList (TO STRING)?  # sweepQuery
    | EXPECT name REACHES (dest (IN name)?)?        # expectReachesQuery
    | EXPECT name? SURVIVES AZ FAILURE              # expectSurvivesQuery
    | EXPECT COST name? cmp costTerm                # expectCostQuery
    ;

costTerm : money | COST name? ;

cmp : LT | LE | GT | GE ;

onOff : ON | OFF ;
source : name | STAR ;
dest : name | INTERNET ;
destList : dest (COMMA dest)* ;
az : AZ_SHORT | NAME ;
azList : az (COMMA az)* ;
place : AZ_SHORT | NAME ;
placeList : place (COMMA place)* ;
allow : cidr | name ;
allowList : allow (COMMA allow)* ;
nameList : name (COMMA name)* ;
name : NAME ;
cidr : CIDR ;
number : NUMBER ;
quantity : NUMBER unit=(MB | GB | TB | PB)? ;
money : NUMBER USD? | DOLLAR NUMBER ;

// ------------------------------------------------------------------ lexer
// The specification of dev.vpclab.lang.Tokenizer, the hand-written lexer vpclab runs: a test
// checks the two agree token for token. Change a rule here and there together.

CIDR     : DIGIT+ '.' DIGIT+ '.' DIGIT+ '.' DIGIT+ '/' DIGIT+ ;
AZ_SHORT : DIGIT [a-z] ;
NUMBER   : DIGIT+ ('.' DIGIT+)? | '.' DIGIT+ ;
NAME     : [a-zA-Z_] ([a-zA-Z0-9_.-]* [a-zA-Z0-9_])?
           { setType(dev.vpclab.lang.Tokenizer.keywordType(getText())); } ;
STRING   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

ARROW  : '->' ;
DOTDOT : '..' ;
LE     : '<=' ;
GE     : '>=' ;
LT     : '<' ;
GT     : '>' ;
STAR   : '*' ;
DOLLAR : '$' ;
LBRACE : '{' ;
RBRACE : '}' ;
SEMI   : ';' ;
// a comma continues the statement on the next line: it swallows blanks, comments and newlines
COMMA  : ',' ([ \t\r\n] | '#' ~[\r\n]*)* ;

NL      : '\r'? '\n' | '\r' ;
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\f]+ -> channel(HIDDEN) ;

// anything else is one bad character, reported by the lexer's error handler
BAD : . ;

fragment DIGIT : [0-9] ;
