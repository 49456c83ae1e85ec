/* lexer.c - the tokenizer: source text to tokens.
 *
 * Design notes
 * ------------
 * This is a port of the logic of CPython 3.11's Parser/tokenizer.c, kept
 * close enough that error messages and their positions match CPython's,
 * because the test oracle is `python3` itself.
 *
 * Before tokenizing, gp_lexer_init makes a normalized copy of the source in
 * the arena: a UTF-8 BOM is dropped, "\r\n" and lone "\r" become "\n", and a
 * final "\n" is appended when missing (CPython does the same for string
 * input). NUL bytes and invalid UTF-8 are rejected there, so the rest of the
 * lexer can treat the text as valid, newline-terminated UTF-8 and every
 * token can point straight into it.
 *
 * Indentation uses two stacks, as CPython does: one measures columns with
 * tabs to the next multiple of 8, the other with tabs as 1 column. A line
 * must compare the same way against both, otherwise the indentation
 * depends on the tab size and we raise TabError.
 *
 * Lines that hold only blanks or a comment produce no token at all. Inside
 * brackets, newlines and indentation are ignored entirely (implicit line
 * joining). A backslash followed by a newline joins two physical lines.
 *
 * Error offsets: CPython's tokenizer reports `offset` as the number of
 * characters between the start of the line and its read cursor, which is
 * one past the offending character. The helpers below take the byte
 * position of the offending character and add one, so each call site reads
 * naturally as "the error is at this character".
 */
#include "lexer.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Token names
 * ------------------------------------------------------------------------ */

static const char *const token_texts[] = {
#define GP_TOKEN_TEXT(kind, text) text,
    GP_TOKEN_LIST(GP_TOKEN_TEXT)
#undef GP_TOKEN_TEXT
};

static const char *const token_names[] = {
#define GP_TOKEN_NAME(kind, text) #kind,
    GP_TOKEN_LIST(GP_TOKEN_NAME)
#undef GP_TOKEN_NAME
};

const char *gp_token_type_text(gp_token_type_t type)
{
    return (unsigned)type < GP_TOK_COUNT_ ? token_texts[type] : "?";
}

const char *gp_token_type_name(gp_token_type_t type)
{
    return (unsigned)type < GP_TOK_COUNT_ ? token_names[type] : "?";
}

/* ------------------------------------------------------------------------
 * UTF-8 and Unicode classification
 * ------------------------------------------------------------------------ */

int gp_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n == 0) {
        return 0;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, c &= 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, c &= 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, c &= 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n) {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are invalid. */
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return len;
}

/* Ranges of non-ASCII code points that are symbols, punctuation, spaces or
 * controls rather than letters. A full XID table would be large; this list
 * covers the blocks people actually paste into source code. */
static const unsigned non_identifier_ranges[][2] = {
    {0x80, 0xA9},       {0xAB, 0xB4},        {0xB6, 0xB6},     {0xB8, 0xB9},     {0xBB, 0xBF},
    {0xD7, 0xD7},       {0xF7, 0xF7},        {0x2000, 0x203E}, {0x2041, 0x2053}, {0x2055, 0x206F},
    {0x20A0, 0x20CF},   {0x2100, 0x2101},    {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114},
    {0x2116, 0x2118},   {0x211E, 0x2123},    {0x2125, 0x2125}, {0x2127, 0x2127}, {0x2129, 0x2129},
    {0x2190, 0x2BFF},   {0x2E00, 0x2E7F},    {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030},
    {0x303D, 0x303F},   {0xD800, 0xF8FF},    {0xFD3E, 0xFD3F}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C},   {0xFE50, 0xFE6B},    {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF3E},   {0xFF40, 0xFF40},    {0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x1F000, 0x1FAFF},
    {0xE0000, 0xE00FF}, {0xE01F0, 0x10FFFF},
};

