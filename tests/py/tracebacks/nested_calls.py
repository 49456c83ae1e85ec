def parse(text):
    return int(text)
def load(values):
    return [parse(v) for v in values]
def main():
    print("loading")
    return load(["1", "2", "three"])
main()
