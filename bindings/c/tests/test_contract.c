/* Written from the contract of issue 12 alone, NOT from include/qms.h: it declares the struct
 * and the four functions itself, so it proves that the published contract (names, types,
 * ownership, statuses 0 / non-zero) is enough to use libqms. Covers every op, errors, double
 * free, NULL, and 8 threads calling at once.
 *
 *   test_contract REPO_ROOT */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the contract, verbatim ---- */
typedef struct { uint8_t *data; size_t len; } QmsBuffer;
uint32_t    qms_abi_version(void);
const char *qms_version(void);
int32_t     qms_call(const uint8_t *request, size_t request_len,
                     const uint8_t *input, size_t input_len,
                     QmsBuffer *out);
void        qms_buffer_free(QmsBuffer *buf);
/* ---------------------------------- */

static int passed, failed;
#define CHECK(cond, what)                              \
  do {                                                 \
    if (cond) passed++;                                \
    else {                                             \
      failed++;                                        \
      fprintf(stderr, "FAIL line %d: %s\n", __LINE__, what); \
    }                                                  \
  } while (0)

static char *slurp(const char *root, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", root, name);
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) exit(2);
  s[n] = '\0';
  fclose(f);
  return s;
}

static int has(const QmsBuffer *b, const char *needle) {
  size_t n = strlen(needle);
  for (size_t i = 0; b->data && i + n <= b->len; i++)
    if (memcmp(b->data + i, needle, n) == 0) return 1;
  return 0;
}

/* Builds {"dossier":D,REST} in a fresh string. */
static char *req(const char *dossier, const char *rest) {
  size_t n = strlen(dossier) + strlen(rest) + 32;
  char *s = malloc(n);
  if (!s) exit(2);
  snprintf(s, n, "{\"dossier\":%s,%s}", dossier, rest);
  return s;
}

static int32_t call(const char *request, const QmsBuffer *input, QmsBuffer *out) {
  return qms_call((const uint8_t *)request, strlen(request), input ? input->data : NULL,
                  input ? input->len : 0, out);
}

/* An error answer: non-zero status and {"code","message","path"}. */
static int is_error(int32_t status, const QmsBuffer *b) {
  return status != 0 && has(b, "\"code\":") && has(b, "\"message\":") && has(b, "\"path\":");
}

static char *dossier, *old_dossier;

