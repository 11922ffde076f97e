<?php

declare(strict_types=1);

namespace Qms\Internal;

use FFI;
use Qms\LibraryError;

/**
 * The private native shim: the four C functions of `qms.h` over PHP FFI, and nothing else.
 * Application code uses {@see \Qms\Qms}; this class only loads the library and moves bytes.
 *
 * @internal
 */
final class Native
{
    /** The ABI version this binding was written for (`QMS_ABI_VERSION` in qms.h). */
    public const ABI_VERSION = 1;

    private static ?FFI $ffi = null;

    /** The loaded library (loaded once per process, on first use). */
    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            $path = self::libraryPath();
            $decls = file_get_contents(__DIR__ . '/../qms.h.ffi');
            if ($decls === false) {
                throw new LibraryError('cannot read qms.h.ffi beside the binding');
            }
            try {
                $ffi = FFI::cdef($decls, $path);
            } catch (\FFI\Exception $e) {
                throw new LibraryError(
                    "không nạp được thư viện qms / cannot load the qms library from \"$path\" "
                    . "(set QMS_LIBRARY_PATH to the file or its folder): " . $e->getMessage(),
                    0,
                    $e
                );
            }
            $abi = $ffi->qms_abi_version();
            if ($abi !== self::ABI_VERSION) {
                throw new LibraryError(
                    "\"$path\" has ABI version $abi; this binding needs " . self::ABI_VERSION
                );
            }
            self::$ffi = $ffi;
        }
        return self::$ffi;
    }

    /**
     * Where the library is: `QMS_LIBRARY_PATH` (a file, or a folder holding it), else the
     * copy a package ships in `lib/`, else the name alone (the system loader's search path).
     */
    public static function libraryPath(): string
    {
        $name = match (PHP_OS_FAMILY) {
            'Windows' => 'qms.dll',
            'Darwin' => 'libqms.dylib',
            default => 'libqms.so',
        };
        $env = getenv('QMS_LIBRARY_PATH');
        if (is_string($env) && $env !== '') {
            return is_dir($env) ? rtrim($env, '/\\') . DIRECTORY_SEPARATOR . $name : $env;
        }
        $bundled = dirname(__DIR__) . DIRECTORY_SEPARATOR . 'lib' . DIRECTORY_SEPARATOR . $name;
        return is_file($bundled) ? $bundled : $name;
    }

    /** `qms_version()`: the library's release version. */
    public static function version(): string
    {
        return (string) self::ffi()->qms_version();
    }

    /** `qms_abi_version()`. */
    public static function abiVersion(): int
    {
        return self::ffi()->qms_abi_version();
    }

    /**
     * `qms_call`: sends the request (and input) bytes, copies the answer out and frees the
     * library's buffer, whatever happens.
     *
     * @return array{0: int, 1: string} the status and the body bytes
     */
    public static function call(string $request, ?string $input): array
    {
        $ffi = self::ffi();
        $req = self::bytes($ffi, $request);
        $in = ($input === null || $input === '') ? null : self::bytes($ffi, $input);
        $out = $ffi->new('QmsBuffer');
        try {
            $status = $ffi->qms_call($req, strlen($request), $in, $in === null ? 0 : strlen($input), FFI::addr($out));
            $body = $out->len > 0 ? FFI::string($out->data, $out->len) : '';
        } finally {
            $ffi->qms_buffer_free(FFI::addr($out));
        }
        return [$status, $body];
    }

    /** A C copy of a PHP string (FFI passes PHP strings only to `char *`, not `uint8_t *`). */
    private static function bytes(FFI $ffi, string $s): FFI\CData
    {
        $n = strlen($s);
        $buf = $ffi->new('uint8_t[' . max($n, 1) . ']');
        if ($n > 0) {
            FFI::memcpy($buf, $s, $n);
        }
        return $buf;
    }
}
