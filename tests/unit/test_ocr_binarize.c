/* ocr/image.c: how strict the page's binarisation is, on drawn gray pages
 * (300 dpi, paper 235).
 *
 * A thin typeface scanned at low resolution: dark verticals and light gray
 * horizontals (王-like glyphs). The horizontals must survive; a strict
 * threshold alone erases them. A bold dark typeface: a light gray gap inside
 * a glyph (the blurred space between two close strokes) must stay open; a
 * loose threshold alone fills it. */
#include <glib.h>

#include "ocr/ocr_internal.h"
#include "tests/lib/tap.h"

#define PAPER 235

static void fill(PIX *pix, int x, int y, int w, int h, int v) {
  for (int j = y; j < y + h; j++)
    for (int i = x; i < x + w; i++)
      pixSetPixel(pix, i, j, (l_uint32)v);
}

/* Is the pixel at (x, y) ink in the binarisation? */
static bool ink(PIX *bin, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(bin, x, y, &v);
  return v != 0;
}

/* Rows of 王-like glyphs every 60 px: verticals 3 px at gray 40,
 * horizontals 40 x 2 px at gray `hv`. */
static PIX *thin_page(int hv) {
  PIX *pix = pixCreate(600, 400, 8);
  pixSetAllArbitrary(pix, PAPER);
  for (int y = 40; y + 50 < 400; y += 70)
    for (int x = 30; x + 50 < 600; x += 60) {
      fill(pix, x, y, 40, 2, hv);
      fill(pix, x, y + 19, 40, 2, hv);
      fill(pix, x, y + 38, 40, 2, hv);
      fill(pix, x + 19, y, 3, 40, 40);
    }
  return pix;
}

static void test_faint_strokes(void) {
  PIX *gray = thin_page(175);
  PIX *bin = gray ? b2j_ocr_binarize(gray, 300) : NULL;
  TAP_OK(bin != NULL, "thin page binarised");
  if (bin) {
    /* A horizontal of the first glyph, away from its vertical. */
    TAP_OK(ink(bin, 35, 40) && ink(bin, 60, 59), "light gray horizontals are ink");
    TAP_OK(ink(bin, 50, 70), "dark verticals are ink");
    TAP_OK(!ink(bin, 35, 50), "paper between the bars is no ink");
  }
  pixDestroy(&bin);
  pixDestroy(&gray);
}

/* Bold glyphs: two 6 px bars at gray 30 with a 3 px gap at gray 185
 * between them, every 40 px. */
static void test_bold_gaps(void) {
  PIX *gray = pixCreate(600, 400, 8);
  pixSetAllArbitrary(gray, PAPER);
  for (int y = 40; y + 40 < 400; y += 60)
    for (int x = 30; x + 30 < 600; x += 40) {
      fill(gray, x, y, 6, 30, 30);
      fill(gray, x + 6, y, 3, 30, 185);
      fill(gray, x + 9, y, 6, 30, 30);
    }
  PIX *bin = b2j_ocr_binarize(gray, 300);
  TAP_OK(bin != NULL, "bold page binarised");
  if (bin) {
    TAP_OK(ink(bin, 32, 55) && ink(bin, 42, 55), "dark bars are ink");
    TAP_OK(!ink(bin, 37, 55), "the gray gap between two dark bars stays open");
  }
  pixDestroy(&bin);
  pixDestroy(&gray);
}

int main(void) {
  test_faint_strokes();
  test_bold_gaps();
  return tap_done();
}
