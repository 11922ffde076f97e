<?php

declare(strict_types=1);


/** Tests of the idiomatic façade (and of the FFI declarations against the C header). */
final class FacadeTests
{
    private const TODAY = '2026-11-23';
    private const AUDIT = 'dgnb-2026-1';

    public static function register(Harness $h): void
    {
        $root = Harness::root();
        $example = "$root/examples/so-khcn-ninh-binh.json";
        $qms = new Qms\Qms();

        $h->add('versions', function () {
            check_same(1, Qms\Qms::abiVersion(), 'abi version');
            check((bool) preg_match('/^\d+\.\d+\.\d+/', Qms\Qms::version()), 'version ' . Qms\Qms::version());
        });

        $h->add('check: a path, the text and an array give the same diagnostics', function () use ($qms, $example) {
            $byPath = $qms->check($example, self::TODAY);
            check(count($byPath) > 0, 'the example has planted errors');
            check($byPath[0] instanceof Qms\Diagnostic, 'diagnostics are Diagnostic objects');
            $codes = fn (array $ds) => array_map(fn ($d) => $d->code . '@' . $d->path, $ds);
            $text = (string) file_get_contents($example);
            check_same($codes($byPath), $codes($qms->check($text, self::TODAY)), 'text');
            check_same($codes($byPath), $codes($qms->check(json_decode($text, true), new DateTimeImmutable(self::TODAY))), 'array');
            $first = $byPath[0];
            check(str_starts_with($first->code, 'QMS-') && $first->line > 0 && $first->message !== '', 'a located diagnostic');
        });

        $h->add('check: lang selects the language of messages', function () use ($example) {
            $vi = (new Qms\Qms('vi'))->check($example, self::TODAY);
            $en = (new Qms\Qms())->check($example, self::TODAY, 'en');
            check_same(count($vi), count($en), 'same findings');
            check($vi[0]->message !== $en[0]->message, 'messages differ by language');
        });

        $h->add('validate: the example is valid, a cut file is not, at its own line', function () use ($qms, $example) {
            check_same([], $qms->validate($example), 'problems of the example');
            $problems = $qms->validate("{\n  \"schema_version\": 1,\n  \"agency\": ");
            check(count($problems) === 1 && $problems[0]->line === 3, 'one problem on line 3, got ' . json_encode($problems));
        });

        $h->add('errors: each status family has its class, code, message and path', function () use ($qms) {
            $e = check_throws(Qms\UnknownOpError::class, fn () => $qms->call('{"op":"fly"}'));
            check_same(['unknown-op', 2, 'op'], [$e->getCode(), $e->status, $e->path], 'unknown op');
            check(str_contains($e->getMessage(), 'fly'), 'the message names the op');
            $e = check_throws(Qms\BadRequestError::class, fn () => $qms->call('{"op": "clauses"'));
            check_same(['bad-request', 1], [$e->getCode(), $e->status], 'bad request');
            $e = check_throws(Qms\NotFoundError::class, fn () => $qms->call(['op' => 'correlate', 'clause' => '99.9']));
            check_same(['unknown-clause', 4], [$e->getCode(), $e->status], 'not found');
            $e = check_throws(Qms\InvalidDossierError::class, fn () => $qms->render('{}', 'report', self::TODAY, audit: self::AUDIT));
            check_same(['invalid-dossier', 3], [$e->getCode(), $e->status], 'invalid dossier');
            check(count($e->problems) > 0 && isset($e->problems[0]['message']), 'problems travel with the error');
            check($e instanceof Qms\QmsError && $e instanceof RuntimeException, 'one base class');
        });

        $h->add('errors: every status maps to its own subclass', function () {
            $classes = [1 => 'BadRequestError', 2 => 'UnknownOpError', 3 => 'InvalidDossierError', 4 => 'NotFoundError',
                5 => 'DocumentError', 6 => 'TooLargeError', 7 => 'NullArgumentError', 8 => 'InternalError'];
            foreach ($classes as $status => $class) {
                $e = Qms\QmsError::fromStatus($status, '{"code":"c","message":"m","path":"p"}');
                check_same("Qms\\$class", get_class($e), "status $status");
                check_same(['c', 'm', 'p'], [$e->getCode(), $e->getMessage(), $e->path], "fields of $status");
            }
            check_same(Qms\DocumentError::class, get_class(Qms\QmsError::fromStatus(5, 'not json')), 'a body that is not JSON still maps by status');
        });

        $h->add('errors: a missing dossier file is an I/O error, not a qms call', function () use ($qms) {
            check_throws(InvalidArgumentException::class, fn () => $qms->check('/nonexistent/hồ-sơ.json', self::TODAY));
        });

        $h->add('render: the audit report is a .docx that passes ooxml_check', function () use ($qms, $example, $root) {
            $docx = $qms->render($example, 'report', self::TODAY, audit: self::AUDIT, format: 'docx');
            check(str_starts_with($docx, 'PK'), 'starts with PK');
            $again = $qms->render($example, 'report', self::TODAY, audit: self::AUDIT, format: 'docx');
            check_same(md5($docx), md5($again), 'same input, same bytes');
            self::ooxmlCheck($root, $docx, 'docx');
        });

        $h->add('render-all: one zip of every document, the same bytes each time', function () use ($qms, $example) {
            $zip = $qms->renderAll($example, self::TODAY);
            check(str_starts_with($zip, 'PK'), 'a zip');
            // Entry names are stored as they are in the zip's headers.
            check(str_contains($zip, 'bien-ban-hop-xxld-2026.docx') && str_contains($zip, 'danh-muc-tai-lieu-ho-so.xlsx'), 'Word and Excel entries');
            check_same(md5($zip), md5($qms->renderAll($example, new DateTimeImmutable(self::TODAY))), 'same input, same bytes');
        });

        $h->add('import: an exported checklist round-trips with zero conflicts', function () use ($qms, $example, $root) {
            $xlsx = $qms->exportChecklist($example, self::AUDIT, self::TODAY);
            check(str_starts_with($xlsx, 'PK'), 'the export is a zip');
            self::ooxmlCheck($root, $xlsx, 'xlsx');
            $r = $qms->importChecklist($example, $xlsx, 'phieu.xlsx');
            check_same([], $r->conflicts, 'conflicts');
            check_same([], $r->changes, 'changes');
            check_same(false, $r->applied, 'applied');
            // The merged dossier is the same dossier: it checks the same.
            $codes = fn (array $ds) => array_map(fn ($d) => $d->code . '@' . $d->path, $ds);
            check_same($codes($qms->check($example, self::TODAY)), $codes($qms->check($r->dossierJson, self::TODAY)), 'merged dossier');
        });

        $h->add('import: a workbook that is not one is a DocumentError naming it', function () use ($qms, $example) {
            $e = check_throws(Qms\QmsError::class, fn () => $qms->importChecklist($example, 'not a workbook', 'hỏng.xlsx'));
            check($e instanceof Qms\DocumentError, 'status 5, got ' . $e->status . ' ' . $e->getCode());
        });

        $h->add('library path: QMS_LIBRARY_PATH names a file or its folder', function () {
            $saved = getenv('QMS_LIBRARY_PATH');
            $dir = sys_get_temp_dir();
            try {
                putenv("QMS_LIBRARY_PATH=$dir");
                check_same($dir . DIRECTORY_SEPARATOR . 'libqms.so', Qms\Internal\Native::libraryPath(), 'a folder');
                putenv('QMS_LIBRARY_PATH=/opt/x/libqms-1.so');
                check_same('/opt/x/libqms-1.so', Qms\Internal\Native::libraryPath(), 'a file');
                putenv('QMS_LIBRARY_PATH');
                check_same('libqms.so', Qms\Internal\Native::libraryPath(), 'unset, no lib/ in the package: the system search');
            } finally {
                putenv($saved === false ? 'QMS_LIBRARY_PATH' : "QMS_LIBRARY_PATH=$saved");
            }
        });

        $h->add('ffi declarations match the C header', fn () => self::headerMatches($root));

        $h->add('the header comparison notices a changed declaration', function () {
            $decls = (string) file_get_contents(__DIR__ . '/../qms.h.ffi');
            $changed = str_replace('size_t input_len', 'uint32_t input_len', $decls);
            check(self::declarations($decls) !== self::declarations($changed), 'a changed parameter type is seen');
            check_same(5, count(self::declarations("/* c */\n#include <stdint.h>\n" . $decls)), 'comments and macros are not declarations');
        });
    }

