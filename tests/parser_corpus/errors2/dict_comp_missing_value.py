{k: for k in y}