/* Combining marks and digits may continue an identifier but not start it. */
static int unicode_is_continue_only(unsigned cp)
{
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x203F && cp <= 0x2040) || cp == 0x2054 ||
           (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
           (cp >= 0x0966 && cp <= 0x096F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0xFF3F ||
           (cp >= 0x20D0 && cp <= 0x20FF) || cp == 0xB7;
}

int gp_unicode_is_identifier_char(unsigned cp, int is_start)
{
    if (cp < 0x80) {
        return isalpha((int)cp) || cp == '_' || (!is_start && isdigit((int)cp));
    }
    if (cp == 0xB7) {
        return !is_start;
    }
    size_t count = sizeof non_identifier_ranges / sizeof non_identifier_ranges[0];
    for (size_t i = 0; i < count; i++) {
        if (cp >= non_identifier_ranges[i][0] && cp <= non_identifier_ranges[i][1]) {
            return 0;
        }
    }
    if (unicode_is_continue_only(cp)) {
        return !is_start;
    }
    return 1;
}

int gp_unicode_is_printable(unsigned cp)
{
    if (cp < 0x20 || cp == 0x7F) {
        return 0;
    }
    if (cp >= 0x80 && cp <= 0xA0) {
        return 0;
    }
    if (cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
        (cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFFF0 && cp <= 0xFFFB) || cp >= 0xE0000 ||
        cp == 0x1680 || cp == 0x180E) {
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------
 * Syntax errors
 * ------------------------------------------------------------------------ */

/* Returns the byte offset of the start of line [lineno] (1-based). */
static size_t line_offset(const char *src, size_t len, int lineno)
{
    size_t pos = 0;
    for (int line = 1; line < lineno && pos < len; pos++) {
        if (src[pos] == '\n') {
            line++;
        }
    }
    return pos;
}

/* Counts the characters in the first [bytes] bytes of [line]. */
static int count_chars(const char *line, size_t line_len, int bytes)
{
    if (bytes < 0) {
        return 0;
    }
    if ((size_t)bytes > line_len) {
        bytes = (int)line_len;
    }
    int chars = 0;
    for (int i = 0; i < bytes; i++) {
        if (((unsigned char)line[i] & 0xC0) != 0x80) {
            chars++;
        }
    }
    return chars;
}

void gp_syntax_error_set(gp_syntax_error_t *error, const char *src, size_t len, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(error->msg, sizeof error->msg, fmt, args);
    va_end(args);
    error->is_indentation = 0;
    error->is_tab = 0;
    error->lineno = lineno;
    error->text[0] = '\0';
    if (end_lineno <= 0) {
        end_lineno = lineno;
    }
    if (end_col < 0) {
        end_col = col;
    }
    error->end_lineno = end_lineno;
    if (src == NULL || lineno <= 0) {
        error->col = col + 1;
        error->end_col = end_col + 1;
        return;
    }
    size_t start = line_offset(src, len, lineno);
    size_t stop = start;
    while (stop < len && src[stop] != '\n') {
        stop++;
    }
    size_t line_len = stop - start;
    /* Offsets past the line end (a newline position) still count. */
    error->col = count_chars(src + start, line_len + 1, col) + 1;
    size_t copy = line_len < sizeof error->text - 1 ? line_len : sizeof error->text - 1;
    memcpy(error->text, src + start, copy);
    error->text[copy] = '\0';
    if (end_lineno == lineno) {
        error->end_col = count_chars(src + start, line_len + 1, end_col) + 1;
    } else {
        size_t end_start = line_offset(src, len, end_lineno);
        size_t end_stop = end_start;
        while (end_stop < len && src[end_stop] != '\n') {
            end_stop++;
        }
        error->end_col = count_chars(src + end_start, end_stop - end_start + 1, end_col) + 1;
    }
}

/* Fails the lexer with an immediate error at byte [pos] of the current
 * line. */
static int lexer_fail(gp_lexer_t *lx, size_t pos, const char *fmt, const char *arg1, int arg2)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg1, arg2);
    gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->lineno, (int)(pos - lx->line_start), 0,
                        -1, "%s", msg);
    lx->failed = 1;
    lx->deferred = 0;
    return -1;
}

int gp_parse_warning_order(const gp_parse_warning_t *a, const gp_parse_warning_t *b)
{
    if (a->at_lineno != b->at_lineno) {
        return a->at_lineno < b->at_lineno ? -1 : 1;
    }
    return a->at_col_offset < b->at_col_offset ? -1 : a->at_col_offset > b->at_col_offset;
}

int gp_parse_warnings_add(gp_parse_warnings_t *warnings, gp_arena_t *arena,
                          const gp_parse_warning_t *w)
{
    /* The new one goes after the last one not after it; a duplicate has
     * the same position, so only those are searched. */
    gp_parse_warning_t *before = warnings->last;
    while (before != NULL && gp_parse_warning_order(before, w) > 0) {
        before = before->prev;
    }
    for (gp_parse_warning_t *same = before; same != NULL && gp_parse_warning_order(same, w) == 0;
         same = same->prev) {
        if (same->where == w->where) {
            return 0;
        }
    }
    gp_parse_warning_t *copy = gp_arena_alloc(arena, sizeof *copy);
    if (copy == NULL) {
        return -1;
    }
    *copy = *w;
    copy->prev = before;
    copy->next = before ? before->next : warnings->first;
    if (copy->next != NULL) {
        copy->next->prev = copy;
    } else {
        warnings->last = copy;
    }
    if (before != NULL) {
        before->next = copy;
    } else {
        warnings->first = copy;
    }
    return 0;
}

/* Records CPython's SyntaxWarning for a number whose last digit is at
 * [pos] and which a keyword follows without a space. */
static int lexer_warn_number(gp_lexer_t *lx, size_t pos, const char *kind)
{
    if (lx->warnings == NULL) {
        return 0;
    }
    gp_parse_warning_t w;
    memset(&w, 0, sizeof w);
    w.where = lx->src + pos;
    w.is_syntax_warning = 1;
    w.lineno = w.end_lineno = w.at_lineno = lx->lineno;
    w.col_offset = w.end_col_offset = w.at_col_offset = (int)(pos - lx->line_start);
    snprintf(w.msg, sizeof w.msg, "invalid %s literal", kind);
    if (gp_parse_warnings_add(lx->warnings, lx->arena, &w) < 0) {
        snprintf(lx->error.msg, sizeof lx->error.msg, "out of memory");
        lx->failed = 1;
        return -1;
    }
    return 0;
}

