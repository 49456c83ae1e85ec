"""Token type numbers of the Python 3.11 grammar, and their names.

Design notes
------------
The numbers are positions in one ordered list, the same order CPython's
tokenizer uses, so that values stored or compared by other tools agree.
They are generated from that list at import: the module-level names, the
reverse table tok_name, and EXACT_TOKEN_TYPES (operator text -> the specific
type the tokenize module reports as exact_type).
"""

# The token types in numbering order: ENDMARKER is 0.
_NAMES = """
ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT LPAR RPAR LSQB RSQB COLON
COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER EQUAL DOT PERCENT
LBRACE RBRACE EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX
LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL
PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL
RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW
ELLIPSIS COLONEQUAL OP AWAIT ASYNC TYPE_IGNORE TYPE_COMMENT SOFT_KEYWORD
ERRORTOKEN COMMENT NL ENCODING
""".split()

# Operator text and its token type.
_OPERATORS = """
!= NOTEQUAL      % PERCENT        %= PERCENTEQUAL   & AMPER        &= AMPEREQUAL
( LPAR           ) RPAR           * STAR            ** DOUBLESTAR  **= DOUBLESTAREQUAL
*= STAREQUAL     + PLUS           += PLUSEQUAL      , COMMA        - MINUS
-= MINEQUAL      -> RARROW        . DOT             ... ELLIPSIS   / SLASH
// DOUBLESLASH   //= DOUBLESLASHEQUAL               /= SLASHEQUAL  : COLON
:= COLONEQUAL    ; SEMI           < LESS            << LEFTSHIFT   <<= LEFTSHIFTEQUAL
<= LESSEQUAL     = EQUAL          == EQEQUAL        > GREATER      >= GREATEREQUAL
>> RIGHTSHIFT    >>= RIGHTSHIFTEQUAL                @ AT           @= ATEQUAL
[ LSQB           ] RSQB           ^ CIRCUMFLEX      ^= CIRCUMFLEXEQUAL
{ LBRACE         | VBAR           |= VBAREQUAL      } RBRACE       ~ TILDE
""".split()

tok_name = {}
for _number, _name in enumerate(_NAMES):
    globals()[_name] = _number
    tok_name[_number] = _name

N_TOKENS = len(_NAMES)
NT_OFFSET = 256
tok_name[N_TOKENS] = 'N_TOKENS'
tok_name[NT_OFFSET] = 'NT_OFFSET'

EXACT_TOKEN_TYPES = {}
for _text, _name in sorted(zip(_OPERATORS[::2], _OPERATORS[1::2])):
    EXACT_TOKEN_TYPES[_text] = globals()[_name]
del _number, _name, _text

__all__ = ['tok_name', 'ISTERMINAL', 'ISNONTERMINAL', 'ISEOF'] + _NAMES + ['N_TOKENS',
                                                                          'NT_OFFSET']


def ISTERMINAL(x):
    """Whether [x] is a token (terminal) type rather than a grammar symbol."""
    return x < NT_OFFSET


def ISNONTERMINAL(x):
    return x >= NT_OFFSET


def ISEOF(x):
    return x == ENDMARKER
