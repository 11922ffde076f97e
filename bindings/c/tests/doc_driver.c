/* Runs the C examples of docs/embedding.md (extracted by test.sh): exports a checklist workbook
 * to stand for the filled one, then calls the document's run() with it.
 *
 *   doc_example DOSSIER.json */
#include "qms.h"

#include "harness.h"

int run(const char *dossier, const uint8_t *xlsx, size_t xlsx_len);

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  char *dossier = read_file(argv[1], NULL);
  char *req = format("{\"op\":\"export-checklist\",\"audit\":\"dgnb-2026-1\",\"today\":\"2026-11-21\","
                     "\"dossier\":%s}", dossier);
  QmsBuffer book;
  int32_t st = qms_call((const uint8_t *)req, strlen(req), NULL, 0, &book);
  CHECK(st == QMS_OK, "export the checklist: %d", st);
  CHECK(run(dossier, book.data, book.len) == QMS_OK, "the documented example ends with status 0");
  qms_buffer_free(&book);
  free(req);
  free(dossier);
  return harness_report();
}
