/*
 * ast_py_table.c - every node class of the `ast` module as one row of data:
 * name, base, the C struct it maps to and its fields with their offsets.
 *
 * Design notes
 * ------------
 * This is the whole description of CPython 3.11's node classes that the
 * `_ast` bridge needs (ast_py.c reads it three ways: to make the classes, to
 * copy a C tree into objects and to copy objects back). Field order is
 * Python's `_fields` order; the offsets point into the structs of ast.h,
 * whose member names already match Python's field names, so each row reads
 * like the ASDL line it comes from. Adding a node kind to ast.h means adding
 * its row here and nothing else in the bridge.
 */
#include <stddef.h>

#include "compile/ast_py_internal.h"

/* Fields of the union members of stmt, expr and pattern, and of the
   product structs. The context rule defaults to Load for expressions. */
#define S_(k, f) offsetof(gp_ast_stmt_t, v.k.f)
#define E_(k, f) offsetof(gp_ast_expr_t, v.k.f)
#define P_(k, f) offsetof(gp_ast_pattern_t, v.k.f)
#define EXPR(n, card, off) {n, T_NODE, card, CAT_EXPR, CTX_LOAD, off}
#define TARGET(n, card, off, rule) {n, T_NODE, card, CAT_EXPR, rule, off}
#define NODE(n, card, cat, off) {n, T_NODE, card, cat, CTX_ANY, off}
#define STMTS(n, off) {n, T_NODE, SEQ, CAT_STMT, CTX_ANY, off}
#define ENUM(n, cat, off) {n, T_ENUM, ONE, cat, CTX_ANY, off}
#define IDENT(n, card, off) {n, T_IDENT, card, CAT_NONE, CTX_ANY, off}
#define INT(n, card, off) {n, T_INT, card, CAT_NONE, CTX_ANY, off}
#define TYPE_COMMENT {"type_comment", T_TYPE_COMMENT, OPT, CAT_NONE, CTX_ANY, 0}

static const ast_field_t f_Module[] = {
    STMTS("body", offsetof(gp_ast_mod_t, body)),
    {"type_ignores", T_TYPE_IGNORES, SEQ, CAT_TYPE_IGNORE, CTX_ANY, 0},
};
static const ast_field_t f_Interactive[] = {STMTS("body", offsetof(gp_ast_mod_t, body))};
static const ast_field_t f_Expression[] = {EXPR("body", ONE, offsetof(gp_ast_mod_t, expr))};

/* FunctionDef and AsyncFunctionDef share one layout, as do the For, With
   and Try pairs, so one field list serves both of each pair. */
