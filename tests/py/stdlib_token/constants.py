# token: every type number, tok_name, EXACT_TOKEN_TYPES, __all__ and the
# classification helpers.
import token

print(token.__all__)
print([(name, getattr(token, name)) for name in token.__all__ if isinstance(getattr(token, name), int)])
print(sorted(token.tok_name.items()))
print(token.EXACT_TOKEN_TYPES)
print(list(token.EXACT_TOKEN_TYPES) == sorted(token.EXACT_TOKEN_TYPES))
print(token.ISTERMINAL(token.NAME), token.ISTERMINAL(300), token.ISNONTERMINAL(256),
      token.ISNONTERMINAL(5), token.ISEOF(token.ENDMARKER), token.ISEOF(1))
print(token.tok_name[token.OP], token.N_TOKENS, token.NT_OFFSET)
