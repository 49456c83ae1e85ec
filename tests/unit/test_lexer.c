/* test_lexer.c - unit tests of the tokenizer (src/compile/lexer.c).
 *
 * Each test feeds a small source text to the lexer and checks the token
 * kinds, positions or the syntax error it reports. Expected messages and
 * positions were taken from CPython 3.11.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/compile/ast.h"
#include "../../src/compile/lexer.h"

#define MAX_TOKENS 256

/* Tokenizes [src]; returns the number of tokens (including ENDMARKER), or
 * -1 on error with the error copied to [err]. */
static int lex_all(const char *src, gp_token_t *tokens, gp_syntax_error_t *err)
{
    gp_arena_t *arena = gp_arena_new();
    gp_lexer_t lexer;
    int count = 0;
    static char copies[MAX_TOKENS][64];
    if (gp_lexer_init(&lexer, src, strlen(src), "<test>", arena) < 0) {
        *err = lexer.error;
        gp_arena_free(arena);
        return -1;
    }
    for (;;) {
        gp_token_t t;
        if (gp_lexer_next(&lexer, &t) < 0) {
            *err = lexer.error;
            count = -1;
            break;
        }
        /* Keep the token text alive after the arena is gone. */
        size_t n = t.length < 63 ? t.length : 63;
        memcpy(copies[count], t.start, n);
        copies[count][n] = '\0';
        t.start = copies[count];
        tokens[count++] = t;
        if (t.type == GP_TOK_ENDMARKER || count == MAX_TOKENS) {
            break;
        }
    }
    gp_arena_free(arena);
    return count;
}

/* Checks that [src] produces exactly the token kinds given (ending with
 * GP_TOK_ENDMARKER). */
static void assert_kinds(const char *src, ...)
{
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all(src, tokens, &err);
    assert_true(count > 0);
    va_list args;
    va_start(args, src);
    for (int i = 0;; i++) {
        int expected = va_arg(args, int);
        assert_true(i < count);
        if ((int)tokens[i].type != expected) {
            fail_msg("token %d of %s: got %s, expected %s", i, src,
                     gp_token_type_name(tokens[i].type), gp_token_type_name(expected));
        }
        if (expected == GP_TOK_ENDMARKER) {
            assert_int_equal(i + 1, count);
            break;
        }
    }
    va_end(args);
}

/* Checks that [src] fails with [msg] at [line]:[col] (CPython's offset). */
static void assert_lex_error(const char *src, const char *msg, int line, int col)
{
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all(src, tokens, &err);
    assert_int_equal(count, -1);
    assert_string_equal(err.msg, msg);
    assert_int_equal(err.lineno, line);
    assert_int_equal(err.col, col);
}

static void test_simple_statement_tokens(void **state)
{
    (void)state;
    assert_kinds("x = 1\n", GP_TOK_NAME, GP_TOK_EQUAL, GP_TOK_NUMBER, GP_TOK_NEWLINE,
                 GP_TOK_ENDMARKER);
}

