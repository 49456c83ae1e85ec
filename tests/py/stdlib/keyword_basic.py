import keyword
print(keyword.kwlist, keyword.softkwlist)
print(keyword.iskeyword('for'), keyword.iskeyword('print'), keyword.issoftkeyword('match'), len(keyword.kwlist))
