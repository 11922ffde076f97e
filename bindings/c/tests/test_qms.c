/* The C test suite of libqms, written against include/qms.h: every op, every status, NULL
 * pointers, zero and huge lengths, invalid UTF-8, double free, 16 threads at once, and a panic
 * injected behind the boundary (with a library built with the `test-panic` feature).
 *
 *   test_qms REPO_ROOT [panic]
 *
 * REPO_ROOT locates examples/. With "panic" only the panic test runs; QMS_EXPECT_PANIC=1 says
 * the library was built with `test-panic` (status 8 expected), otherwise status 2 (unknown op).
 * QMS_TEST_ROUNDS (default 4) sets the calls per thread (fewer under valgrind). */
#include "qms.h"

#include <pthread.h>

#include "harness.h"

static char *dossier;     /* examples/so-khcn-ninh-binh.json */
static char *dossier2008; /* examples/ubnd-xa-tan-thanh-2008.json */

/* One call on a NUL-terminated request; the buffer is the caller's to free. */
static int32_t call_str(const char *request, QmsBuffer *out) {
  return qms_call((const uint8_t *)request, strlen(request), NULL, 0, out);
}

/* Calls, checks the status, and frees; returns whether the body holds `needle`. */
static int expect(const char *request, int32_t status, const char *needle) {
  QmsBuffer out;
  int32_t got = call_str(request, &out);
  int ok = got == status && contains(out.data, out.len, needle);
  if (!ok)
    fprintf(stderr, "  status %d (want %d) body %.300s\n", got, status,
            out.data ? (const char *)out.data : "(null)");
  qms_buffer_free(&out);
  return ok;
}

static char *with_dossier(const char *d, const char *rest) {
  return format("{\"dossier\":%s,%s}", d, rest);
}

static void test_version(void) {
  CHECK(qms_abi_version() == 1, "abi version is 1");
  const char *v = qms_version();
  CHECK(v != NULL && strlen(v) >= 5 && v[0] >= '0' && v[0] <= '9' && strchr(v, '.') != NULL,
        "version looks like 0.1.0: %s", v ? v : "(null)");
  CHECK(qms_version() == v, "the version string is static");
}

/* Every op of qms-api, each answering status 0 with the body it promises. */
static void test_every_op(void) {
  struct {
    const char *name;
    char *request;
    const char *needle;
  } ops[] = {
      {"validate", with_dossier(dossier, "\"op\":\"validate\""), "\"valid\":"},
      {"check", with_dossier(dossier, "\"op\":\"check\",\"today\":\"2026-11-23\",\"lang\":\"vi\""),
       "\"diagnostics\":"},
      {"rules", format("{\"op\":\"rules\",\"lang\":\"en\"}"), "\"rules\""},
      {"explain", format("{\"op\":\"explain\",\"code\":\"c002\",\"lang\":\"en\"}"),
       "\"code\":\"QMS-C002\""},
      {"transition",
       with_dossier(dossier, "\"op\":\"transition\",\"corrective_action\":\"car-07\","
                             "\"to\":\"in_progress\",\"date\":\"2026-11-23\""),
       "\"applied\":true"},
      {"convert", with_dossier(dossier2008, "\"op\":\"convert\",\"to\":\"2015\""), "\"dossier\""},
      {"render docx",
       with_dossier(dossier, "\"op\":\"render\",\"kind\":\"report\",\"format\":\"docx\","
                             "\"audit\":\"dgnb-2026-1\",\"today\":\"2026-11-23\""),
       "word/document.xml"},
      {"render xlsx",
       with_dossier(dossier, "\"op\":\"render\",\"kind\":\"findings\",\"format\":\"xlsx\","
                             "\"today\":\"2026-11-23\""),
       "xl/workbook.xml"},
      {"render base64",
       with_dossier(dossier, "\"op\":\"render\",\"kind\":\"report\",\"audit\":\"dgnb-2026-1\","
                             "\"today\":\"2026-11-23\",\"base64\":true"),
       "\"base64\":\"UEsD"},
      {"export-checklist",
       with_dossier(dossier, "\"op\":\"export-checklist\",\"audit\":\"dgnb-2026-1\","
                             "\"today\":\"2026-11-23\""),
       "xl/workbook.xml"},
      {"schema", format("{\"op\":\"schema\",\"of\":\"dossier\"}"), "\"$schema\""},
      {"init", format("{\"op\":\"init\",\"agency\":\"UBND xã Hòa Bình\"}"), "UBND xã Hòa Bình"},
      {"checklist-new",
       with_dossier(dossier, "\"op\":\"checklist-new\",\"audit\":\"dgnb-2026-1\",\"unit\":\"motcua\""),
       "\"checklist\":\"ck-dgnb-2026-1-motcua\""},
      {"render-all", with_dossier(dossier, "\"op\":\"render-all\",\"today\":\"2026-11-23\""),
       ".docx"},
      {"sample", format("{\"op\":\"sample\",\"checklist_items\":20,\"findings\":3,\"seed\":7}"),
       "\"dossier\":"},
      {"clauses", format("{\"op\":\"clauses\",\"edition\":\"2008\"}"), "\"clauses\""},
      {"correlate", format("{\"op\":\"correlate\",\"clause\":\"8.2.2\"}"), "\"9.2\""},
  };
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
    CHECK(expect(ops[i].request, QMS_OK, ops[i].needle), "op %s", ops[i].name);
    free(ops[i].request);
  }
}

