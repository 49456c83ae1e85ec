s = "Grüße, 世界! 😀"
print(len(s), len(s.encode('utf-8')), s.encode('utf-8'))
print(s.upper(), s.lower())
print(b'\xe4\xb8\x96'.decode('utf-8'), "世".encode())
print(s.find("世"), s.index("😀"), s[7:9])
print("ß".upper(), "İ".lower() == "i̇", "ǅ".lower())
