/*
 * trace_svg.c - the GIL timeline as a standalone SVG picture
 * (-X gil-trace=FILE.svg).
 *
 * Design notes
 * ------------
 * The picture has one lane per thread, in order of first appearance, with
 * the thread's name on the left and the share of its life it held the GIL
 * on the right; a legend of the states that occur; and a time axis with
 * "nice" ticks (1, 2 or 5 times a power of ten) in s, ms or µs.
 *
 * A run can hold millions of state changes, far more than pixels, so lanes
 * are drawn column by column: the plot is cut into one column per pixel,
 * each thread's time in each state is summed per column, and the column
 * takes one colour. Runs of equal columns become one rectangle, which keeps
 * the file small and the picture readable for runs of any length.
 *
 * Summing per column must not break the one rule a GIL timeline shows: two
 * threads never run at the same instant. Columns are disjoint stretches of
 * time, and in each column at most one lane may be coloured as holding the
 * GIL - the lane that held it longest there (pass 1 finds it), and only if
 * holding is also what that lane did most in the column. Every other lane
 * takes its longest non-holding state, so a column where the lock changed
 * hands shows the holder and, beside it, the thread that wanted it.
 */
#include <math.h>
#include <string.h>

#include "runtime/trace.h"

#define SVG_WIDTH 1280
#define SVG_LABEL_WIDTH 200
#define SVG_PLOT_X 210
#define SVG_PLOT_WIDTH 980 /* also the number of columns: one per pixel */
#define SVG_RIGHT_X (SVG_PLOT_X + SVG_PLOT_WIDTH + 8)

/* Colours by state, chosen so the classes read at a glance: greens hold
   the GIL, red wants it, blues wait on I/O, oranges are blocked. */
static const char *const svg_state_colors[GP_TRACE_STATE_COUNT] = {
    [GP_TRACE_RUNNING] = "#2e9d3a",
    [GP_TRACE_GC] = "#8e44ad",
    [GP_TRACE_WANTS_GIL] = "#e0433a",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_OTHER] = "#a9cce3",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_SLEEP] = "#3b8fd9",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_FILE] = "#17a2a2",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_SOCKET] = "#5b6fd6",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_HTTP] = "#1f4e99",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_EVENT_LOOP] = "#7fb8e8",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_PROCESS] = "#6fb7a8",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_LOCK] = "#f0a020",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_JOIN] = "#d9822b",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_QUEUE] = "#c9a227",
    [GP_TRACE_ENDED] = "#ffffff",
};

/* One lane's sums while it is being drawn. */
typedef struct svg_lane {
    double ns_per_column;
    double *per_state; /* [column * GP_TRACE_STATE_COUNT + state], ns */
    double *held;      /* [column]: ns holding the GIL, pass 1 */
    unsigned char *forced; /* [column]: a forced switch happened here */
    bool held_only;    /* pass 1 sums held time only */
} svg_lane_t;

/* Adds the part of [begin, end) that falls in each column to [lane]. */
static void svg_segment_cb(uint64_t begin, uint64_t end, int state, void *arg)
{
    svg_lane_t *lane = arg;
    bool held = gp_trace_state_class(state) == GP_TRACE_CLASS_HELD;
    if (lane->held_only && !held)
        return;
    double width = lane->ns_per_column;
    long first = (long)(begin / width), last = (long)(end / width);
    if (last >= SVG_PLOT_WIDTH)
        last = SVG_PLOT_WIDTH - 1;
    for (long c = first; c <= last && c < SVG_PLOT_WIDTH; c++) {
        double lo = c * width, hi = lo + width;
        double from = (double)begin > lo ? (double)begin : lo;
        double to = (double)end < hi ? (double)end : hi;
        if (c == SVG_PLOT_WIDTH - 1 && (double)end > to)
            to = (double)end; /* the last column takes any rounding left over */
        if (to <= from)
            continue;
        if (lane->held_only)
            lane->held[c] += to - from;
        else
            lane->per_state[c * GP_TRACE_STATE_COUNT + state] += to - from;
    }
}

