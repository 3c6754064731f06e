/* Exact decimals: every amount travels from page to JSON as one of these.
 *
 * A b2j_dec is coef / 10^scale with a signed 64-bit coefficient: 18 significant
 * digits, far beyond any amount in a budget report (the largest seen are under
 * 10^12 元 with two decimals). Nothing here touches binary floating point.
 * Operations that would overflow return false and leave *out untouched; callers
 * treat that as "not a number we can represent" and keep the raw text.
 *
 * Values are plain structs: nothing to free.
 */
#ifndef B2J_DECIMAL_H
#define B2J_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define B2J_DEC_MAX_SCALE 18
/* Large enough for "-9223372036854775808" with a point and a NUL. */
#define B2J_DEC_STRLEN 32

typedef struct {
  int64_t coef;
  int scale; /* 0 .. B2J_DEC_MAX_SCALE: digits after the point, as printed */
} b2j_dec;

/* Parses canonical ASCII: optional '-', digits, optional '.' and digits.
 * No separators, no spaces, no exponent ("12.54", "-0.5", "187267966.43").
 * The scale keeps the printed digits: "2.40" has scale 2. */
bool b2j_dec_parse(const char *s, b2j_dec *out);

/* Same as b2j_dec_parse on the first len bytes of s. */
bool b2j_dec_parse_n(const char *s, size_t len, b2j_dec *out);

/* Writes the exact decimal text ("12.54", "0", "-3.10") into buf; returns buf. */
char *b2j_dec_format(b2j_dec d, char buf[B2J_DEC_STRLEN]);

/* Writes the shortest exact text: trailing fractional zeros dropped ("3.10" -> "3.1"). */
char *b2j_dec_format_trim(b2j_dec d, char buf[B2J_DEC_STRLEN]);

b2j_dec b2j_dec_from_int(int64_t v);

/* Rescales to a larger scale exactly (false on overflow or a smaller scale). */
bool b2j_dec_rescale(b2j_dec d, int scale, b2j_dec *out);

bool b2j_dec_add(b2j_dec a, b2j_dec b, b2j_dec *out);
bool b2j_dec_sub(b2j_dec a, b2j_dec b, b2j_dec *out);
/* Multiplies by 10^k (k may be negative: the scale grows, nothing is rounded). */
bool b2j_dec_shift(b2j_dec a, int k, b2j_dec *out);
b2j_dec b2j_dec_abs(b2j_dec a);
bool b2j_dec_is_zero(b2j_dec a);

/* Numeric comparison regardless of scale: -1, 0, 1. */
int b2j_dec_cmp(b2j_dec a, b2j_dec b);

/* Drops trailing fractional zeros (scale shrinks, value unchanged). */
b2j_dec b2j_dec_normalize(b2j_dec a);

/* Rounds half away from zero to the given scale (for comparing against a
 * figure printed with fewer decimals). False if scale is out of range. */
bool b2j_dec_round(b2j_dec a, int scale, b2j_dec *out);

/* a * b exactly (scales add); false on overflow. */
bool b2j_dec_mul(b2j_dec a, b2j_dec b, b2j_dec *out);

/* a / b rounded half away from zero to `scale` digits; false if b is zero or
 * on overflow. Used only for derived ratios (执行率), never for amounts. */
bool b2j_dec_div(b2j_dec a, b2j_dec b, int scale, b2j_dec *out);

#endif
