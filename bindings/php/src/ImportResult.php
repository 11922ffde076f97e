<?php

declare(strict_types=1);

namespace Qms;

/**
 * What `importChecklist` did: the changes applied, the conflicts found (nothing is dropped
 * silently) and the merged dossier as JSON text, ready to save.
 */
final class ImportResult
{
    /**
     * @param list<array<string, mixed>> $changes   workbook, sheet, cell, checklist, item, message
     * @param list<array<string, mixed>> $conflicts workbook, sheet, cell, code, message
     */
    public function __construct(
        public readonly bool $applied,
        public readonly array $changes,
        public readonly array $conflicts,
        public readonly string $dossierJson,
    ) {
    }
}
