class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __reversed__(self):
        return iter(["custom", "reverse"])
d = Deck()
print(len(d), list(d), d[-1], list(reversed(d)), "K" in d)
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(reversed(SeqOnly())), sorted(SeqOnly(), reverse=True))