/* Fails the lexer with a deferred indentation error. */
static int lexer_fail_indent(gp_lexer_t *lx, const char *msg, int is_tab, int col)
{
    gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->lineno, col, 0, -1, "%s", msg);
    lx->error.is_indentation = 1;
    lx->error.is_tab = is_tab;
    lx->failed = 1;
    lx->deferred = 1;
    return -1;
}

/* ------------------------------------------------------------------------
 * Initialization
 * ------------------------------------------------------------------------ */

/* Fails initialization with an error at [lineno] and byte [col]. */
static int init_fail(gp_lexer_t *lx, const char *src, size_t len, int lineno, int col,
                     const char *msg)
{
    gp_syntax_error_set(&lx->error, src, len, lineno, col, 0, -1, "%s", msg);
    lx->failed = 1;
    return -1;
}

int gp_lexer_init(gp_lexer_t *lx, const char *source, size_t length, const char *filename,
                  gp_arena_t *arena)
{
    memset(lx, 0, sizeof *lx);
    lx->arena = arena;
    lx->filename = filename ? filename : "<unknown>";
    lx->lineno = 1;
    lx->at_line_start = 1;
    if (length >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
        source += 3;
        length -= 3;
    }
    char *copy = gp_arena_alloc(arena, length + 2);
    if (copy == NULL) {
        snprintf(lx->error.msg, sizeof lx->error.msg, "out of memory");
        lx->failed = 1;
        return -1;
    }
    size_t out = 0;
    int lineno = 1;
    size_t line_start_out = 0;
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)source[i];
        if (c == '\r') {
            copy[out++] = '\n';
            i += (i + 1 < length && source[i + 1] == '\n') ? 2 : 1;
            lineno++;
            line_start_out = out;
            continue;
        }
        if (c == '\0') {
            copy[out] = '\n';
            return init_fail(lx, copy, out + 1, lineno, (int)(out - line_start_out),
                             "source code cannot contain null bytes");
        }
        if (c < 0x80) {
            if (c == '\n') {
                lineno++;
                line_start_out = out + 1;
            }
            copy[out++] = (char)c;
            i++;
            continue;
        }
        unsigned cp;
        int n = gp_utf8_decode((const unsigned char *)source + i, length - i, &cp);
        if (n == 0) {
            char msg[256];
            snprintf(msg, sizeof msg,
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                     "but no encoding declared; see https://peps.python.org/pep-0263/ "
                     "for details",
                     c, lx->filename, lineno);
            copy[out] = '\n';
            init_fail(lx, NULL, 0, lineno, 0, msg);
            lx->error.lineno = lineno;
            return -1;
        }
        memcpy(copy + out, source + i, (size_t)n);
        out += (size_t)n;
        i += (size_t)n;
    }
    if (out == 0 || copy[out - 1] != '\n') {
        copy[out++] = '\n';
    }
    copy[out] = '\0';
    lx->src = copy;
    lx->len = out;
    return 0;
}

/* ------------------------------------------------------------------------
 * Character helpers
 * ------------------------------------------------------------------------ */

/* Returns the byte at [pos], or -1 at the end of the input. */
static int peek_at(const gp_lexer_t *lx, size_t pos)
{
    return pos < lx->len ? (unsigned char)lx->src[pos] : -1;
}

static int is_potential_identifier_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_potential_identifier_char(int c)
{
    return is_potential_identifier_start(c) || (c >= '0' && c <= '9');
}

/* Moves to the next physical line after consuming the '\n' at [pos]. */
static void lexer_newline(gp_lexer_t *lx, size_t after_newline)
{
    lx->pos = after_newline;
    lx->line_start = after_newline;
    lx->lineno++;
}

/* ------------------------------------------------------------------------
 * Keywords and operators
 * ------------------------------------------------------------------------ */

static const struct {
    const char *text;
    gp_token_type_t type;
} keywords[] = {
    {"False", GP_TOK_KW_FALSE},
    {"None", GP_TOK_KW_NONE},
    {"True", GP_TOK_KW_TRUE},
    {"and", GP_TOK_KW_AND},
    {"as", GP_TOK_KW_AS},
    {"assert", GP_TOK_KW_ASSERT},
    {"async", GP_TOK_KW_ASYNC},
    {"await", GP_TOK_KW_AWAIT},
    {"break", GP_TOK_KW_BREAK},
    {"class", GP_TOK_KW_CLASS},
    {"continue", GP_TOK_KW_CONTINUE},
    {"def", GP_TOK_KW_DEF},
    {"del", GP_TOK_KW_DEL},
    {"elif", GP_TOK_KW_ELIF},
    {"else", GP_TOK_KW_ELSE},
    {"except", GP_TOK_KW_EXCEPT},
    {"finally", GP_TOK_KW_FINALLY},
    {"for", GP_TOK_KW_FOR},
    {"from", GP_TOK_KW_FROM},
    {"global", GP_TOK_KW_GLOBAL},
    {"if", GP_TOK_KW_IF},
    {"import", GP_TOK_KW_IMPORT},
    {"in", GP_TOK_KW_IN},
    {"is", GP_TOK_KW_IS},
    {"lambda", GP_TOK_KW_LAMBDA},
    {"nonlocal", GP_TOK_KW_NONLOCAL},
    {"not", GP_TOK_KW_NOT},
    {"or", GP_TOK_KW_OR},
    {"pass", GP_TOK_KW_PASS},
    {"raise", GP_TOK_KW_RAISE},
    {"return", GP_TOK_KW_RETURN},
    {"try", GP_TOK_KW_TRY},
    {"while", GP_TOK_KW_WHILE},
    {"with", GP_TOK_KW_WITH},
    {"yield", GP_TOK_KW_YIELD},
};