    private static function ooxmlCheck(string $root, string $bytes, string $ext): void
    {
        $tool = dirname($root) . '/shared/tools/ooxml_check.py';
        if (!is_file($tool)) {
            Harness::skipOrFail("$tool not found");
            return;
        }
        $file = tempnam(sys_get_temp_dir(), 'qms-php-') . ".$ext";
        file_put_contents($file, $bytes);
        try {
            exec('python3 ' . escapeshellarg($tool) . ' ' . escapeshellarg($file) . ' 2>&1', $out, $rc);
        } finally {
            @unlink($file);
        }
        check_same(0, $rc, 'ooxml_check: ' . implode("\n", $out));
    }

    /** qms.h.ffi must declare exactly what bindings/c/include/qms.h declares (comments, macros aside). */
    private static function headerMatches(string $root): void
    {
        $header = "$root/bindings/c/include/qms.h";
        check(is_file($header), "$header is missing");
        $want = self::declarations((string) file_get_contents($header));
        $got = self::declarations((string) file_get_contents(__DIR__ . '/../qms.h.ffi'));
        check_same($want, $got, 'declarations');
    }

    /** The C declarations of a header, one per entry, whitespace-normalised. @return list<string> */
    public static function declarations(string $c): array
    {
        $c = preg_replace('#/\*.*?\*/#s', '', $c);
        $c = preg_replace('#//[^\n]*#', '', $c);
        // Drop preprocessor lines, and what only C++ sees (extern "C" { ... }).
        $c = preg_replace('/#ifdef __cplusplus.*?#endif/s', '', $c);
        $c = preg_replace('/^\s*#.*$/m', '', $c);
        $c = preg_replace('/\s+/', ' ', $c);
        $c = preg_replace('/\s*([(){};,*])\s*/', '$1', $c);
        $out = [];
        $depth = 0;
        $cur = '';
        foreach (str_split($c) as $ch) {
            $cur .= $ch;
            if ($ch === '{') {
                $depth++;
            } elseif ($ch === '}') {
                $depth--;
            } elseif ($ch === ';' && $depth === 0) {
                $out[] = trim($cur);
                $cur = '';
            }
        }
        return $out;
    }
}
