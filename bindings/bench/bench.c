/* Times qms_call from C on one request file: the median of RUNS calls, body copied out and freed
 * as a real caller does.   bench REQUEST.json RUNS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qms.h"

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 3;
  fseek(f, 0, SEEK_END);
  size_t n = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *req = malloc(n);
  if (!req || fread(req, 1, n, f) != n) return 3;
  fclose(f);
  int runs = atoi(argv[2]);
  double *ms = malloc(sizeof(double) * (size_t)runs);
  size_t size = 0;
  for (int i = 0; i < runs; i++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    QmsBuffer out;
    if (qms_call(req, n, NULL, 0, &out) != QMS_OK) return 1;
    uint8_t *copy = malloc(out.len); /* a caller keeps the document: copy, then free */
    memcpy(copy, out.data, out.len);
    size = out.len;
    qms_buffer_free(&out);
    free(copy);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  }
  qsort(ms, (size_t)runs, sizeof(double), cmp);
  printf("c-abi %.3f ms median of %d runs, %zu bytes\n", ms[runs / 2], runs, size);
  free(ms);
  /* The fixed cost of one round trip: a tiny request, many times. */
  const char *tiny = "{\"op\":\"correlate\",\"clause\":\"8.2.2\"}";
  enum { TINY = 2001 };
  static double us[TINY];
  for (int i = 0; i < TINY; i++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    QmsBuffer out;
    qms_call((const uint8_t *)tiny, strlen(tiny), NULL, 0, &out);
    qms_buffer_free(&out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    us[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3;
  }
  qsort(us, TINY, sizeof(double), cmp);
  printf("tiny-c-abi %.3f us median of %d calls\n", us[TINY / 2], TINY);
  free(req);
  return 0;
}