static gp_token_type_t keyword_lookup(const char *text, size_t length)
{
    if (length < 2 || length > 8) {
        return GP_TOK_NAME;
    }
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i].text) == length && memcmp(keywords[i].text, text, length) == 0) {
            return keywords[i].type;
        }
    }
    return GP_TOK_NAME;
}

/* Matches the longest operator at [s]; returns its length (0 if none). */
static int operator_match(const char *s, gp_token_type_t *type)
{
    static const struct {
        const char *text;
        gp_token_type_t type;
    } ops[] = {
        {"**=", GP_TOK_DOUBLESTAREQUAL},
        {"//=", GP_TOK_DOUBLESLASHEQUAL},
        {"<<=", GP_TOK_LEFTSHIFTEQUAL},
        {">>=", GP_TOK_RIGHTSHIFTEQUAL},
        {"...", GP_TOK_ELLIPSIS},
        {"!=", GP_TOK_NOTEQUAL},
        {"%=", GP_TOK_PERCENTEQUAL},
        {"&=", GP_TOK_AMPEREQUAL},
        {"**", GP_TOK_DOUBLESTAR},
        {"*=", GP_TOK_STAREQUAL},
        {"+=", GP_TOK_PLUSEQUAL},
        {"-=", GP_TOK_MINEQUAL},
        {"->", GP_TOK_RARROW},
        {"//", GP_TOK_DOUBLESLASH},
        {"/=", GP_TOK_SLASHEQUAL},
        {":=", GP_TOK_COLONEQUAL},
        {"<<", GP_TOK_LEFTSHIFT},
        {"<=", GP_TOK_LESSEQUAL},
        {"<>", GP_TOK_NOTEQUAL},
        {"==", GP_TOK_EQEQUAL},
        {">=", GP_TOK_GREATEREQUAL},
        {">>", GP_TOK_RIGHTSHIFT},
        {"@=", GP_TOK_ATEQUAL},
        {"^=", GP_TOK_CIRCUMFLEXEQUAL},
        {"|=", GP_TOK_VBAREQUAL},
        {"%", GP_TOK_PERCENT},
        {"&", GP_TOK_AMPER},
        {"(", GP_TOK_LPAR},
        {")", GP_TOK_RPAR},
        {"*", GP_TOK_STAR},
        {"+", GP_TOK_PLUS},
        {",", GP_TOK_COMMA},
        {"-", GP_TOK_MINUS},
        {".", GP_TOK_DOT},
        {"/", GP_TOK_SLASH},
        {":", GP_TOK_COLON},
        {";", GP_TOK_SEMI},
        {"<", GP_TOK_LESS},
        {"=", GP_TOK_EQUAL},
        {">", GP_TOK_GREATER},
        {"@", GP_TOK_AT},
        {"[", GP_TOK_LSQB},
        {"]", GP_TOK_RSQB},
        {"^", GP_TOK_CIRCUMFLEX},
        {"{", GP_TOK_LBRACE},
        {"|", GP_TOK_VBAR},
        {"}", GP_TOK_RBRACE},
        {"~", GP_TOK_TILDE},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if (strncmp(s, ops[i].text, n) == 0) {
            *type = ops[i].type;
            return (int)n;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Indentation
 * ------------------------------------------------------------------------ */

/* Skips a backslash continuation at [lx->pos] (which holds the '\').
 * Returns 0, or -1 after recording a deferred error. */
static int lexer_continuation(gp_lexer_t *lx)
{
    size_t backslash = lx->pos;
    if (peek_at(lx, backslash + 1) != '\n') {
        /* CPython points one past the character after the backslash. */
        int col = (int)(backslash + 1 - lx->line_start);
        gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->lineno, col, 0, -1,
                            "unexpected character after line continuation character");
        lx->failed = 1;
        lx->deferred = 1;
        return -1;
    }
    if (backslash + 2 >= lx->len) {
        gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->lineno,
                            (int)(backslash + 1 - lx->line_start), 0, -1,
                            "unexpected EOF while parsing");
        lx->failed = 1;
        lx->deferred = 1;
        return -1;
    }
    lexer_newline(lx, backslash + 2);
    return 0;
}

/* Measures the indentation of a new line and queues INDENT/DEDENT tokens.
 * Blank and comment-only lines are skipped. Returns 0 or -1. */
static int lexer_indentation(gp_lexer_t *lx)
{
    for (;;) {
        int col = 0, altcol = 0, cont_line_col = 0;
        size_t pos = lx->pos;
        int c;
        for (;;) {
            c = peek_at(lx, pos);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                altcol++;
            } else if (c == '\f') {
                col = altcol = 0;
            } else if (c == '\\') {
                cont_line_col = cont_line_col ? cont_line_col : col;
                lx->pos = pos;
                if (lexer_continuation(lx) < 0) {
                    return -1;
                }
                pos = lx->pos;
                continue;
            } else {
                break;
            }
            pos++;
        }
        lx->pos = pos;
        if (c == '#' || c == '\n' || c == -1) {
            /* A blank or comment-only line: skip it entirely. */
            while (peek_at(lx, lx->pos) != '\n' && lx->pos < lx->len) {
                lx->pos++;
            }
            if (lx->pos >= lx->len) {
                lx->at_line_start = 0;
                return 0;
            }
            lexer_newline(lx, lx->pos + 1);
            if (lx->pos >= lx->len) {
                lx->at_line_start = 0;
                return 0;
            }
            continue;
        }
        lx->at_line_start = 0;
        if (lx->level > 0) {
            return 0;
        }
        if (cont_line_col) {
            col = altcol = cont_line_col;
        }
        int top = lx->indent_top;
        if (col == lx->indents[top]) {
            if (altcol != lx->alt_indents[top]) {
                return lexer_fail_indent(lx, "inconsistent use of tabs and spaces in indentation",
                                         1, 0);
            }
        } else if (col > lx->indents[top]) {
            if (top + 1 >= GP_LEXER_MAX_INDENT) {
                return lexer_fail_indent(lx, "too many levels of indentation", 0, 0);
            }
            if (altcol <= lx->alt_indents[top]) {
                return lexer_fail_indent(lx, "inconsistent use of tabs and spaces in indentation",
                                         1, 0);
            }
            lx->indent_top = top + 1;
            lx->indents[top + 1] = col;
            lx->alt_indents[top + 1] = altcol;
            lx->indent_pending = 1;
        } else {
            while (lx->indent_top > 0 && col < lx->indents[lx->indent_top]) {
                lx->indent_top--;
                lx->pending_dedents++;
            }
            if (col != lx->indents[lx->indent_top]) {
                /* CPython points one past the end of the line here. */
                size_t end = lx->pos;
                while (peek_at(lx, end) != '\n') {
                    end++;
                }
                return lexer_fail_indent(lx, "unindent does not match any outer indentation level",
                                         0, (int)(end + 1 - lx->line_start) - 1);
            }
            if (altcol != lx->alt_indents[lx->indent_top]) {
                return lexer_fail_indent(lx, "inconsistent use of tabs and spaces in indentation",
                                         1, 0);
            }
        }
        return 0;
    }
}

