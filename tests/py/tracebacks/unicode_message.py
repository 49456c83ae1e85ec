raise ValueError("näive ☃ message")
