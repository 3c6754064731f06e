/*
 * scansim — scanner simulation for the budget2json corpus.
 *
 *   scansim --grade clean|noisy --seed N IN.pdf OUT.pdf [--pages LIST]
 *
 * Renders each page of IN.pdf with poppler (cairo image surface), degrades it
 * with leptonica the way a desk scanner and a stamped paper copy would, and
 * writes OUT.pdf: one JPEG image per page, no text layer, page size in points
 * equal to the original's (to within one pixel).  OUT.pdf.json records what
 * was done to every page (rotation, skew, dpi, seal), for tests of deskew and
 * orientation detection.
 *
 * Grades
 *   clean  300 dpi, 8-bit gray, skew |a| < 0.5 deg, faint paper tone and
 *          sensor noise, JPEG quality 60.
 *   noisy  150-200 dpi (per document), 1-3 deg skew, uneven illumination,
 *          gaussian blur, sensor noise, salt-and-pepper and small blobs,
 *          JPEG quality 40-60 (per document); one page carries a red round
 *          seal (公章) stamped over a table and is written in colour; exactly
 *          one page other than the first (documents of 2+ pages) is turned
 *          90, 180 or 270 degrees.
 *
 * Conventions in the sidecar: "rotation" is the clockwise turn applied to the
 * page image (0/90/180/270; undo by turning it back counter-clockwise);
 * "skew_deg" is the small rotation applied before it, positive = clockwise.
 * Same input, grade and seed give the same bytes: all randomness comes from
 * the PRNG below, per-pixel work is integer arithmetic, and the PDF carries no
 * date.
 */
#include <cairo.h>
#include <errno.h>
#include <glib.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "scansim"
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* ---------------------------------------------------------------- PRNG */

typedef struct { uint64_t s; } Rng;

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void rng_init(Rng *r, uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    r->s = splitmix64(&x);
    if (r->s == 0) r->s = 0x2545F4914F6CDD1DULL;
}

