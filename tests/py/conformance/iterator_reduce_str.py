# str iterators pickle as (iter, (text,), characters_taken); __setstate__
# counts characters, not UTF-8 bytes, and clamps to the text's length.
import pickle
for text in ("abc", "héllo wörld", "日本語テキスト", ""):
    it = iter(text)
    print(it.__reduce__())
    for _ in range(min(3, len(text))):
        next(it)
    print(it.__reduce__(), list(pickle.loads(pickle.dumps(it))))
    it2 = iter(text)
    it2.__setstate__(2)
    print("".join(it2), end=" | ")
    it2 = iter(text)
    it2.__setstate__(-1)
    print("".join(it2), end=" | ")
    it2 = iter(text)
    it2.__setstate__(100)
    print(repr("".join(it2)))
    list(it)
    print(it.__reduce__())