static const ast_field_t f_FunctionDef[] = {
    IDENT("name", ONE, S_(FunctionDef, name)),
    NODE("args", ONE, CAT_ARGUMENTS, S_(FunctionDef, args)),
    STMTS("body", S_(FunctionDef, body)),
    EXPR("decorator_list", SEQ, S_(FunctionDef, decorator_list)),
    EXPR("returns", OPT, S_(FunctionDef, returns)),
    TYPE_COMMENT,
};
static const ast_field_t f_ClassDef[] = {
    IDENT("name", ONE, S_(ClassDef, name)),
    EXPR("bases", SEQ, S_(ClassDef, bases)),
    NODE("keywords", SEQ, CAT_KEYWORD, S_(ClassDef, keywords)),
    STMTS("body", S_(ClassDef, body)),
    EXPR("decorator_list", SEQ, S_(ClassDef, decorator_list)),
};
static const ast_field_t f_Return[] = {EXPR("value", OPT, S_(Return, value))};
static const ast_field_t f_Delete[] = {TARGET("targets", SEQ, S_(Delete, targets), CTX_DEL)};
static const ast_field_t f_Assign[] = {
    TARGET("targets", SEQ, S_(Assign, targets), CTX_STORE),
    EXPR("value", ONE, S_(Assign, value)),
    TYPE_COMMENT,
};
static const ast_field_t f_AugAssign[] = {
    TARGET("target", ONE, S_(AugAssign, target), CTX_STORE),
    ENUM("op", CAT_OPERATOR, S_(AugAssign, op)),
    EXPR("value", ONE, S_(AugAssign, value)),
};
static const ast_field_t f_AnnAssign[] = {
    TARGET("target", ONE, S_(AnnAssign, target), CTX_STORE),
    EXPR("annotation", ONE, S_(AnnAssign, annotation)),
    EXPR("value", OPT, S_(AnnAssign, value)),
    INT("simple", ONE, S_(AnnAssign, simple)),
};
static const ast_field_t f_For[] = {
    TARGET("target", ONE, S_(For, target), CTX_STORE),
    EXPR("iter", ONE, S_(For, iter)),
    STMTS("body", S_(For, body)),
    STMTS("orelse", S_(For, orelse)),
    TYPE_COMMENT,
};
static const ast_field_t f_While[] = {
    EXPR("test", ONE, S_(While, test)),
    STMTS("body", S_(While, body)),
    STMTS("orelse", S_(While, orelse)),
};
static const ast_field_t f_If[] = {
    EXPR("test", ONE, S_(If, test)),
    STMTS("body", S_(If, body)),
    STMTS("orelse", S_(If, orelse)),
};
static const ast_field_t f_With[] = {
    NODE("items", SEQ, CAT_WITHITEM, S_(With, items)),
    STMTS("body", S_(With, body)),
    TYPE_COMMENT,
};
static const ast_field_t f_Match[] = {
    EXPR("subject", ONE, S_(Match, subject)),
    NODE("cases", SEQ, CAT_MATCH_CASE, S_(Match, cases)),
};
static const ast_field_t f_Raise[] = {
    EXPR("exc", OPT, S_(Raise, exc)),
    EXPR("cause", OPT, S_(Raise, cause)),
};
static const ast_field_t f_Try[] = {
    STMTS("body", S_(Try, body)),
    NODE("handlers", SEQ, CAT_EXCEPTHANDLER, S_(Try, handlers)),
    STMTS("orelse", S_(Try, orelse)),
    STMTS("finalbody", S_(Try, finalbody)),
};
static const ast_field_t f_Assert[] = {
    EXPR("test", ONE, S_(Assert, test)),
    EXPR("msg", OPT, S_(Assert, msg)),
};
static const ast_field_t f_Import[] = {NODE("names", SEQ, CAT_ALIAS, S_(Import, names))};
static const ast_field_t f_ImportFrom[] = {
    IDENT("module", OPT, S_(ImportFrom, module)),
    NODE("names", SEQ, CAT_ALIAS, S_(ImportFrom, names)),
    INT("level", OPT, S_(ImportFrom, level)),
};
static const ast_field_t f_Global[] = {IDENT("names", SEQ, S_(Global, names))};
static const ast_field_t f_Nonlocal[] = {IDENT("names", SEQ, S_(Nonlocal, names))};
static const ast_field_t f_Expr[] = {EXPR("value", ONE, S_(Expr, value))};

