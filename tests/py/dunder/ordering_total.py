class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __eq__(self, other):
        return self.rank == other.rank
    def __repr__(self):
        return self.rank
hand = [Card(r) for r in "KT2A5"]
print(sorted(hand), max(hand), min(hand))
print(Card("A") > Card("K"), Card("2") == Card("2"))
