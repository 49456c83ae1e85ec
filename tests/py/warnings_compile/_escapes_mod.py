# Imported by import_module.py: its warnings are blamed on this file.
value = 7
print(value is 7)
pattern = '\d+'
