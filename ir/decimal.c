#include "decimal.h"

#include <stdio.h>
#include <string.h>

static const int64_t POW10[19] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

bool b2j_dec_parse_n(const char *s, size_t len, b2j_dec *out) {
  size_t i = 0;
  bool neg = false;
  if (i < len && s[i] == '-') {
    neg = true;
    i++;
  }
  int64_t coef = 0;
  int scale = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < len; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (coef > (INT64_MAX - (c - '0')) / 10)
        return false;
      coef = coef * 10 + (c - '0');
      seen_digit = true;
      if (seen_point) {
        if (++scale > B2J_DEC_MAX_SCALE)
          return false;
      }
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return false;
    }
  }
  if (!seen_digit)
    return false;
  /* "5." is not canonical: a point must be followed by digits. */
  if (seen_point && scale == 0)
    return false;
  out->coef = neg ? -coef : coef;
  out->scale = scale;
  return true;
}

bool b2j_dec_parse(const char *s, b2j_dec *out) {
  return s && b2j_dec_parse_n(s, strlen(s), out);
}

char *b2j_dec_format(b2j_dec d, char buf[B2J_DEC_STRLEN]) {
  /* Work on the magnitude as unsigned so INT64_MIN prints correctly. */
  uint64_t mag = d.coef < 0 ? (uint64_t)0 - (uint64_t)d.coef : (uint64_t)d.coef;
  char digits[24];
  int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
  char *p = buf;
  if (d.coef < 0)
    *p++ = '-';
  if (d.scale == 0) {
    memcpy(p, digits, (size_t)n + 1);
    return buf;
  }
  if (n <= d.scale) {
    *p++ = '0';
    *p++ = '.';
    for (int i = 0; i < d.scale - n; i++)
      *p++ = '0';
    memcpy(p, digits, (size_t)n + 1);
    return buf;
  }
  memcpy(p, digits, (size_t)(n - d.scale));
  p += n - d.scale;
  *p++ = '.';
  memcpy(p, digits + n - d.scale, (size_t)d.scale + 1);
  return buf;
}

b2j_dec b2j_dec_normalize(b2j_dec a) {
  while (a.scale > 0 && a.coef % 10 == 0) {
    a.coef /= 10;
    a.scale--;
  }
  return a;
}

char *b2j_dec_format_trim(b2j_dec d, char buf[B2J_DEC_STRLEN]) {
  return b2j_dec_format(b2j_dec_normalize(d), buf);
}

b2j_dec b2j_dec_from_int(int64_t v) {
  b2j_dec d = {v, 0};
  return d;
}

static bool mul_overflows(int64_t a, int64_t b, int64_t *out) {
  return __builtin_mul_overflow(a, b, out);
}

bool b2j_dec_rescale(b2j_dec d, int scale, b2j_dec *out) {
  if (scale < d.scale || scale > B2J_DEC_MAX_SCALE)
    return false;
  int64_t c;
  if (mul_overflows(d.coef, POW10[scale - d.scale], &c))
    return false;
  out->coef = c;
  out->scale = scale;
  return true;
}

static bool align(b2j_dec *a, b2j_dec *b) {
  int s = a->scale > b->scale ? a->scale : b->scale;
  return b2j_dec_rescale(*a, s, a) && b2j_dec_rescale(*b, s, b);
}

bool b2j_dec_add(b2j_dec a, b2j_dec b, b2j_dec *out) {
  if (!align(&a, &b))
    return false;
  int64_t c;
  if (__builtin_add_overflow(a.coef, b.coef, &c))
    return false;
  out->coef = c;
  out->scale = a.scale;
  return true;
}

bool b2j_dec_sub(b2j_dec a, b2j_dec b, b2j_dec *out) {
  if (!align(&a, &b))
    return false;
  int64_t c;
  if (__builtin_sub_overflow(a.coef, b.coef, &c))
    return false;
  out->coef = c;
  out->scale = a.scale;
  return true;
}