/* ------------------------------------------------------------------------
 * Numbers
 * ------------------------------------------------------------------------ */

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Reads digits with single underscores between them, starting at the
 * current position; returns the first character after them, or -2 on
 * error. */
static int lexer_decimal_tail(gp_lexer_t *lx)
{
    for (;;) {
        while (is_digit(peek_at(lx, lx->pos))) {
            lx->pos++;
        }
        if (peek_at(lx, lx->pos) != '_') {
            return peek_at(lx, lx->pos);
        }
        if (!is_digit(peek_at(lx, lx->pos + 1))) {
            lexer_fail(lx, lx->pos, "invalid decimal literal", "", 0);
            return -2;
        }
        lx->pos++;
    }
}

/* Is [keyword] at [rest], not followed by an identifier character? */
static int lexer_keyword_at(const char *rest, const char *keyword)
{
    size_t n = strlen(keyword);
    return strncmp(rest, keyword, n) == 0 && !is_potential_identifier_char((unsigned char)rest[n]);
}

/* Checks what follows a number literal. A keyword that may legally follow
 * (`1if x else y`) is accepted with a SyntaxWarning, as in CPython 3.11
 * (which looks at only two letters of `if`, `in` and `is`); any other
 * identifier character is an error. [c] is at lx->pos. Returns 0 or -1. */
static int lexer_verify_end_of_number(gp_lexer_t *lx, int c, const char *kind)
{
    const char *rest = lx->src + lx->pos;
    int allowed = 0;
    if (c == 'a') {
        allowed = lexer_keyword_at(rest, "and");
    } else if (c == 'e') {
        allowed = lexer_keyword_at(rest, "else");
    } else if (c == 'f') {
        allowed = lexer_keyword_at(rest, "for");
    } else if (c == 'i') {
        allowed = rest[1] == 'f' || rest[1] == 'n' || rest[1] == 's';
    } else if (c == 'o') {
        allowed = lexer_keyword_at(rest, "or");
    } else if (c == 'n') {
        allowed = lexer_keyword_at(rest, "not");
    }
    if (allowed) {
        return lexer_warn_number(lx, lx->pos - 1, kind);
    }
    /* Non-ASCII is left to the next token, whose own check then names
     * the offending character. */
    if (c < 128 && is_potential_identifier_char(c)) {
        /* The offset CPython reports is that of the last digit. */
        lexer_fail(lx, lx->pos - 1, "invalid %s literal", kind, 0);
        return -1;
    }
    return 0;
}

/* Reads a fraction (after '.'), exponent and imaginary suffix. [c] is the
 * character at lx->pos. Returns 0 or -1. */