static const ast_field_t f_BoolOp[] = {
    ENUM("op", CAT_BOOLOP, E_(BoolOp, op)),
    EXPR("values", SEQ, E_(BoolOp, values)),
};
static const ast_field_t f_NamedExpr[] = {
    TARGET("target", ONE, E_(NamedExpr, target), CTX_STORE),
    EXPR("value", ONE, E_(NamedExpr, value)),
};
static const ast_field_t f_BinOp[] = {
    EXPR("left", ONE, E_(BinOp, left)),
    ENUM("op", CAT_OPERATOR, E_(BinOp, op)),
    EXPR("right", ONE, E_(BinOp, right)),
};
static const ast_field_t f_UnaryOp[] = {
    ENUM("op", CAT_UNARYOP, E_(UnaryOp, op)),
    EXPR("operand", ONE, E_(UnaryOp, operand)),
};
static const ast_field_t f_Lambda[] = {
    NODE("args", ONE, CAT_ARGUMENTS, E_(Lambda, args)),
    EXPR("body", ONE, E_(Lambda, body)),
};
static const ast_field_t f_IfExp[] = {
    EXPR("test", ONE, E_(IfExp, test)),
    EXPR("body", ONE, E_(IfExp, body)),
    EXPR("orelse", ONE, E_(IfExp, orelse)),
};
static const ast_field_t f_Dict[] = {
    EXPR("keys", SEQ_N, E_(Dict, keys)),
    EXPR("values", SEQ, E_(Dict, values)),
};
static const ast_field_t f_Set[] = {EXPR("elts", SEQ, E_(Set, elts))};
/* ListComp, SetComp and GeneratorExp share a layout. */
static const ast_field_t f_ListComp[] = {
    EXPR("elt", ONE, E_(ListComp, elt)),
    NODE("generators", SEQ, CAT_COMPREHENSION, E_(ListComp, generators)),
};
static const ast_field_t f_DictComp[] = {
    EXPR("key", ONE, E_(DictComp, key)),
    EXPR("value", ONE, E_(DictComp, value)),
    NODE("generators", SEQ, CAT_COMPREHENSION, E_(DictComp, generators)),
};
static const ast_field_t f_Await[] = {EXPR("value", ONE, E_(Await, value))};
static const ast_field_t f_Yield[] = {EXPR("value", OPT, E_(Yield, value))};
static const ast_field_t f_YieldFrom[] = {EXPR("value", ONE, E_(YieldFrom, value))};
static const ast_field_t f_Compare[] = {
    EXPR("left", ONE, E_(Compare, left)),
    {"ops", T_CMPOPS, SEQ, CAT_CMPOP, CTX_ANY, E_(Compare, ops)},
    EXPR("comparators", SEQ, E_(Compare, comparators)),
};
static const ast_field_t f_Call[] = {
    EXPR("func", ONE, E_(Call, func)),
    EXPR("args", SEQ, E_(Call, args)),
    NODE("keywords", SEQ, CAT_KEYWORD, E_(Call, keywords)),
};
static const ast_field_t f_FormattedValue[] = {
    EXPR("value", ONE, E_(FormattedValue, value)),
    INT("conversion", ONE, E_(FormattedValue, conversion)),
    EXPR("format_spec", OPT, E_(FormattedValue, format_spec)),
};
static const ast_field_t f_JoinedStr[] = {EXPR("values", SEQ, E_(JoinedStr, values))};
static const ast_field_t f_Constant[] = {
    {"value", T_CONSTANT, ONE, CAT_NONE, CTX_ANY, offsetof(gp_ast_expr_t, v.Constant)},
    {"kind", T_CONST_KIND, OPT, CAT_NONE, CTX_ANY, offsetof(gp_ast_expr_t, v.Constant)},
};
/* The context-bearing expressions: their own ctx is checked against what
   the parent demands; List, Tuple and Starred pass it on to their items. */
static const ast_field_t f_Attribute[] = {
    EXPR("value", ONE, E_(Attribute, value)),
    IDENT("attr", ONE, E_(Attribute, attr)),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(Attribute, ctx)),
};
static const ast_field_t f_Subscript[] = {
    EXPR("value", ONE, E_(Subscript, value)),
    EXPR("slice", ONE, E_(Subscript, slice)),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(Subscript, ctx)),
};
static const ast_field_t f_Starred[] = {
    TARGET("value", ONE, E_(Starred, value), CTX_SAME),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(Starred, ctx)),
};
static const ast_field_t f_Name[] = {
    IDENT("id", ONE, E_(Name, id)),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(Name, ctx)),
};
static const ast_field_t f_List[] = {
    TARGET("elts", SEQ, E_(List, elts), CTX_SAME),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(List, ctx)),
};
static const ast_field_t f_Tuple[] = {
    TARGET("elts", SEQ, E_(Tuple, elts), CTX_SAME),
    ENUM("ctx", CAT_EXPR_CONTEXT, E_(Tuple, ctx)),
};
static const ast_field_t f_Slice[] = {
    EXPR("lower", OPT, E_(Slice, lower)),
    EXPR("upper", OPT, E_(Slice, upper)),
    EXPR("step", OPT, E_(Slice, step)),
};

