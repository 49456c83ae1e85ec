print(f'{x = !r}', f'{y=:.2f}')
