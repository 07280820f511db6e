"""The ``habeas`` command line: parse, call a service, report."""