static const ast_field_t f_comprehension[] = {
    TARGET("target", ONE, offsetof(gp_ast_comprehension_t, target), CTX_STORE),
    EXPR("iter", ONE, offsetof(gp_ast_comprehension_t, iter)),
    EXPR("ifs", SEQ, offsetof(gp_ast_comprehension_t, ifs)),
    INT("is_async", ONE, offsetof(gp_ast_comprehension_t, is_async)),
};
static const ast_field_t f_ExceptHandler[] = {
    EXPR("type", OPT, offsetof(gp_ast_excepthandler_t, type)),
    IDENT("name", OPT, offsetof(gp_ast_excepthandler_t, name)),
    STMTS("body", offsetof(gp_ast_excepthandler_t, body)),
};
static const ast_field_t f_arguments[] = {
    NODE("posonlyargs", SEQ, CAT_ARG, offsetof(gp_ast_arguments_t, posonlyargs)),
    NODE("args", SEQ, CAT_ARG, offsetof(gp_ast_arguments_t, args)),
    NODE("vararg", OPT, CAT_ARG, offsetof(gp_ast_arguments_t, vararg)),
    NODE("kwonlyargs", SEQ, CAT_ARG, offsetof(gp_ast_arguments_t, kwonlyargs)),
    EXPR("kw_defaults", SEQ_N, offsetof(gp_ast_arguments_t, kw_defaults)),
    NODE("kwarg", OPT, CAT_ARG, offsetof(gp_ast_arguments_t, kwarg)),
    EXPR("defaults", SEQ, offsetof(gp_ast_arguments_t, defaults)),
};
static const ast_field_t f_arg[] = {
    IDENT("arg", ONE, offsetof(gp_ast_arg_t, arg)),
    EXPR("annotation", OPT, offsetof(gp_ast_arg_t, annotation)),
    TYPE_COMMENT,
};
static const ast_field_t f_keyword[] = {
    IDENT("arg", OPT, offsetof(gp_ast_keyword_t, arg)),
    EXPR("value", ONE, offsetof(gp_ast_keyword_t, value)),
};
static const ast_field_t f_alias[] = {
    IDENT("name", ONE, offsetof(gp_ast_alias_t, name)),
    IDENT("asname", OPT, offsetof(gp_ast_alias_t, asname)),
};
static const ast_field_t f_withitem[] = {
    EXPR("context_expr", ONE, offsetof(gp_ast_withitem_t, context_expr)),
    TARGET("optional_vars", OPT, offsetof(gp_ast_withitem_t, optional_vars), CTX_STORE),
};
static const ast_field_t f_match_case[] = {
    NODE("pattern", ONE, CAT_PATTERN, offsetof(gp_ast_match_case_t, pattern)),
    EXPR("guard", OPT, offsetof(gp_ast_match_case_t, guard)),
    STMTS("body", offsetof(gp_ast_match_case_t, body)),
};
static const ast_field_t f_TypeIgnore[] = {
    {"lineno", T_TYPE_COMMENT, ONE, CAT_NONE, CTX_ANY, 0},
    {"tag", T_TYPE_COMMENT, ONE, CAT_NONE, CTX_ANY, 0},
};