static int lexer_number_tail(gp_lexer_t *lx, int c, int after_dot)
{
    if (after_dot) {
        if (is_digit(c)) {
            c = lexer_decimal_tail(lx);
            if (c == -2) {
                return -1;
            }
        }
    }
    if (c == 'e' || c == 'E') {
        size_t e_pos = lx->pos;
        lx->pos++;
        c = peek_at(lx, lx->pos);
        if (c == '+' || c == '-') {
            lx->pos++;
            c = peek_at(lx, lx->pos);
            if (!is_digit(c)) {
                return lexer_fail(lx, lx->pos - 1, "invalid decimal literal", "", 0);
            }
        } else if (!is_digit(c)) {
            lx->pos = e_pos;
            if (lexer_verify_end_of_number(lx, 'e', "decimal") < 0) {
                return -1;
            }
            return 0;
        }
        c = lexer_decimal_tail(lx);
        if (c == -2) {
            return -1;
        }
    }
    if (c == 'j' || c == 'J') {
        lx->pos++;
        return lexer_verify_end_of_number(lx, peek_at(lx, lx->pos), "imaginary");
    }
    return lexer_verify_end_of_number(lx, c, "decimal");
}

/* Reads digits of a 0x/0o/0b literal. [valid] tests a digit; [kind] names
 * the literal in messages. Returns 0 or -1. */
static int lexer_radix_number(gp_lexer_t *lx, int radix, const char *kind)
{
    lx->pos++; /* the x, o or b */
    int c = peek_at(lx, lx->pos);
    do {
        if (c == '_') {
            lx->pos++;
            c = peek_at(lx, lx->pos);
        }
        int ok = radix == 16 ? isxdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return lexer_fail(lx, lx->pos, "%s", msg, 0);
            }
            return lexer_fail(lx, lx->pos - 1, "invalid %s literal", kind, 0);
        }
        do {
            lx->pos++;
            c = peek_at(lx, lx->pos);
        } while (radix == 16 ? isxdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return lexer_fail(lx, lx->pos, "%s", msg, 0);
    }
    return lexer_verify_end_of_number(lx, c, kind);
}

/* Reads a number starting at lx->pos (a digit, or '.' then a digit).
 * Returns 0 or -1. */
static int lexer_number(gp_lexer_t *lx, size_t start)
{
    int c = peek_at(lx, lx->pos);
    if (c == '.') {
        lx->pos++;
        return lexer_number_tail(lx, peek_at(lx, lx->pos), 1);
    }
    if (c == '0') {
        int n = peek_at(lx, lx->pos + 1);
        if (n == 'x' || n == 'X') {
            lx->pos++;
            return lexer_radix_number(lx, 16, "hexadecimal");
        }
        if (n == 'o' || n == 'O') {
            lx->pos++;
            return lexer_radix_number(lx, 8, "octal");
        }
        if (n == 'b' || n == 'B') {
            lx->pos++;
            return lexer_radix_number(lx, 2, "binary");
        }
        /* Zeros, maybe followed by more digits (old-style octal). */
        int nonzero = 0;
        lx->pos++;
        c = peek_at(lx, lx->pos);
        for (;;) {
            if (c == '_') {
                if (!is_digit(peek_at(lx, lx->pos + 1))) {
                    return lexer_fail(lx, lx->pos, "invalid decimal literal", "", 0);
                }
                lx->pos++;
                c = peek_at(lx, lx->pos);
            }
            if (c != '0') {
                break;
            }
            lx->pos++;
            c = peek_at(lx, lx->pos);
        }
        size_t zeros_end = lx->pos;
        if (is_digit(c)) {
            nonzero = 1;
            c = lexer_decimal_tail(lx);
            if (c == -2) {
                return -1;
            }
        }
        if (c == '.') {
            lx->pos++;
            return lexer_number_tail(lx, peek_at(lx, lx->pos), 1);
        }
        if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
            return lexer_number_tail(lx, c, 0);
        }
        if (nonzero) {
            gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->lineno,
                                (int)(start - lx->line_start), 0,
                                (int)(zeros_end - lx->line_start) - 1,
                                "leading zeros in decimal integer literals are not "
                                "permitted; use an 0o prefix for octal integers");
            lx->failed = 1;
            lx->deferred = 0;
            return -1;
        }
        return lexer_verify_end_of_number(lx, c, "decimal");
    }
    c = lexer_decimal_tail(lx);
    if (c == -2) {
        return -1;
    }
    if (c == '.') {
        lx->pos++;
        return lexer_number_tail(lx, peek_at(lx, lx->pos), 1);
    }
    return lexer_number_tail(lx, c, 0);
}

/* ------------------------------------------------------------------------
 * Strings
 * ------------------------------------------------------------------------ */

/* Reads a string literal whose opening quote is at lx->pos; [start] is the
 * start of its prefix. Multi-line strings advance lineno. Returns 0 or
 * -1. */
