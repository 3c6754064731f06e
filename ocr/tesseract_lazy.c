/* Tesseract, opened on first use instead of at program start.
 *
 * libtesseract drags in some forty shared libraries (curl, gnutls, kerberos,
 * ICU, libxml2, libarchive, OpenMP). Mapping and relocating them cost more
 * than reading a whole born-digital page, and those documents never OCR. So
 * the program is not linked against tesseract: the functions of its C API
 * that ocr/ calls are defined here, with the library's own prototypes from
 * <tesseract/capi.h> (the compiler checks them), and each forwards to the
 * library, loaded with dlopen the first time any of them is called.
 *
 * Loading late has a second use: OpenMP reads OMP_THREAD_LIMIT when it is
 * loaded, so main() can simply set the variable instead of re-executing the
 * process to make tesseract single-threaded.
 *
 * When the library cannot be loaded, TessBaseAPICreate returns NULL and
 * ocr/ reports that tesseract is missing; the other functions are only ever
 * called on objects TessBaseAPICreate made.
 */
#include <dlfcn.h>
#include <glib.h>
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "ocr_internal.h"

#ifndef B2J_TESSERACT_SONAME
#define B2J_TESSERACT_SONAME "libtesseract.so.5"
#endif

/* X(kind, return type, name, parameters, arguments) for every function ocr/
 * calls. kind: R returns the library's result, V returns nothing, C is the
 * constructor, which answers NULL when the library is missing. */
#define B2J_TESS_FUNCTIONS(X)                                                              \
  X(C, TessBaseAPI *, TessBaseAPICreate, (void), ())                                       \
  X(V, void, TessBaseAPIDelete, (TessBaseAPI * h), (h))                                    \
  X(V, void, TessBaseAPIEnd, (TessBaseAPI * h), (h))                                       \
  X(V, void, TessBaseAPIClear, (TessBaseAPI * h), (h))                                     \
  X(R, int, TessBaseAPIInit4,                                                              \
    (TessBaseAPI * h, const char *datapath, const char *language, TessOcrEngineMode mode,  \
     char **configs, int configs_size, char **vars_vec, char **vars_values,                \
     size_t vars_vec_size, BOOL set_only_non_debug_params),                                \
    (h, datapath, language, mode, configs, configs_size, vars_vec, vars_values,            \
     vars_vec_size, set_only_non_debug_params))                                            \
  X(R, BOOL, TessBaseAPISetVariable, (TessBaseAPI * h, const char *name, const char *value), \
    (h, name, value))                                                                      \
  X(V, void, TessBaseAPISetPageSegMode, (TessBaseAPI * h, TessPageSegMode mode), (h, mode)) \
  X(V, void, TessBaseAPISetSourceResolution, (TessBaseAPI * h, int ppi), (h, ppi))         \
  X(V, void, TessBaseAPISetImage2, (TessBaseAPI * h, struct Pix * pix), (h, pix))          \
  X(V, void, TessBaseAPISetRectangle,                                                      \
    (TessBaseAPI * h, int left, int top, int width, int height),                           \
    (h, left, top, width, height))                                                         \
  X(R, int, TessBaseAPIRecognize, (TessBaseAPI * h, ETEXT_DESC * monitor), (h, monitor))   \
  X(R, char *, TessBaseAPIGetUTF8Text, (TessBaseAPI * h), (h))                             \
  X(R, int, TessBaseAPIMeanTextConf, (TessBaseAPI * h), (h))                               \
  X(R, TessResultIterator *, TessBaseAPIGetIterator, (TessBaseAPI * h), (h))               \
  X(V, void, TessDeleteText, (const char *text), (text))                                   \
  X(V, void, TessResultIteratorDelete, (TessResultIterator * h), (h))                      \
  X(R, TessPageIterator *, TessResultIteratorGetPageIterator, (TessResultIterator * h),    \
    (h))                                                                                   \
  X(R, TessChoiceIterator *, TessResultIteratorGetChoiceIterator,                          \
    (const TessResultIterator *h), (h))                                                    \
  X(R, char *, TessResultIteratorGetUTF8Text,                                              \
    (const TessResultIterator *h, TessPageIteratorLevel level), (h, level))                \
  X(R, float, TessResultIteratorConfidence,                                                \
    (const TessResultIterator *h, TessPageIteratorLevel level), (h, level))                \
  X(V, void, TessPageIteratorBegin, (TessPageIterator * h), (h))                           \
  X(R, BOOL, TessPageIteratorNext, (TessPageIterator * h, TessPageIteratorLevel level),    \
    (h, level))                                                                            \
  X(R, BOOL, TessPageIteratorIsAtBeginningOf,                                              \
    (const TessPageIterator *h, TessPageIteratorLevel level), (h, level))                  \
  X(R, BOOL, TessPageIteratorBoundingBox,                                                  \
    (const TessPageIterator *h, TessPageIteratorLevel level, int *left, int *top,          \
     int *right, int *bottom),                                                             \
    (h, level, left, top, right, bottom))                                                  \
  X(V, void, TessChoiceIteratorDelete, (TessChoiceIterator * h), (h))                      \
  X(R, BOOL, TessChoiceIteratorNext, (TessChoiceIterator * h), (h))                        \
  X(R, const char *, TessChoiceIteratorGetUTF8Text, (const TessChoiceIterator *h), (h))    \
  X(R, float, TessChoiceIteratorConfidence, (const TessChoiceIterator *h), (h))

typedef struct {
  bool loaded; /* every symbol below was found */
#define B2J_TESS_FIELD(kind, ret, name, params, args) ret(*name) params;
  B2J_TESS_FUNCTIONS(B2J_TESS_FIELD)
#undef B2J_TESS_FIELD
} tess_functions;

static gpointer tess_load(gpointer data) {
  (void)data;
  /* Never freed: the table lives as long as the process. */
  tess_functions *t = g_new0(tess_functions, 1);
  void *lib = dlopen(B2J_TESSERACT_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return t;
  bool all = true;
#define B2J_TESS_LOOKUP(kind, ret, name, params, args)                                     \
  *(void **)(&t->name) = dlsym(lib, #name);                                                \
  all = all && t->name != NULL;
  B2J_TESS_FUNCTIONS(B2J_TESS_LOOKUP)
#undef B2J_TESS_LOOKUP
  t->loaded = all;
  return t;
}

/* Written once under GOnce and only read afterwards: safe from any thread. */
static const tess_functions *tess(void) {
  static GOnce once = G_ONCE_INIT;
  return g_once(&once, tess_load, NULL);
}

bool b2j_ocr_tesseract_available(void) { return tess()->loaded; }

/* capi.h declares it without a prototype: "()" rather than "(void)". */
TessBaseAPI *TessBaseAPICreate(void);

/* The forwarding definitions. Only the constructor checks that the library
 * is there: every other function receives an object the constructor made. */
#define B2J_TESS_BODY_C(call) return tess()->loaded ? call : NULL;
#define B2J_TESS_BODY_R(call) return call;
#define B2J_TESS_BODY_V(call) call;
#define B2J_TESS_DEFINE(kind, ret, name, params, args)                                     \
  ret name params { B2J_TESS_BODY_##kind(tess()->name args) }
B2J_TESS_FUNCTIONS(B2J_TESS_DEFINE)