/* import-checklist with the workbook as input bytes: exported, then imported untouched. */
static void test_import(void) {
  char *export_req = with_dossier(dossier, "\"op\":\"export-checklist\",\"audit\":\"dgnb-2026-1\","
                                           "\"today\":\"2026-11-23\"");
  QmsBuffer book;
  CHECK(call_str(export_req, &book) == QMS_OK && book.len > 4, "export a checklist");
  char *import_req =
      with_dossier(dossier, "\"op\":\"import-checklist\",\"input_names\":[\"phieu.xlsx\"]");
  QmsBuffer out;
  int32_t st = qms_call((const uint8_t *)import_req, strlen(import_req), book.data, book.len, &out);
  CHECK(st == QMS_OK && contains(out.data, out.len, "\"conflicts\":[]"), "import: %d", st);
  qms_buffer_free(&out);
  /* Bytes that are not a workbook: a document error. */
  const uint8_t junk[] = "not a workbook";
  st = qms_call((const uint8_t *)import_req, strlen(import_req), junk, sizeof junk, &out);
  CHECK(st == QMS_ERR_DOCUMENT && contains(out.data, out.len, "\"code\":"), "junk input: %d", st);
  qms_buffer_free(&out);
  free(import_req);
  free(export_req);
  qms_buffer_free(&book);
}

/* Every status the library answers, each with its error JSON. */
static void test_error_statuses(void) {
  CHECK(expect("{\"op\": \"clauses\"", QMS_ERR_BAD_REQUEST, "\"code\":\"bad-request\""),
        "malformed JSON");
  CHECK(expect("[1,2]", QMS_ERR_BAD_REQUEST, "\"code\":\"bad-request\""), "not an object");
  CHECK(expect("{\"op\":\"rules\",\"colour\":1}", QMS_ERR_BAD_REQUEST, "\"path\":"),
        "unknown member");
  CHECK(expect("{\"op\":\"fly\"}", QMS_ERR_UNKNOWN_OP, "\"code\":\"unknown-op\""), "unknown op");
  CHECK(expect("{\"op\":\"render\",\"kind\":\"report\",\"today\":\"2026-11-23\",\"dossier\":{}}",
               QMS_ERR_INVALID_DOSSIER, "\"problems\":"),
        "invalid dossier");
  CHECK(expect("{\"op\":\"correlate\",\"clause\":\"99.9\"}", QMS_ERR_NOT_FOUND,
               "\"code\":\"unknown-clause\""),
        "unknown clause");
  /* Invalid UTF-8 inside a string, and a lone continuation byte. */
  const uint8_t bad_utf8[] = {'{', '"', 'o', 'p', '"', ':', '"', 0xff, 0xfe, '"', '}'};
  QmsBuffer out;
  int32_t st = qms_call(bad_utf8, sizeof bad_utf8, NULL, 0, &out);
  CHECK(st == QMS_ERR_BAD_REQUEST && contains(out.data, out.len, "UTF-8"), "invalid UTF-8: %d", st);
  qms_buffer_free(&out);
  const uint8_t lone[] = {0x80};
  CHECK(qms_call(lone, 1, NULL, 0, &out) == QMS_ERR_BAD_REQUEST, "lone continuation byte");
  qms_buffer_free(&out);
  /* Zero length: an empty request (the pointer is not read). */
  CHECK(qms_call((const uint8_t *)"x", 0, NULL, 0, &out) == QMS_ERR_BAD_REQUEST, "zero length");
  qms_buffer_free(&out);
  /* The length is honoured: bytes after request_len are never read as part of the request. */
  const char *tail = "{\"op\":\"rules\"}garbage that is not JSON";
  CHECK(qms_call((const uint8_t *)tail, 14, NULL, 0, &out) == QMS_OK, "request_len honoured");
  qms_buffer_free(&out);
}

static void test_null_and_huge(void) {
  const char *req = "{\"op\":\"rules\"}";
  const uint8_t *r = (const uint8_t *)req;
  QmsBuffer out;
  CHECK(qms_call(r, strlen(req), NULL, 0, NULL) == QMS_ERR_NULL_ARGUMENT, "NULL out");
  CHECK(qms_call(NULL, 0, NULL, 0, &out) == QMS_ERR_NULL_ARGUMENT &&
            contains(out.data, out.len, "\"code\":\"null-argument\""),
        "NULL request");
  qms_buffer_free(&out);
  CHECK(qms_call(NULL, 10, NULL, 0, &out) == QMS_ERR_NULL_ARGUMENT, "NULL request, length 10");
  qms_buffer_free(&out);
  CHECK(qms_call(r, strlen(req), NULL, 7, &out) == QMS_ERR_NULL_ARGUMENT &&
            contains(out.data, out.len, "\"path\":\"input\""),
        "NULL input with a length");
  qms_buffer_free(&out);
  CHECK(qms_call(r, strlen(req), r, 0, &out) == QMS_OK, "input with length 0 is no input");
  qms_buffer_free(&out);
  CHECK(qms_call(r, SIZE_MAX, NULL, 0, &out) == QMS_ERR_TOO_LARGE &&
            contains(out.data, out.len, "\"code\":\"too-large\""),
        "request_len SIZE_MAX");
  qms_buffer_free(&out);
  CHECK(qms_call(r, (size_t)QMS_MAX_REQUEST_LEN + 1, NULL, 0, &out) == QMS_ERR_TOO_LARGE,
        "request_len just over the limit");
  qms_buffer_free(&out);
  CHECK(qms_call(r, strlen(req), r, SIZE_MAX, &out) == QMS_ERR_TOO_LARGE &&
            contains(out.data, out.len, "\"path\":\"input\""),
        "input_len SIZE_MAX");
  qms_buffer_free(&out);
}

