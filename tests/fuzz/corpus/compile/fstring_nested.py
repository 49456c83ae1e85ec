f"{x!r:{y:{z}}}"
b"\xff" "s"