static void svg_instant_cb(uint64_t at, int code, void *arg)
{
    svg_lane_t *lane = arg;
    (void)code;
    if (lane->held_only)
        return;
    long c = (long)(at / lane->ns_per_column);
    if (c >= 0 && c < SVG_PLOT_WIDTH)
        lane->forced[c] = 1;
}

/* Writes [s] with XML's special characters escaped; control characters,
   which XML 1.0 forbids, become '?'. At most [limit] bytes of [s]. */
static void svg_text(FILE *out, const char *s, size_t limit)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < limit; p++, n++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default:
            if (*p < 0x20) {
                fputc('?', out);
            } else if (n + 1 == limit && *p >= 0x80) {
                /* Do not cut a UTF-8 sequence: stop before its first byte. */
                return;
            } else {
                fputc(*p, out);
            }
        }
    }
    if (*s && strlen(s) > limit)
        fputs("\xe2\x80\xa6", out); /* an ellipsis */
}

/* A duration in the unit that suits [scale] (the whole trace's length). */
static void svg_duration(FILE *out, double ns, double scale)
{
    if (scale >= 1e9)
        fprintf(out, "%.3g s", ns / 1e9);
    else if (scale >= 1e6)
        fprintf(out, "%.3g ms", ns / 1e6);
    else
        fprintf(out, "%.3g \xc2\xb5s", ns / 1e3);
}

/* The tick step: 1, 2 or 5 times a power of ten, giving 5 to 10 ticks. */
static double svg_tick_step(double total)
{
    double raw = total / 8;
    double power = pow(10, floor(log10(raw)));
    double steps[] = {1, 2, 5, 10};
    for (int i = 0; i < 4; i++) {
        if (raw <= steps[i] * power)
            return steps[i] * power;
    }
    return 10 * power;
}

static void svg_axis(FILE *out, double total, int top, int bottom)
{
    double step = svg_tick_step(total);
    double unit = total >= 1e9 ? 1e9 : total >= 1e6 ? 1e6 : 1e3;
    const char *unit_name = total >= 1e9 ? "s" : total >= 1e6 ? "ms" : "\xc2\xb5s";
    fprintf(out, "<g class=\"axis\" font-size=\"11\" fill=\"#333\">\n");
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", SVG_PLOT_X,
            bottom, SVG_PLOT_X + SVG_PLOT_WIDTH, bottom);
    for (int i = 0; i * step <= total * 1.0001; i++) {
        double x = SVG_PLOT_X + i * step / total * SVG_PLOT_WIDTH;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", x, top,
                x, bottom);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>", x,
                bottom, x, bottom + 5);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g %s</text>\n", x,
                bottom + 18, i * step / unit, unit_name);
    }
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">time since start</text>\n",
            SVG_PLOT_X + SVG_PLOT_WIDTH / 2, bottom + 34);
    fputs("</g>\n", out);
}

/* The legend: one swatch per state that occurs, then the forced-switch
   mark. Returns the y below it; with a NULL [out] only measures. */
static int svg_legend(FILE *out, const gp_tracer_t *tr, int y, bool any_forced)
{
    bool present[GP_TRACE_STATE_COUNT] = {false};
    present[GP_TRACE_RUNNING] = present[GP_TRACE_WANTS_GIL] = true;
    for (const gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        for (int s = 0; s < GP_TRACE_STATE_COUNT; s++) {
            if (t->time_in[s])
                present[s] = true;
        }
    }
    int x = SVG_PLOT_X;
    if (out)
        fputs("<g class=\"legend\" font-size=\"12\" fill=\"#222\">\n", out);
    for (int s = 0; s < GP_TRACE_STATE_COUNT; s++) {
        if (!present[s] || s == GP_TRACE_ENDED)
            continue;
        const char *name = gp_trace_state_name(s);
        int width = 24 + 7 * (int)strlen(name) + 14;
        if (x + width > SVG_WIDTH - 10) {
            x = SVG_PLOT_X;
            y += 18;
        }
        if (out) {
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"11\" fill=\"%s\"/>", x,
                    y - 10, svg_state_colors[s]);
            fprintf(out, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 21, y, name);
        }
        x += width;
    }
    if (any_forced) {
        if (x + 130 > SVG_WIDTH - 10) {
            x = SVG_PLOT_X;
            y += 18;
        }
        if (out) {
            fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"2\" height=\"13\" fill=\"#111\"/>",
                    x + 7, y - 11);
            fprintf(out, "<text x=\"%d\" y=\"%d\">forced switch</text>\n", x + 21, y);
        }
    }
    if (out)
        fputs("</g>\n", out);
    return y + 8;
}