static void *thread_main(void *arg) {
  long bad = 0, t = (long)arg;
  char *check = req(dossier, "\"op\":\"check\",\"today\":\"2026-11-21\",\"lang\":\"vi\"");
  char *render = req(dossier, "\"op\":\"render\",\"kind\":\"report\",\"format\":\"docx\","
                              "\"audit\":\"dgnb-2026-1\",\"today\":\"2026-11-21\"");
  for (int i = 0; i < 3; i++) {
    QmsBuffer out;
    int32_t st = call((t + i) % 2 ? check : render, NULL, &out);
    if (st != 0 || out.len < 4) bad++;
    qms_buffer_free(&out);
    st = call("{\"op\":\"nope\"}", NULL, &out);
    if (!is_error(st, &out)) bad++;
    qms_buffer_free(&out);
  }
  free(check);
  free(render);
  return (void *)bad;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: test_contract REPO_ROOT\n"); return 2; }
  dossier = slurp(argv[1], "examples/so-khcn-ninh-binh.json");
  old_dossier = slurp(argv[1], "examples/ubnd-xa-tan-thanh-2008.json");
  CHECK(qms_abi_version() == 1, "abi version 1");
  CHECK(qms_version() != NULL && strchr(qms_version(), '.') != NULL, "version string");

  /* Every op: status 0 with a JSON answer, or document bytes (PK...) for render/export. */
  struct { char *request; const char *answer; } ops[] = {
    { req(dossier, "\"op\":\"validate\""), "{" },
    { req(dossier, "\"op\":\"check\",\"today\":\"2026-11-21\",\"lang\":\"vi\""), "{" },
    { req(old_dossier, "\"op\":\"convert\",\"to\":\"2015\""), "{" },
    { req(dossier, "\"op\":\"render\",\"kind\":\"report\",\"format\":\"docx\","
                   "\"audit\":\"dgnb-2026-1\",\"today\":\"2026-11-21\""), "PK" },
    { req(dossier, "\"op\":\"export-checklist\",\"audit\":\"dgnb-2026-1\","
                   "\"today\":\"2026-11-21\""), "PK" },
    { req(dossier, "\"op\":\"render-all\",\"today\":\"2026-11-21\""), "PK" },
    { req(dossier, "\"op\":\"checklist-new\",\"audit\":\"dgnb-2026-1\",\"unit\":\"motcua\""), "{" },
    { req(dossier, "\"op\":\"transition\",\"corrective_action\":\"car-07\",\"to\":\"in_progress\","
                   "\"date\":\"2026-11-21\""), "{" },
  };
  /* rules, schema, clauses, correlate, init, sample, explain take no dossier. */
  const char *plain[] = {"{\"op\":\"rules\",\"lang\":\"vi\"}", "{\"op\":\"schema\"}",
                         "{\"op\":\"clauses\",\"edition\":\"2015\"}",
                         "{\"op\":\"correlate\",\"clause\":\"8.2.2\"}",
                         "{\"op\":\"init\",\"agency\":\"UBND xã Hòa Bình\"}",
                         "{\"op\":\"sample\",\"checklist_items\":20,\"findings\":3}",
                         "{\"op\":\"explain\",\"code\":\"QMS-C002\"}"};
  QmsBuffer out, workbook = {NULL, 0};
  for (int i = 0; i < 8; i++) {
    int32_t st = call(ops[i].request, NULL, &out);
    CHECK(st == 0 && out.len >= 2 && memcmp(out.data, ops[i].answer, strlen(ops[i].answer)) == 0,
          ops[i].request + strlen(ops[i].request) - 60);
    if (i == 4) workbook = out; /* keep the exported checklist for the import */
    else qms_buffer_free(&out);
    free(ops[i].request);
  }
  for (int i = 0; i < 7; i++) {
    CHECK(call(plain[i], NULL, &out) == 0 && out.len > 0 && out.data[0] == '{', plain[i]);
    qms_buffer_free(&out);
  }
  /* import-checklist: the workbook as input bytes. */
  char *import = req(dossier, "\"op\":\"import-checklist\",\"input_names\":[\"phieu.xlsx\"]");
  CHECK(call(import, &workbook, &out) == 0 && has(&out, "\"conflicts\""), "import-checklist");
  qms_buffer_free(&out);
  free(import);
  qms_buffer_free(&workbook);

  /* A check that finds errors is still status 0. */
  char *check = req(dossier, "\"op\":\"check\",\"today\":\"2026-11-21\",\"lang\":\"vi\"");
  CHECK(call(check, NULL, &out) == 0 && has(&out, "\"severity\":\"error\""), "errors found, status 0");
  qms_buffer_free(&out);
  free(check);

  /* Errors: non-zero status, error JSON in out. */
  const char *bad[] = {"{", "{\"op\":\"fly\"}", "[]", "{\"op\":\"correlate\",\"clause\":\"0\"}",
                       "{\"op\":\"render\",\"kind\":\"report\",\"today\":\"2026-11-21\",\"dossier\":{}}"};
  for (int i = 0; i < 5; i++) {
    int32_t st = call(bad[i], NULL, &out);
    CHECK(is_error(st, &out), bad[i]);
    qms_buffer_free(&out);
  }
  const uint8_t not_utf8[] = {'{', '"', 'o', 'p', '"', ':', '"', 0xC3, 0x28, '"', '}'};
  int32_t st = qms_call(not_utf8, sizeof not_utf8, NULL, 0, &out);
  CHECK(is_error(st, &out), "invalid UTF-8");
  qms_buffer_free(&out);

  /* NULL pointers are error statuses, never a crash. */
  st = qms_call(NULL, 3, NULL, 0, &out);
  CHECK(is_error(st, &out), "NULL request");
  qms_buffer_free(&out);
  st = qms_call((const uint8_t *)"{}", 2, NULL, 5, &out);
  CHECK(is_error(st, &out), "NULL input with a length");
  qms_buffer_free(&out);
  CHECK(qms_call((const uint8_t *)"{}", 2, NULL, 0, NULL) != 0, "NULL out");
  st = qms_call((const uint8_t *)"{}", (size_t)-1, NULL, 0, &out);
  CHECK(is_error(st, &out), "oversized request_len");
  qms_buffer_free(&out);

  /* Double free and NULL free are harmless; free zeroes the struct. */
  CHECK(call("{\"op\":\"rules\"}", NULL, &out) == 0, "rules");
  qms_buffer_free(&out);
  CHECK(out.data == NULL && out.len == 0, "zeroed after free");
  qms_buffer_free(&out);
  qms_buffer_free(NULL);

  /* 8 threads at once. */
  pthread_t th[8];
  for (long t = 0; t < 8; t++) pthread_create(&th[t], NULL, thread_main, (void *)t);
  long nbad = 0;
  for (int t = 0; t < 8; t++) {
    void *r;
    pthread_join(th[t], &r);
    nbad += (long)r;
  }
  CHECK(nbad == 0, "8 threads");

  free(dossier);
  free(old_dossier);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
