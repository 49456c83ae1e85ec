f'\N{BULLET} {x}'