static const ast_field_t f_MatchValue[] = {EXPR("value", ONE, P_(MatchValue, value))};
static const ast_field_t f_MatchSingleton[] = {
    {"value", T_SINGLETON, ONE, CAT_NONE, CTX_ANY, P_(MatchSingleton, value)},
};
static const ast_field_t f_MatchSequence[] = {
    NODE("patterns", SEQ, CAT_PATTERN, P_(MatchSequence, patterns)),
};
static const ast_field_t f_MatchMapping[] = {
    EXPR("keys", SEQ, P_(MatchMapping, keys)),
    NODE("patterns", SEQ, CAT_PATTERN, P_(MatchMapping, patterns)),
    IDENT("rest", OPT, P_(MatchMapping, rest)),
};
static const ast_field_t f_MatchClass[] = {
    EXPR("cls", ONE, P_(MatchClass, cls)),
    NODE("patterns", SEQ, CAT_PATTERN, P_(MatchClass, patterns)),
    IDENT("kwd_attrs", SEQ, P_(MatchClass, kwd_attrs)),
    NODE("kwd_patterns", SEQ, CAT_PATTERN, P_(MatchClass, kwd_patterns)),
};
static const ast_field_t f_MatchStar[] = {IDENT("name", OPT, P_(MatchStar, name))};
static const ast_field_t f_MatchAs[] = {
    NODE("pattern", OPT, CAT_PATTERN, P_(MatchAs, pattern)),
    IDENT("name", OPT, P_(MatchAs, name)),
};
static const ast_field_t f_MatchOr[] = {NODE("patterns", SEQ, CAT_PATTERN, P_(MatchOr, patterns))};

#define ABSTRACT(n, b, c) {n, b, c, -1, NULL, 0}
#define CLASS(n, b, c, k, f) {n, b, c, k, f, sizeof f / sizeof f[0]}
#define EMPTY(n, b, c, k) {n, b, c, k, NULL, 0}

