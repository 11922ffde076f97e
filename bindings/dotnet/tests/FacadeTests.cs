// Tests of the idiomatic façade: answers, errors per status family, documents, threads.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Qms.Tests
{
    internal static class FacadeTests
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 23);
        private const string Audit = "dgnb-2026-1";

        private static string Codes(IEnumerable<Diagnostic> ds)
        {
            return string.Join(",", ds.Select(d => d.Code + "@" + d.Path));
        }

        internal static void Register(Harness h, string root)
        {
            string example = Path.Combine(root, "examples", "so-khcn-ninh-binh.json");
            var qms = new QmsClient();

            h.Add("versions", () =>
            {
                Harness.Same(1u, QmsClient.AbiVersion, "abi version");
                Harness.Check(System.Text.RegularExpressions.Regex.IsMatch(QmsClient.Version, @"^\d+\.\d+\.\d+"), "version " + QmsClient.Version);
            });

            h.Add("check: a path, the text and an object give the same diagnostics", () =>
            {
                var byPath = qms.Check(example, Today);
                Harness.Check(byPath.Count > 0, "the example has planted errors");
                string text = File.ReadAllText(example, Encoding.UTF8);
                Harness.Same(Codes(byPath), Codes(qms.Check(Dossier.FromJson(text), Today)), "text");
                var obj = (Dictionary<string, object>)Json.Parse(text);
                Harness.Same(Codes(byPath), Codes(qms.Check(Dossier.FromObject(obj), Today)), "object");
                var first = byPath[0];
                Harness.Check(first.Code.StartsWith("QMS-") && first.Line > 0 && first.Message.Length > 0 && first.Requirement != null, "a located diagnostic: " + first);
            });

            h.Add("check: lang selects the language of messages", () =>
            {
                var vi = new QmsClient("vi").Check(example, Today);
                var en = qms.Check(example, Today, "en");
                Harness.Same(Codes(vi), Codes(en), "same findings");
                Harness.Check(vi[0].Message != en[0].Message, "messages differ by language");
            });

            h.Add("validate: the example is valid, a cut file is not, at its own line", () =>
            {
                Harness.Same(0, qms.Validate(example).Count, "problems of the example");
                var problems = qms.Validate("{\n  \"schema_version\": 1,\n  \"agency\": ");
                Harness.Check(problems.Count == 1 && problems[0].Line == 3, "one problem on line 3, got " + string.Join("; ", problems));
            });

            h.Add("errors: each status family has its type, code, message and path", () =>
            {
                var u = Harness.Throws<UnknownOpException>(() => qms.Call("{\"op\":\"fly\"}"));
                Harness.Same("unknown-op|UnknownOp|op", u.Code + "|" + u.Status + "|" + u.Path, "unknown op");
                Harness.Check(u.Message.Contains("fly"), "the message names the op");
                var b = Harness.Throws<BadRequestException>(() => qms.Call("{\"op\": \"clauses\""));
                Harness.Same("bad-request", b.Code, "bad request");
                var n = Harness.Throws<NotFoundException>(() => qms.Call("{\"op\":\"correlate\",\"clause\":\"99.9\"}"));
                Harness.Same("unknown-clause", n.Code, "not found");
                var d = Harness.Throws<InvalidDossierException>(() => qms.Render("{}", "report", Today, audit: Audit));
                Harness.Same("invalid-dossier", d.Code, "invalid dossier");
                Harness.Check(d.Problems.Count > 0 && d.Problems[0].Message.Length > 0, "problems travel with the exception");
                Harness.Check(d is QmsException, "one base type");
            });

            h.Add("errors: every status maps to its own subclass", () =>
            {
                var want = new[] { typeof(BadRequestException), typeof(UnknownOpException), typeof(InvalidDossierException),
                    typeof(NotFoundException), typeof(DocumentException), typeof(TooLargeException),
                    typeof(NullArgumentException), typeof(InternalException) };
                for (int s = 1; s <= 8; s++)
                {
                    var e = QmsException.FromStatus(s, "{\"code\":\"c\",\"message\":\"m\",\"path\":\"p\"}");
                    Harness.Same(want[s - 1], e.GetType(), "status " + s);
                    Harness.Same("c|m|p|" + s, e.Code + "|" + e.Message + "|" + e.Path + "|" + (int)e.Status, "fields");
                }
                Harness.Same(typeof(DocumentException), QmsException.FromStatus(5, "not json").GetType(), "a body that is not JSON");
            });

            h.Add("errors: a missing dossier file is an I/O error, not a qms call", () =>
            {
                Harness.Throws<IOException>(() => qms.Check("/nonexistent/hồ-sơ.json", Today));
            });

            h.Add("render: the audit report is a .docx that passes ooxml_check", () =>
            {
                byte[] docx = qms.Render(example, "report", Today, audit: Audit, format: "docx");
                Harness.Check(docx.Length > 2 && docx[0] == 'P' && docx[1] == 'K', "starts with PK");
                Harness.Check(docx.SequenceEqual(qms.Render(example, "report", Today, audit: Audit, format: "docx")), "same input, same bytes");
                OoxmlCheck(root, docx, ".docx");
            });

            h.Add("render-all: one zip of every document, the same bytes each time", () =>
            {
                byte[] zip = qms.RenderAll(example, Today);
                Harness.Check(zip.Length > 2 && zip[0] == 'P' && zip[1] == 'K', "a zip");
                // Entry names are stored as they are in the zip's headers.
                string names = Encoding.UTF8.GetString(zip);
                Harness.Check(names.Contains("bien-ban-hop-xxld-2026.docx") && names.Contains("danh-muc-tai-lieu-ho-so.xlsx"), "Word and Excel entries");
                Harness.Check(zip.SequenceEqual(qms.RenderAll(example, Today)), "same input, same bytes");
            });

            h.Add("import: an exported checklist round-trips with zero conflicts", () =>
            {
                byte[] xlsx = qms.ExportChecklist(example, Audit, Today);
                OoxmlCheck(root, xlsx, ".xlsx");
                var r = qms.ImportChecklist(example, xlsx, "phieu.xlsx");
                Harness.Same(0, r.Conflicts.Count, "conflicts");
                Harness.Same(0, r.Changes.Count, "changes");
                Harness.Same(false, r.Applied, "applied");
                Harness.Same(Codes(qms.Check(example, Today)), Codes(qms.Check(Dossier.FromJson(r.DossierJson), Today)), "the merged dossier checks the same");
            });

            h.Add("import: a file that is not a workbook is a DocumentException", () =>
            {
                var e = Harness.Throws<DocumentException>(() => qms.ImportChecklist(example, Encoding.UTF8.GetBytes("not a workbook"), "hỏng.xlsx"));
                Harness.Check(e.Message.Contains("hỏng.xlsx"), "names the workbook: " + e.Message);
            });

            h.Add("threads: 8 threads calling at once get the single-thread answers", () =>
            {
                string wantCodes = Codes(qms.Check(example, Today));
                byte[] wantDocx = qms.Render(example, "report", Today, audit: Audit);
                var errors = new List<string>();
                var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
                {
                    try
                    {
                        for (int i = 0; i < 3; i++)
                        {
                            if (Codes(qms.Check(example, Today)) != wantCodes) { throw new Exception("check differs"); }
                            if (!qms.Render(example, "report", Today, audit: Audit).SequenceEqual(wantDocx)) { throw new Exception("render differs"); }
                            Harness.Throws<UnknownOpException>(() => qms.Call("{\"op\":\"fly\"}"));
                        }
                    }
                    catch (Exception e)
                    {
                        lock (errors) { errors.Add("thread " + t + ": " + e.Message); }
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                Harness.Same("", string.Join("; ", errors), "errors");
            });

            h.Add("library path: QMS_LIBRARY_PATH names a file or its folder", () =>
            {
                string saved = Environment.GetEnvironmentVariable("QMS_LIBRARY_PATH");
                try
                {
                    string dir = Path.GetTempPath();
                    Environment.SetEnvironmentVariable("QMS_LIBRARY_PATH", dir);
                    Harness.Same(Path.Combine(dir, "libqms.so"), LibraryLocator.FromEnvironment(), "a folder");
                    Environment.SetEnvironmentVariable("QMS_LIBRARY_PATH", "/opt/x/libqms-1.so");
                    Harness.Same("/opt/x/libqms-1.so", LibraryLocator.FromEnvironment(), "a file");
                    Environment.SetEnvironmentVariable("QMS_LIBRARY_PATH", null);
                    Harness.Same(null, LibraryLocator.FromEnvironment(), "unset: the platform's search");
                }
                finally
                {
                    Environment.SetEnvironmentVariable("QMS_LIBRARY_PATH", saved);
                }
            });

            h.Add("json: the internal reader and writer round-trip escapes, numbers and Vietnamese", () =>
            {
                string text = "{\"a\":\"Sự không phù hợp \\\"x\\\"\\n\\u0001\",\"b\":[1,-2.5,1e3,true,false,null],\"c\":{}}";
                object v = Json.Parse(text);
                Harness.Same("Sự không phù hợp \"x\"\n\u0001", ((Dictionary<string, object>)v)["a"], "string");
                Harness.Check(ContractTests.DeepEquals(v, Json.Parse(Json.Write(v))), "round trip");
                var b = (List<object>)((Dictionary<string, object>)v)["b"];
                Harness.Same("[1,-2.5,1000.0,true,false,null]", Json.Write(b), "numbers keep their kind");
                Harness.Same(typeof(double), ((List<object>)Json.Parse(Json.Write(b)))[2].GetType(), "a double reads back as one");
                Harness.Same("{}", Json.RawMember(text, "c"), "raw member");
                Harness.Throws<FormatException>(() => Json.Parse("{\"a\":1"));
            });
        }

        private static void OoxmlCheck(string root, byte[] bytes, string ext)
        {
            string tool = Path.Combine(Path.GetDirectoryName(root), "shared", "tools", "ooxml_check.py");
            if (!File.Exists(tool))
            {
                Harness.SkipOrFail(tool + " not found");
                return;
            }
            string file = Path.Combine(Path.GetTempPath(), "qms-dotnet-" + Guid.NewGuid().ToString("N") + ext);
            File.WriteAllBytes(file, bytes);
            try
            {
                var p = Process.Start(new ProcessStartInfo("python3", "\"" + tool + "\" \"" + file + "\"")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
                p.WaitForExit();
                Harness.Same(0, p.ExitCode, "ooxml_check: " + output);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
