class Query:
    def __init__(self):
        self.parts = []
    def where(self, cond):
        self.parts.append("WHERE " + cond)
        return self
    def order(self, col):
        self.parts.append("ORDER BY " + col)
        return self
    def __str__(self):
        return " ".join(["SELECT *"] + self.parts)
print(Query().where("x > 1").order("y"))
