<?php

declare(strict_types=1);

use Qms\Internal\Native;

/**
 * Runs every case of tests/contract/cases through the native shim (the format is in
 * tests/contract/README.md); the folder is read at run time, so new cases run too.
 */
final class Contract
{
    public static function register(Harness $h, string $root): void
    {
        $files = glob("$root/tests/contract/cases/*.json") ?: [];
        sort($files);
        $h->add('contract: the folder holds cases', fn () => check(count($files) >= 10, 'fewer than 10 cases in ' . "$root/tests/contract/cases"));
        foreach ($files as $file) {
            $h->add('contract: ' . basename($file), fn () => self::runCase($root, $file));
        }
    }

    private static function runCase(string $root, string $file): void
    {
        $case = json_decode((string) file_get_contents($file), false, 512, JSON_THROW_ON_ERROR);
        $input = null;
        if (isset($case->input_from)) {
            [$st, $input] = Native::call(self::requestBytes($root, $case->input_from), null);
            check_same(0, $st, 'input_from status');
        }
        [$status, $body] = Native::call(self::requestBytes($root, $case), $input);
        $expect = $case->expect;
        check_same($expect->status, $status, 'status (body ' . substr($body, 0, 300) . ')');
        if ($expect->body === 'zip') {
            check(str_starts_with($body, 'PK'), 'body is not a zip');
            return;
        }
        check_same('json', $expect->body, 'expect.body');
        $v = json_decode($body, false, 512, JSON_THROW_ON_ERROR);
        foreach ((array) ($expect->equals ?? []) as $pointer => $want) {
            [$found, $got] = self::pointer($v, (string) $pointer);
            check($found && $got == $want && self::sameKind($got, $want), "$pointer: want " . json_encode($want, JSON_UNESCAPED_UNICODE) . ', got ' . json_encode($got, JSON_UNESCAPED_UNICODE));
        }
        foreach ($expect->nonempty ?? [] as $pointer) {
            [$found, $got] = self::pointer($v, $pointer);
            $ok = $found && ((is_array($got) && $got !== []) || ($got instanceof stdClass && (array) $got !== []) || (is_string($got) && $got !== ''));
            check($ok, "$pointer is empty or missing");
        }
    }

    /** The request bytes of a case or of its input_from (request, request_text or request_hex). */
    private static function requestBytes(string $root, object $case): string
    {
        if (isset($case->request_text)) {
            return $case->request_text;
        }
        if (isset($case->request_hex)) {
            return (string) hex2bin($case->request_hex);
        }
        $request = clone $case->request;
        if (isset($case->dossier)) {
            $request->dossier = json_decode((string) file_get_contents("$root/$case->dossier"), false, 512, JSON_THROW_ON_ERROR);
        }
        return json_encode($request, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
    }

    /** RFC 6901 JSON pointer over decoded JSON (objects as stdClass). @return array{0: bool, 1: mixed} */
    private static function pointer(mixed $v, string $pointer): array
    {
        if ($pointer === '') {
            return [true, $v];
        }
        foreach (array_slice(explode('/', $pointer), 1) as $token) {
            $token = str_replace(['~1', '~0'], ['/', '~'], $token);
            if ($v instanceof stdClass && property_exists($v, $token)) {
                $v = $v->$token;
            } elseif (is_array($v) && ctype_digit($token) && array_key_exists((int) $token, $v)) {
                $v = $v[(int) $token];
            } else {
                return [false, null];
            }
        }
        return [true, $v];
    }

    /** Loose == says "1" == 1 and [] == false; JSON kinds must match too. */
    private static function sameKind(mixed $a, mixed $b): bool
    {
        $kind = fn ($x) => is_int($x) || is_float($x) ? 'number' : get_debug_type($x);
        if ($kind($a) !== $kind($b)) {
            return false;
        }
        if (is_array($a)) {
            foreach ($a as $i => $x) {
                if (!self::sameKind($x, $b[$i])) {
                    return false;
                }
            }
        } elseif ($a instanceof stdClass) {
            foreach ((array) $a as $k => $x) {
                if (!self::sameKind($x, $b->$k)) {
                    return false;
                }
            }
        }
        return true;
    }
}
