/* A tiny TAP producer for the unit tests: each test binary prints "ok N - name"
 * or "not ok N - name" per assertion and a plan at the end; tests/run-tests.sh
 * counts the lines. Header-only so each test is one file. */
#ifndef B2J_TAP_H
#define B2J_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n = 0, tap_failed = 0;

#define TAP_OK(cond, ...)                                                                    \
  do {                                                                                       \
    int tap_c_ = (cond) ? 1 : 0;                                                             \
    tap_n++;                                                                                 \
    if (!tap_c_)                                                                             \
      tap_failed++;                                                                          \
    printf("%s %d - ", tap_c_ ? "ok" : "not ok", tap_n);                                     \
    printf(__VA_ARGS__);                                                                     \
    printf("\n");                                                                            \
    if (!tap_c_)                                                                             \
      printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond);                        \
  } while (0)

/* String equality with both values shown on failure. */
#define TAP_STREQ(got, want, ...)                                                            \
  do {                                                                                       \
    const char *tap_g_ = (got), *tap_w_ = (want);                                            \
    int tap_c_ = (tap_g_ == NULL && tap_w_ == NULL) ||                                       \
                 (tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0);                          \
    tap_n++;                                                                                 \
    if (!tap_c_)                                                                             \
      tap_failed++;                                                                          \
    printf("%s %d - ", tap_c_ ? "ok" : "not ok", tap_n);                                     \
    printf(__VA_ARGS__);                                                                     \
    printf("\n");                                                                            \
    if (!tap_c_)                                                                             \
      printf("#   got '%s', want '%s' (%s:%d)\n", tap_g_ ? tap_g_ : "(null)",                \
             tap_w_ ? tap_w_ : "(null)", __FILE__, __LINE__);                                \
  } while (0)

static inline int tap_done(void) {
  printf("1..%d\n", tap_n);
  return tap_failed ? 1 : 0;
}

#endif