static void test_buffers(void) {
  QmsBuffer out;
  memset(&out, 0xAB, sizeof out); /* garbage before the call: overwritten, never read */
  CHECK(call_str("{\"op\":\"rules\"}", &out) == QMS_OK && out.data != NULL && out.len > 0,
        "out is written over garbage");
  qms_buffer_free(&out);
  CHECK(out.data == NULL && out.len == 0, "free zeroes the struct");
  qms_buffer_free(&out); /* double free: harmless */
  qms_buffer_free(NULL); /* NULL: harmless */
  QmsBuffer zero = {NULL, 0};
  qms_buffer_free(&zero);
  CHECK(zero.data == NULL && zero.len == 0, "freeing a zeroed struct");
}

/* A panic behind the boundary: status 8 with the test-panic build, else an unknown op. */
static void test_panic(void) {
  const char *expect_panic = getenv("QMS_EXPECT_PANIC");
  int injected = expect_panic != NULL && strcmp(expect_panic, "1") == 0;
  QmsBuffer out;
  int32_t st = call_str("{\"op\":\"__panic\"}", &out);
  if (injected)
    CHECK(st == QMS_ERR_INTERNAL && contains(out.data, out.len, "\"code\":\"internal\""),
          "panic comes back as status 8: %d", st);
  else
    CHECK(st == QMS_ERR_UNKNOWN_OP, "no panic feature: unknown op: %d", st);
  qms_buffer_free(&out);
  CHECK(expect("{\"op\":\"rules\"}", QMS_OK, "\"rules\""), "usable after a panic");
}

/* 16 threads at once, each mixing renders, checks and errors; renders must be identical. */
enum { THREADS = 16 };
static char *thread_render;
static QmsBuffer reference;
static int rounds = 4;

static void *worker(void *arg) {
  long t = (long)arg, bad = 0;
  char *check = with_dossier(dossier, "\"op\":\"check\",\"today\":\"2026-11-23\",\"lang\":\"en\"");
  for (int i = 0; i < rounds; i++) {
    QmsBuffer out;
    switch ((t + i) % 3) {
      case 0:
        if (call_str(thread_render, &out) != QMS_OK || out.len != reference.len ||
            memcmp(out.data, reference.data, out.len) != 0)
          bad++;
        break;
      case 1:
        if (call_str(check, &out) != QMS_OK || !contains(out.data, out.len, "\"diagnostics\":"))
          bad++;
        break;
      default:
        if (call_str("{\"op\":\"fly\"}", &out) != QMS_ERR_UNKNOWN_OP) bad++;
    }
    qms_buffer_free(&out);
  }
  free(check);
  return (void *)bad;
}

static void test_threads(void) {
  const char *r = getenv("QMS_TEST_ROUNDS");
  if (r != NULL && atoi(r) > 0) rounds = atoi(r);
  thread_render = with_dossier(dossier, "\"op\":\"render\",\"kind\":\"report\","
                                        "\"audit\":\"dgnb-2026-1\",\"today\":\"2026-11-23\"");
  CHECK(call_str(thread_render, &reference) == QMS_OK, "reference render");
  pthread_t th[THREADS];
  for (long t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, worker, (void *)t);
  long bad = 0;
  for (int t = 0; t < THREADS; t++) {
    void *res;
    pthread_join(th[t], &res);
    bad += (long)res;
  }
  CHECK(bad == 0, "16 threads: %ld bad answers", bad);
  qms_buffer_free(&reference);
  free(thread_render);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_qms REPO_ROOT [panic]\n");
    return 2;
  }
  if (argc > 2 && strcmp(argv[2], "panic") == 0) {
    test_panic();
    return harness_report();
  }
  char *path = format("%s/examples/so-khcn-ninh-binh.json", argv[1]);
  dossier = read_file(path, NULL);
  free(path);
  path = format("%s/examples/ubnd-xa-tan-thanh-2008.json", argv[1]);
  dossier2008 = read_file(path, NULL);
  free(path);
  test_version();
  test_every_op();
  test_import();
  test_error_statuses();
  test_null_and_huge();
  test_buffers();
  test_panic();
  test_threads();
  free(dossier);
  free(dossier2008);
  return harness_report();
}
