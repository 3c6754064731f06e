/* The ink a page draws as vector paths, read with poppler's own interpreter
 * (its private C++ API: poppler-glib draws paths but never hands them out).
 *
 * Finding ruling lines on a rendering costs a rasterisation of every glyph and
 * a scan of every pixel; the paths that draw the rules are already in the
 * content stream. One pass of poppler's Gfx with an output device that keeps
 * straight, axis-parallel strokes and filled rectangles, and ignores text,
 * gives the same lines for a fraction of the time. Where a page also draws
 * what a path list cannot show (images, shadings, tiling patterns), the
 * caller is told to render it instead. */
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>

extern "C" {
#include "extract_internal.h"
}

struct b2j_vector_doc {
  std::unique_ptr<PDFDoc> doc;
};

/* A colour at least this dark on white (luma, 0..1) is ink: what the
 * rendering's reading takes as ink on a white page (ocr/rules.c: 28 levels
 * under the background). */
static constexpr double INK_LUMA = 227.0 / 255.0;
/* Hairlines (width 0) print one device pixel wide: half a point here. */
static constexpr double HAIRLINE = 0.5;
/* Ends of a segment this close across are one line, axis-parallel. */
static constexpr double AXIS_TOL = 0.5;
/* More boxes than this (a chart, a hatched area) cost the joining more than
 * a rendering costs: the page is left to the rendering. */
static constexpr guint MAX_INK = 50000;

namespace {

class InkCollector final : public OutputDev {
public:
  InkCollector(GArray *out, double width, double height) : out_(out), w_(width), h_(height) {}

  bool unsure = false; /* drew something only a rendering shows */

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool useTilingPatternFill() override { return true; }
  bool useShadedFills(int) override { return true; }

  bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int,
                         int, int, int, double, double) override {
    unsure = true;
    return true;
  }
  bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return shaded(); }
  bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override {
    return shaded();
  }
  bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override {
    return shaded();
  }
  bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override {
    return shaded();
  }
  bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return shaded(); }

  /* The base class reads an inline image's data past, so the content
   * stream stays in step; every image makes the page unsure. */
  void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height,
                     bool invert, bool interpolate, bool inlineImg) override {
    unsure = true;
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
  }
  void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height,
                 GfxImageColorMap *colorMap, bool interpolate, const int *maskColors,
                 bool inlineImg) override {
    unsure = true;
    OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors,
                         inlineImg);
  }

  void stroke(GfxState *state) override {
    if (!is_ink(state, true))
      return;
    double lw = std::max(state->getTransformedLineWidth(), HAIRLINE);
    const GfxPath *path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); i++) {
      const GfxSubpath *sp = path->getSubpath(i);
      for (int j = 1; j < sp->getNumPoints(); j++) {
        if (sp->getCurve(j) || sp->getCurve(j - 1))
          continue; /* a curve's control points: not a straight segment */
        double x0, y0, x1, y1;
        state->transform(sp->getX(j - 1), sp->getY(j - 1), &x0, &y0);
        state->transform(sp->getX(j), sp->getY(j), &x1, &y1);
        double dx = std::fabs(x1 - x0), dy = std::fabs(y1 - y0);
        if (dy <= AXIS_TOL && dx > dy) {
          double y = (y0 + y1) / 2;
          add(std::min(x0, x1), y - lw / 2, std::max(x0, x1), y + lw / 2);
        } else if (dx <= AXIS_TOL && dy > dx) {
          double x = (x0 + x1) / 2;
          add(x - lw / 2, std::min(y0, y1), x + lw / 2, std::max(y0, y1));
        }
      }
    }
  }

  void fill(GfxState *state) override { fill_rectangles(state); }
  void eoFill(GfxState *state) override { fill_rectangles(state); }