static uint64_t rng_next(Rng *r) {            /* xorshift64* */
    uint64_t x = r->s;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    r->s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* uniform integer in [lo, hi] */
static int rng_int(Rng *r, int lo, int hi) {
    uint64_t span = (uint64_t)(hi - lo) + 1;
    return lo + (int)(rng_next(r) % span);
}

/* uniform double in [lo, hi) — 53 random bits, exact arithmetic */
static double rng_unif(Rng *r, double lo, double hi) {
    double u = (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
    return lo + (hi - lo) * u;
}

/* cheap zero-mean noise, roughly gaussian (Irwin-Hall of 4 bytes), in
 * [-amp, +amp] with sd ~ amp/3.5; integer only */
static int rng_noise(Rng *r, int amp) {
    uint64_t x = rng_next(r);
    int s = (int)(x & 0xff) + (int)((x >> 8) & 0xff) + (int)((x >> 16) & 0xff) +
            (int)((x >> 24) & 0xff);                       /* 0..1020, mean 510 */
    return ((s - 510) * amp) / 510;
}

/* ---------------------------------------------------------------- helpers */

static int clamp255(int v) { return v < 0 ? 0 : v > 255 ? 255 : v; }

typedef struct {
    int index;          /* 1-based page number in the input */
    int dpi;
    int rotation;       /* clockwise degrees: 0, 90, 180, 270 */
    double skew_deg;    /* clockwise positive */
    int seal;
    double seal_x, seal_y, seal_d;   /* centre and diameter, points, top-left origin */
    int width_px, height_px;         /* of the written image */
    int color;
    double blur_sigma;
    size_t jpeg_bytes;
    int quality;                     /* JPEG quality actually used */
} PageInfo;

/* per-page JPEG byte budgets for an A4 page (scaled by area) */
#define CLEAN_BUDGET 250000.0
#define NOISY_BUDGET 120000.0
#define A4_AREA (595.28 * 841.89)
#define CLEAN_FLOOR_Q 25
#define NOISY_FLOOR_Q 25

/* Parse "1,3,5-7" into an array of 1-based page numbers (each in 1..npages). */
static int parse_pages(const char *list, int npages, int **out, int *nout) {
    int cap = 16, n = 0;
    int *v = malloc(sizeof *v * (size_t)cap);
    if (!v) return -1;
    const char *p = list;
    while (*p) {
        char *end;
        errno = 0;
        long a = strtol(p, &end, 10), b;
        if (end == p || errno) goto bad;
        p = end;
        if (*p == '-') {
            p++;
            b = strtol(p, &end, 10);
            if (end == p || errno) goto bad;
            p = end;
        } else {
            b = a;
        }
        if (a < 1 || b < a || b > npages) goto bad;
        for (long k = a; k <= b; k++) {
            if (n == cap) {
                cap *= 2;
                int *nv = realloc(v, sizeof *v * (size_t)cap);
                if (!nv) { free(v); return -1; }
                v = nv;
            }
            v[n++] = (int)k;
        }
        if (*p == ',') p++;
        else if (*p) goto bad;
    }
    if (n == 0) goto bad;
    *out = v;
    *nout = n;
    return 0;
bad:
    free(v);
    return -1;
}

/* ---------------------------------------------------------------- seal */

static const char *const SEAL_NAMES[] = {
    "岳阳市屈原管理区医疗保障局", "湘阴县医疗保障局", "长沙市财政局",
    "江苏省人民代表大会常务委员会办公厅", "上海市普陀区财政局",
    "岳阳市医疗保障事务中心", "汨罗市医疗保障局",
};
static const char *const SEAL_BOTTOM[] = { "", "财务专用章", "预算专用章", "" };

/* Draw a seal mask (alpha = ink) of diameter dpx pixels, rotated by rot
 * radians, with ink texture from the PRNG.  Returns an A8 surface. */
static cairo_surface_t *seal_mask(int dpx, double rot, Rng *r) {
    cairo_surface_t *m = cairo_image_surface_create(CAIRO_FORMAT_A8, dpx, dpx);
    cairo_t *cr = cairo_create(m);
    double d = dpx, c = d / 2;
    cairo_translate(cr, c, c);
    cairo_rotate(cr, rot);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);

    /* ring */
    double lw = d * 0.035;
    cairo_set_line_width(cr, lw);
    cairo_arc(cr, 0, 0, d * 0.48 - lw / 2, 0, 2 * M_PI);
    cairo_stroke(cr);

    /* five-pointed star */
    double ro = d * 0.15, ri = ro * 0.382;
    for (int k = 0; k < 10; k++) {
        double a = -M_PI / 2 + k * M_PI / 5, rr = (k % 2) ? ri : ro;
        if (k == 0) cairo_move_to(cr, rr * cos(a), rr * sin(a));
        else cairo_line_to(cr, rr * cos(a), rr * sin(a));
    }
    cairo_close_path(cr);
    cairo_fill(cr);

    /* name along the upper arc, each glyph upright towards the centre */
    const char *name = SEAL_NAMES[rng_int(r, 0, (int)(sizeof SEAL_NAMES / sizeof *SEAL_NAMES) - 1)];
    long nch = g_utf8_strlen(name, -1);
    double fs = d * (nch > 12 ? 0.12 : 0.145);
    cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, fs);
    double span = (nch > 12 ? 250.0 : 220.0) * M_PI / 180.0;
    double rtext = d * 0.445 - lw - fs * 0.5;   /* radius of glyph centres */
    const char *p = name;
    for (long i = 0; i < nch; i++) {
        const char *q = g_utf8_next_char(p);
        char ch[8] = {0};
        memcpy(ch, p, (size_t)(q - p) < sizeof ch - 1 ? (size_t)(q - p) : sizeof ch - 1);
        double th = nch > 1 ? -span / 2 + span * (double)i / (double)(nch - 1) : 0;
        cairo_text_extents_t te;
        cairo_text_extents(cr, ch, &te);
        cairo_save(cr);
        cairo_rotate(cr, th);
        cairo_translate(cr, 0, -rtext);
        cairo_move_to(cr, -te.x_bearing - te.width / 2, -te.y_bearing - te.height / 2);
        cairo_show_text(cr, ch);
        cairo_restore(cr);
        p = q;
    }

    /* optional horizontal line below the star */
    const char *bottom = SEAL_BOTTOM[rng_int(r, 0, (int)(sizeof SEAL_BOTTOM / sizeof *SEAL_BOTTOM) - 1)];
    if (*bottom) {
        cairo_set_font_size(cr, d * 0.085);
        cairo_text_extents_t te;
        cairo_text_extents(cr, bottom, &te);
        cairo_move_to(cr, -te.x_bearing - te.width / 2, d * 0.30 - te.y_bearing - te.height / 2);
        cairo_show_text(cr, bottom);
    }
    cairo_destroy(cr);

    /* ink texture: uneven pressure (a gradient across the seal) and dropouts */
    cairo_surface_flush(m);
    unsigned char *data = cairo_image_surface_get_data(m);
    int stride = cairo_image_surface_get_stride(m);
    int gx = rng_int(r, -60, 60), gy = rng_int(r, -60, 60);
    for (int y = 0; y < dpx; y++) {
        for (int x = 0; x < dpx; x++) {
            int a = data[y * stride + x];
            if (!a) continue;
            /* pressure 150..255 varying linearly across the seal */
            int pr = 205 + (gx * (2 * x - dpx)) / (2 * dpx) + (gy * (2 * y - dpx)) / (2 * dpx);
            int nz = rng_noise(r, 70);
            int dropout = (rng_next(r) & 63) == 0 ? 120 : 0;
            int v = (a * clamp255(pr + nz - dropout)) / 255;
            data[y * stride + x] = (unsigned char)clamp255(v);
        }
    }
    cairo_surface_mark_dirty(m);
    return m;
}

