del x, y,
