/* ocr/rules.c: the run-length path finds the same rule fragments, in the
 * same order, as opening with leptonica's bricks and taking connected
 * components — on page renderings of the corpus (run from the repo root)
 * and on random images (noise, lines, filled boxes, edges touched). */
#include <math.h>
#include <string.h>

#include "extract/extract.h"
#include "ocr/ocr_internal.h"
#include "tests/lib/tap.h"

/* Both paths on one image; prints the first difference. */
static bool same_fragments(PIX *bin, int len, bool horizontal, double thick_px,
                           const char *what) {
  GArray *a = g_array_new(FALSE, FALSE, sizeof(b2j_rule_frag)); /* freed below */
  GArray *b = g_array_new(FALSE, FALSE, sizeof(b2j_rule_frag));
  b2j_rules_fragments(bin, len, horizontal, thick_px, a);
  b2j_rules_fragments_morph(bin, len, horizontal, thick_px, b);
  bool same = a->len == b->len;
  guint i = 0;
  for (; same && i < a->len; i++)
    same = !memcmp(&g_array_index(a, b2j_rule_frag, i), &g_array_index(b, b2j_rule_frag, i),
                   sizeof(b2j_rule_frag));
  if (!same) {
    printf("# %s len %d %s thick %.1f: %u fragments vs leptonica's %u", what, len,
           horizontal ? "h" : "v", thick_px, a->len, b->len);
    if (i > 0 && i <= a->len && i <= b->len) {
      const b2j_rule_frag *p = &g_array_index(a, b2j_rule_frag, i - 1);
      const b2j_rule_frag *q = &g_array_index(b, b2j_rule_frag, i - 1);
      printf(", #%u (%g %g %g %g) vs (%g %g %g %g)", i - 1, p->x0, p->y0, p->x1, p->y1, q->x0,
             q->y0, q->x1, q->y1);
    }
    printf("\n");
  }
  g_array_free(a, TRUE);
  g_array_free(b, TRUE);
  return same;
}

/* Every page of `path` rendered at `dpi`, with the lengths and thickness
 * b2j_rules_from_rgb uses there. */
static void test_pdf(const char *path, double dpi) {
  char *data = NULL;
  gsize n = 0;
  if (!g_file_get_contents(path, &data, &n, NULL)) {
    TAP_OK(0, "%s is missing (run from the repo root)", path);
    return;
  }
  GBytes *bytes = g_bytes_new_take(data, n);
  b2j_open_status st;
  char *msg = NULL;
  b2j_pdf *pdf = b2j_pdf_open(bytes, NULL, &st, &msg);
  g_free(msg);
  int pages = pdf ? b2j_pdf_page_count(pdf) : 0, ok = 0;
  double px = dpi / 72.0;
  int hlen = MAX(6, (int)lround(10.0 * px)), vlen = MAX(5, (int)lround(7.0 * px));
  double thick = MAX(2.0, 3.5 * px);
  for (int p = 1; p <= pages; p++) {
    int w = 0, h = 0, stride = 0;
    guint32 *rgb = b2j_pdf_render_rgb(pdf, p, dpi, 40000000, &w, &h, &stride);
    PIX *bin = rgb ? b2j_rules_ink(rgb, w, h, stride) : NULL;
    char what[300];
    g_snprintf(what, sizeof what, "%s p%d @%g", path, p, dpi);
    if (bin && same_fragments(bin, hlen, true, thick, what) &&
        same_fragments(bin, vlen, false, thick, what))
      ok++;
    pixDestroy(&bin);
    g_free(rgb);
  }
  TAP_OK(pages > 0 && ok == pages, "%s at %g dpi: same fragments on %d of %d pages", path, dpi,
         ok, pages);
  b2j_pdf_close(pdf);
  g_bytes_unref(bytes);
}

static void set_box(PIX *pix, int x0, int y0, int x1, int y1) {
  int w = pixGetWidth(pix), h = pixGetHeight(pix);
  for (int y = MAX(0, y0); y < MIN(h, y1); y++)
    for (int x = MAX(0, x0); x < MIN(w, x1); x++)
      pixSetPixel(pix, x, y, 1);
}

/* Random pages: speckle, rules of every length (some running off an edge),
 * thick bars, filled boxes with strokes stuck to them. */
static void test_random(void) {
  GRand *rng = g_rand_new_with_seed(20261206);
  static const int lens[] = {2, 5, 6, 7, 10, 13, 21, 29, 37, 42, 61, 63, 70};
  int cases = 0, ok = 0;
  for (int t = 0; t < 400; t++) {
    int w = g_rand_int_range(rng, 8, 300), h = g_rand_int_range(rng, 8, 300);
    PIX *pix = pixCreate(w, h, 1);
    double dens = g_rand_double_range(rng, 0, 0.5);
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        if (g_rand_double(rng) < dens * dens)
          pixSetPixel(pix, x, y, 1);
    int shapes = g_rand_int_range(rng, 0, 40);
    for (int s = 0; s < shapes; s++) {
      int x = g_rand_int_range(rng, -20, w), y = g_rand_int_range(rng, -20, h);
      int kind = g_rand_int_range(rng, 0, 3);
      int len = g_rand_int_range(rng, 1, 2 * MAX(w, h));
      int th = kind == 2 ? g_rand_int_range(rng, 3, 30) : g_rand_int_range(rng, 1, 5);
      if (kind == 0 || kind == 2)
        set_box(pix, x, y, x + len, y + th);
      else
        set_box(pix, x, y, x + th, y + len);
    }
    int len = lens[g_rand_int_range(rng, 0, G_N_ELEMENTS(lens))];
    double thick = g_rand_double_range(rng, 1.5, 16);
    bool horizontal = g_rand_boolean(rng);
    char what[64];
    g_snprintf(what, sizeof what, "random #%d (%dx%d)", t, w, h);
    cases++;
    ok += same_fragments(pix, len, horizontal, thick, what);
    pixDestroy(&pix);
  }
  g_rand_free(rng);
  TAP_OK(ok == cases, "random images: same fragments in %d of %d", ok, cases);
}

int main(void) {
  test_random();
  test_pdf("corpus/pdf/digital/seed-000.pdf", 72);
  test_pdf("corpus/pdf/digital/seed-001.pdf", 72);
  test_pdf("corpus/pdf/digital/syn-005.pdf", 72);
  test_pdf("corpus/pdf/digital/seed-003.pdf", 150);
  return tap_done();
}
