for t in ["123", "12.3", "abc", "abc123", "   ", "", "Ab", "²", "一", "_x"]:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(),
          t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isprintable(), t.isascii())