static void test_missing_final_newline_still_ends_line(void **state)
{
    (void)state;
    assert_kinds("x", GP_TOK_NAME, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_empty_input_is_only_endmarker(void **state)
{
    (void)state;
    assert_kinds("", GP_TOK_ENDMARKER);
    assert_kinds("\n\n   \n# comment\n", GP_TOK_ENDMARKER);
}

static void test_indent_and_dedent(void **state)
{
    (void)state;
    assert_kinds("if x:\n    y\nz\n", GP_TOK_KW_IF, GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE,
                 GP_TOK_INDENT, GP_TOK_NAME, GP_TOK_NEWLINE, GP_TOK_DEDENT, GP_TOK_NAME,
                 GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_dedent_several_levels_at_once(void **state)
{
    (void)state;
    assert_kinds("a:\n b:\n  c\nd\n", GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE, GP_TOK_INDENT,
                 GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE, GP_TOK_INDENT, GP_TOK_NAME,
                 GP_TOK_NEWLINE, GP_TOK_DEDENT, GP_TOK_DEDENT, GP_TOK_NAME, GP_TOK_NEWLINE,
                 GP_TOK_ENDMARKER);
}

static void test_dedents_closed_at_end_of_input(void **state)
{
    (void)state;
    assert_kinds("a:\n b:\n  c", GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE, GP_TOK_INDENT,
                 GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE, GP_TOK_INDENT, GP_TOK_NAME,
                 GP_TOK_NEWLINE, GP_TOK_DEDENT, GP_TOK_DEDENT, GP_TOK_ENDMARKER);
}

static void test_blank_and_comment_lines_are_ignored(void **state)
{
    (void)state;
    assert_kinds("a\n\n    # indented comment\n\t\nb # trailing\n", GP_TOK_NAME, GP_TOK_NEWLINE,
                 GP_TOK_NAME, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_tab_indents_to_multiple_of_eight(void **state)
{
    (void)state;
    /* A tab and eight spaces are the same column and consistent. */
    assert_kinds("if x:\n\ta\n\tb\n", GP_TOK_KW_IF, GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE,
                 GP_TOK_INDENT, GP_TOK_NAME, GP_TOK_NEWLINE, GP_TOK_NAME, GP_TOK_NEWLINE,
                 GP_TOK_DEDENT, GP_TOK_ENDMARKER);
}

static void test_brackets_join_lines(void **state)
{
    (void)state;
    assert_kinds("(a,\n   b)\n", GP_TOK_LPAR, GP_TOK_NAME, GP_TOK_COMMA, GP_TOK_NAME, GP_TOK_RPAR,
                 GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_backslash_joins_lines(void **state)
{
    (void)state;
    assert_kinds("a = 1 + \\\n    2\n", GP_TOK_NAME, GP_TOK_EQUAL, GP_TOK_NUMBER, GP_TOK_PLUS,
                 GP_TOK_NUMBER, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_crlf_line_endings(void **state)
{
    (void)state;
    assert_kinds("if x:\r\n    y\r\n", GP_TOK_KW_IF, GP_TOK_NAME, GP_TOK_COLON, GP_TOK_NEWLINE,
                 GP_TOK_INDENT, GP_TOK_NAME, GP_TOK_NEWLINE, GP_TOK_DEDENT, GP_TOK_ENDMARKER);
}

static void test_operators_longest_match(void **state)
{
    (void)state;
    assert_kinds("**= //= >>= <<= ... -> := != ** // @=", GP_TOK_DOUBLESTAREQUAL,
                 GP_TOK_DOUBLESLASHEQUAL, GP_TOK_RIGHTSHIFTEQUAL, GP_TOK_LEFTSHIFTEQUAL,
                 GP_TOK_ELLIPSIS, GP_TOK_RARROW, GP_TOK_COLONEQUAL, GP_TOK_NOTEQUAL,
                 GP_TOK_DOUBLESTAR, GP_TOK_DOUBLESLASH, GP_TOK_ATEQUAL, GP_TOK_NEWLINE,
                 GP_TOK_ENDMARKER);
}

static void test_keywords_and_soft_keywords(void **state)
{
    (void)state;
    assert_kinds("if match else case async await _", GP_TOK_KW_IF, GP_TOK_NAME, GP_TOK_KW_ELSE,
                 GP_TOK_NAME, GP_TOK_KW_ASYNC, GP_TOK_KW_AWAIT, GP_TOK_NAME, GP_TOK_NEWLINE,
                 GP_TOK_ENDMARKER);
}

static void test_string_prefixes(void **state)
{
    (void)state;
    assert_kinds("r'a' b'b' f'c' rb'd' BR'e' Fr'f' u'g' rf\"h\"", GP_TOK_STRING, GP_TOK_STRING,
                 GP_TOK_STRING, GP_TOK_STRING, GP_TOK_STRING, GP_TOK_STRING, GP_TOK_STRING,
                 GP_TOK_STRING, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
    /* `ub` is not a prefix: a name followed by a string. */
    assert_kinds("ub'x'", GP_TOK_NAME, GP_TOK_STRING, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_triple_quoted_string_spans_lines(void **state)
{
    (void)state;
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all("x = '''a\nb\nc''' + 1\n", tokens, &err);
    assert_true(count > 3);
    assert_int_equal(tokens[2].type, GP_TOK_STRING);
    assert_int_equal(tokens[2].lineno, 1);
    assert_int_equal(tokens[2].col_offset, 4);
    assert_int_equal(tokens[2].end_lineno, 3);
    assert_int_equal(tokens[2].end_col_offset, 4);
    assert_int_equal(tokens[3].type, GP_TOK_PLUS);
    assert_int_equal(tokens[3].lineno, 3);
}

static void test_number_forms(void **state)
{
    (void)state;
    assert_kinds("0 1_000 0x_fF 0o17 0b1 1.5 .5 1. 1e10 1E-5 1j 1.5J 0_0", GP_TOK_NUMBER,
                 GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER,
                 GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NUMBER,
                 GP_TOK_NUMBER, GP_TOK_NUMBER, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_number_followed_by_keyword(void **state)
{
    (void)state;
    /* CPython accepts `1if x else 2` (with a warning). */
    assert_kinds("1if x else 2", GP_TOK_NUMBER, GP_TOK_KW_IF, GP_TOK_NAME, GP_TOK_KW_ELSE,
                 GP_TOK_NUMBER, GP_TOK_NEWLINE, GP_TOK_ENDMARKER);
}

static void test_unicode_identifier(void **state)
{
    (void)state;
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all("caf\xc3\xa9 = 1", tokens, &err);
    assert_int_equal(count, 5);
    assert_int_equal(tokens[0].type, GP_TOK_NAME);
    assert_int_equal(tokens[0].length, 5);
    assert_int_equal(tokens[1].col_offset, 6); /* columns count bytes */
}

static void test_token_positions(void **state)
{
    (void)state;
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all("a\n  bc + d\n", tokens, &err);
    assert_true(count >= 6);
    assert_int_equal(tokens[3].type, GP_TOK_NAME);
    assert_int_equal(tokens[3].lineno, 2);
    assert_int_equal(tokens[3].col_offset, 2);
    assert_int_equal(tokens[3].end_col_offset, 4);
}

static void test_bracket_level_recorded(void **state)
{
    (void)state;
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    int count = lex_all("f([a])", tokens, &err);
    assert_true(count >= 6);
    assert_int_equal(tokens[0].level, 0);
    assert_int_equal(tokens[3].level, 2); /* a */
    assert_int_equal(tokens[5].level, 0); /* ) */
}

static void test_error_unterminated_string(void **state)
{
    (void)state;
    assert_lex_error("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5);
}

static void test_error_unterminated_triple_quoted(void **state)
{
    (void)state;
    assert_lex_error("x = 1\ny = '''abc\n\n",
                     "unterminated triple-quoted string literal (detected at line 3)", 2, 5);
}

static void test_error_invalid_character(void **state)
{
    (void)state;
    assert_lex_error("x = 1 \xe2\x82\xac\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 7);
    assert_lex_error("ab\xe2\x82\xac"
                     "c = 1\n",
                     "invalid character '\xe2\x82\xac' (U+20AC)", 1, 3);
}

static void test_error_non_printable_character(void **state)
{
    (void)state;
    assert_lex_error("x = \x01\n", "invalid non-printable character U+0001", 1, 5);
}

static void test_error_invalid_decimal_literal(void **state)
{
    (void)state;
    assert_lex_error("x = 1a\n", "invalid decimal literal", 1, 5);
    assert_lex_error("x = 1_\n", "invalid decimal literal", 1, 6);
    assert_lex_error("x = 1__0\n", "invalid decimal literal", 1, 6);
}

static void test_error_radix_literals(void **state)
{
    (void)state;
    assert_lex_error("x = 0x\n", "invalid hexadecimal literal", 1, 6);
    assert_lex_error("x = 0o8\n", "invalid digit '8' in octal literal", 1, 7);
    assert_lex_error("x = 0b2\n", "invalid digit '2' in binary literal", 1, 7);
}

static void test_error_leading_zeros(void **state)
{
    (void)state;
    assert_lex_error("x = 012\n",
                     "leading zeros in decimal integer literals are not permitted; use an 0o "
                     "prefix for octal integers",
                     1, 5);
}

static void test_error_unmatched_and_mismatched_brackets(void **state)
{
    (void)state;
    assert_lex_error("x = 1)\n", "unmatched ')'", 1, 6);
    assert_lex_error("x = (1]\n", "closing parenthesis ']' does not match opening parenthesis '('",
                     1, 7);
    assert_lex_error("x = (1,\n2]\n",
                     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2,
                     2);
}

static void test_error_bracket_never_closed_is_deferred(void **state)
{
    (void)state;
    gp_arena_t *arena = gp_arena_new();
    gp_lexer_t lexer;
    gp_token_t t;
    const char *src = "f(a,\n";
    assert_int_equal(gp_lexer_init(&lexer, src, strlen(src), "<test>", arena), 0);
    while (gp_lexer_next(&lexer, &t) == 0) {
        assert_int_not_equal(t.type, GP_TOK_ENDMARKER);
    }
    assert_true(lexer.deferred);
    assert_string_equal(lexer.error.msg, "'(' was never closed");
    assert_int_equal(lexer.error.lineno, 1);
    assert_int_equal(lexer.error.col, 2);
    gp_arena_free(arena);
}

static void test_error_too_many_nested_parentheses(void **state)
{
    (void)state;
    char src[512];
    memset(src, '(', 201);
    src[201] = '\0';
    assert_lex_error(src, "too many nested parentheses", 1, 201);
}

static void test_error_unindent_mismatch(void **state)
{
    (void)state;
    assert_lex_error("if x:\n    a\n  b\n", "unindent does not match any outer indentation level",
                     3, 4);
}

static void test_error_inconsistent_tabs(void **state)
{
    (void)state;
    gp_token_t tokens[MAX_TOKENS];
    gp_syntax_error_t err;
    assert_int_equal(lex_all("if x:\n        a\n\tb\n", tokens, &err), -1);
    assert_string_equal(err.msg, "inconsistent use of tabs and spaces in indentation");
    assert_true(err.is_tab);
    assert_int_equal(err.lineno, 3);
}

static void test_error_line_continuation(void **state)
{
    (void)state;
    assert_lex_error("a \\ b\n", "unexpected character after line continuation character", 1, 4);
}

static void test_error_null_byte(void **state)
{
    (void)state;
    gp_arena_t *arena = gp_arena_new();
    gp_lexer_t lexer;
    assert_int_equal(gp_lexer_init(&lexer, "x = 1\0", 6, "<test>", arena), -1);
    assert_string_equal(lexer.error.msg, "source code cannot contain null bytes");
    gp_arena_free(arena);
}

static void test_error_invalid_utf8(void **state)
{
    (void)state;
    gp_arena_t *arena = gp_arena_new();
    gp_lexer_t lexer;
    assert_int_equal(gp_lexer_init(&lexer, "x = '\xff'\n", 8, "t.py", arena), -1);
    assert_non_null(strstr(lexer.error.msg, "Non-UTF-8 code starting with '\\xff' in file t.py"));
    gp_arena_free(arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_statement_tokens),
        cmocka_unit_test(test_missing_final_newline_still_ends_line),
        cmocka_unit_test(test_empty_input_is_only_endmarker),
        cmocka_unit_test(test_indent_and_dedent),
        cmocka_unit_test(test_dedent_several_levels_at_once),
        cmocka_unit_test(test_dedents_closed_at_end_of_input),
        cmocka_unit_test(test_blank_and_comment_lines_are_ignored),
        cmocka_unit_test(test_tab_indents_to_multiple_of_eight),
        cmocka_unit_test(test_brackets_join_lines),
        cmocka_unit_test(test_backslash_joins_lines),
        cmocka_unit_test(test_crlf_line_endings),
        cmocka_unit_test(test_operators_longest_match),
        cmocka_unit_test(test_keywords_and_soft_keywords),
        cmocka_unit_test(test_string_prefixes),
        cmocka_unit_test(test_triple_quoted_string_spans_lines),
        cmocka_unit_test(test_number_forms),
        cmocka_unit_test(test_number_followed_by_keyword),
        cmocka_unit_test(test_unicode_identifier),
        cmocka_unit_test(test_token_positions),
        cmocka_unit_test(test_bracket_level_recorded),
        cmocka_unit_test(test_error_unterminated_string),
        cmocka_unit_test(test_error_unterminated_triple_quoted),
        cmocka_unit_test(test_error_invalid_character),
        cmocka_unit_test(test_error_non_printable_character),
        cmocka_unit_test(test_error_invalid_decimal_literal),
        cmocka_unit_test(test_error_radix_literals),
        cmocka_unit_test(test_error_leading_zeros),
        cmocka_unit_test(test_error_unmatched_and_mismatched_brackets),
        cmocka_unit_test(test_error_bracket_never_closed_is_deferred),
        cmocka_unit_test(test_error_too_many_nested_parentheses),
        cmocka_unit_test(test_error_unindent_mismatch),
        cmocka_unit_test(test_error_inconsistent_tabs),
        cmocka_unit_test(test_error_line_continuation),
        cmocka_unit_test(test_error_null_byte),
        cmocka_unit_test(test_error_invalid_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