bool b2j_dec_shift(b2j_dec a, int k, b2j_dec *out) {
  if (k >= 0) {
    /* Consume fractional digits first, then multiply the coefficient. */
    int take = k < a.scale ? k : a.scale;
    a.scale -= take;
    k -= take;
    if (k > 18)
      return false;
    int64_t c;
    if (mul_overflows(a.coef, POW10[k], &c))
      return false;
    out->coef = c;
    out->scale = a.scale;
    return true;
  }
  int s = a.scale - k;
  if (s > B2J_DEC_MAX_SCALE)
    return false;
  out->coef = a.coef;
  out->scale = s;
  return true;
}

b2j_dec b2j_dec_abs(b2j_dec a) {
  if (a.coef < 0 && a.coef != INT64_MIN)
    a.coef = -a.coef;
  return a;
}

bool b2j_dec_is_zero(b2j_dec a) { return a.coef == 0; }

int b2j_dec_cmp(b2j_dec a, b2j_dec b) {
  b2j_dec x = b2j_dec_normalize(a), y = b2j_dec_normalize(b);
  if (align(&x, &y))
    return (x.coef > y.coef) - (x.coef < y.coef);
  /* Alignment overflowed: the values differ hugely in magnitude, so the
   * integer parts decide unless both are tiny. */
  int64_t xi = x.coef / POW10[x.scale], yi = y.coef / POW10[y.scale];
  if (xi != yi)
    return (xi > yi) - (xi < yi);
  return (x.coef > 0) - (x.coef < 0) - ((y.coef > 0) - (y.coef < 0));
}

bool b2j_dec_round(b2j_dec a, int scale, b2j_dec *out) {
  if (scale < 0 || scale > B2J_DEC_MAX_SCALE)
    return false;
  if (a.scale <= scale)
    return b2j_dec_rescale(a, scale, out);
  int64_t p = POW10[a.scale - scale];
  int64_t q = a.coef / p, r = a.coef % p;
  if (r < 0)
    r = -r;
  /* r >= p - r avoids computing 2r, which could overflow. */
  if (r >= p - r)
    q += a.coef < 0 ? -1 : 1;
  out->coef = q;
  out->scale = scale;
  return true;
}

bool b2j_dec_mul(b2j_dec a, b2j_dec b, b2j_dec *out) {
  a = b2j_dec_normalize(a);
  b = b2j_dec_normalize(b);
  if (a.scale + b.scale > B2J_DEC_MAX_SCALE)
    return false;
  int64_t c;
  if (mul_overflows(a.coef, b.coef, &c))
    return false;
  out->coef = c;
  out->scale = a.scale + b.scale;
  return true;
}

bool b2j_dec_div(b2j_dec a, b2j_dec b, int scale, b2j_dec *out) {
  if (b.coef == 0 || scale < 0 || scale > B2J_DEC_MAX_SCALE)
    return false;
  a = b2j_dec_normalize(a);
  b = b2j_dec_normalize(b);
  /* a/b = (a.coef / b.coef) * 10^(b.scale - a.scale); compute
   * a.coef * 10^(scale + 1 + b.scale - a.scale) / b.coef, then round the
   * extra digit away. Use __int128 so ordinary ratios never overflow. */
  int e = scale + 1 + b.scale - a.scale;
  __int128 num = a.coef, den = b.coef;
  while (e > 0) {
    num *= 10;
    if (num > (__int128)INT64_MAX * 1000000 || num < -(__int128)INT64_MAX * 1000000)
      return false;
    e--;
  }
  while (e < 0) {
    den *= 10;
    e++;
  }
  __int128 q = num / den; /* truncated toward zero, one digit beyond scale */
  __int128 last = q % 10;
  q /= 10;
  if (last >= 5)
    q += 1;
  else if (last <= -5)
    q -= 1;
  if (q > INT64_MAX || q < INT64_MIN)
    return false;
  out->coef = (int64_t)q;
  out->scale = scale;
  return true;
}