/* The colour a lane takes in column [c]; -1 for none. */
static int svg_column_state(const svg_lane_t *lane, long c, bool holds_most)
{
    const double *in = &lane->per_state[c * GP_TRACE_STATE_COUNT];
    double held = in[GP_TRACE_RUNNING] + in[GP_TRACE_GC];
    int best = -1;
    double best_ns = 0;
    for (int s = 0; s < GP_TRACE_STATE_COUNT; s++) {
        if (gp_trace_state_class(s) == GP_TRACE_CLASS_HELD || s == GP_TRACE_ENDED)
            continue;
        if (in[s] > best_ns) {
            best = s;
            best_ns = in[s];
        }
    }
    if (holds_most && held > 0 && held >= best_ns)
        return in[GP_TRACE_GC] > in[GP_TRACE_RUNNING] ? GP_TRACE_GC : GP_TRACE_RUNNING;
    return best;
}

/* Draws one lane's bars from [state_of] (a state per column, -1 empty). */
static void svg_lane_bars(FILE *out, const int *state_of, int y, int height, double total)
{
    double column_ns = total / SVG_PLOT_WIDTH;
    long c = 0;
    while (c < SVG_PLOT_WIDTH) {
        int state = state_of[c];
        long end = c + 1;
        while (end < SVG_PLOT_WIDTH && state_of[end] == state)
            end++;
        if (state >= 0) {
            fprintf(out, "<rect x=\"%ld\" y=\"%d\" width=\"%ld\" height=\"%d\" fill=\"%s\">",
                    SVG_PLOT_X + c, y, end - c, height, svg_state_colors[state]);
            fprintf(out, "<title>%s: ", gp_trace_state_name(state));
            svg_duration(out, c * column_ns, total);
            fputs(" \xe2\x80\x93 ", out);
            svg_duration(out, end * column_ns, total);
            fputs("</title></rect>\n", out);
        }
        c = end;
    }
}