static int lexer_string(gp_lexer_t *lx, size_t start)
{
    int quote = peek_at(lx, lx->pos);
    int quote_size = 1;
    int first_lineno = lx->lineno;
    size_t first_line_start = lx->line_start;
    lx->pos++;
    if (peek_at(lx, lx->pos) == quote && peek_at(lx, lx->pos + 1) == quote) {
        quote_size = 3;
        lx->pos += 2;
    }
    int end_quote_size = 0;
    while (end_quote_size != quote_size) {
        int c = peek_at(lx, lx->pos);
        if (c == -1 || (quote_size == 1 && c == '\n')) {
            int detected = lx->lineno;
            if (c == -1) {
                /* The final newline belongs to the last line. */
                detected = lx->lineno - 1;
            }
            lx->lineno = first_lineno;
            lx->line_start = first_line_start;
            lexer_fail(lx, start,
                       quote_size == 3
                           ? "unterminated triple-quoted string literal (detected at line %s%d)"
                           : "unterminated string literal (detected at line %s%d)",
                       "", detected);
            return -1;
        }
        lx->pos++;
        if (c == quote) {
            end_quote_size++;
            continue;
        }
        end_quote_size = 0;
        if (c == '\n') {
            lexer_newline(lx, lx->pos);
        } else if (c == '\\') {
            int next = peek_at(lx, lx->pos);
            if (next != -1) {
                lx->pos++;
                if (next == '\n') {
                    lexer_newline(lx, lx->pos);
                }
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * The tokenizer proper
 * ------------------------------------------------------------------------ */

/* Fills [tok] with a zero-width token at the current position. */
static void token_here(gp_lexer_t *lx, gp_token_t *tok, gp_token_type_t type)
{
    tok->type = type;
    tok->start = lx->src + lx->pos;
    tok->length = 0;
    tok->lineno = tok->end_lineno = lx->lineno;
    tok->col_offset = tok->end_col_offset = (int)(lx->pos - lx->line_start);
    tok->level = lx->level;
}

/* Fills [tok] with a zero-width token at the end of input. CPython places
 * these on the last line, at its newline, which shows in error columns. */
static void token_at_eof(gp_lexer_t *lx, gp_token_t *tok, gp_token_type_t type)
{
    token_here(lx, tok, type);
    if (lx->len == 0) {
        return;
    }
    size_t newline = lx->len - 1;
    size_t line_start = newline;
    while (line_start > 0 && lx->src[line_start - 1] != '\n') {
        line_start--;
    }
    tok->start = lx->src + newline;
    tok->lineno = tok->end_lineno = lx->lineno > 1 ? lx->lineno - 1 : 1;
    tok->col_offset = tok->end_col_offset = (int)(newline - line_start);
}

/* Reads an identifier, keyword or prefixed string at lx->pos. */
static int lexer_name(gp_lexer_t *lx, gp_token_t *tok, size_t start)
{
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (;;) {
        int c = peek_at(lx, lx->pos);
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = 1;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = 1;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = 1;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = 1;
        } else {
            break;
        }
        lx->pos++;
        c = peek_at(lx, lx->pos);
        if (c == '"' || c == '\'') {
            if (lexer_string(lx, start) < 0) {
                return -1;
            }
            tok->type = GP_TOK_STRING;
            return 0;
        }
    }
    int nonascii = 0;
    while (is_potential_identifier_char(peek_at(lx, lx->pos))) {
        if (peek_at(lx, lx->pos) >= 128) {
            nonascii = 1;
        }
        lx->pos++;
    }
    if (nonascii) {
        /* Find the first character that cannot be part of an identifier. */
        size_t p = start;
        while (p < lx->pos) {
            unsigned cp = 0;
            int n = gp_utf8_decode((const unsigned char *)lx->src + p, lx->pos - p, &cp);
            if (n == 0) {
                n = 1;
            }
            if (!gp_unicode_is_identifier_char(cp, p == start)) {
                char buf[8] = {0};
                memcpy(buf, lx->src + p, (size_t)n);
                if (gp_unicode_is_printable(cp)) {
                    char msg[64];
                    snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", buf, cp);
                    return lexer_fail(lx, p, "%s", msg, 0);
                }
                return lexer_fail(lx, p, "invalid non-printable character U+%s%04X", "", (int)cp);
            }
            p += (size_t)n;
        }
    }
    tok->type = keyword_lookup(lx->src + start, lx->pos - start);
    return 0;
}

/* Handles an operator or bracket at lx->pos. */
static int lexer_operator(gp_lexer_t *lx, gp_token_t *tok, size_t start)
{
    int c = peek_at(lx, lx->pos);
    gp_token_type_t type;
    int n = operator_match(lx->src + lx->pos, &type);
    if (n == 0) {
        if (c < 128 && !isprint(c)) {
            return lexer_fail(lx, start, "invalid non-printable character U+%s%04X", "", c);
        }
        lx->pos++;
        tok->type = GP_TOK_OP;
        return 0;
    }
    /* `<>` is one token, but only valid under `from __future__ import
     * barry_as_FLUFL`, which we do not support: the parser rejects OP. */
    if (n == 2 && lx->src[lx->pos] == '<' && lx->src[lx->pos + 1] == '>') {
        type = GP_TOK_OP;
    }
    lx->pos += (size_t)n;
    tok->type = type;
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= GP_LEXER_MAX_LEVEL) {
            return lexer_fail(lx, start, "too many nested parentheses", "", 0);
        }
        lx->parens[lx->level] = (char)c;
        lx->paren_lines[lx->level] = lx->lineno;
        lx->paren_cols[lx->level] = (int)(start - lx->line_start);
        lx->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (lx->level == 0) {
            return lexer_fail(lx, start, "unmatched '%s%c'", "", c);
        }
        lx->level--;
        int opening = lx->parens[lx->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            char msg[128];
            if (lx->paren_lines[lx->level] != lx->lineno) {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening parenthesis '%c' "
                         "on line %d",
                         c, opening, lx->paren_lines[lx->level]);
            } else {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                         opening);
            }
            return lexer_fail(lx, start, "%s", msg, 0);
        }
    }
    return 0;
}

