using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace Qms
{
    /// <summary>
    /// The qms library from .NET: checks ISO 9001 audit dossiers and writes their Word/Excel
    /// records. Each method encodes one request, calls <c>qms_call</c>, copies the answer out,
    /// frees the library's buffer in <c>finally</c>, then decodes it or throws the
    /// <see cref="QmsException"/> subclass of the status. Stateless and thread-safe: share one
    /// instance or make many.
    /// </summary>
    /// <example><code>
    /// var qms = new QmsClient();
    /// foreach (var d in qms.Check("examples/so-khcn-ninh-binh.json", new DateTime(2026, 11, 23)))
    ///     Console.WriteLine(d);
    /// </code></example>
    public sealed class QmsClient
    {
        private readonly string lang;

        /// <summary>A client; <paramref name="lang"/> ("vi" or "en") is the default language of messages and documents.</summary>
        /// <exception cref="DllNotFoundException">The native library cannot be found (set QMS_LIBRARY_PATH).</exception>
        /// <exception cref="InvalidOperationException">The native library has another ABI version.</exception>
        public QmsClient(string lang = null)
        {
            this.lang = lang;
            uint abi;
            try
            {
                abi = NativeMethods.qms_abi_version();
            }
            catch (DllNotFoundException e)
            {
                throw new DllNotFoundException(
                    "không tìm thấy thư viện qms / the qms native library was not found: put qms.dll (Windows) or "
                    + "libqms.so beside the application or in runtimes/<rid>/native/ of the package, or set "
                    + "QMS_LIBRARY_PATH to the file or its folder", e);
            }
            if (abi != NativeMethods.AbiVersion)
            {
                throw new InvalidOperationException(
                    "the qms native library has ABI version " + abi + "; this binding needs " + NativeMethods.AbiVersion);
            }
        }

        /// <summary>The library's release version, e.g. "0.1.0".</summary>
        public static string Version
        {
            get { return Marshal.PtrToStringAnsi(NativeMethods.qms_version()); }
        }

        /// <summary>The C ABI version of the loaded library; this binding needs 1.</summary>
        public static uint AbiVersion
        {
            get { return NativeMethods.qms_abi_version(); }
        }

        /// <summary>
        /// Runs the rules (e.g. a "Không phù hợp" answer without a finding, an overdue Hành động
        /// khắc phục). Findings are answers, not exceptions: only an unusable dossier throws.
        /// </summary>
        public IList<Diagnostic> Check(Dossier dossier, DateTime today, string lang = null)
        {
            var r = CallJson(Request("check", dossier).Add("today", Wire.Date(today)).Add("lang", lang ?? this.lang));
            return Diagnostic.ListFromWire(r, "diagnostics");
        }

        /// <summary>Parses and validates a dossier; the problems (empty when valid) are the answer.</summary>
        public IList<Diagnostic> Validate(Dossier dossier, string lang = null)
        {
            var r = CallJson(Request("validate", dossier).Add("lang", lang ?? this.lang));
            return Diagnostic.ListFromWire(r, "problems");
        }

        /// <summary>
        /// One document's bytes: programme, plan, report, car, review-notice, review-report,
        /// minutes, checklist, findings, actions, summary or registers.
        /// </summary>
        public byte[] Render(Dossier dossier, string kind, DateTime today, string audit = null, string review = null,
            string format = null, string lang = null, string correctiveAction = null)
        {
            return Call(Request("render", dossier).Add("kind", kind).Add("today", Wire.Date(today))
                .Add("audit", audit).Add("review", review).Add("format", format)
                .Add("lang", lang ?? this.lang).Add("corrective_action", correctiveAction).ToBytes());
        }

        /// <summary>Every document of the dossier in one zip (op "render-all").</summary>
        public byte[] RenderAll(Dossier dossier, DateTime today, string lang = null)
        {
            return Call(Request("render-all", dossier).Add("today", Wire.Date(today)).Add("lang", lang ?? this.lang).ToBytes());
        }

        /// <summary>The checklist workbook (.xlsx) of an audit, to fill offline in Excel.</summary>
        public byte[] ExportChecklist(Dossier dossier, string audit, DateTime today, string auditor = null, string lang = null)
        {
            return Call(Request("export-checklist", dossier).Add("audit", audit).Add("today", Wire.Date(today))
                .Add("auditor", auditor).Add("lang", lang ?? this.lang).ToBytes());
        }

        /// <summary>
        /// Merges a filled checklist workbook into the dossier. Conflicts are reported, never
        /// dropped; with any, nothing is applied unless <paramref name="partial"/>.
        /// </summary>
        public ImportResult ImportChecklist(Dossier dossier, byte[] workbook, string name = "checklist.xlsx",
            bool partial = false, string lang = null)
        {
            if (workbook == null)
            {
                throw new ArgumentNullException("workbook");
            }
            var request = Request("import-checklist", dossier).Add("input_names", new List<object> { name })
                .Add("lang", lang ?? this.lang);
            if (partial)
            {
                request.Add("partial", true);
            }
            string text = Encoding.UTF8.GetString(Call(request.ToBytes(), workbook));
            var r = (Dictionary<string, object>)Json.Parse(text);
            var changes = new List<ImportChange>();
            foreach (var c in Wire.Objects(r, "changes"))
            {
                changes.Add(new ImportChange
                {
                    Workbook = Wire.Str(c, "workbook"), Sheet = Wire.Str(c, "sheet"), Cell = Wire.Str(c, "cell"),
                    Checklist = Wire.Str(c, "checklist"), Item = Wire.Str(c, "item"), Message = Wire.Str(c, "message"),
                });
            }
            var conflicts = new List<ImportConflict>();
            foreach (var c in Wire.Objects(r, "conflicts"))
            {
                conflicts.Add(new ImportConflict
                {
                    Workbook = Wire.Str(c, "workbook"), Sheet = Wire.Str(c, "sheet"), Cell = Wire.Str(c, "cell"),
                    Code = Wire.Str(c, "code"), Message = Wire.Str(c, "message"),
                });
            }
            return new ImportResult
            {
                Applied = Wire.Bool(r, "applied"),
                Changes = changes.AsReadOnly(),
                Conflicts = conflicts.AsReadOnly(),
                DossierJson = Json.RawMember(text, "dossier"),
            };
        }

        /// <summary>Any request as JSON text; the raw answer (JSON or document bytes), or the exception of its status.</summary>
        public byte[] Call(string requestJson, byte[] input = null)
        {
            if (requestJson == null)
            {
                throw new ArgumentNullException("requestJson");
            }
            return Call(Encoding.UTF8.GetBytes(requestJson), input);
        }

        /// <summary>Any request as bytes (sent as they are, even if not UTF-8); see <see cref="Call(string, byte[])"/>.</summary>
        public byte[] Call(byte[] request, byte[] input = null)
        {
            if (request == null)
            {
                throw new ArgumentNullException("request");
            }
            QmsBuffer output = default(QmsBuffer);
            byte[] body;
            int status;
            try
            {
                int inputLen = input == null ? 0 : input.Length;
                status = NativeMethods.qms_call(request, (UIntPtr)(uint)request.Length,
                    inputLen == 0 ? null : input, (UIntPtr)(uint)inputLen, out output);
                body = new byte[(int)(ulong)output.Len];
                if (body.Length > 0)
                {
                    Marshal.Copy(output.Data, body, 0, body.Length);
                }
            }
            finally
            {
                NativeMethods.qms_buffer_free(ref output);
            }
            if (status != 0)
            {
                throw QmsException.FromStatus(status, Encoding.UTF8.GetString(body));
            }
            return body;
        }

        private Dictionary<string, object> CallJson(RequestBuilder request)
        {
            return (Dictionary<string, object>)Json.Parse(Encoding.UTF8.GetString(Call(request.ToBytes())));
        }

        private static RequestBuilder Request(string op, Dossier dossier)
        {
            if (dossier == null)
            {
                throw new ArgumentNullException("dossier");
            }
            return new RequestBuilder(op).Add("dossier", dossier.Wire);
        }

        /// <summary>A request object; members left null are left out (the library's defaults apply).</summary>
        private sealed class RequestBuilder
        {
            private readonly List<KeyValuePair<string, object>> members = new List<KeyValuePair<string, object>>();

            internal RequestBuilder(string op)
            {
                Add("op", op);
            }

            internal RequestBuilder Add(string name, object value)
            {
                if (value != null)
                {
                    members.Add(new KeyValuePair<string, object>(name, value));
                }
                return this;
            }

            internal byte[] ToBytes()
            {
                return Encoding.UTF8.GetBytes(Json.Write(members));
            }
        }
    }
}
