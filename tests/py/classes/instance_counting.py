class Widget:
    created = 0
    def __init__(self, label):
        Widget.created += 1
        self.id = Widget.created
        self.label = label
    def __repr__(self):
        return "Widget#%d(%s)" % (self.id, self.label)
ws = [Widget(x) for x in "abc"]
print(ws, Widget.created)
print(sorted(ws, key=lambda w: w.label, reverse=True))