private:
  GArray *out_;
  double w_, h_;

  bool shaded() {
    unsure = true;
    return true;
  }

  static bool is_ink(GfxState *state, bool stroke) {
    GfxRGB rgb;
    if (stroke)
      state->getStrokeRGB(&rgb);
    else
      state->getFillRGB(&rgb);
    double luma = (77 * colToDbl(rgb.r) + 150 * colToDbl(rgb.g) + 29 * colToDbl(rgb.b)) / 256;
    double alpha = stroke ? state->getStrokeOpacity() : state->getFillOpacity();
    return 1 - alpha * (1 - luma) < INK_LUMA;
  }

  /* Filled subpaths that are axis-parallel rectangles (a table's rules are
   * often thin filled boxes); other shapes are not rules. */
  void fill_rectangles(GfxState *state) {
    if (!is_ink(state, false))
      return;
    const GfxPath *path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); i++) {
      const GfxSubpath *sp = path->getSubpath(i);
      int n = sp->getNumPoints();
      if (n < 4 || n > 5)
        continue;
      double bx0 = 0, by0 = 0, bx1 = 0, by1 = 0, px = 0, py = 0, fx = 0, fy = 0;
      bool rect = true;
      for (int j = 0; j < n && rect; j++) {
        if (sp->getCurve(j)) {
          rect = false;
          break;
        }
        double x, y;
        state->transform(sp->getX(j), sp->getY(j), &x, &y);
        if (j == 0) {
          bx0 = bx1 = fx = x;
          by0 = by1 = fy = y;
        } else {
          rect = std::fabs(x - px) <= AXIS_TOL || std::fabs(y - py) <= AXIS_TOL;
          bx0 = std::min(bx0, x);
          bx1 = std::max(bx1, x);
          by0 = std::min(by0, y);
          by1 = std::max(by1, y);
        }
        px = x;
        py = y;
      }
      /* the fill closes the subpath: that side must be straight too */
      if (rect && (std::fabs(px - fx) <= AXIS_TOL || std::fabs(py - fy) <= AXIS_TOL))
        add(bx0, by0, bx1, by1);
    }
  }

  /* Clipped to the page; ink off the page is not seen. */
  void add(double x0, double y0, double x1, double y1) {
    b2j_box b = {std::max(x0, 0.0), std::max(y0, 0.0), std::min(x1, w_), std::min(y1, h_)};
    if (b.x1 <= b.x0 || b.y1 <= b.y0)
      return;
    if (out_->len >= MAX_INK)
      unsure = true;
    else
      g_array_append_val(out_, b);
  }
};

} // namespace

extern "C" b2j_vector_doc *b2j_vector_doc_open(const guint8 *data, gsize len,
                                               const char *password) {
  /* poppler-glib opened this document first and made poppler's global
   * parameters; without them the interpreter cannot run. */
  if (!globalParams || !data || len == 0)
    return nullptr;
  try {
    auto *str = new MemStream(reinterpret_cast<const char *>(data), 0, (Goffset)len, Object(objNull));
    std::optional<GooString> pw;
    if (password)
      pw = GooString(password);
    auto doc = std::make_unique<PDFDoc>(str, pw, pw); /* owns str */
    if (!doc->isOk())
      return nullptr;
    auto *vd = new b2j_vector_doc;
    vd->doc = std::move(doc);
    return vd;
  } catch (const std::exception &) {
    return nullptr;
  }
}

extern "C" void b2j_vector_doc_close(b2j_vector_doc *vd) { delete vd; }

extern "C" b2j_vector_status b2j_vector_doc_ink(b2j_vector_doc *vd, int number, double width,
                                                double height, GArray *out) {
  if (!vd || number < 1 || number > vd->doc->getNumPages())
    return B2J_VECTOR_FAILED;
  try {
    InkCollector dev(out, width, height);
    /* 72 dpi, the crop box, upside down: points in the frame poppler-glib
     * gives text boxes in (its /Rotate applied). */
    vd->doc->displayPage(&dev, number, 72, 72, 0, false, true, false);
    return dev.unsure ? B2J_VECTOR_UNSURE : B2J_VECTOR_OK;
  } catch (const std::exception &) {
    return B2J_VECTOR_FAILED;
  }
}