/* ---------------------------------------------------------------- render */

/* Render page at dpi onto a white ARGB surface; optionally stamp a seal. */
static cairo_surface_t *render_page(PopplerPage *page, int dpi, const PageInfo *pi, Rng *r) {
    double wpt, hpt;
    poppler_page_get_size(page, &wpt, &hpt);
    int w = (int)lround(wpt * dpi / 72.0), h = (int)lround(hpt * dpi / 72.0);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, (double)w / wpt, (double)h / hpt);
    poppler_page_render(page, cr);
    cairo_destroy(cr);

    if (pi->seal) {
        int dpx = (int)lround(pi->seal_d * dpi / 72.0);
        cairo_surface_t *m = seal_mask(dpx, rng_unif(r, -0.6, 0.6), r);
        cr = cairo_create(s);
        cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
        cairo_set_source_rgb(cr, 0.86, 0.08, 0.10);
        cairo_mask_surface(cr, m, lround(pi->seal_x * dpi / 72.0) - dpx / 2,
                           lround(pi->seal_y * dpi / 72.0) - dpx / 2);
        cairo_destroy(cr);
        cairo_surface_destroy(m);
    }
    cairo_surface_flush(s);
    return s;
}

/* Cairo ARGB32 (opaque) to a leptonica PIX: 8 bpp gray or 32 bpp RGB. */
static PIX *surface_to_pix(cairo_surface_t *s, int color) {
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    PIX *pix = pixCreate(w, h, color ? 32 : 8);
    if (!pix) return NULL;
    l_uint32 *pd = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        l_uint32 *line = pd + (size_t)y * (size_t)wpl;
        for (int x = 0; x < w; x++) {
            uint32_t v = src[x];
            int rr = (v >> 16) & 0xff, gg = (v >> 8) & 0xff, bb = v & 0xff;
            if (color) {
                line[x] = ((l_uint32)rr << 24) | ((l_uint32)gg << 16) | ((l_uint32)bb << 8);
            } else {
                SET_DATA_BYTE(line, x, (rr * 77 + gg * 150 + bb * 29) >> 8);
            }
        }
    }
    return pix;
}

/* Apply f(pixel) = clamp(v * mul / 256 + add) to every sample, where mul is
 * a smooth illumination field and add is sensor noise.  Colour pixels share
 * one noise draw across channels (luminance noise). */
static void illuminate_and_noise(PIX *pix, Rng *r, int tone, int depth_x, int depth_y,
                                 int vignette, int noise_amp) {
    int w = pixGetWidth(pix), h = pixGetHeight(pix), d = pixGetDepth(pix);
    int wpl = pixGetWpl(pix);
    l_uint32 *pd = pixGetData(pix);
    /* separable field: fx(x) * fy(y), each in fixed point /256 */
    int *fx = malloc(sizeof *fx * (size_t)w), *fy = malloc(sizeof *fy * (size_t)h);
    if (!fx || !fy) { free(fx); free(fy); return; }
    for (int x = 0; x < w; x++) {
        long t = (long)(2 * x - w) * 1000 / w;               /* -1000..1000 */
        fx[x] = 256 - (int)((depth_x * (t + 1000)) / 2000) - (int)((vignette * t * t) / 1000000);
    }
    for (int y = 0; y < h; y++) {
        long t = (long)(2 * y - h) * 1000 / h;
        fy[y] = 256 - (int)((depth_y * (t + 1000)) / 2000) - (int)((vignette * t * t) / 1000000);
    }
    for (int y = 0; y < h; y++) {
        l_uint32 *line = pd + (size_t)y * (size_t)wpl;
        for (int x = 0; x < w; x++) {
            int mul = (fx[x] * fy[y] * tone) >> 16;        /* /256 */
            int nz = noise_amp ? rng_noise(r, noise_amp) : 0;
            if (d == 8) {
                int v = GET_DATA_BYTE(line, x);
                SET_DATA_BYTE(line, x, clamp255(((v * mul) >> 8) + nz));
            } else {
                l_uint32 v = line[x];
                int rr = clamp255(((int)((v >> 24) & 0xff) * mul >> 8) + nz);
                int gg = clamp255(((int)((v >> 16) & 0xff) * mul >> 8) + nz);
                int bb = clamp255(((int)((v >> 8) & 0xff) * mul >> 8) + nz);
                line[x] = ((l_uint32)rr << 24) | ((l_uint32)gg << 16) | ((l_uint32)bb << 8);
            }
        }
    }
    free(fx);
    free(fy);
}

