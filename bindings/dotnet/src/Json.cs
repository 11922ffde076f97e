// A small JSON reader and writer, internal to the binding. Why not a package: the binding must
// build for .NET Framework 4.x and .NET 6+ with no dependency; System.Text.Json is not in .NET
// Framework, and System.Runtime.Serialization.Json's DataContractJsonSerializer needs a
// contract class per shape (qms answers open shapes), maps dictionaries oddly and is a
// different assembly reference on each runtime. This covers RFC 8259 and nothing more.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Qms
{
    /// <summary>JSON text that the writer splices as is (a dossier the caller gave as an object).</summary>
    internal sealed class RawJson
    {
        internal readonly string Text;

        internal RawJson(string text)
        {
            Text = text;
        }
    }

    /// <summary>
    /// Reads JSON into Dictionary&lt;string, object&gt;, List&lt;object&gt;, string, long,
    /// double, bool and null; writes those (and any IDictionary / IEnumerable) back.
    /// </summary>
    internal sealed class Json
    {
        private readonly string s;
        private int i;

        private Json(string text)
        {
            s = text;
        }

        internal static object Parse(string text)
        {
            var p = new Json(text);
            p.Space();
            object v = p.Value();
            p.Space();
            if (p.i != p.s.Length)
            {
                throw p.Fail("text after the JSON value");
            }
            return v;
        }

        /// <summary>The exact text of a member of the top-level object, or null.</summary>
        internal static string RawMember(string text, string name)
        {
            var p = new Json(text);
            p.Space();
            p.Expect('{');
            p.Space();
            if (p.Peek() == '}')
            {
                return null;
            }
            while (true)
            {
                p.Space();
                string key = p.String();
                p.Space();
                p.Expect(':');
                p.Space();
                int start = p.i;
                p.Value();
                if (key == name)
                {
                    return text.Substring(start, p.i - start);
                }
                p.Space();
                if (p.Peek() == ',')
                {
                    p.i++;
                    continue;
                }
                return null;
            }
        }

        private FormatException Fail(string what)
        {
            return new FormatException("JSON: " + what + " at character " + i);
        }

        private char Peek()
        {
            if (i >= s.Length)
            {
                throw Fail("unexpected end");
            }
            return s[i];
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Fail("expected '" + c + "'");
            }
            i++;
        }

        private void Space()
        {
            while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            {
                i++;
            }
        }

        private object Value()
        {
            char c = Peek();
            switch (c)
            {
                case '{':
                    return Object();
                case '[':
                    return Array();
                case '"':
                    return String();
                case 't':
                    return Word("true", true);
                case 'f':
                    return Word("false", false);
                case 'n':
                    return Word("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return Number();
                    }
                    throw Fail("unexpected '" + c + "'");
            }
        }

        private object Word(string word, object value)
        {
            if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0)
            {
                throw Fail("expected " + word);
            }
            i += word.Length;
            return value;
        }

        private Dictionary<string, object> Object()
        {
            var o = new Dictionary<string, object>();
            Expect('{');
            Space();
            if (Peek() == '}')
            {
                i++;
                return o;
            }
            while (true)
            {
                Space();
                string key = String();
                Space();
                Expect(':');
                Space();
                o[key] = Value();
                Space();
                if (Peek() == ',')
                {
                    i++;
                    continue;
                }
                Expect('}');
                return o;
            }
        }

        private List<object> Array()
        {
            var a = new List<object>();
            Expect('[');
            Space();
            if (Peek() == ']')
            {
                i++;
                return a;
            }
            while (true)
            {
                Space();
                a.Add(Value());
                Space();
                if (Peek() == ',')
                {
                    i++;
                    continue;
                }
                Expect(']');
                return a;
            }
        }

        private string String()
        {
            Expect('"');
            var b = new StringBuilder();
            while (true)
            {
                char c = Peek();
                i++;
                if (c == '"')
                {
                    return b.ToString();
                }
                if (c != '\\')
                {
                    b.Append(c);
                    continue;
                }
                char e = Peek();
                i++;
                switch (e)
                {
                    case '"': b.Append('"'); break;
                    case '\\': b.Append('\\'); break;
                    case '/': b.Append('/'); break;
                    case 'b': b.Append('\b'); break;
                    case 'f': b.Append('\f'); break;
                    case 'n': b.Append('\n'); break;
                    case 'r': b.Append('\r'); break;
                    case 't': b.Append('\t'); break;
                    case 'u':
                        if (i + 4 > s.Length)
                        {
                            throw Fail("short \\u escape");
                        }
                        b.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default:
                        throw Fail("bad escape");
                }
            }
        }

        private object Number()
        {
            int start = i;
            while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0)
            {
                i++;
            }
            string t = s.Substring(start, i - start);
            long l;
            if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l))
            {
                return l;
            }
            double d;
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d))
            {
                return d;
            }
            throw Fail("bad number");
        }

        internal static string Write(object value)
        {
            var b = new StringBuilder();
            Write(b, value);
            return b.ToString();
        }

        private static void Write(StringBuilder b, object v)
        {
            if (v == null)
            {
                b.Append("null");
            }
            else if (v is RawJson)
            {
                b.Append(((RawJson)v).Text);
            }
            else if (v is string)
            {
                Quote(b, (string)v);
            }
            else if (v is bool)
            {
                b.Append((bool)v ? "true" : "false");
            }
            else if (v is double || v is float || v is decimal)
            {
                double d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    throw new ArgumentException("JSON has no " + d);
                }
                string t = d.ToString("R", CultureInfo.InvariantCulture);
                // Keep a fraction or exponent (1000.0), so a double reads back as a double.
                b.Append(t).Append(t.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? ".0" : "");
            }
            else if (v is IConvertible && !(v is char) && !(v is DateTime) && !(v is Enum))
            {
                b.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
            }
            else if (v is IEnumerable<KeyValuePair<string, object>>)
            {
                b.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object> e in (IEnumerable<KeyValuePair<string, object>>)v)
                {
                    if (!first)
                    {
                        b.Append(',');
                    }
                    first = false;
                    Quote(b, e.Key);
                    b.Append(':');
                    Write(b, e.Value);
                }
                b.Append('}');
            }
            else if (v is System.Collections.IDictionary)
            {
                b.Append('{');
                bool first = true;
                foreach (System.Collections.DictionaryEntry e in (System.Collections.IDictionary)v)
                {
                    if (!first)
                    {
                        b.Append(',');
                    }
                    first = false;
                    Quote(b, Convert.ToString(e.Key, CultureInfo.InvariantCulture));
                    b.Append(':');
                    Write(b, e.Value);
                }
                b.Append('}');
            }
            else if (v is System.Collections.IEnumerable)
            {
                b.Append('[');
                bool first = true;
                foreach (object x in (System.Collections.IEnumerable)v)
                {
                    if (!first)
                    {
                        b.Append(',');
                    }
                    first = false;
                    Write(b, x);
                }
                b.Append(']');
            }
            else
            {
                throw new ArgumentException("cannot write a " + v.GetType().Name + " as JSON");
            }
        }

        private static void Quote(StringBuilder b, string t)
        {
            b.Append('"');
            foreach (char c in t)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    case '\n': b.Append("\\n"); break;
                    case '\r': b.Append("\\r"); break;
                    case '\t': b.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            b.Append(c);
                        }
                        break;
                }
            }
            b.Append('"');
        }
    }
}
