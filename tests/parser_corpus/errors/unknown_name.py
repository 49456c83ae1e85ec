x = '\N{DASH}'
