#include "progress.h"

#include <glib.h>
#include <stdio.h>
#include <unistd.h>

struct b2j_progress {
  int total, done, skipped;
  long long pages;
  bool quiet, tty;
  bool drawn;      /* a bar is on the current line */
  gint64 start_us; /* monotonic */
};

b2j_progress *b2j_progress_new(int total, bool quiet) {
  b2j_progress *p = g_new0(b2j_progress, 1); /* freed by b2j_progress_free */
  p->total = total;
  p->quiet = quiet;
  p->tty = isatty(STDERR_FILENO) == 1;
  p->start_us = g_get_monotonic_time();
  return p;
}

static void fmt_dur(double s, char *buf, size_t n) {
  long t = (long)(s + 0.5);
  if (t >= 3600)
    g_snprintf(buf, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
  else
    g_snprintf(buf, n, "%ldm%02lds", t / 60, t % 60);
}

static void clear_bar(b2j_progress *p) {
  if (p->drawn)
    fputs("\r\033[K", stderr);
  p->drawn = false;
}

void b2j_progress_tick(b2j_progress *p) {
  if (p->quiet || !p->tty)
    return;
  double el = (double)(g_get_monotonic_time() - p->start_us) / 1e6;
  int worked = p->done - p->skipped; /* the rate counts processed documents only */
  double rate = el > 0 ? worked / el : 0;
  char eta[32] = "--";
  if (rate > 0)
    fmt_dur((p->total - p->done) / rate, eta, sizeof eta);
  int width = 24, fill = p->total ? (int)((long long)width * p->done / p->total) : width;
  char bar[32];
  for (int i = 0; i < width; i++)
    bar[i] = i < fill ? '#' : '.';
  bar[width] = '\0';
  fprintf(stderr, "\r\033[K[%s] %d/%d files  %lld pages  %.2f files/s  %.1f pages/s  ETA %s", bar,
          p->done, p->total, p->pages, rate, el > 0 ? p->pages / el : 0.0, eta);
  fflush(stderr);
  p->drawn = true;
}

void b2j_progress_done(b2j_progress *p, const char *file, const char *status, int pages,
                       double seconds, bool skipped) {
  p->done++;
  if (skipped)
    p->skipped++;
  else if (pages > 0)
    p->pages += pages;
  if (p->quiet)
    return;
  if (p->tty) {
    b2j_progress_tick(p);
    return;
  }
  if (skipped)
    fprintf(stderr, "budget2json: [%d/%d] skipped %s (%s, done before)\n", p->done, p->total,
            file, status);
  else
    fprintf(stderr, "budget2json: [%d/%d] %s %s (%d pages, %.2f s)\n", p->done, p->total, status,
            file, pages, seconds);
}

void b2j_progress_message(b2j_progress *p, const char *msg) {
  if (p->quiet)
    return;
  clear_bar(p);
  fprintf(stderr, "budget2json: %s\n", msg);
  b2j_progress_tick(p);
}

void b2j_progress_free(b2j_progress *p) {
  if (!p)
    return;
  clear_bar(p);
  g_free(p);
}
