/* A tiny test harness shared by the C test programs: counts checks, reads files, builds
 * requests around a dossier, and prints "N passed, N failed" at the end. */
#ifndef QMS_TEST_HARNESS_H
#define QMS_TEST_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed;
static int harness_failed;

/* One named check: counted, and printed when it fails. */
#define CHECK(cond, ...)                                                   \
  do {                                                                     \
    if (cond) {                                                            \
      harness_passed++;                                                    \
    } else {                                                               \
      harness_failed++;                                                    \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                 \
      fprintf(stderr, __VA_ARGS__);                                        \
      fprintf(stderr, "\n");                                               \
    }                                                                      \
  } while (0)

/* Reads a whole file; exits when it cannot (a broken test setup, not a test failure). */
static inline char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  size_t n;
  while (buf != NULL && (n = fread(buf + len, 1, cap - len, f)) > 0) {
    len += n;
    if (len == cap) {
      cap *= 2;
      char *bigger = realloc(buf, cap + 1);
      if (bigger == NULL) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
    }
  }
  fclose(f);
  if (buf == NULL) {
    fprintf(stderr, "out of memory reading %s\n", path);
    exit(2);
  }
  buf[len] = '\0';
  if (len_out != NULL) *len_out = len;
  return buf;
}

/* printf into a fresh malloc'd string (the caller frees it). */
static inline char *format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = malloc((size_t)n + 1);
  if (s == NULL) exit(2);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

/* Whether `len` bytes at `data` contain the NUL-terminated `needle`. */
static inline int contains(const unsigned char *data, size_t len, const char *needle) {
  size_t n = strlen(needle);
  if (data == NULL || n > len) return 0;
  for (size_t i = 0; i + n <= len; i++)
    if (memcmp(data + i, needle, n) == 0) return 1;
  return 0;
}

static inline int harness_report(void) {
  printf("%d passed, %d failed\n", harness_passed, harness_failed);
  return harness_failed == 0 ? 0 : 1;
}

#endif
