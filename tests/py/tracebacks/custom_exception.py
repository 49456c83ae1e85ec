class ValidationError(Exception):
    pass
def check(n):
    if n < 0:
        raise ValidationError("negative value: %d" % n)
    return n
print(check(5))
check(-1)
