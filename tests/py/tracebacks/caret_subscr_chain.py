a = {'x': [1]}
print(a['x'][0]['y'])
