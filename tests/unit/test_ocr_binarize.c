/* ocr/image.c: how strict the page's binarisation is, on drawn gray pages
 * (300 dpi, paper 235).
 *
 * A thin typeface scanned at low resolution: dark verticals and light gray
 * horizontals (王-like glyphs). The horizontals must survive; a strict
 * threshold alone erases them. A bold dark typeface: a light gray gap inside
 * a glyph (the blurred space between two close strokes) must stay open; a
 * loose threshold alone fills it. */
#include <glib.h>
#include <math.h>

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

/* An xRGB page 600 px square (300 dpi), paper 240 gray. */
#define SIDE 600
static void paint(guint32 *rgb, int x, int y, int w, int h, int r, int g, int b) {
  for (int j = y; j < y + h; j++)
    for (int i = x; i < x + w; i++)
      rgb[j * SIDE + i] = (guint32)((r << 16) | (g << 8) | b);
}

static int gray_at(PIX *gray, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(gray, x, y, &v);
  return (int)v;
}

/* A seal as a real report's noisy scan shows it: a ring 1.2 in across and
 * the boxes inside it in red whose red channel sits at 190 against the
 * paper's 240, a black bar of text under it. Away from it, a black bar with
 * a JPEG colour fringe (reddish, red channel 170) beside it. The seal goes
 * to white (its 190 was kept as a gray the adaptive threshold reads as
 * glyphs: 1A7, CRY); black under it stays; the fringe away from any seal
 * keeps its red channel, as every reddish pixel did. */
static void test_seal_lifted_to_white(void) {
  guint32 *rgb = g_new(guint32, SIDE * SIDE);
  paint(rgb, 0, 0, SIDE, SIDE, 240, 240, 240);
  int cx = 300, cy = 260, ro = 180, ri = 172;
  for (int y = 0; y < SIDE; y++)
    for (int x = 0; x < SIDE; x++) {
      int d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d2 <= ro * ro && d2 >= ri * ri)
        paint(rgb, x, y, 1, 1, 190, 100, 100);
    }
  for (int k = 0; k < 4; k++) { /* the ring's boxes: outlines 3 px wide */
    int x = 200 + 50 * k, y = 150;
    paint(rgb, x, y, 30, 3, 190, 100, 100);
    paint(rgb, x, y + 37, 30, 3, 190, 100, 100);
    paint(rgb, x, y, 3, 40, 190, 100, 100);
    paint(rgb, x + 27, y, 3, 40, 190, 100, 100);
  }
  paint(rgb, 180, 300, 200, 6, 30, 30, 30);   /* text under the seal */
  paint(rgb, 100, 520, 120, 6, 30, 30, 30);   /* text away from it */
  paint(rgb, 100, 526, 120, 2, 170, 120, 110); /* its reddish fringe */
  PIX *gray = b2j_ocr_gray_from_rgb(rgb, SIDE, SIDE, SIDE * 4, 300);
  TAP_OK(gray != NULL, "seal page made gray");
  if (gray) {
    TAP_OK(gray_at(gray, cx + 176, cy) >= 250, "the seal's ring is white (%d)", gray_at(gray, cx + 176, cy));
    TAP_OK(gray_at(gray, 201, 151) >= 250, "a box inside the ring is white (%d)", gray_at(gray, 201, 151));
    TAP_OK(gray_at(gray, 250, 302) <= 40, "black text under the seal stays black (%d)",
           gray_at(gray, 250, 302));
    TAP_OK(gray_at(gray, 150, 527) == 170, "a reddish fringe away from any seal keeps its red (%d)",
           gray_at(gray, 150, 527));
    PIX *bin = b2j_ocr_binarize(gray, 300);
    l_int32 boxes_ink = 0;
    for (int y = 150; bin && y < 190; y++)
      for (int x = 200; x < 380; x++)
        boxes_ink += ink(bin, x, y);
    TAP_OK(bin && boxes_ink == 0, "the seal's boxes leave no ink (%d px)", boxes_ink);
    TAP_OK(bin && ink(bin, 250, 302), "the text under the seal is ink");
    pixDestroy(&bin);
  }
  pixDestroy(&gray);
  g_free(rgb);
}

/* leptonica's own Sauvola image (pixSauvolaBinarizeTiled in the tiles the
 * page uses, specks removed) at k: the reference the shared-window code must
 * match pixel for pixel. */
static PIX *leptonica_sauvola(PIX *gray, double dpi, float k) {
  int w = pixGetWidth(gray), h = pixGetHeight(gray);
  int whsize = MAX(8, (int)lround(dpi / 12.0));
  int nx = MAX(1, MIN(w / 700, w / (2 * whsize + 3))), ny = MAX(1, MIN(h / 700, h / (2 * whsize + 3)));
  PIX *bin = NULL;
  if (pixSauvolaBinarizeTiled(gray, whsize, k, nx, ny, NULL, &bin) || !bin)
    return NULL;
  int speck = MAX(2, (int)lround(dpi / 150.0));
  PIX *clean = pixSelectBySize(bin, speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
  pixDestroy(&bin);
  return clean;
}

/* The strict (k 0.34) and loose (k 0.12) images share one measure of each
 * window's mean and deviation; each must still be leptonica's, on a noisy
 * page cut into tiles (1500 px at 300 dpi: 2 x 2) and on one too small to
 * tile. */
static void test_sauvola_pair_is_leptonicas(void) {
  static const int SIDES[2] = {1500, 600};
  for (int s = 0; s < 2; s++) {
    PIX *gray = pixCreate(SIDES[s], SIDES[s], 8);
    guint32 seed = 12345;
    for (int y = 0; y < SIDES[s]; y++)
      for (int x = 0; x < SIDES[s]; x++) {
        seed = seed * 1103515245u + 12345u;
        int v = 200 + (int)((seed >> 16) % 50) - 25;
        if ((x / 7) % 5 == 0 && (y / 23) % 3 == 0)
          v = 30 + (int)((seed >> 8) % 60); /* strokes, some of them gray */
        else if (y > SIDES[s] / 2)
          v = 60 + (int)((seed >> 8) % 150); /* blur: every gray a threshold may take */
        pixSetPixel(gray, x, y, (l_uint32)v);
      }
    PIX *loose = NULL, *strict = b2j_ocr_binarize_both(gray, 300, &loose);
    PIX *ref_strict = leptonica_sauvola(gray, 300, 0.34f), *ref_loose = leptonica_sauvola(gray, 300, 0.12f);
    l_int32 same_strict = 0, same_loose = 0;
    if (strict && ref_strict)
      pixEqual(strict, ref_strict, &same_strict);
    if (loose && ref_loose)
      pixEqual(loose, ref_loose, &same_loose);
    TAP_OK(same_strict && same_loose,
           "Sauvola at k 0.34 and 0.12 from one window measure equals leptonica's, %d px page",
           SIDES[s]);
    pixDestroy(&strict);
    pixDestroy(&loose);
    pixDestroy(&ref_strict);
    pixDestroy(&ref_loose);
    pixDestroy(&gray);
  }
}

int main(void) {
  test_sauvola_pair_is_leptonicas();
  test_faint_strokes();
  test_bold_gaps();
  test_seal_lifted_to_white();
  return tap_done();
}
