<?php

declare(strict_types=1);

namespace Qms;

/**
 * A call to qms failed: the base of every error the library answers with a non-zero status.
 *
 * `getCode()` is qms's stable error code (a string such as "invalid-dossier", as PDOException
 * carries SQLSTATE), `status` the C ABI status, `path` where in the request the fault is,
 * `body` the error JSON as sent. Catch a subclass for one family of statuses.
 *
 * ```php
 * try { $qms->check('dossier.json', '2026-11-23'); }
 * catch (Qms\InvalidDossierError $e) { foreach ($e->problems as $p) echo $p['message'], "\n"; }
 * ```
 */
class QmsError extends \RuntimeException
{
    /** The error of one failed call: its status, code, message, path and the error JSON. */
    public function __construct(
        public readonly int $status,
        string $code,
        string $message,
        public readonly string $path,
        public readonly string $body,
    ) {
        parent::__construct($message);
        $this->code = $code;
    }

    /** The subclass for a status, with the error JSON decoded (or described if it is not JSON). */
    public static function fromStatus(int $status, string $body): self
    {
        $e = json_decode($body, true);
        if (!is_array($e)) {
            $e = ['code' => 'internal', 'message' => "status $status with a body that is not JSON", 'path' => '$'];
        }
        $code = (string) ($e['code'] ?? '');
        $message = (string) ($e['message'] ?? '');
        $path = (string) ($e['path'] ?? '');
        return match ($status) {
            1 => new BadRequestError($status, $code, $message, $path, $body),
            2 => new UnknownOpError($status, $code, $message, $path, $body),
            3 => new InvalidDossierError($status, $code, $message, $path, $body, $e['problems'] ?? []),
            4 => new NotFoundError($status, $code, $message, $path, $body),
            5 => new DocumentError($status, $code, $message, $path, $body),
            6 => new TooLargeError($status, $code, $message, $path, $body),
            7 => new NullArgumentError($status, $code, $message, $path, $body),
            default => new InternalError($status, $code, $message, $path, $body),
        };
    }
}

/** Status 1: the request is not UTF-8, not JSON, or has a missing, unknown or mistyped member. */
class BadRequestError extends QmsError
{
}

/** Status 2: the op is not one this version of the library knows. */
class UnknownOpError extends QmsError
{
}

/** Status 3: the dossier does not validate; `problems` says where (path, line, message). */
class InvalidDossierError extends QmsError
{
    /** @param list<array<string, mixed>> $problems */
    public function __construct(int $status, string $code, string $message, string $path, string $body, public readonly array $problems)
    {
        parent::__construct($status, $code, $message, $path, $body);
    }
}

/** Status 4: an id or clause the request names does not exist (e.g. code "unknown-clause"). */
class NotFoundError extends QmsError
{
}

/** Status 5: a document could not be written or a workbook could not be read. */
class DocumentError extends QmsError
{
}

/** Status 6: the request or input is larger than the library accepts. */
class TooLargeError extends QmsError
{
}

/** Status 7: a required pointer was NULL (a bug in the binding, never in your code). */
class NullArgumentError extends QmsError
{
}

/** Status 8 (or an unknown status): a bug inside qms; report the request. */
class InternalError extends QmsError
{
}

/** The library cannot be loaded, or it is of another ABI version. */
class LibraryError extends \RuntimeException
{
}