/* Every class, a base always before its subclasses. */
const ast_class_t ast_py_classes[] = {
    ABSTRACT("AST", NULL, CAT_NONE),
    ABSTRACT("mod", "AST", CAT_MOD),
    CLASS("Module", "mod", CAT_MOD, GP_AST_Module, f_Module),
    CLASS("Interactive", "mod", CAT_MOD, GP_AST_Interactive, f_Interactive),
    CLASS("Expression", "mod", CAT_MOD, GP_AST_Expression, f_Expression),
    ABSTRACT("stmt", "AST", CAT_STMT),
    CLASS("FunctionDef", "stmt", CAT_STMT, GP_AST_FunctionDef, f_FunctionDef),
    CLASS("AsyncFunctionDef", "stmt", CAT_STMT, GP_AST_AsyncFunctionDef, f_FunctionDef),
    CLASS("ClassDef", "stmt", CAT_STMT, GP_AST_ClassDef, f_ClassDef),
    CLASS("Return", "stmt", CAT_STMT, GP_AST_Return, f_Return),
    CLASS("Delete", "stmt", CAT_STMT, GP_AST_Delete, f_Delete),
    CLASS("Assign", "stmt", CAT_STMT, GP_AST_Assign, f_Assign),
    CLASS("AugAssign", "stmt", CAT_STMT, GP_AST_AugAssign, f_AugAssign),
    CLASS("AnnAssign", "stmt", CAT_STMT, GP_AST_AnnAssign, f_AnnAssign),
    CLASS("For", "stmt", CAT_STMT, GP_AST_For, f_For),
    CLASS("AsyncFor", "stmt", CAT_STMT, GP_AST_AsyncFor, f_For),
    CLASS("While", "stmt", CAT_STMT, GP_AST_While, f_While),
    CLASS("If", "stmt", CAT_STMT, GP_AST_If, f_If),
    CLASS("With", "stmt", CAT_STMT, GP_AST_With, f_With),
    CLASS("AsyncWith", "stmt", CAT_STMT, GP_AST_AsyncWith, f_With),
    CLASS("Match", "stmt", CAT_STMT, GP_AST_Match, f_Match),
    CLASS("Raise", "stmt", CAT_STMT, GP_AST_Raise, f_Raise),
    CLASS("Try", "stmt", CAT_STMT, GP_AST_Try, f_Try),
    CLASS("TryStar", "stmt", CAT_STMT, GP_AST_TryStar, f_Try),
    CLASS("Assert", "stmt", CAT_STMT, GP_AST_Assert, f_Assert),
    CLASS("Import", "stmt", CAT_STMT, GP_AST_Import, f_Import),
    CLASS("ImportFrom", "stmt", CAT_STMT, GP_AST_ImportFrom, f_ImportFrom),
    CLASS("Global", "stmt", CAT_STMT, GP_AST_Global, f_Global),
    CLASS("Nonlocal", "stmt", CAT_STMT, GP_AST_Nonlocal, f_Nonlocal),
    CLASS("Expr", "stmt", CAT_STMT, GP_AST_Expr, f_Expr),
    EMPTY("Pass", "stmt", CAT_STMT, GP_AST_Pass),
    EMPTY("Break", "stmt", CAT_STMT, GP_AST_Break),
    EMPTY("Continue", "stmt", CAT_STMT, GP_AST_Continue),
    ABSTRACT("expr", "AST", CAT_EXPR),
    CLASS("BoolOp", "expr", CAT_EXPR, GP_AST_BoolOp, f_BoolOp),
    CLASS("NamedExpr", "expr", CAT_EXPR, GP_AST_NamedExpr, f_NamedExpr),
    CLASS("BinOp", "expr", CAT_EXPR, GP_AST_BinOp, f_BinOp),
    CLASS("UnaryOp", "expr", CAT_EXPR, GP_AST_UnaryOp, f_UnaryOp),
    CLASS("Lambda", "expr", CAT_EXPR, GP_AST_Lambda, f_Lambda),
    CLASS("IfExp", "expr", CAT_EXPR, GP_AST_IfExp, f_IfExp),
    CLASS("Dict", "expr", CAT_EXPR, GP_AST_Dict, f_Dict),
    CLASS("Set", "expr", CAT_EXPR, GP_AST_Set, f_Set),
    CLASS("ListComp", "expr", CAT_EXPR, GP_AST_ListComp, f_ListComp),
    CLASS("SetComp", "expr", CAT_EXPR, GP_AST_SetComp, f_ListComp),
    CLASS("DictComp", "expr", CAT_EXPR, GP_AST_DictComp, f_DictComp),
    CLASS("GeneratorExp", "expr", CAT_EXPR, GP_AST_GeneratorExp, f_ListComp),
    CLASS("Await", "expr", CAT_EXPR, GP_AST_Await, f_Await),
    CLASS("Yield", "expr", CAT_EXPR, GP_AST_Yield, f_Yield),
    CLASS("YieldFrom", "expr", CAT_EXPR, GP_AST_YieldFrom, f_YieldFrom),
    CLASS("Compare", "expr", CAT_EXPR, GP_AST_Compare, f_Compare),
    CLASS("Call", "expr", CAT_EXPR, GP_AST_Call, f_Call),
    CLASS("FormattedValue", "expr", CAT_EXPR, GP_AST_FormattedValue, f_FormattedValue),
    CLASS("JoinedStr", "expr", CAT_EXPR, GP_AST_JoinedStr, f_JoinedStr),
    CLASS("Constant", "expr", CAT_EXPR, GP_AST_Constant, f_Constant),
    CLASS("Attribute", "expr", CAT_EXPR, GP_AST_Attribute, f_Attribute),
    CLASS("Subscript", "expr", CAT_EXPR, GP_AST_Subscript, f_Subscript),
    CLASS("Starred", "expr", CAT_EXPR, GP_AST_Starred, f_Starred),
    CLASS("Name", "expr", CAT_EXPR, GP_AST_Name, f_Name),
    CLASS("List", "expr", CAT_EXPR, GP_AST_List, f_List),
    CLASS("Tuple", "expr", CAT_EXPR, GP_AST_Tuple, f_Tuple),
    CLASS("Slice", "expr", CAT_EXPR, GP_AST_Slice, f_Slice),
    ABSTRACT("expr_context", "AST", CAT_EXPR_CONTEXT),
    EMPTY("Load", "expr_context", CAT_EXPR_CONTEXT, GP_AST_Load),
    EMPTY("Store", "expr_context", CAT_EXPR_CONTEXT, GP_AST_Store),
    EMPTY("Del", "expr_context", CAT_EXPR_CONTEXT, GP_AST_Del),
    ABSTRACT("boolop", "AST", CAT_BOOLOP),
    EMPTY("And", "boolop", CAT_BOOLOP, GP_AST_And),
    EMPTY("Or", "boolop", CAT_BOOLOP, GP_AST_Or),
    ABSTRACT("operator", "AST", CAT_OPERATOR),
    EMPTY("Add", "operator", CAT_OPERATOR, GP_AST_Add),
    EMPTY("Sub", "operator", CAT_OPERATOR, GP_AST_Sub),
    EMPTY("Mult", "operator", CAT_OPERATOR, GP_AST_Mult),
    EMPTY("MatMult", "operator", CAT_OPERATOR, GP_AST_MatMult),
    EMPTY("Div", "operator", CAT_OPERATOR, GP_AST_Div),
    EMPTY("Mod", "operator", CAT_OPERATOR, GP_AST_Mod),
    EMPTY("Pow", "operator", CAT_OPERATOR, GP_AST_Pow),
    EMPTY("LShift", "operator", CAT_OPERATOR, GP_AST_LShift),
    EMPTY("RShift", "operator", CAT_OPERATOR, GP_AST_RShift),
    EMPTY("BitOr", "operator", CAT_OPERATOR, GP_AST_BitOr),
    EMPTY("BitXor", "operator", CAT_OPERATOR, GP_AST_BitXor),
    EMPTY("BitAnd", "operator", CAT_OPERATOR, GP_AST_BitAnd),
    EMPTY("FloorDiv", "operator", CAT_OPERATOR, GP_AST_FloorDiv),
    ABSTRACT("unaryop", "AST", CAT_UNARYOP),
    EMPTY("Invert", "unaryop", CAT_UNARYOP, GP_AST_Invert),
    EMPTY("Not", "unaryop", CAT_UNARYOP, GP_AST_Not),
    EMPTY("UAdd", "unaryop", CAT_UNARYOP, GP_AST_UAdd),
    EMPTY("USub", "unaryop", CAT_UNARYOP, GP_AST_USub),
    ABSTRACT("cmpop", "AST", CAT_CMPOP),
    EMPTY("Eq", "cmpop", CAT_CMPOP, GP_AST_Eq),
    EMPTY("NotEq", "cmpop", CAT_CMPOP, GP_AST_NotEq),
    EMPTY("Lt", "cmpop", CAT_CMPOP, GP_AST_Lt),
    EMPTY("LtE", "cmpop", CAT_CMPOP, GP_AST_LtE),
    EMPTY("Gt", "cmpop", CAT_CMPOP, GP_AST_Gt),
    EMPTY("GtE", "cmpop", CAT_CMPOP, GP_AST_GtE),
    EMPTY("Is", "cmpop", CAT_CMPOP, GP_AST_Is),
    EMPTY("IsNot", "cmpop", CAT_CMPOP, GP_AST_IsNot),
    EMPTY("In", "cmpop", CAT_CMPOP, GP_AST_In),
    EMPTY("NotIn", "cmpop", CAT_CMPOP, GP_AST_NotIn),
    CLASS("comprehension", "AST", CAT_COMPREHENSION, 0, f_comprehension),
    ABSTRACT("excepthandler", "AST", CAT_EXCEPTHANDLER),
    CLASS("ExceptHandler", "excepthandler", CAT_EXCEPTHANDLER, 0, f_ExceptHandler),
    CLASS("arguments", "AST", CAT_ARGUMENTS, 0, f_arguments),
    CLASS("arg", "AST", CAT_ARG, 0, f_arg),
    CLASS("keyword", "AST", CAT_KEYWORD, 0, f_keyword),
    CLASS("alias", "AST", CAT_ALIAS, 0, f_alias),
    CLASS("withitem", "AST", CAT_WITHITEM, 0, f_withitem),
    CLASS("match_case", "AST", CAT_MATCH_CASE, 0, f_match_case),
    ABSTRACT("pattern", "AST", CAT_PATTERN),
    CLASS("MatchValue", "pattern", CAT_PATTERN, GP_AST_MatchValue, f_MatchValue),
    CLASS("MatchSingleton", "pattern", CAT_PATTERN, GP_AST_MatchSingleton, f_MatchSingleton),
    CLASS("MatchSequence", "pattern", CAT_PATTERN, GP_AST_MatchSequence, f_MatchSequence),
    CLASS("MatchMapping", "pattern", CAT_PATTERN, GP_AST_MatchMapping, f_MatchMapping),
    CLASS("MatchClass", "pattern", CAT_PATTERN, GP_AST_MatchClass, f_MatchClass),
    CLASS("MatchStar", "pattern", CAT_PATTERN, GP_AST_MatchStar, f_MatchStar),
    CLASS("MatchAs", "pattern", CAT_PATTERN, GP_AST_MatchAs, f_MatchAs),
    CLASS("MatchOr", "pattern", CAT_PATTERN, GP_AST_MatchOr, f_MatchOr),
    ABSTRACT("type_ignore", "AST", CAT_TYPE_IGNORE),
    CLASS("TypeIgnore", "type_ignore", CAT_TYPE_IGNORE, 0, f_TypeIgnore),
};
const size_t ast_py_class_count = sizeof ast_py_classes / sizeof ast_py_classes[0];

