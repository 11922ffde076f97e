<?php

declare(strict_types=1);

namespace Qms;

/**
 * One finding of `check` (or one problem of `validate`): what is wrong, where, and which
 * requirement says so. Line and column are those of the dossier's own text.
 */
final class Diagnostic
{
    public function __construct(
        public readonly string $code,
        public readonly string $severity,
        public readonly string $message,
        public readonly string $path,
        public readonly string $pointer,
        public readonly ?int $line,
        public readonly ?int $column,
        public readonly ?string $title,
        public readonly ?string $requirement,
    ) {
    }

    /** @param array<string, mixed> $d one element of the wire's `diagnostics` or `problems` */
    public static function fromWire(array $d): self
    {
        return new self(
            (string) ($d['code'] ?? ''),
            (string) ($d['severity'] ?? 'error'),
            (string) ($d['message'] ?? ''),
            (string) ($d['path'] ?? ''),
            (string) ($d['pointer'] ?? ''),
            isset($d['line']) ? (int) $d['line'] : null,
            isset($d['column']) ? (int) $d['column'] : null,
            isset($d['title']) ? (string) $d['title'] : null,
            isset($d['requirement']) ? (string) $d['requirement'] : null,
        );
    }
}
