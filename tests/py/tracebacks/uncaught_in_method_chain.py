class Parser:
    def parse(self, text):
        return self._number(text)
    def _number(self, text):
        return float(text)
Parser().parse("1.5")
Parser().parse("one point five")
