<?php

// For use without Composer: require this file once. (Composer users get the classmap.)
require_once __DIR__ . '/Errors.php';
require_once __DIR__ . '/Diagnostic.php';
require_once __DIR__ . '/ImportResult.php';
require_once __DIR__ . '/Native.php';
require_once __DIR__ . '/Qms.php';
