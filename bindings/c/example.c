/* Checks a dossier, then renders the audit report to a .docx file, printing any error.
 *
 *   gcc -Wall -Iinclude example.c -Lpath/to/release -lqms -o example
 *   ./example ../../examples/so-khcn-ninh-binh.json dgnb-2026-1 2026-11-23 report.docx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qms.h"

static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (s != NULL && fread(s, 1, (size_t)n, f) == (size_t)n) s[n] = '\0';
  else { free(s); s = NULL; }
  fclose(f);
  return s;
}

/* Sends one request; on failure prints the status and the error JSON. */
static int call(const char *request, QmsBuffer *out) {
  int32_t status = qms_call((const uint8_t *)request, strlen(request), NULL, 0, out);
  if (status != QMS_OK) {
    fprintf(stderr, "qms error (status %d): %.*s\n", status, (int)out->len, (const char *)out->data);
    qms_buffer_free(out);
  }
  return status;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s DOSSIER.json AUDIT_ID TODAY OUT.docx\n", argv[0]);
    return 2;
  }
  if (qms_abi_version() != 1) {
    fprintf(stderr, "libqms %s has ABI %u, this program needs 1\n", qms_version(), qms_abi_version());
    return 2;
  }
  char *dossier = read_all(argv[1]);
  if (dossier == NULL) { perror(argv[1]); return 3; }
  size_t cap = strlen(dossier) + 512;
  char *request = malloc(cap);
  if (request == NULL) return 3;

  /* 1. Check: status 0 even when the rules find errors; the diagnostics say so. */
  QmsBuffer out;
  snprintf(request, cap, "{\"op\":\"check\",\"today\":\"%s\",\"lang\":\"vi\",\"dossier\":%s}",
           argv[3], dossier);
  if (call(request, &out) != QMS_OK) return 1;
  printf("check: %.*s\n", (int)(out.len < 400 ? out.len : 400), (const char *)out.data);
  qms_buffer_free(&out);

  /* 2. Render the audit report: the answer is the .docx bytes themselves. */
  snprintf(request, cap,
           "{\"op\":\"render\",\"kind\":\"report\",\"format\":\"docx\",\"audit\":\"%s\","
           "\"today\":\"%s\",\"dossier\":%s}",
           argv[2], argv[3], dossier);
  int rc = 0;
  if (call(request, &out) == QMS_OK) {
    FILE *f = fopen(argv[4], "wb");
    if (f == NULL || fwrite(out.data, 1, out.len, f) != out.len) { perror(argv[4]); rc = 3; }
    if (f != NULL) fclose(f);
    if (rc == 0) printf("wrote %s (%zu bytes)\n", argv[4], out.len);
    qms_buffer_free(&out); /* copied to the file: give the buffer back, exactly once */
  } else {
    rc = 1;
  }
  free(request);
  free(dossier);
  return rc;
}