int gp_trace_svg_write(const gp_tracer_t *tr, FILE *out)
{
    double total = tr->stop_ns ? (double)tr->stop_ns : 1.0;
    int n = tr->n_threads;
    int lane_height = n <= 24 ? 22 : n * 3 > 720 ? 3 : 720 / n;
    int bar_height = lane_height >= 10 ? lane_height - 6 : lane_height;
    int status = -1;

    svg_lane_t lane = {.ns_per_column = total / SVG_PLOT_WIDTH};
    lane.per_state = gp_mem_calloc((size_t)SVG_PLOT_WIDTH * GP_TRACE_STATE_COUNT, sizeof(double));
    lane.held = gp_mem_calloc(SVG_PLOT_WIDTH, sizeof(double));
    lane.forced = gp_mem_calloc(SVG_PLOT_WIDTH, 1);
    double *best_held = gp_mem_calloc(SVG_PLOT_WIDTH, sizeof(double));
    int *best_lane = gp_mem_calloc(SVG_PLOT_WIDTH, sizeof(int));
    int *state_of = gp_mem_calloc(SVG_PLOT_WIDTH, sizeof(int));
    if (!lane.per_state || !lane.held || !lane.forced || !best_held || !best_lane || !state_of)
        goto done;

    /* Pass 1: which lane held the GIL longest in each column. */
    for (int c = 0; c < SVG_PLOT_WIDTH; c++)
        best_lane[c] = -1;
    lane.held_only = true;
    for (const gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        memset(lane.held, 0, SVG_PLOT_WIDTH * sizeof(double));
        gp_trace_walk(tr, t, svg_segment_cb, NULL, &lane);
        for (int c = 0; c < SVG_PLOT_WIDTH; c++) {
            if (lane.held[c] > best_held[c]) {
                best_held[c] = lane.held[c];
                best_lane[c] = t->index;
            }
        }
    }
    bool any_forced = tr->forced > 0;

    int legend_y = 62;
    int top = svg_legend(NULL, tr, legend_y, any_forced) + 14;
    int bottom = top + n * lane_height + 4;
    int height = bottom + 44;
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
            SVG_WIDTH, height, SVG_WIDTH, height);
    fputs("<text x=\"12\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#111\">"
          "gilpy: who holds the GIL</text>\n", out);
    fprintf(out, "<text x=\"12\" y=\"42\" font-size=\"12\" fill=\"#444\">%d thread%s, ", n,
            n == 1 ? "" : "s");
    svg_duration(out, total, total);
    fprintf(out, ", %llu switches (%llu forced); one lane per thread, time left to right</text>\n",
            (unsigned long long)tr->switches, (unsigned long long)tr->forced);
    svg_legend(out, tr, legend_y, any_forced);

    /* The axis first so its grid lines lie under the bars. */
    svg_axis(out, total, top - 4, bottom);

    /* Pass 2: each lane's colours. */
    lane.held_only = false;
    int row = 0;
    for (const gp_trace_thread_t *t = tr->threads; t; t = t->next, row++) {
        memset(lane.per_state, 0,
               (size_t)SVG_PLOT_WIDTH * GP_TRACE_STATE_COUNT * sizeof(double));
        memset(lane.forced, 0, SVG_PLOT_WIDTH);
        gp_trace_walk(tr, t, svg_segment_cb, svg_instant_cb, &lane);
        for (int c = 0; c < SVG_PLOT_WIDTH; c++)
            state_of[c] = svg_column_state(&lane, c, best_lane[c] == t->index);
        int y = top + row * lane_height;
        fprintf(out, "<g class=\"lane\" data-thread=\"%d\">\n", t->index);
        if (lane_height >= 9) {
            fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"end\" "
                         "fill=\"#111\">",
                    SVG_LABEL_WIDTH, y + bar_height - (bar_height > 12 ? 4 : 1),
                    lane_height >= 16 ? 12 : lane_height - 2);
            svg_text(out, gp_trace_thread_label(t), 30);
            if (gp_trace_dropped(t))
                fputs(" (wrapped)", out);
            fputs("</text>\n", out);
        }
        svg_lane_bars(out, state_of, y, bar_height, total);
        if (bar_height >= 8) {
            for (int c = 0; c < SVG_PLOT_WIDTH; c++) {
                if (lane.forced[c])
                    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"1\" height=\"%d\" "
                                 "fill=\"#111\"/>",
                            SVG_PLOT_X + c, y - 2, bar_height / 2);
            }
            fputc('\n', out);
        }
        if (lane_height >= 9) {
            double held = (double)(t->time_in[GP_TRACE_RUNNING] + t->time_in[GP_TRACE_GC]);
            uint64_t end = t->end_ns ? t->end_ns : tr->stop_ns;
            double life = end > t->first_ns ? (double)(end - t->first_ns) : 0;
            fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#444\">%.0f%% held"
                         "</text>\n",
                    SVG_RIGHT_X, y + bar_height - (bar_height > 12 ? 4 : 1),
                    life > 0 ? 100.0 * held / life : 0.0);
        }
        fputs("</g>\n", out);
    }
    fputs("</svg>\n", out);
    status = ferror(out) ? -1 : 0;
done:
    gp_mem_free(lane.per_state);
    gp_mem_free(lane.held);
    gp_mem_free(lane.forced);
    gp_mem_free(best_held);
    gp_mem_free(best_lane);
    gp_mem_free(state_of);
    return status;
}
