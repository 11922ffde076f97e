// What the façade answers, in .NET naming (the wire's snake_case stays in Wire).

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Qms
{
    /// <summary>
    /// One finding of Check (or problem of Validate): what is wrong, where, and which
    /// requirement says so. Line and column are those of the dossier's own text.
    /// </summary>
    public sealed class Diagnostic
    {
        /// <summary>The rule code, e.g. "QMS-C002".</summary>
        public string Code { get; private set; }
        /// <summary>"error", "warning" or "info".</summary>
        public string Severity { get; private set; }
        /// <summary>The message, in the language asked for.</summary>
        public string Message { get; private set; }
        /// <summary>The dossier path, e.g. "corrective_actions[2].actions[1].due".</summary>
        public string Path { get; private set; }
        /// <summary>The same place as a JSON pointer.</summary>
        public string Pointer { get; private set; }
        /// <summary>The line in the dossier text, when known.</summary>
        public int? Line { get; private set; }
        /// <summary>The column in the dossier text, when known.</summary>
        public int? Column { get; private set; }
        /// <summary>The rule's title (Check only).</summary>
        public string Title { get; private set; }
        /// <summary>The requirement, e.g. "TCVN ISO 9001:2015, 10.2.1 c" (Check only).</summary>
        public string Requirement { get; private set; }

        internal static Diagnostic FromWire(Dictionary<string, object> d)
        {
            return new Diagnostic
            {
                Code = Wire.Str(d, "code") ?? "",
                Severity = Wire.Str(d, "severity") ?? "error",
                Message = Wire.Str(d, "message") ?? "",
                Path = Wire.Str(d, "path") ?? "",
                Pointer = Wire.Str(d, "pointer") ?? "",
                Line = Wire.Int(d, "line"),
                Column = Wire.Int(d, "column"),
                Title = Wire.Str(d, "title"),
                Requirement = Wire.Str(d, "requirement"),
            };
        }

        internal static IList<Diagnostic> ListFromWire(Dictionary<string, object> o, string member)
        {
            var list = new List<Diagnostic>();
            foreach (Dictionary<string, object> d in Wire.Objects(o, member))
            {
                list.Add(FromWire(d));
            }
            return list.AsReadOnly();
        }

        /// <summary>"QMS-C002 corrective_actions[2].actions[1].due: message".</summary>
        public override string ToString()
        {
            return Code + " " + Path + ": " + Message;
        }
    }

    /// <summary>A cell of a filled checklist that ImportChecklist applied.</summary>
    public sealed class ImportChange
    {
        /// <summary>The workbook name given to ImportChecklist.</summary>
        public string Workbook { get; internal set; }
        /// <summary>The sheet.</summary>
        public string Sheet { get; internal set; }
        /// <summary>The cell, e.g. "F12".</summary>
        public string Cell { get; internal set; }
        /// <summary>The checklist id.</summary>
        public string Checklist { get; internal set; }
        /// <summary>The question id.</summary>
        public string Item { get; internal set; }
        /// <summary>What changed.</summary>
        public string Message { get; internal set; }
    }

    /// <summary>A cell of a filled checklist that conflicts with the dossier (never dropped silently).</summary>
    public sealed class ImportConflict
    {
        /// <summary>The workbook name given to ImportChecklist.</summary>
        public string Workbook { get; internal set; }
        /// <summary>The sheet.</summary>
        public string Sheet { get; internal set; }
        /// <summary>The cell.</summary>
        public string Cell { get; internal set; }
        /// <summary>The conflict code.</summary>
        public string Code { get; internal set; }
        /// <summary>What conflicts.</summary>
        public string Message { get; internal set; }
    }

    /// <summary>What ImportChecklist did, and the merged dossier.</summary>
    public sealed class ImportResult
    {
        /// <summary>Whether any change was applied.</summary>
        public bool Applied { get; internal set; }
        /// <summary>The changes.</summary>
        public IList<ImportChange> Changes { get; internal set; }
        /// <summary>The conflicts; with any, nothing is applied unless partial was asked.</summary>
        public IList<ImportConflict> Conflicts { get; internal set; }
        /// <summary>The merged dossier as JSON text, exactly as the library wrote it.</summary>
        public string DossierJson { get; internal set; }
    }

    /// <summary>Reading members of decoded JSON without casts scattered through the façade.</summary>
    internal static class Wire
    {
        internal static string Str(Dictionary<string, object> o, string name)
        {
            object v;
            return o != null && o.TryGetValue(name, out v) ? v as string : null;
        }

        internal static int? Int(Dictionary<string, object> o, string name)
        {
            object v;
            if (o == null || !o.TryGetValue(name, out v) || !(v is long))
            {
                return null;
            }
            return (int)(long)v;
        }

        internal static bool Bool(Dictionary<string, object> o, string name)
        {
            object v;
            return o != null && o.TryGetValue(name, out v) && v is bool && (bool)v;
        }

        internal static IEnumerable<Dictionary<string, object>> Objects(Dictionary<string, object> o, string name)
        {
            object v;
            if (o == null || !o.TryGetValue(name, out v) || !(v is List<object>))
            {
                yield break;
            }
            foreach (object x in (List<object>)v)
            {
                var d = x as Dictionary<string, object>;
                if (d != null)
                {
                    yield return d;
                }
            }
        }

        internal static string Date(DateTime d)
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}
