using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Qms
{
    /// <summary>
    /// A dossier (hồ sơ) to send: its JSON text, a file holding it, or a decoded object. A
    /// string converts implicitly: text starting with '{' is JSON, anything else a file path.
    /// </summary>
    /// <example><code>
    /// client.Check("examples/so-khcn-ninh-binh.json", today);     // a path
    /// client.Check(Dossier.FromJson(text), today);                // text
    /// </code></example>
    public sealed class Dossier
    {
        // The JSON value put in the request: a JSON string of the text (so problems are
        // reported at the lines of the dossier's own file), or an object.
        internal readonly object Wire;

        private Dossier(object wire)
        {
            Wire = wire;
        }

        /// <summary>A dossier from its JSON text.</summary>
        public static Dossier FromJson(string text)
        {
            return new Dossier(text);
        }

        /// <summary>A dossier from a UTF-8 JSON file (throws the usual I/O exceptions).</summary>
        public static Dossier FromFile(string path)
        {
            return new Dossier(File.ReadAllText(path, Encoding.UTF8));
        }

        /// <summary>A dossier from a decoded object (values: dictionaries, lists, strings, numbers, bools, null).</summary>
        public static Dossier FromObject(IDictionary<string, object> dossier)
        {
            return new Dossier(new RawJson(Json.Write(dossier)));
        }

        /// <summary>Text starting with '{' is JSON; anything else is a file path.</summary>
        public static implicit operator Dossier(string textOrPath)
        {
            if (textOrPath == null)
            {
                throw new System.ArgumentNullException("textOrPath");
            }
            return textOrPath.TrimStart().StartsWith("{", System.StringComparison.Ordinal)
                ? FromJson(textOrPath)
                : FromFile(textOrPath);
        }
    }
}
