<?php

declare(strict_types=1);

namespace Qms;

use Qms\Internal\Native;

/**
 * The qms library from PHP: checks ISO 9001 audit dossiers and writes their Word/Excel records.
 *
 * Each method encodes one request, calls `qms_call`, copies the answer out, frees the
 * library's buffer and either decodes the answer or throws the {@see QmsError} subclass of
 * the status. A dossier is given as JSON text, a file path, or a decoded array.
 *
 * ```php
 * $qms = new Qms\Qms();
 * foreach ($qms->check('examples/so-khcn-ninh-binh.json', '2026-11-23') as $d) {
 *     echo "$d->code $d->message\n";
 * }
 * ```
 */
final class Qms
{
    /** @param string|null $lang default language of messages and documents: "vi" or "en" */
    public function __construct(private readonly ?string $lang = null)
    {
    }

    /** The library's release version, e.g. "0.1.0". */
    public static function version(): string
    {
        return Native::version();
    }

    /** The C ABI version of the loaded library (1). */
    public static function abiVersion(): int
    {
        return Native::abiVersion();
    }

    /**
     * Runs the rules on a dossier (Sự không phù hợp without a finding, overdue Hành động khắc
     * phục, ...). Findings are answers, not errors: only an unusable dossier throws.
     *
     * @param string|array<string, mixed> $dossier
     * @return list<Diagnostic>
     */
    public function check(string|array $dossier, string|\DateTimeInterface $today, ?string $lang = null): array
    {
        $r = $this->json(['op' => 'check', 'dossier' => self::dossier($dossier), 'today' => self::date($today), 'lang' => $lang ?? $this->lang]);
        return array_map([Diagnostic::class, 'fromWire'], $r['diagnostics'] ?? []);
    }

    /**
     * Parses and validates a dossier; an invalid one is an answer here, not an error.
     *
     * @param string|array<string, mixed> $dossier
     * @return list<Diagnostic> the problems; empty when the dossier is valid
     */
    public function validate(string|array $dossier, ?string $lang = null): array
    {
        $r = $this->json(['op' => 'validate', 'dossier' => self::dossier($dossier), 'lang' => $lang ?? $this->lang]);
        return array_map([Diagnostic::class, 'fromWire'], $r['problems'] ?? []);
    }

    /**
     * Renders one document (programme, plan, report, car, review-notice, review-report,
     * minutes, checklist, findings, actions, summary, registers) and returns its bytes.
     *
     * @param string|array<string, mixed> $dossier
     */
    public function render(
        string|array $dossier,
        string $kind,
        string|\DateTimeInterface $today,
        ?string $audit = null,
        ?string $review = null,
        ?string $format = null,
        ?string $lang = null,
        ?string $correctiveAction = null,
    ): string {
        return $this->bytes([
            'op' => 'render', 'dossier' => self::dossier($dossier), 'kind' => $kind, 'today' => self::date($today),
            'audit' => $audit, 'review' => $review, 'format' => $format, 'lang' => $lang ?? $this->lang,
            'corrective_action' => $correctiveAction,
        ]);
    }

    /**
     * Every document of the dossier in one zip (op `render-all`).
     *
     * @param string|array<string, mixed> $dossier
     */
    public function renderAll(string|array $dossier, string|\DateTimeInterface $today, ?string $lang = null): string
    {
        return $this->bytes(['op' => 'render-all', 'dossier' => self::dossier($dossier), 'today' => self::date($today), 'lang' => $lang ?? $this->lang]);
    }

    /**
     * The checklist workbook (.xlsx) of an audit, for auditors to fill offline in Excel.
     *
     * @param string|array<string, mixed> $dossier
     */
    public function exportChecklist(
        string|array $dossier,
        string $audit,
        string|\DateTimeInterface $today,
        ?string $auditor = null,
        ?string $lang = null,
    ): string {
        return $this->bytes([
            'op' => 'export-checklist', 'dossier' => self::dossier($dossier), 'audit' => $audit,
            'today' => self::date($today), 'auditor' => $auditor, 'lang' => $lang ?? $this->lang,
        ]);
    }

    /**
     * Merges a filled checklist workbook into the dossier. Conflicts are reported, never
     * dropped; by default nothing is applied when any row conflicts (`partial` applies the rest).
     *
     * @param string|array<string, mixed> $dossier
     * @param string $workbook the .xlsx bytes
     * @param string $name     the name conflicts are reported with, e.g. the file name
     */
    public function importChecklist(
        string|array $dossier,
        string $workbook,
        string $name = 'checklist.xlsx',
        bool $partial = false,
        ?string $lang = null,
    ): ImportResult {
        $request = ['op' => 'import-checklist', 'dossier' => self::dossier($dossier), 'input_names' => [$name], 'lang' => $lang ?? $this->lang];
        if ($partial) {
            $request['partial'] = true;
        }
        $body = $this->call($request, $workbook);
        // Objects stay objects (an empty {} must not come back as []) in the merged dossier.
        $r = json_decode($body, false, 512, JSON_THROW_ON_ERROR);
        $arrays = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        $dossierJson = json_encode($r->dossier, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
        return new ImportResult((bool) $arrays['applied'], $arrays['changes'], $arrays['conflicts'], $dossierJson);
    }

    /**
     * Any request, as JSON text or an array; returns the raw answer (JSON text, or document
     * bytes) and throws the {@see QmsError} subclass of a non-zero status.
     *
     * @param string|array<string, mixed> $request
     */
    public function call(string|array $request, ?string $input = null): string
    {
        if (is_array($request)) {
            $request = json_encode(
                array_filter($request, fn ($v) => $v !== null),
                JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR
            );
        }
        [$status, $body] = Native::call($request, $input);
        if ($status !== 0) {
            throw QmsError::fromStatus($status, $body);
        }
        return $body;
    }

    /** @param array<string, mixed> $request */
    private function json(array $request): array
    {
        return json_decode($this->call($request), true, 512, JSON_THROW_ON_ERROR);
    }

    /** @param array<string, mixed> $request */
    private function bytes(array $request): string
    {
        return $this->call($request);
    }

    /**
     * The wire form of a dossier: text and files travel as a JSON string, so that qms reports
     * problems at the lines of the dossier's own text; arrays travel as objects.
     *
     * @param string|array<string, mixed> $dossier
     * @return string|array<string, mixed>
     */
    private static function dossier(string|array $dossier): string|array
    {
        if (is_array($dossier) || str_starts_with(ltrim($dossier), '{')) {
            return $dossier;
        }
        $text = @file_get_contents($dossier);
        if ($text === false) {
            throw new \InvalidArgumentException("không đọc được tệp hồ sơ / cannot read the dossier file \"$dossier\"");
        }
        return $text;
    }

    private static function date(string|\DateTimeInterface $d): string
    {
        return is_string($d) ? $d : $d->format('Y-m-d');
    }
}
