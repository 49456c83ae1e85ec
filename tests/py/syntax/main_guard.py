# __name__ is '__main__' for the script.
print(__name__)
def main():
    print("main ran")
if __name__ == '__main__':
    main()
else:
    print("imported")