static void put_gray(PIX *pix, int x, int y, int g) {
    if (x < 0 || y < 0 || x >= pixGetWidth(pix) || y >= pixGetHeight(pix)) return;
    l_uint32 *line = pixGetData(pix) + (size_t)y * (size_t)pixGetWpl(pix);
    if (pixGetDepth(pix) == 8) {
        SET_DATA_BYTE(line, x, g);
    } else {
        line[x] = ((l_uint32)g << 24) | ((l_uint32)g << 16) | ((l_uint32)g << 8);
    }
}

/* Salt-and-pepper at the given density (per million pixels), and nblobs small
 * dark blobs of radius up to rmax pixels. */
static void speckle(PIX *pix, Rng *r, int ppm_pepper, int ppm_salt, int nblobs, int rmax) {
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    long area = (long)w * h;
    long np = area * ppm_pepper / 1000000, ns = area * ppm_salt / 1000000;
    for (long i = 0; i < np; i++)
        put_gray(pix, rng_int(r, 0, w - 1), rng_int(r, 0, h - 1), rng_int(r, 0, 90));
    for (long i = 0; i < ns; i++)
        put_gray(pix, rng_int(r, 0, w - 1), rng_int(r, 0, h - 1), rng_int(r, 215, 255));
    for (int i = 0; i < nblobs; i++) {
        int cx = rng_int(r, 0, w - 1), cy = rng_int(r, 0, h - 1);
        int rad = rng_int(r, 1, rmax), g = rng_int(r, 10, 110);
        int rx = rad + rng_int(r, 0, 1), ry = rad;          /* slightly oval */
        for (int dy = -ry; dy <= ry; dy++)
            for (int dx = -rx; dx <= rx; dx++)
                if (dx * dx * ry * ry + dy * dy * rx * rx <= rx * rx * ry * ry)
                    put_gray(pix, cx + dx, cy + dy, g);
    }
}

/* ---------------------------------------------------------------- JPEG */

/* Progressive JPEG at quality q0 if it fits in budget bytes; otherwise the
 * highest quality (q0, or floor + a multiple of 5) that fits, found by
 * bisection; floor_q when nothing fits. */
static int encode_fit(PIX *pix, int q0, int floor_q, size_t budget, l_uint8 **out, size_t *outn,
                      int *qused) {
    l_uint8 *best = NULL, *d = NULL;
    size_t bestn = 0, n = 0;
    if (pixWriteMemJpeg(&d, &n, pix, q0, 1) != 0 || !d) return -1;
    if (n <= budget || q0 <= floor_q) {
        *out = d; *outn = n; *qused = q0;
        return 0;
    }
    free(d);
    d = NULL;
    if (pixWriteMemJpeg(&best, &bestn, pix, floor_q, 1) != 0 || !best) return -1;
    int lo = floor_q, hi = q0;                 /* lo: best so far; hi: too big */
    if (bestn <= budget) {
        while (hi - lo > 5) {
            int mid = lo + ((hi - lo) / 10) * 5;
            if (mid <= lo) mid = lo + 5;
            if (pixWriteMemJpeg(&d, &n, pix, mid, 1) != 0 || !d) { free(best); return -1; }
            if (n <= budget) { free(best); best = d; bestn = n; lo = mid; }
            else { free(d); hi = mid; }
            d = NULL;
        }
    }
    *out = best; *outn = bestn; *qused = lo;
    return 0;
}

