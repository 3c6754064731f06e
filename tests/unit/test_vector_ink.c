/* extract/vector_ink.cc and ocr/rules.c's b2j_rules_from_ink: the rules a
 * page draws as paths, read without rendering it. Each case is a one-page
 * PDF written here (a content stream, its page box and /Rotate); the rules
 * must be where a rendering of the same page finds them, and what only a
 * rendering can show (an image) must send the caller to the rendering. */
#include <math.h>
#include <string.h>

#include "extract/extract.h"
#include "ocr/ocr.h"
#include "tests/lib/tap.h"

/* A one-page PDF drawing `content`, with a correct xref. `page_extra` goes
 * into the page dictionary (/Rotate, /CropBox). g_bytes_unref it. */
static GBytes *one_page_pdf(double w, double h, const char *page_extra, const char *content) {
  GString *s = g_string_new("%PDF-1.4\n");
  gsize off[5];
  off[1] = s->len;
  g_string_append(s, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
  off[2] = s->len;
  g_string_append(s, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
  off[3] = s->len;
  g_string_append_printf(s,
                         "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] %s "
                         "/Resources << >> /Contents 4 0 R >> endobj\n",
                         w, h, page_extra);
  off[4] = s->len;
  g_string_append_printf(s, "4 0 obj << /Length %zu >> stream\n%s\nendstream endobj\n",
                         strlen(content) + 1, content);
  gsize xref = s->len;
  g_string_append(s, "xref\n0 5\n0000000000 65535 f \n");
  for (int i = 1; i <= 4; i++)
    g_string_append_printf(s, "%010zu 00000 n \n", off[i]);
  g_string_append_printf(s, "trailer << /Size 5 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
  gsize len = s->len;
  return g_bytes_new_take(g_string_free(s, FALSE), len);
}

typedef struct {
  b2j_vector_status status;
  b2j_page *vector;  /* rules from the paths (owned) */
  b2j_page *render;  /* rules from a 72 dpi rendering (owned) */
  GArray *ink;       /* the path ink itself (owned) */
} reading;

static reading read_both(GBytes *pdf_bytes) {
  reading r = {B2J_VECTOR_FAILED, NULL, NULL, g_array_new(FALSE, FALSE, sizeof(b2j_box))};
  b2j_open_status st;
  char *msg = NULL;
  b2j_pdf *pdf = b2j_pdf_open(pdf_bytes, NULL, &st, &msg);
  g_free(msg);
  b2j_pdf_page *pp = pdf ? b2j_pdf_page_open(pdf, 1) : NULL;
  if (pp) {
    r.vector = b2j_pdf_page_read(pp);
    r.render = b2j_page_new(1, r.vector->width, r.vector->height);
    r.status = b2j_pdf_page_vector_ink(pp, r.ink);
    b2j_rules_from_ink(r.vector, r.ink);
    int w = 0, h = 0, stride = 0;
    guint32 *px = b2j_pdf_page_render_rgb(pp, 72, 40000000, &w, &h, &stride);
    if (px)
      b2j_rules_from_rgb(r.render, px, w, h, stride, 72);
    g_free(px);
  }
  b2j_pdf_page_close(pp);
  b2j_pdf_close(pdf);
  return r;
}

static void reading_free(reading *r) {
  b2j_page_free(r->vector);
  b2j_page_free(r->render);
  g_array_free(r->ink, TRUE);
}

static int count_rules(const b2j_page *p, bool horizontal) {
  int n = 0;
  for (guint i = 0; p && i < p->rules->len; i++)
    n += g_array_index(p->rules, b2j_rule, i).horizontal == horizontal;
  return n;
}

/* Is there a rule of that direction whose centre line is within 1.5 pt of
 * `at` and whose ends are within 2 pt of `from`..`to`? */
static bool has_rule(const b2j_page *p, bool horizontal, double at, double from, double to) {
  for (guint i = 0; p && i < p->rules->len; i++) {
    const b2j_rule *r = &g_array_index(p->rules, b2j_rule, i);
    if (r->horizontal != horizontal)
      continue;
    double c = horizontal ? (r->box.y0 + r->box.y1) / 2 : (r->box.x0 + r->box.x1) / 2;
    double a = horizontal ? r->box.x0 : r->box.y0, b = horizontal ? r->box.x1 : r->box.y1;
    if (fabs(c - at) <= 1.5 && fabs(a - from) <= 2 && fabs(b - to) <= 2)
      return true;
  }
  return false;
}

/* Every rule of one page has its match on the other, and the counts agree. */
static bool same_rules(const b2j_page *a, const b2j_page *b) {
  if (!a || !b || a->rules->len != b->rules->len || a->rules->len == 0)
    return false;
  for (guint i = 0; i < a->rules->len; i++) {
    const b2j_rule *r = &g_array_index(a->rules, b2j_rule, i);
    double c = r->horizontal ? (r->box.y0 + r->box.y1) / 2 : (r->box.x0 + r->box.x1) / 2;
    double from = r->horizontal ? r->box.x0 : r->box.y0, to = r->horizontal ? r->box.x1 : r->box.y1;
    if (!has_rule(b, r->horizontal, c, from, to))
      return false;
  }
  return true;
}

/* A 3 x 3 grid (three rows of lines 20 pt apart, three columns), in PDF
 * space: horizontal lines at y 700, 680, 660 from x 100 to 500. */
static const char *GRID_STROKED =
    "0 G 0.5 w 100 700 m 500 700 l 100 680 m 500 680 l 100 660 m 500 660 l "
    "100 660 m 100 700 l 300 660 m 300 700 l 500 660 m 500 700 l S";
/* The same grid as Word and WPS draw it: thin filled boxes. */
static const char *GRID_FILLED =
    "0 g 99.75 699.75 400.5 0.5 re 99.75 679.75 400.5 0.5 re 99.75 659.75 400.5 0.5 re "
    "99.75 659.75 0.5 40.5 re 299.75 659.75 0.5 40.5 re 499.75 659.75 0.5 40.5 re f";

static void test_grid(const char *what, const char *content) {
  GBytes *pdf = one_page_pdf(600, 800, "", content);
  reading r = read_both(pdf);
  TAP_OK(r.status == B2J_VECTOR_OK, "%s: a page of paths only is read from its paths", what);
  TAP_OK(count_rules(r.vector, true) == 3 && count_rules(r.vector, false) == 3,
         "%s: 3 horizontal and 3 vertical rules (got %d and %d)", what,
         count_rules(r.vector, true), count_rules(r.vector, false));
  TAP_OK(has_rule(r.vector, true, 100, 100, 500) && has_rule(r.vector, true, 140, 100, 500) &&
             has_rule(r.vector, false, 300, 100, 140),
         "%s: rules at the page's top-left coordinates (y 100 and 140, x 300)", what);
  TAP_OK(same_rules(r.vector, r.render) && same_rules(r.render, r.vector),
         "%s: the same rules as the page's rendering", what);
  reading_free(&r);
  g_bytes_unref(pdf);
}

static void test_same_as_rendering(const char *what, const char *page_extra,
                                   const char *content) {
  GBytes *pdf = one_page_pdf(600, 800, page_extra, content);
  reading r = read_both(pdf);
  TAP_OK(r.status == B2J_VECTOR_OK && same_rules(r.vector, r.render) &&
             same_rules(r.render, r.vector),
         "%s: the same %u rules as the page's rendering (rendering %u)", what,
         r.vector ? r.vector->rules->len : 0, r.render ? r.render->rules->len : 0);
  reading_free(&r);
  g_bytes_unref(pdf);
}

static void test_no_ink(const char *what, const char *content) {
  GBytes *pdf = one_page_pdf(600, 800, "", content);
  reading r = read_both(pdf);
  TAP_OK(r.status == B2J_VECTOR_OK && r.ink->len == 0 && count_rules(r.vector, true) == 0 &&
             count_rules(r.vector, false) == 0,
         "%s: no ink, no rules (%u boxes)", what, r.ink->len);
  reading_free(&r);
  g_bytes_unref(pdf);
}

int main(void) {
  test_grid("stroked 0.5 pt lines", GRID_STROKED);
  test_grid("thin filled boxes", GRID_FILLED);

  /* A /Rotate and a crop box move every rule; both readings must agree on
   * where (poppler-glib's frame, the one text boxes come in). */
  test_same_as_rendering("page turned by /Rotate 90", "/Rotate 90", GRID_STROKED);
  test_same_as_rendering("page turned by /Rotate 270", "/Rotate 270", GRID_FILLED);
  test_same_as_rendering("crop box inside the media box", "/CropBox [50 40 560 760]",
                         GRID_STROKED);
  /* A scaled, translated coordinate system (cm) and a line width given in it. */
  test_same_as_rendering("grid drawn through a cm matrix",
                         "", "q 2 0 0 2 -100 -700 cm 0 G 0.25 w 100 700 m 300 700 l "
                             "100 690 m 300 690 l 100 690 m 100 700 l 300 690 m 300 700 l S Q");
  /* A shaded header cell is an area: its edges are rules, as on a rendering. */
  test_same_as_rendering("a dark filled area gives its edges", "",
                         "0.5 g 100 600 400 40 re f");

  test_no_ink("white and near-white lines", "1 G 100 700 m 500 700 l S 0.95 G 100 600 m 500 600 l "
                                            "S 0.96 g 100 500 400 1 re f");
  test_no_ink("diagonals and curves", "0 G 1 w 100 100 m 400 400 l S 100 500 m 200 600 300 600 "
                                      "400 500 c S");
  test_no_ink("text only",
              "BT /F1 12 Tf 100 700 Td (no font resource: nothing is drawn) Tj ET");
  test_no_ink("a content stream of junk", "qq ]] 1 2 3 re re re S f f BT ET ET %%");

  {
    /* A faint line under a transparent ink is seen as it shows. */
    GBytes *pdf = one_page_pdf(600, 800, "", "0 G 0.5 w 100 700 m 500 700 l S");
    reading r = read_both(pdf);
    TAP_OK(r.ink->len == 1, "one stroked segment is one ink box (%u)", r.ink->len);
    if (r.ink->len == 1) {
      b2j_box b = g_array_index(r.ink, b2j_box, 0);
      TAP_OK(fabs(b.x0 - 100) < 0.01 && fabs(b.x1 - 500) < 0.01 && fabs(b.y0 - 99.75) < 0.01 &&
                 fabs(b.y1 - 100.25) < 0.01,
             "its box is the line as wide as its width: (%g %g %g %g)", b.x0, b.y0, b.x1, b.y1);
    }
    reading_free(&r);
    g_bytes_unref(pdf);
  }
  {
    /* An image can hold a table's lines that no path draws. */
    GBytes *pdf = one_page_pdf(600, 800, "",
                               "0 G 0.5 w 100 700 m 500 700 l S q 400 0 0 100 100 500 cm "
                               "BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x20\x30\x40 EI Q");
    reading r = read_both(pdf);
    TAP_OK(r.status == B2J_VECTOR_UNSURE,
           "a page that draws an image sends the caller to its rendering");
    reading_free(&r);
    g_bytes_unref(pdf);
  }
  {
    /* A hatched area of 60000 short strokes: joining them would cost more
     * than drawing the page, so the rendering takes it. */
    GString *c = g_string_new("0 G 0.5 w ");
    for (int i = 0; i < 60000; i++)
      g_string_append_printf(c, "%d %d m %d %d l ", 50 + i % 500, 50 + i / 500 * 5,
                             52 + i % 500, 50 + i / 500 * 5);
    g_string_append(c, "S");
    GBytes *pdf = one_page_pdf(600, 800, "", c->str);
    reading r = read_both(pdf);
    TAP_OK(r.status == B2J_VECTOR_UNSURE && r.ink->len <= 50000,
           "a page of more path pieces than is worth joining goes to its rendering (%u kept)",
           r.ink->len);
    reading_free(&r);
    g_bytes_unref(pdf);
    g_string_free(c, TRUE);
  }
  return tap_done();
}