const ast_category_info_t ast_py_categories[CAT_COUNT_] = {
    [CAT_NONE] = {"AST", 0, SIZE_MAX, false, false},
    [CAT_MOD] = {"mod", sizeof(gp_ast_mod_t), SIZE_MAX, true, false},
    [CAT_STMT] = {"stmt", sizeof(gp_ast_stmt_t), offsetof(gp_ast_stmt_t, lineno), true, false},
    [CAT_EXPR] = {"expr", sizeof(gp_ast_expr_t), offsetof(gp_ast_expr_t, lineno), true, false},
    [CAT_PATTERN] = {"pattern", sizeof(gp_ast_pattern_t), offsetof(gp_ast_pattern_t, lineno),
                     true, true},
    [CAT_EXCEPTHANDLER] = {"excepthandler", sizeof(gp_ast_excepthandler_t),
                           offsetof(gp_ast_excepthandler_t, lineno), false, false},
    [CAT_COMPREHENSION] = {"comprehension", sizeof(gp_ast_comprehension_t), SIZE_MAX, false,
                           false},
    [CAT_ARGUMENTS] = {"arguments", sizeof(gp_ast_arguments_t), SIZE_MAX, false, false},
    [CAT_ARG] = {"arg", sizeof(gp_ast_arg_t), offsetof(gp_ast_arg_t, lineno), false, false},
    [CAT_KEYWORD] = {"keyword", sizeof(gp_ast_keyword_t), offsetof(gp_ast_keyword_t, lineno),
                     false, false},
    [CAT_ALIAS] = {"alias", sizeof(gp_ast_alias_t), offsetof(gp_ast_alias_t, lineno), false,
                   false},
    [CAT_WITHITEM] = {"withitem", sizeof(gp_ast_withitem_t), SIZE_MAX, false, false},
    [CAT_MATCH_CASE] = {"match_case", sizeof(gp_ast_match_case_t), SIZE_MAX, false, false},
    [CAT_TYPE_IGNORE] = {"type_ignore", 0, SIZE_MAX, false, false},
    [CAT_EXPR_CONTEXT] = {"expr_context", 0, SIZE_MAX, false, false},
    [CAT_BOOLOP] = {"boolop", 0, SIZE_MAX, false, false},
    [CAT_OPERATOR] = {"operator", 0, SIZE_MAX, false, false},
    [CAT_UNARYOP] = {"unaryop", 0, SIZE_MAX, false, false},
    [CAT_CMPOP] = {"cmpop", 0, SIZE_MAX, false, false},
};

const char *const ast_py_location_names[4] = {"lineno", "col_offset", "end_lineno",
                                                  "end_col_offset"};

/* The row of the concrete class of [cat] with [kind]; -1 if none. */
int ast_py_class_index(ast_category_t cat, int kind)
{
    for (size_t i = 0; i < ast_py_class_count; i++)
        if (ast_py_classes[i].cat == cat && ast_py_classes[i].kind == kind)
            return (int)i;
    return -1;
}