/* ---------------------------------------------------------------- sidecar */

static int write_sidecar(const char *path, const char *in, const char *grade, uint64_t seed,
                         int quality, const PageInfo *pages, int n) {
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, PROG ": cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    const char *base = strrchr(in, '/');
    base = base ? base + 1 : in;
    fprintf(f, "{\n  \"tool\": \"scansim\",\n  \"source\": \"");
    for (const char *c = base; *c; c++) {
        if (*c == '"' || *c == '\\') fputc('\\', f);
        if ((unsigned char)*c >= 0x20) fputc(*c, f);
    }
    fprintf(f, "\",\n  \"grade\": \"%s\",\n  \"seed\": %llu,\n  \"jpeg_quality_start\": %d,\n"
               "  \"conventions\": \"rotation: clockwise degrees applied to the page image; "
               "skew_deg: small rotation applied before it, positive clockwise; "
               "seal centre/diameter in points of the source page, top-left origin\",\n"
               "  \"pages\": [\n",
            grade, (unsigned long long)seed, quality);
    for (int i = 0; i < n; i++) {
        const PageInfo *p = &pages[i];
        fprintf(f, "    {\"page\": %d, \"source_page\": %d, \"dpi\": %d, \"rotation\": %d, "
                   "\"skew_deg\": %.3f, \"blur_sigma\": %.2f, \"color\": %s, "
                   "\"width_px\": %d, \"height_px\": %d, \"jpeg_quality\": %d, \"jpeg_bytes\": %zu, "
                   "\"seal\": ",
                i + 1, p->index, p->dpi, p->rotation, p->skew_deg, p->blur_sigma,
                p->color ? "true" : "false", p->width_px, p->height_px, p->quality, p->jpeg_bytes);
        if (p->seal)
            fprintf(f, "{\"x_pt\": %.1f, \"y_pt\": %.1f, \"diameter_pt\": %.1f}}",
                    p->seal_x, p->seal_y, p->seal_d);
        else
            fprintf(f, "false}");
        fprintf(f, "%s\n", i + 1 < n ? "," : "");
    }
    fprintf(f, "  ]\n}\n");
    if (fclose(f) != 0) {
        fprintf(stderr, PROG ": cannot write '%s': %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- main */

static void usage(void) {
    fprintf(stderr,
            "usage: " PROG " --grade clean|noisy --seed N IN.pdf OUT.pdf [--pages LIST]\n"
            "  LIST: 1-based pages, e.g. 1,3,5-7 (default: all)\n"
            "  writes OUT.pdf (image-only, JPEG) and OUT.pdf.json (what was done per page)\n");
}

/* Choose where the seal goes: a page of the selection with a table total
 * (合计) — centred a little right of it — else one with 表, else any page. */
static void plan_seal(PopplerDocument *doc, PageInfo *pages, int n, Rng *r, int avoid) {
    int *cand = malloc(sizeof *cand * (size_t)n);
    if (!cand) return;
    const char *const words[] = { "合计", "总计", "表", NULL };
    for (int wi = 0; words[wi]; wi++) {
        int nc = 0;
        for (int i = 0; i < n; i++) {
            if (i == avoid && n > 1) continue;
            PopplerPage *pg = poppler_document_get_page(doc, pages[i].index - 1);
            if (!pg) continue;
            GList *hits = poppler_page_find_text(pg, words[wi]);
            if (hits) cand[nc++] = i;
            for (GList *l = hits; l; l = l->next) poppler_rectangle_free(l->data);
            g_list_free(hits);
            g_object_unref(pg);
        }
        if (nc == 0) continue;
        int i = cand[rng_int(r, 0, nc - 1)];
        PopplerPage *pg = poppler_document_get_page(doc, pages[i].index - 1);
        double wpt, hpt;
        poppler_page_get_size(pg, &wpt, &hpt);
        GList *hits = poppler_page_find_text(pg, words[wi]);
        int nh = (int)g_list_length(hits);
        PopplerRectangle *rc = g_list_nth_data(hits, (guint)rng_int(r, 0, nh - 1));
        /* find_text rectangles have a bottom-left origin */
        double cx = (rc->x1 + rc->x2) / 2, cy = hpt - (rc->y1 + rc->y2) / 2;
        pages[i].seal = 1;
        pages[i].seal_d = rng_unif(r, 108, 124);     /* 38-44 mm */
        pages[i].seal_x = cx + rng_unif(r, 40, 160);
        /* over the body rows: below a total near the top, above one near the bottom */
        pages[i].seal_y = cy < hpt / 2 ? cy + rng_unif(r, 30, 130) : cy - rng_unif(r, 30, 130);
        if (wi == 2) {                               /* a title word: go lower */
            pages[i].seal_x = rng_unif(r, wpt * 0.35, wpt * 0.8);
            pages[i].seal_y = rng_unif(r, hpt * 0.3, hpt * 0.7);
        }
        double m = pages[i].seal_d * 0.4;
        if (pages[i].seal_x > wpt - m) pages[i].seal_x = wpt - m;
        if (pages[i].seal_y > hpt - m) pages[i].seal_y = hpt - m;
        if (pages[i].seal_x < m) pages[i].seal_x = m;
        if (pages[i].seal_y < m) pages[i].seal_y = m;
        for (GList *l = hits; l; l = l->next) poppler_rectangle_free(l->data);
        g_list_free(hits);
        g_object_unref(pg);
        free(cand);
        return;
    }
    /* no text at all: stamp the last page, lower right */
    int i = n > 1 && avoid == n - 1 ? n - 2 : n - 1;
    PopplerPage *pg = poppler_document_get_page(doc, pages[i].index - 1);
    double wpt = 595, hpt = 842;
    if (pg) { poppler_page_get_size(pg, &wpt, &hpt); g_object_unref(pg); }
    pages[i].seal = 1;
    pages[i].seal_d = rng_unif(r, 108, 124);
    pages[i].seal_x = wpt * rng_unif(r, 0.55, 0.75);
    pages[i].seal_y = hpt * rng_unif(r, 0.55, 0.8);
    free(cand);
}

int main(int argc, char **argv) {
    const char *grade = NULL, *seed_s = NULL, *pages_s = NULL, *in = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--grade") && i + 1 < argc) grade = argv[++i];
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed_s = argv[++i];
        else if (!strcmp(argv[i], "--pages") && i + 1 < argc) pages_s = argv[++i];
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(); return 0; }
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, PROG ": unknown or incomplete option '%s'\n", argv[i]);
            usage();
            return 2;
        } else if (!in) in = argv[i];
        else if (!out) out = argv[i];
        else { fprintf(stderr, PROG ": unexpected argument '%s'\n", argv[i]); usage(); return 2; }
    }
    if (!grade || !seed_s || !in || !out) { usage(); return 2; }
    int noisy;
    if (!strcmp(grade, "clean")) noisy = 0;
    else if (!strcmp(grade, "noisy")) noisy = 1;
    else { fprintf(stderr, PROG ": unknown grade '%s' (clean|noisy)\n", grade); return 2; }
    char *end;
    errno = 0;
    unsigned long long seed = strtoull(seed_s, &end, 0);
    if (*end || end == seed_s || errno) {
        fprintf(stderr, PROG ": bad seed '%s' (want an unsigned integer)\n", seed_s);
        return 2;
    }

    setMsgSeverity(L_SEVERITY_ERROR);
    l_pdfSetDateAndVersion(0);

    int rc = 1;
    GError *err = NULL;
    gchar *uri = NULL;
    gchar *abs = g_canonicalize_filename(in, NULL);
    PopplerDocument *doc = NULL;
    PageInfo *pages = NULL;
    int *sel = NULL, nsel = 0;
    L_PTRA *pa = NULL;
    l_uint8 *pdf = NULL;
    size_t pdfn = 0;
    char *tmp = NULL, *side = NULL;

    uri = g_filename_to_uri(abs, NULL, &err);
    if (!uri) {
        fprintf(stderr, PROG ": '%s': %s\n", in, err->message);
        goto done;
    }
    doc = poppler_document_new_from_file(uri, NULL, &err);
    if (!doc) {
        fprintf(stderr, PROG ": cannot open '%s' as PDF: %s\n", in, err ? err->message : "?");
        goto done;
    }
    int npages = poppler_document_get_n_pages(doc);
    if (npages < 1) {
        fprintf(stderr, PROG ": '%s' has no pages\n", in);
        goto done;
    }
    if (pages_s) {
        if (parse_pages(pages_s, npages, &sel, &nsel) != 0) {
            fprintf(stderr, PROG ": bad --pages '%s' for '%s' (%d pages)\n", pages_s, in, npages);
            goto done;
        }
    } else {
        sel = malloc(sizeof *sel * (size_t)npages);
        if (!sel) goto oom;
        for (int i = 0; i < npages; i++) sel[i] = i + 1;
        nsel = npages;
    }

    /* document-level plan */
    Rng dr;
    rng_init(&dr, seed, noisy ? 0x6E6F697379ULL : 0x636C65616EULL);
    int dpi = noisy ? rng_int(&dr, 150, 200) : 300;
    int quality = noisy ? rng_int(&dr, 40, 60) : 60;
    pages = calloc((size_t)nsel, sizeof *pages);
    if (!pages) goto oom;
    for (int i = 0; i < nsel; i++) {
        pages[i].index = sel[i];
        pages[i].dpi = dpi;
        double mag = noisy ? rng_unif(&dr, 1.0, 3.0) : rng_unif(&dr, 0.0, 0.45);
        pages[i].skew_deg = (rng_next(&dr) & 1) ? mag : -mag;
    }
    int turned = -1;
    if (noisy) {
        if (nsel > 1) {
            turned = rng_int(&dr, 1, nsel - 1);
            static const int rots[] = { 90, 180, 270 };
            pages[turned].rotation = rots[rng_int(&dr, 0, 2)];
        }
        plan_seal(doc, pages, nsel, &dr, turned);
    }

    pa = ptraCreate(nsel);
    if (!pa) goto oom;
    for (int i = 0; i < nsel; i++) {
        PageInfo *pi = &pages[i];
        Rng pr;
        rng_init(&pr, seed, 0x1000ULL + (uint64_t)pi->index * 2 + (uint64_t)noisy);
        PopplerPage *pg = poppler_document_get_page(doc, pi->index - 1);
        if (!pg) {
            fprintf(stderr, PROG ": '%s': cannot load page %d\n", in, pi->index);
            goto done;
        }
        cairo_surface_t *s = render_page(pg, dpi, pi, &pr);
        g_object_unref(pg);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
            fprintf(stderr, PROG ": '%s': rendering page %d failed: %s\n", in, pi->index,
                    cairo_status_to_string(cairo_surface_status(s)));
            cairo_surface_destroy(s);
            goto done;
        }
        pi->color = pi->seal;
        PIX *pix = surface_to_pix(s, pi->color);
        cairo_surface_destroy(s);
        if (!pix) goto oom;

        /* skew: the paper lies crooked on the glass; corners bring in white */
        PIX *t = pixRotate(pix, (l_float32)(pi->skew_deg * M_PI / 180.0), L_ROTATE_AREA_MAP,
                           L_BRING_IN_WHITE, 0, 0);
        pixDestroy(&pix);
        if (!t) goto oom;
        pix = t;

        if (noisy) {
            /* uneven lamp, paper tone, sensor noise */
            illuminate_and_noise(pix, &pr, rng_int(&pr, 236, 250), rng_int(&pr, 0, 26),
                                 rng_int(&pr, 0, 26), rng_int(&pr, 8, 22), 16);
            /* optics: slight gaussian blur */
            pi->blur_sigma = rng_unif(&pr, 0.6, 1.0);
            L_KERNEL *k = makeGaussianKernel(2, 2, (l_float32)pi->blur_sigma, 1.0f);
            if (!k) { pixDestroy(&pix); goto oom; }
            t = pi->color ? pixConvolveRGB(pix, k) : pixConvolve(pix, k, 8, 1);
            kernelDestroy(&k);
            pixDestroy(&pix);
            if (!t) goto oom;
            pix = t;
            /* dust and toner specks, scaled to the page area at this dpi */
            int nblobs = rng_int(&pr, 30, 120);
            speckle(pix, &pr, rng_int(&pr, 80, 250), rng_int(&pr, 40, 150), nblobs,
                    dpi >= 180 ? 3 : 2);
        } else {
            illuminate_and_noise(pix, &pr, rng_int(&pr, 250, 255), 0, 0, 0, 6);
            speckle(pix, &pr, 2, 0, rng_int(&pr, 0, 6), 2);
            /* a 300 dpi scan is a little softer than a vector rendering */
            pi->blur_sigma = rng_unif(&pr, 0.4, 0.6);
            L_KERNEL *k = makeGaussianKernel(2, 2, (l_float32)pi->blur_sigma, 1.0f);
            if (!k) { pixDestroy(&pix); goto oom; }
            t = pixConvolve(pix, k, 8, 1);
            kernelDestroy(&k);
            pixDestroy(&pix);
            if (!t) goto oom;
            pix = t;
        }

        if (pi->rotation) {
            t = pixRotateOrth(pix, pi->rotation / 90);
            pixDestroy(&pix);
            if (!t) goto oom;
            pix = t;
        }
        pi->width_px = pixGetWidth(pix);
        pi->height_px = pixGetHeight(pix);

        /* JPEG at the document's quality, stepped down until the page fits its
         * byte budget (scaled by page area from A4) */
        double wpt = pi->width_px * 72.0 / dpi, hpt = pi->height_px * 72.0 / dpi;
        size_t budget = (size_t)((noisy ? NOISY_BUDGET : CLEAN_BUDGET) * (wpt * hpt) / A4_AREA);
        l_uint8 *jpg = NULL;
        size_t jn = 0;
        pixSetResolution(pix, dpi, dpi);
        if (encode_fit(pix, quality, noisy ? NOISY_FLOOR_Q : CLEAN_FLOOR_Q, budget, &jpg, &jn,
                       &pi->quality) != 0) {
            pixDestroy(&pix);
            fprintf(stderr, PROG ": '%s': JPEG encoding of page %d failed\n", in, pi->index);
            goto done;
        }
        pixDestroy(&pix);
        pi->jpeg_bytes = jn;
        L_COMP_DATA *cid = l_generateJpegDataMem(jpg, jn, 0);    /* takes jpg */
        if (!cid) { free(jpg); goto oom; }
        l_uint8 *data = NULL;
        size_t nbytes = 0;
        int bad = cidConvertToPdfData(cid, NULL, &data, &nbytes);  /* absorbs cid */
        if (bad) {
            fprintf(stderr, PROG ": '%s': PDF encoding of page %d failed\n", in, pi->index);
            goto done;
        }
        L_BYTEA *ba = l_byteaInitFromMem(data, nbytes);
        lept_free(data);
        if (!ba) goto oom;
        ptraAdd(pa, ba);
    }

    if (nsel == 1) {
        L_BYTEA *ba = (L_BYTEA *)ptraGetPtrToItem(pa, 0);
        size_t sz;
        l_uint8 *d = l_byteaGetData(ba, &sz);
        pdf = malloc(sz);
        if (!pdf) goto oom;
        memcpy(pdf, d, sz);
        pdfn = sz;
    } else {
        l_uint8 *d = NULL;
        if (ptraConcatenatePdfToData(pa, NULL, &d, &pdfn) != 0) {
            fprintf(stderr, PROG ": '%s': joining pages failed\n", in);
            goto done;
        }
        pdf = malloc(pdfn);
        if (!pdf) { lept_free(d); goto oom; }
        memcpy(pdf, d, pdfn);
        lept_free(d);
    }

    /* write OUT.pdf atomically, then the sidecar */
    size_t ol = strlen(out);
    tmp = malloc(ol + 8);
    side = malloc(ol + 8);
    if (!tmp || !side) goto oom;
    snprintf(tmp, ol + 8, "%s.tmp", out);
    snprintf(side, ol + 8, "%s.json", out);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, PROG ": cannot write '%s': %s\n", tmp, strerror(errno));
        goto done;
    }
    size_t wr = fwrite(pdf, 1, pdfn, f);
    if (fclose(f) != 0 || wr != pdfn) {
        fprintf(stderr, PROG ": cannot write '%s': %s\n", tmp, strerror(errno));
        remove(tmp);
        goto done;
    }
    if (rename(tmp, out) != 0) {
        fprintf(stderr, PROG ": cannot rename '%s' to '%s': %s\n", tmp, out, strerror(errno));
        remove(tmp);
        goto done;
    }
    if (write_sidecar(side, in, grade, seed, quality, pages, nsel) != 0) goto done;
    rc = 0;
    goto done;

oom:
    fprintf(stderr, PROG ": '%s': out of memory\n", in);
done:
    if (pa) {
        l_int32 maxi = -1;                    /* L_BYTEA items: free each */
        ptraGetMaxIndex(pa, &maxi);
        int n = maxi + 1;
        for (int i = 0; i < n; i++) {
            L_BYTEA *ba = (L_BYTEA *)ptraRemove(pa, i, L_NO_COMPACTION);
            l_byteaDestroy(&ba);
        }
        ptraDestroy(&pa, FALSE, FALSE);
    }
    free(pdf);
    free(tmp);
    free(side);
    free(pages);
    free(sel);
    if (doc) g_object_unref(doc);
    if (err) g_error_free(err);
    g_free(uri);
    g_free(abs);
    return rc;
}
