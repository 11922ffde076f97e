// Errors: one base type and one subclass per family of statuses of the C ABI.

using System;
using System.Collections.Generic;

namespace Qms
{
    /// <summary>The status of a call (the C ABI's status values; they never change).</summary>
    public enum QmsStatus
    {
        /// <summary>The op did its work (findings and conflicts are answers, not errors).</summary>
        Ok = 0,
        /// <summary>The request is not UTF-8, not JSON, or has a missing, unknown or mistyped member.</summary>
        BadRequest = 1,
        /// <summary>The op is not one this version of the library knows.</summary>
        UnknownOp = 2,
        /// <summary>The dossier does not validate, so the op cannot run on it.</summary>
        InvalidDossier = 3,
        /// <summary>An id or clause the request names does not exist.</summary>
        NotFound = 4,
        /// <summary>A document could not be written or a workbook could not be read.</summary>
        Document = 5,
        /// <summary>The request or input is larger than the library accepts.</summary>
        TooLarge = 6,
        /// <summary>A required pointer was NULL (a binding bug).</summary>
        NullArgument = 7,
        /// <summary>A bug inside qms, caught at the boundary.</summary>
        Internal = 8,
    }

    /// <summary>
    /// A qms call failed. <see cref="Code"/> is the stable error code (e.g. "invalid-dossier"),
    /// <see cref="Path"/> where in the request the fault is, <see cref="Body"/> the error JSON.
    /// Catch a subclass to handle one family.
    /// </summary>
    /// <example><code>
    /// try { client.Render("dossier.json", "report", today, audit: "dg1"); }
    /// catch (InvalidDossierException e) { foreach (var p in e.Problems) Console.WriteLine(p.Message); }
    /// catch (QmsException e) { Console.WriteLine(e.Code + ": " + e.Message); }
    /// </code></example>
    public class QmsException : Exception
    {
        /// <summary>The status the call returned.</summary>
        public QmsStatus Status { get; private set; }

        /// <summary>The stable error code, e.g. "bad-request", "unknown-clause".</summary>
        public string Code { get; private set; }

        /// <summary>Where in the request the fault is, e.g. "op", "dossier", "$".</summary>
        public string Path { get; private set; }

        /// <summary>The error JSON as the library sent it.</summary>
        public string Body { get; private set; }

        /// <summary>Creates the error of one failed call.</summary>
        public QmsException(QmsStatus status, string code, string message, string path, string body)
            : base(message)
        {
            Status = status;
            Code = code;
            Path = path;
            Body = body;
        }

        /// <summary>The subclass for a status, with the error JSON decoded.</summary>
        public static QmsException FromStatus(int status, string body)
        {
            Dictionary<string, object> e = null;
            try
            {
                e = Json.Parse(body) as Dictionary<string, object>;
            }
            catch (FormatException)
            {
            }
            string code = Wire.Str(e, "code") ?? "internal";
            string message = Wire.Str(e, "message") ?? ("status " + status + " with an error body that is not JSON");
            string path = Wire.Str(e, "path") ?? "$";
            var s = (QmsStatus)status;
            switch (s)
            {
                case QmsStatus.BadRequest: return new BadRequestException(s, code, message, path, body);
                case QmsStatus.UnknownOp: return new UnknownOpException(s, code, message, path, body);
                case QmsStatus.InvalidDossier:
                    return new InvalidDossierException(s, code, message, path, body, Diagnostic.ListFromWire(e, "problems"));
                case QmsStatus.NotFound: return new NotFoundException(s, code, message, path, body);
                case QmsStatus.Document: return new DocumentException(s, code, message, path, body);
                case QmsStatus.TooLarge: return new TooLargeException(s, code, message, path, body);
                case QmsStatus.NullArgument: return new NullArgumentException(s, code, message, path, body);
                default: return new InternalException(s, code, message, path, body);
            }
        }
    }

    /// <summary>Status 1: the request is malformed.</summary>
    public class BadRequestException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public BadRequestException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 2: the op is unknown to this library version.</summary>
    public class UnknownOpException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public UnknownOpException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 3: the dossier does not validate; <see cref="Problems"/> says where.</summary>
    public class InvalidDossierException : QmsException
    {
        /// <summary>The problems, with path, line and message.</summary>
        public IList<Diagnostic> Problems { get; private set; }

        /// <summary>See <see cref="QmsException"/>.</summary>
        public InvalidDossierException(QmsStatus s, string code, string message, string path, string body, IList<Diagnostic> problems)
            : base(s, code, message, path, body)
        {
            Problems = problems;
        }
    }

    /// <summary>Status 4: an id or clause the request names does not exist.</summary>
    public class NotFoundException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public NotFoundException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 5: a document could not be written or a workbook could not be read.</summary>
    public class DocumentException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public DocumentException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 6: an input is too large.</summary>
    public class TooLargeException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public TooLargeException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 7: a required pointer was NULL.</summary>
    public class NullArgumentException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public NullArgumentException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }

    /// <summary>Status 8 (or a status this binding does not know): a bug inside qms.</summary>
    public class InternalException : QmsException
    {
        /// <summary>See <see cref="QmsException"/>.</summary>
        public InternalException(QmsStatus s, string code, string message, string path, string body)
            : base(s, code, message, path, body) { }
    }
}
