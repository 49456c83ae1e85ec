f'\x41{x}\n'
