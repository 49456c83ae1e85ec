1ex
