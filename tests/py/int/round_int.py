print(round(5), round(15, -1), round(25, -1), round(-15, -1), round(1234, -2))
print(round(1250, -2), round(1350, -2), round(7, 2))
print(type(round(5, 1)).__name__)
