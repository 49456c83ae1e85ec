'\N{bullet}'
