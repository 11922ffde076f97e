<?php

declare(strict_types=1);

/** A small test runner: named closures, failures collected, "N passed, N failed" at the end. */
final class Harness
{
    /** @var array<string, Closure> */
    private array $tests = [];

    public static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    public function add(string $name, Closure $test): void
    {
        $this->tests[$name] = $test;
    }

    public function run(): bool
    {
        $passed = 0;
        $failed = 0;
        foreach ($this->tests as $name => $test) {
            try {
                $test();
                $passed++;
                echo "ok   $name\n";
            } catch (Throwable $e) {
                $failed++;
                echo "FAIL $name: " . get_class($e) . ': ' . $e->getMessage() . "\n";
            }
        }
        echo "$passed passed, $failed failed\n";
        return $failed === 0 && $passed > 0;
    }

    /** Skips a test that needs an outside tool, unless CI=true, where that is a failure. */
    public static function skipOrFail(string $why): void
    {
        if (getenv('CI') === 'true') {
            throw new RuntimeException("CI=true but $why");
        }
        echo "NOTICE: $why; skipped\n";
    }
}

function check(bool $cond, string $what): void
{
    if (!$cond) {
        throw new RuntimeException($what);
    }
}

function check_same(mixed $want, mixed $got, string $what): void
{
    if ($want !== $got) {
        throw new RuntimeException("$what: want " . var_export($want, true) . ', got ' . var_export($got, true));
    }
}

/**
 * @template T of Throwable
 * @param class-string<T> $class
 * @return T
 */
function check_throws(string $class, Closure $f): Throwable
{
    try {
        $f();
    } catch (Throwable $e) {
        if ($e instanceof $class) {
            return $e;
        }
        throw new RuntimeException("want $class, got " . get_class($e) . ': ' . $e->getMessage());
    }
    throw new RuntimeException("want $class, nothing thrown");
}
