# colorsys: every conversion on a grid of colours, both directions, with
# the clamping of YIQ results and the grey special cases.
import colorsys

steps = [0.0, 0.2, 0.5, 0.8, 1.0]
for r in steps:
    for g in steps:
        for b in steps:
            yiq = colorsys.rgb_to_yiq(r, g, b)
            hls = colorsys.rgb_to_hls(r, g, b)
            hsv = colorsys.rgb_to_hsv(r, g, b)
            print((r, g, b), yiq, hls, hsv)
            print('  ', colorsys.yiq_to_rgb(*yiq), colorsys.hls_to_rgb(*hls), colorsys.hsv_to_rgb(*hsv))
for h in [0.0, 0.1, 1 / 6, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 0.9, 1.0, 1.3]:
    print(h, colorsys.hls_to_rgb(h, 0.3, 0.7), colorsys.hls_to_rgb(h, 0.7, 0.4),
          colorsys.hsv_to_rgb(h, 0.6, 0.9))
print(colorsys.yiq_to_rgb(1.0, 1.0, 1.0), colorsys.yiq_to_rgb(0.0, -1.0, -1.0))
print(colorsys.ONE_THIRD, colorsys.ONE_SIXTH, colorsys.TWO_THIRD, sorted(colorsys.__all__))
