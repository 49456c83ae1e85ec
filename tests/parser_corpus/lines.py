x = (1 +
     2)
y = [
    1,
    2,
]
z = {
    'a': 1,
}
w = 1 + \
    2
if a and \
   b:
    pass
def f(
    a,
    b,
):
    pass
s = """
multi
"""
t = f(a,
      b)
   # odd comment

# another

u = 1
 
v = 2	
