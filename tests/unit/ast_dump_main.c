/* ast_dump_main.c - `ast_dump FILE [exec|eval|single]`: prints the AST of
 * FILE exactly as CPython 3.11's ast.dump(ast.parse(...)) would, or the
 * syntax error as `LINE:COL: Kind: message`. Used by ast_diff.py. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/compile/ast.h"
#include "../../src/compile/parser.h"

static char *read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *data = malloc(cap);
    size_t n;
    while (data != NULL && (n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(data, cap * 2);
            if (grown == NULL) {
                free(data);
                data = NULL;
                break;
            }
            data = grown;
            cap *= 2;
        }
    }
    fclose(f);
    *length = len;
    return data;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [exec|eval|single]\n", argv[0]);
        return 2;
    }
    gp_parse_mode_t mode = GP_PARSE_FILE;
    if (argc > 2 && strcmp(argv[2], "eval") == 0) {
        mode = GP_PARSE_EVAL;
    } else if (argc > 2 && strcmp(argv[2], "single") == 0) {
        mode = GP_PARSE_SINGLE;
    }
    size_t length;
    char *source = read_file(argv[1], &length);
    if (source == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    gp_arena_t *arena = gp_arena_new();
    gp_syntax_error_t err;
    gp_ast_mod_t *mod = gp_parse(source, length, argv[1], mode, arena, &err);
    int status = 0;
    if (mod != NULL) {
        gp_ast_dump(mod, stdout);
        putchar('\n');
    } else {
        const char *kind = err.is_tab           ? "TabError"
                           : err.is_indentation ? "IndentationError"
                                                : "SyntaxError";
        printf("%d:%d: %s: %s\n", err.lineno, err.col, kind, err.msg);
        status = 1;
    }
    gp_arena_free(arena);
    free(source);
    return status;
}
