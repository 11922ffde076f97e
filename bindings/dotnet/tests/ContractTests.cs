// Runs every case of tests/contract/cases through QmsClient.Call (the format is in
// tests/contract/README.md); the folder is read at run time, so new cases run too.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Qms.Tests
{
    internal static class ContractTests
    {
        internal static void Register(Harness h, string root)
        {
            string dir = Path.Combine(root, "tests", "contract", "cases");
            string[] files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json") : new string[0];
            Array.Sort(files, StringComparer.Ordinal);
            h.Add("contract: the folder holds cases", () => Harness.Check(files.Length >= 10, "fewer than 10 cases in " + dir));
            foreach (string f in files)
            {
                string file = f;
                h.Add("contract: " + Path.GetFileName(file), () => RunCase(root, file));
            }
        }

        /// <summary>The status and body of a call, whether it succeeded or not.</summary>
        internal static KeyValuePair<int, byte[]> RawCall(byte[] request, byte[] input)
        {
            try
            {
                return new KeyValuePair<int, byte[]>(0, new QmsClient().Call(request, input));
            }
            catch (QmsException e)
            {
                return new KeyValuePair<int, byte[]>((int)e.Status, Encoding.UTF8.GetBytes(e.Body));
            }
        }

        private static void RunCase(string root, string file)
        {
            var c = (Dictionary<string, object>)Json.Parse(File.ReadAllText(file, Encoding.UTF8));
            byte[] input = null;
            object from;
            if (c.TryGetValue("input_from", out from))
            {
                var r0 = RawCall(RequestBytes(root, (Dictionary<string, object>)from), null);
                Harness.Same(0, r0.Key, "input_from status");
                input = r0.Value;
            }
            var r = RawCall(RequestBytes(root, c), input);
            var expect = (Dictionary<string, object>)c["expect"];
            byte[] body = r.Value;
            string text = Encoding.UTF8.GetString(body);
            Harness.Same(Convert.ToInt32(expect["status"]), r.Key, "status (body " + text.Substring(0, Math.Min(300, text.Length)) + ")");
            if ((string)expect["body"] == "zip")
            {
                Harness.Check(body.Length > 2 && body[0] == 'P' && body[1] == 'K', "body is not a zip");
                return;
            }
            Harness.Same("json", expect["body"], "expect.body");
            object v = Json.Parse(text);
            object eq;
            if (expect.TryGetValue("equals", out eq))
            {
                foreach (var kv in (Dictionary<string, object>)eq)
                {
                    object got;
                    bool found = Pointer(v, kv.Key, out got);
                    Harness.Check(found && DeepEquals(kv.Value, got), kv.Key + ": want " + Json.Write(kv.Value) + ", got " + (found ? Json.Write(got) : "nothing"));
                }
            }
            object nonempty;
            if (expect.TryGetValue("nonempty", out nonempty))
            {
                foreach (string p in ((List<object>)nonempty).Cast<string>())
                {
                    object got;
                    bool ok = Pointer(v, p, out got) && (
                        (got is List<object> && ((List<object>)got).Count > 0) ||
                        (got is Dictionary<string, object> && ((Dictionary<string, object>)got).Count > 0) ||
                        (got is string && ((string)got).Length > 0));
                    Harness.Check(ok, p + " is empty or missing");
                }
            }
        }

        private static byte[] RequestBytes(string root, Dictionary<string, object> c)
        {
            object v;
            if (c.TryGetValue("request_text", out v))
            {
                return Encoding.UTF8.GetBytes((string)v);
            }
            if (c.TryGetValue("request_hex", out v))
            {
                string hex = (string)v;
                var b = new byte[hex.Length / 2];
                for (int i = 0; i < b.Length; i++)
                {
                    b[i] = Convert.ToByte(hex.Substring(2 * i, 2), 16);
                }
                return b;
            }
            var request = new Dictionary<string, object>((Dictionary<string, object>)c["request"]);
            if (c.TryGetValue("dossier", out v))
            {
                request["dossier"] = Json.Parse(File.ReadAllText(Path.Combine(root, (string)v), Encoding.UTF8));
            }
            return Encoding.UTF8.GetBytes(Json.Write(request));
        }

        /// <summary>RFC 6901 JSON pointer.</summary>
        internal static bool Pointer(object v, string pointer, out object found)
        {
            found = v;
            if (pointer.Length == 0)
            {
                return true;
            }
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = raw.Replace("~1", "/").Replace("~0", "~");
                var o = found as Dictionary<string, object>;
                var a = found as List<object>;
                int index;
                if (o != null && o.TryGetValue(token, out found))
                {
                    continue;
                }
                if (a != null && int.TryParse(token, out index) && index >= 0 && index < a.Count)
                {
                    found = a[index];
                    continue;
                }
                found = null;
                return false;
            }
            return true;
        }

        internal static bool DeepEquals(object a, object b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }
            if ((a is long || a is double) && (b is long || b is double))
            {
                return Convert.ToDouble(a) == Convert.ToDouble(b);
            }
            var la = a as List<object>;
            var lb = b as List<object>;
            if (la != null || lb != null)
            {
                return la != null && lb != null && la.Count == lb.Count && la.Zip(lb, DeepEquals).All(x => x);
            }
            var oa = a as Dictionary<string, object>;
            var ob = b as Dictionary<string, object>;
            if (oa != null || ob != null)
            {
                return oa != null && ob != null && oa.Count == ob.Count
                    && oa.All(kv => ob.ContainsKey(kv.Key) && DeepEquals(kv.Value, ob[kv.Key]));
            }
            return a.Equals(b);
        }
    }
}