/* Reports end of input inside brackets: "'(' was never closed". */
static int lexer_fail_unclosed(gp_lexer_t *lx)
{
    int top = lx->level - 1;
    size_t start = line_offset(lx->src, lx->len, lx->paren_lines[top]);
    gp_syntax_error_set(&lx->error, lx->src, lx->len, lx->paren_lines[top], lx->paren_cols[top], 0,
                        -1, "'%c' was never closed", lx->parens[top]);
    (void)start;
    lx->failed = 1;
    lx->deferred = 1;
    return -1;
}

int gp_lexer_next(gp_lexer_t *lx, gp_token_t *tok)
{
    memset(tok, 0, sizeof *tok);
    if (lx->failed) {
        token_here(lx, tok, GP_TOK_ERRORTOKEN);
        return -1;
    }
    if (lx->at_eof) {
        token_at_eof(lx, tok, GP_TOK_ENDMARKER);
        return 0;
    }
    if (lx->at_line_start) {
        if (lexer_indentation(lx) < 0) {
            token_here(lx, tok, GP_TOK_ERRORTOKEN);
            return -1;
        }
    }
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        token_here(lx, tok, GP_TOK_DEDENT);
        return 0;
    }
    if (lx->indent_pending) {
        lx->indent_pending = 0;
        token_here(lx, tok, GP_TOK_INDENT);
        return 0;
    }
    for (;;) {
        int c = peek_at(lx, lx->pos);
        while (c == ' ' || c == '\t' || c == '\f') {
            c = peek_at(lx, ++lx->pos);
        }
        /* A comment before the newline starts the NEWLINE token, as in
         * CPython, which matters for error columns. */
        size_t comment_start = lx->pos;
        if (c == '#') {
            while (peek_at(lx, lx->pos) != '\n' && lx->pos < lx->len) {
                lx->pos++;
            }
            c = peek_at(lx, lx->pos);
        }
        size_t start = lx->pos;
        if (c == -1) {
            if (lx->level > 0) {
                token_here(lx, tok, GP_TOK_ERRORTOKEN);
                return lexer_fail_unclosed(lx);
            }
            /* End of input: close every open block, then ENDMARKER. */
            if (lx->indent_top > 0) {
                lx->indent_top--;
                token_at_eof(lx, tok, GP_TOK_DEDENT);
                return 0;
            }
            lx->at_eof = 1;
            token_at_eof(lx, tok, GP_TOK_ENDMARKER);
            return 0;
        }
        token_here(lx, tok, GP_TOK_ERRORTOKEN);
        if (c == '\n') {
            if (lx->level > 0 || !lx->line_has_tokens) {
                lexer_newline(lx, lx->pos + 1);
                lx->at_line_start = lx->level == 0;
                if (lx->at_line_start) {
                    if (lexer_indentation(lx) < 0) {
                        return -1;
                    }
                    if (lx->pending_dedents > 0 || lx->indent_pending) {
                        return gp_lexer_next(lx, tok);
                    }
                }
                continue;
            }
            tok->type = GP_TOK_NEWLINE;
            tok->start = lx->src + comment_start;
            tok->length = 0;
            tok->col_offset = (int)(comment_start - lx->line_start);
            lx->line_has_tokens = 0;
            lexer_newline(lx, lx->pos + 1);
            lx->at_line_start = 1;
            return 0;
        }
        if (c == '\\') {
            if (lexer_continuation(lx) < 0) {
                return -1;
            }
            continue;
        }
        int status;
        if (is_potential_identifier_start(c)) {
            status = lexer_name(lx, tok, start);
        } else if (is_digit(c) || (c == '.' && is_digit(peek_at(lx, lx->pos + 1)))) {
            status = lexer_number(lx, start);
            tok->type = GP_TOK_NUMBER;
        } else if (c == '"' || c == '\'') {
            status = lexer_string(lx, start);
            tok->type = GP_TOK_STRING;
        } else {
            status = lexer_operator(lx, tok, start);
        }
        if (status < 0) {
            tok->type = GP_TOK_ERRORTOKEN;
            return -1;
        }
        lx->line_has_tokens = 1;
        tok->start = lx->src + start;
        tok->length = lx->pos - start;
        /* lineno/col_offset were taken at the start; strings may end on a
         * later line. */
        tok->end_lineno = lx->lineno;
        tok->end_col_offset = (int)(lx->pos - lx->line_start);
        tok->level = lx->level;
        return 0;
    }
}
