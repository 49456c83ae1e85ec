'\Nabc{'
