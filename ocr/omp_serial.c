/* The OpenMP entry points libtesseract calls, run in the calling thread.
 *
 * Debian's libtesseract is built with OpenMP: its LSTM opens a parallel
 * region for every time step of every line. We run tesseract single-threaded
 * (OMP_THREAD_LIMIT=1, one engine per worker thread), yet libgomp still
 * builds a team of one for each region and, closing it, wakes the team's
 * barrier with a futex system call that nobody waits on: about 120,000 calls
 * a page, some 10% of a scanned page's CPU on a virtual machine.
 *
 * The program exports these four symbols (see the Makefile's EXPORT_OMP), so
 * the dynamic linker binds libtesseract's calls, versioned or not, to them
 * rather than to libgomp's when tesseract is loaded (ocr/tesseract_lazy.c).
 * A region then runs its body once, here, as libgomp runs it for a team of
 * one; omp_get_thread_num and omp_get_num_threads, still libgomp's, answer 0
 * and 1 outside any team of libgomp's, which is what a team of one answers.
 * libtesseract 5 imports these four and no other entry point of libgomp's
 * (nm -D --undefined-only); the unit test test_ocr checks that they bind.
 *
 * The section counter is the only state: per thread, as a team's work share
 * is, and saved around a nested region.
 */
#include <dlfcn.h>
#include <stdbool.h>

#include "ocr_internal.h"

typedef struct {
  unsigned next, count; /* sections are numbered 1..count; 0 says none is left */
} sections;

static _Thread_local sections current;

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags) {
  (void)num_threads;
  (void)flags;
  fn(data);
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads,
                            unsigned count, unsigned flags) {
  (void)num_threads;
  (void)flags;
  sections outer = current;
  current = (sections){1, count};
  fn(data); /* which takes its sections with GOMP_sections_next */
  current = outer;
}

unsigned GOMP_sections_next(void) {
  return current.next <= current.count ? current.next++ : 0;
}

void GOMP_sections_end_nowait(void) {}

bool b2j_ocr_openmp_serial(void) {
  return dlsym(RTLD_DEFAULT, "GOMP_parallel") == (void *)GOMP_parallel &&
         dlsym(RTLD_DEFAULT, "GOMP_parallel_sections") == (void *)GOMP_parallel_sections &&
         dlsym(RTLD_DEFAULT, "GOMP_sections_next") == (void *)GOMP_sections_next &&
         dlsym(RTLD_DEFAULT, "GOMP_sections_end_nowait") == (void *)GOMP_sections_end_nowait;
}
