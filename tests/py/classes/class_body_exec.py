class Config:
    print("executing class body")
    items = [i * 2 for i in range(3)]
    total = sum(items)
    if total > 5:
        big = True
    def method(self):
        return self.total
print(Config.items, Config.total, Config.big, Config().method())
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
