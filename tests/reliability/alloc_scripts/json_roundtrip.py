# Allocation sweep: json encode and decode.
import json

doc = {
    "name": "gilpy",
    "values": [1, 2.5, -3, 10**25, None, True, False],
    "nested": {"a": [{"b": "c\u00e9\n"}], "empty": {}, "list": []},
    "text": "quote \" and \\ and \t tab",
}
text = json.dumps(doc, sort_keys=True)
again = json.loads(text)
pretty = json.dumps(again, indent=2, ensure_ascii=False)
print(again == doc, len(text), pretty.count("\n"))
try:
    json.loads('{"a": [1, 2,')
except ValueError as e:
    print("error", type(e).__name__)
