s = "hello World of PYTHON"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isupper())
print("hello world".title(), "they're bill's".title(), "ßtraße".capitalize())
