<?php

// The PHP binding's tests: every contract case of tests/contract/cases, then the façade.
// Run: QMS_LIBRARY_PATH=/path/to/libqms.so php tests/run.php  (test.sh does this).

declare(strict_types=1);

require __DIR__ . '/../src/autoload.php';
require __DIR__ . '/Harness.php';
require __DIR__ . '/Contract.php';
require __DIR__ . '/FacadeTests.php';

$h = new Harness();
Contract::register($h, Harness::root());
FacadeTests::register($h);
exit($h->run() ? 0 : 1);
